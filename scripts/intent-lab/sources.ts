/**
 * Diagnostic, not used for any choice: the chosen logistic regression trained on each training
 * source alone (the hand-written corpus, the grammar-generated corpus) and on both, measured on
 * every set. Each model's temperature comes from grouped CV on its own training rows.
 *
 *   npx tsx scripts/intent-lab/sources.ts
 */
import { loadEvaluationSets, loadTrainingRows } from './data.js';
import { buildResources } from './dataset.js';
import { crossValidateCached, fitFinal, measure, predictSet } from './experiment.js';
import { chosenVariant } from './settings.js';

const variant = chosenVariant('lr');
const all = loadTrainingRows();
const sets = loadEvaluationSets();
const f3 = (n: number) => n.toFixed(3);
console.log(`| training rows | ${sets.map((s) => s.name).join(' | ')} |`);
console.log(`|---|${sets.map(() => '---').join('|')}|`);
for (const [name, rows] of [
  ['corpus.*.json only', all.filter((r) => r.source === 'corpus')],
  ['generated only', all.filter((r) => r.source === 'generated')],
  ['both (as chosen)', all],
] as const) {
  // The spelling vocabulary and everything else come from the rows the model is trained on.
  const resources = buildResources(rows.map((r) => r.text));
  const cv = crossValidateCached(variant, rows, resources);
  const parts = fitFinal(variant, rows, resources, cv.temperature);
  const cells = sets.map((set) => {
    const { predicted, confidences } = predictSet(parts, resources, set);
    const m = measure(set, predicted, confidences);
    return `${f3(m.accuracy)} / ${f3(m.macroF1)} / ${f3(m.ece)}`;
  });
  console.log(`| ${name} (${rows.length}) | ${cells.join(' | ')} |`);
}
