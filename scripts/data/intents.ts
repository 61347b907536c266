/**
 * Generator: rules/intents/ → src/generated/intent-model.ts (naive Bayes counts, trained here so
 * nothing trains at import) and src/generated/intent-patterns.ts (validated pattern groups).
 */
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';
import { loadIntentRules } from './intents-rules.js';
import { patternsOf, trainIntentModel } from './intents-train.js';
import { jsonModule, type DataGenerator } from './types.js';

export const intentsGenerator: DataGenerator = {
  name: 'intents',
  // The pattern automaton (every literal of every group and the mask) is built by the classifier.
  async automata() {
    const { captureAutomatonLists } = await import('../../src/text/automaton.js');
    const { createIntentClassifier } = await import('../../src/intent/classifier.js');
    return captureAutomatonLists(() => createIntentClassifier()).map((list) => list.keywords);
  },
  async generate(root) {
    const rules = loadIntentRules(root);
    const { model, report } = await trainIntentModel(rules, BUILT_IN_INTENT_IDS, rules.stopWords);
    console.error(
      `  intents: ${report.documents} utterances, ${report.features} features, alpha ${report.settings.alpha}, ` +
        `prior ${report.settings.priorWeight}, temperature ${report.settings.temperature}, pattern scale ${report.settings.patternScale}, ` +
        `5-fold accuracy (model alone) ${report.crossValidatedAccuracy.toFixed(3)}, ` +
        `tests accuracy (model + patterns) ${report.testAccuracy.toFixed(3)}, loss ${report.testLoss.toFixed(3)}`,
    );
    return [
      {
        name: 'intent-model.ts',
        content: jsonModule(
          'intentModel',
          '../intent/naive-bayes.js',
          'SerializedNaiveBayes',
          model,
          'The intent model trained at build time',
        ),
      },
      {
        name: 'intent-patterns.ts',
        content: jsonModule(
          'intentPatterns',
          '../intent/patterns.js',
          'BuiltInPatterns',
          patternsOf(rules),
          'The intent pattern groups and mask literals of rules/intents/',
        ),
      },
    ];
  },
};
