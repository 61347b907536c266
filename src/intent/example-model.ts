import { intentModel } from '../generated/intent-model.js';
import { deserializeCounts, NaiveBayes } from './naive-bayes.js';
import type { ExampleModel } from './schema.js';
import { SpellingIndex, spellingPairsOfWordCounts } from './spelling.js';

let counts: NaiveBayes | undefined;

/**
 * The naive Bayes counts of the built-in corpus and their spelling index, for `intents.examples`
 * (see `ExampleModel`): its own module, so that only code that imports it carries the data.
 */
export const exampleModel: ExampleModel = {
  kind: 'huashu/example-model',
  naiveBayes() {
    if (counts === undefined) {
      const { temperature, alpha, priorWeight, patternScale } = intentModel();
      counts = new NaiveBayes(deserializeCounts(intentModel()), {
        temperature,
        alpha,
        priorWeight,
        patternScale,
      });
    }
    return counts;
  },
  spelling(stopWords) {
    return new SpellingIndex(spellingPairsOfWordCounts(intentModel().spelling, stopWords));
  },
};
