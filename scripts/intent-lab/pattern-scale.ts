/**
 * How much the built-in patterns should count beside the shipped linear model, by grouped CV on the
 * training rows: for each fold, the chosen variant is trained without the fold and run through the
 * real classifier (patterns, clauses, context) on the fold's rows, once per pattern scale tried.
 * Prints held-out accuracy per scale and per source (the written corpora, in the style of real
 * exports, decide; corpus and generated rows are shown too). The shipped scale
 * (rules/intents: intentSettings().patternScale) was fitted against naive Bayes on the hand-written
 * corpus only, before the linear model shipped.
 *
 *   npx tsx scripts/intent-lab/pattern-scale.ts [--scales 0,0.5,1,1.5,2,3]
 */
import { parseArgs } from 'node:util';
import { linearIntentModel } from '../../src/intent/built-in-model.js';
import { createIntentClassifier } from '../../src/intent/classifier.js';
import { serializeLinearModel } from '../../src/intent/linear-model.js';
import { readMessage } from '../../src/text/message.js';
import { groupFolds, loadTrainingRows, type TrainingRow } from './data.js';
import { buildResources } from './dataset.js';
import { crossValidateCached, FOLDS, fitFinal } from './experiment.js';
import { chosenVariant } from './settings.js';

const { values } = parseArgs({ options: { scales: { type: 'string', default: '0,0.5,1,1.5,2,3' } } });
const scales = values.scales.split(',').map(Number);
const variant = chosenVariant('lr');
const rows = loadTrainingRows();
const resources = buildResources(rows.map((r) => r.text));
const { temperature } = crossValidateCached(variant, rows, resources);
const folds = groupFolds(rows, FOLDS);

type Source = TrainingRow['source'];
const correct = new Map<string, number>(); // `${scale}/${source}/${locale}`
const total = new Map<string, number>(); // `${source}/${locale}`
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

for (let fold = 0; fold < FOLDS; fold++) {
  const started = performance.now();
  const trainRows = rows.filter((_, i) => folds[i] !== fold);
  const heldOut = rows.filter((_, i) => folds[i] === fold);
  const parts = fitFinal(variant, trainRows, resources, temperature);
  const model = linearIntentModel(serializeLinearModel(parts));
  const classifiers = scales.map((patternScale) =>
    createIntentClassifier({}, { calibrated: false, model, patternScale }),
  );
  for (const row of heldOut) {
    bump(total, `${row.source}/${row.locale}`);
    const message = readMessage(row.text, row.prev === null ? undefined : { previousAgentMessage: row.prev });
    classifiers.forEach((classifier, s) => {
      if (classifier.classifyMessage(message).intent.id === row.intent)
        bump(correct, `${scales[s]}/${row.source}/${row.locale}`);
    });
  }
  console.error(
    `fold ${fold + 1}/${FOLDS}: ${heldOut.length} rows, ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

const sources: Source[] = ['written', 'corpus', 'generated'];
const keys = [...total.keys()].sort(
  (a, b) =>
    sources.indexOf(a.split('/')[0] as Source) - sources.indexOf(b.split('/')[0] as Source) ||
    a.localeCompare(b),
);
const accuracy = (scale: number, match: (key: string) => boolean) => {
  let c = 0;
  let t = 0;
  for (const key of keys)
    if (match(key)) {
      c += correct.get(`${scale}/${key}`) ?? 0;
      t += total.get(key) ?? 0;
    }
  return t === 0 ? '-' : (c / t).toFixed(4);
};
console.log(
  `held-out accuracy of the classifier (patterns × scale + model without the fold), ${FOLDS} grouped folds`,
);
console.log(['scale', ...keys, 'written', 'all'].join('\t'));
for (const scale of scales)
  console.log(
    [
      scale,
      ...keys.map((key) => accuracy(scale, (k) => k === key)),
      accuracy(scale, (k) => k.startsWith('written/')),
      accuracy(scale, () => true),
    ].join('\t'),
  );
