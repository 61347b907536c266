/** `huashu/intent`: the intent classifier on its own (the assistant builds one for you). */
export { createIntentClassifier, exampleModel, INTENT_IDS } from '../intent/index.js';
export type {
  ExampleModel,
  IntentClassifier,
  IntentId,
  IntentModel,
  IntentOptions,
  IntentResult,
  PatternGroup,
} from '../intent/index.js';
