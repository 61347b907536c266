export { createIntentClassifier } from './classifier.js';
export { exampleModel } from './example-model.js';
export type { IntentClassifier, IntentResult } from './classifier.js';
export { BUILT_IN_INTENT_IDS as INTENT_IDS } from './ids.js';
export type { IntentId } from '../ids.js';
export { intentOptionsSchema, patternGroupSchema } from './schema.js';
export type { ExampleModel, IntentModel, IntentOptions, PatternGroup } from './schema.js';
