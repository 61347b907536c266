import {
  createAssistant,
  createIntentClassifier,
  createLinter,
  createTemplateCatalogue,
  type Assistant,
  type IntentClassifier,
  type Linter,
  type TemplateCatalogue,
} from './api.js';
import type { Probe } from './probe.js';

/** Instances built once per worker and shared by the calls, as a bot would hold them. */
export interface Shared {
  assistant: Assistant;
  linter: Linter;
  catalogue: TemplateCatalogue;
  classifier: IntentClassifier;
}

export function createShared(): Shared {
  return {
    assistant: createAssistant(),
    linter: createLinter(),
    catalogue: createTemplateCatalogue(),
    classifier: createIntentClassifier(),
  };
}

/** What a call gets: its materialised input, the probe to report through, the shared instances. */
export interface CallContext {
  input: Record<string, unknown>;
  probe: Probe;
  shared: Shared;
  /** The personal data pieces of the generated input's texts. */
  pii: readonly string[];
}

export type Call = (context: CallContext) => void | Promise<void>;

/** Budget factor of building an instance from packs (validating and compiling them, 1 s of CPU): not per message. */
export const BUILD_FACTOR = 10;
