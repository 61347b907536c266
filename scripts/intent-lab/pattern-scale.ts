/**
 * How much the built-in patterns should count beside the shipped linear model, by grouped CV on the
 * training rows: for each fold, the chosen variant is trained without the fold and run through the
 * real classifier (patterns, clauses, context) on the fold's rows, once per pattern scale tried.
 * Prints held-out accuracy per scale and per source (the written corpora, in the style of real
 * exports, decide; corpus and generated rows are shown too). The shipped scale
 * (rules/intents: intentSettings().patternScale) was fitted against naive Bayes on the hand-written
 * corpus only, before the linear model shipped.
 *
 * With `--groups`, also per pattern group on the held-out written rows: how often the group backed
 * the answer (its intent won at the shipped scale), and, where silencing the patterns changes the
 * answer, whether the group had helped (right with it, wrong without) or harmed (the reverse).
 *
 *   npx tsx scripts/intent-lab/pattern-scale.ts [--scales 0,0.5,1,1.5,2,3] [--groups]
 */
import { parseArgs } from 'node:util';
import { linearIntentModel } from '../../src/intent/built-in-model.js';
import { createIntentClassifier } from '../../src/intent/classifier.js';
import { serializeLinearModel } from '../../src/intent/linear-model.js';
import { readMessage } from '../../src/text/message.js';
import { loadTrainingRows, type TrainingRow } from './data.js';
import { buildResources } from './dataset.js';
import { crossValidateCached, FOLDS, pack, prepare, train } from './experiment.js';
import { chosenVariant } from './settings.js';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '0,0.5,1,1.5,2,3' },
    groups: { type: 'boolean', default: false },
  },
});
const scales = values.scales.split(',').map(Number);
const variant = chosenVariant('lr');
const rows = loadTrainingRows();
const resources = buildResources(rows.map((r) => r.text));
const { temperature } = crossValidateCached(variant, rows, resources);
// The folds, features and fold models of the lab's CV (crossValidate): copies after a random agent
// turn train with their source's fold; only the rows as written are classified.
const prepared = prepare(variant, rows, resources);
const { folds, docs, labels } = prepared;
const heldOutRows = (fold: number) =>
  prepared.rows.slice(0, prepared.originals).filter((_, i) => folds[i] === fold);

type Source = TrainingRow['source'];
const correct = new Map<string, number>(); // `${scale}/${source}/${locale}`
const total = new Map<string, number>(); // `${source}/${locale}`
const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
// --groups: per group id, on held-out written rows.
const backed = new Map<string, number>();
const helped = new Map<string, number>();
const harmed = new Map<string, number>();

for (let fold = 0; fold < FOLDS; fold++) {
  const started = performance.now();
  const use: number[] = [];
  for (let i = 0; i < prepared.rows.length; i++) if (folds[i] !== fold) use.push(i);
  const heldOut = heldOutRows(fold);
  const parts = pack(variant, train(variant, docs, labels, use), resources, temperature);
  const model = linearIntentModel(serializeLinearModel(parts));
  const classifiers = scales.map((patternScale) =>
    createIntentClassifier({}, { calibrated: false, model, patternScale }),
  );
  const shipped = values.groups ? createIntentClassifier({}, { calibrated: false, model }) : undefined;
  const silent = values.groups
    ? createIntentClassifier({}, { calibrated: false, model, patternScale: 0 })
    : undefined;
  for (const row of heldOut) {
    bump(total, `${row.source}/${row.locale}`);
    const message = readMessage(row.text, row.prev === null ? undefined : { previousAgentMessage: row.prev });
    classifiers.forEach((classifier, s) => {
      if (classifier.classifyMessage(message).intent.id === row.intent)
        bump(correct, `${scales[s]}/${row.source}/${row.locale}`);
    });
    if (shipped !== undefined && silent !== undefined && row.source === 'written') {
      const loud = shipped.classifyMessage(message);
      const winner = loud.intents.find((c) => c.id === loud.intent.id);
      const groups = (winner?.evidence ?? []).filter((e) => e.source === 'pattern').map((e) => e.detail);
      for (const g of groups) bump(backed, g);
      const quiet = silent.classifyMessage(message).intent.id;
      if (quiet === loud.intent.id) continue;
      const tally = loud.intent.id === row.intent ? helped : quiet === row.intent ? harmed : undefined;
      if (tally !== undefined) for (const g of groups) bump(tally, g);
    }
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

if (values.groups) {
  const net = (g: string) => (harmed.get(g) ?? 0) - (helped.get(g) ?? 0);
  const ids = [...backed.keys()].sort((a, b) => net(b) - net(a) || a.localeCompare(b));
  console.log('\nper pattern group, held-out written rows: backed the answer / helped / harmed');
  for (const g of ids) console.log([g, backed.get(g), helped.get(g) ?? 0, harmed.get(g) ?? 0].join('\t'));
  console.log(
    `groups that harmed more than they helped: ${ids.filter((g) => net(g) > 0).length} of ${ids.length}`,
  );
}
