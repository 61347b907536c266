/**
 * Diagnostic: today's classifier (patterns + context rules of src/intent/classifier.ts) with a
 * trained linear model in place of naive Bayes, through the classifier's `classifier` option (the
 * model reads the message only; the agent turn reaches it through the context rules).
 *
 *   npx tsx scripts/intent-lab/hybrid.ts <linear-model.json>
 */
import { readFileSync } from 'node:fs';
import { createIntentClassifier } from '../../src/intent/classifier.js';
import { FeatureList, LinearFeatureExtractor } from '../../src/intent/linear-features.js';
import { LinearModel } from '../../src/intent/linear-model.js';
import { SpellingIndex } from '../../src/intent/spelling.js';
import { stopWordKeys } from '../../src/intent/word-keys.js';
import { normalize } from '../../src/normalize/index.js';
import { loadEvaluationSets } from './data.js';
import { buildResources } from './dataset.js';
import { measure } from './experiment.js';

const file = process.argv[2];
if (!file) throw new Error('usage: hybrid.ts <linear-model.json>');
const model = LinearModel.decode(JSON.parse(readFileSync(file, 'utf8')) as never);
const resources = buildResources([]);
const stop = stopWordKeys(model.stopWords as string[]);
const extractor = new LinearFeatureExtractor(model.spec, {
  spelling: SpellingIndex.fromWords(model.spellingWords as string[], stop),
  stopWords: stop,
  patterns: resources.patterns,
});
const list = new FeatureList();
const logits = new Float64Array(model.intents.length);
const out = new Float64Array(model.intents.length);
const classifier = createIntentClassifier({
  classifier: {
    name: 'linear',
    intents: model.intents,
    predict(normalized) {
      extractor.extract(normalized.text, null, list);
      model.score(list, logits);
      model.probabilities(logits, out);
      return out;
    },
  },
});
for (const set of loadEvaluationSets()) {
  const predicted: string[] = [];
  const confidences: number[] = [];
  for (const row of set.rows) {
    const r = classifier.classify(
      normalize(row.text),
      row.previousAgentMessage === null ? undefined : { previousAgentMessage: row.previousAgentMessage },
    );
    predicted.push(r.intent.id);
    confidences.push(r.intent.confidence);
  }
  const m = measure(set, predicted, confidences);
  const f = (x: number) => x.toFixed(3);
  console.log(`${set.name.padEnd(16)} ${f(m.accuracy)} / ${f(m.macroF1)} / ${f(m.ece)} / ${f(m.at50)}`);
}
