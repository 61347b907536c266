/**
 * Build-time training of the shipped linear intent model: the variant chosen in
 * scripts/intent-lab/chosen.json (logistic regression unless `--learner nb|perceptron|lr`), trained
 * on every training row, calibrated with the temperature of its grouped CV, serialized with
 * `serializeLinearModel` (src/intent/linear-model.ts) and checked by decoding it again.
 *
 *   npx tsx scripts/intent-lab/train.ts [--out file.json] [--learner lr]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { LinearModel, serializeLinearModel } from '../../src/intent/linear-model.js';
import { loadEvaluationSets, loadTrainingRows } from './data.js';
import { buildResources } from './dataset.js';
import { crossValidateCached, fitFinal, measure, predictSet } from './experiment.js';
import { chosenVariant, fingerprint, SHIPPED_MODEL_FILE, trainingFingerprint } from './settings.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: SHIPPED_MODEL_FILE },
    learner: { type: 'string', default: 'lr' },
  },
});
const variant = chosenVariant(values.learner);
const started = performance.now();
const rows = loadTrainingRows();
const resources = buildResources(rows.map((r) => r.text));
const cv = crossValidateCached(variant, rows, resources);
const parts = fitFinal(variant, rows, resources, cv.temperature);
const json = JSON.stringify({
  ...serializeLinearModel(parts),
  trainedOn: trainingFingerprint(rows, resources),
});
// The file must decode to a model that scores like the one just trained.
const decoded = LinearModel.decode(JSON.parse(json) as never);
if (decoded.featureCount !== parts.keys.length) throw new Error('the serialized model does not decode');
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, `${json}\n`);
console.log(
  JSON.stringify(
    {
      out: values.out,
      bytes: json.length,
      features: parts.keys.length,
      entries: parts.classes.length,
      temperature: Number(cv.temperature.toFixed(3)),
      cv: { accuracy: cv.accuracy, macroF1: cv.macroF1, ece: cv.ece },
      rows: rows.length,
      sources: Object.fromEntries(
        ['corpus', 'generated', 'written'].map((s) => [s, rows.filter((r) => r.source === s).length]),
      ),
      // Measured only (never a decision here): accuracy / macro-F1 / ECE / accuracy on the surest half.
      measured: Object.fromEntries(
        loadEvaluationSets().map((set) => {
          const { predicted, confidences } = predictSet(parts, resources, set);
          const r = measure(set, predicted, confidences);
          const f = (x: number) => x.toFixed(3);
          return [set.name, `${f(r.accuracy)} / ${f(r.macroF1)} / ${f(r.ece)} / ${f(r.at50)}`];
        }),
      ),
      data: fingerprint(),
      seconds: Math.round((performance.now() - started) / 1000),
    },
    null,
    2,
  ),
);
