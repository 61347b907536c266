import type { RuleCategory } from './rule.js';
import { BUILT_IN_RULES } from './rules/index.js';
import type { Severity } from './types.js';

/** A built-in rule as documentation and report formatters (SARIF) describe it. */
export interface LintRuleInfo {
  readonly id: string;
  readonly category: RuleCategory;
  readonly description: string;
  readonly url: string;
  /** Its severity when on (see `offByDefault`). */
  readonly defaultSeverity: Severity;
  /** Runs only when the configuration turns it on. */
  readonly offByDefault: boolean;
  readonly fixable: boolean;
  readonly hasSuggestions: boolean;
  /** Runs only when the lint context has `conversation`. */
  readonly requiresConversation: boolean;
  /** Fact paths it runs only with (`order.shipped`); empty for most rules. */
  readonly requiresFacts: readonly string[];
}

/** The built-in rules, in run order. */
export const lintRules: readonly LintRuleInfo[] = Object.freeze(
  BUILT_IN_RULES.map(({ meta }) =>
    Object.freeze({
      id: meta.id,
      category: meta.category,
      description: meta.docs.description,
      url: meta.docs.url,
      defaultSeverity: meta.defaultSeverity,
      offByDefault: meta.offByDefault === true,
      fixable: meta.fixable === true,
      hasSuggestions: meta.hasSuggestions === true,
      requiresConversation: meta.requiresConversation === true,
      requiresFacts: Object.freeze([...(meta.requiresFacts ?? [])]),
    }),
  ),
);
