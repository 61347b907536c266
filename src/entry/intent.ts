/** `huashu/intent`: the intent classifier on its own (the assistant builds one for you). */
export { createIntentClassifier, INTENT_IDS } from '../intent/index.js';
export type {
  IntentClassifier,
  IntentId,
  IntentModel,
  IntentOptions,
  IntentResult,
  PatternGroup,
} from '../intent/index.js';
