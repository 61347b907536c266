/**
 * Hyper-parameter and feature choice by grouped 5-fold cross-validation on the TRAINING rows only
 * (folds hold whole skeletons / corpus blocks). The evaluation sets are not read here.
 *
 * Coordinate search: from a starting variant, one dimension at a time, keep the candidate with the
 * best CV score (mean of accuracy and macro-F1 on held-out rows); a candidate replaces the current
 * one when it scores more than TIE higher, or within TIE and its model is at least a fifth smaller.
 * Writes scripts/intent-lab/chosen.json. Usage: npx tsx scripts/intent-lab/tune.ts [lr|nb|perceptron…]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { FeatureFamily as F } from '../../src/intent/linear-features.js';
import { loadTrainingRows } from './data.js';
import { BASE_FAMILIES, CHOSEN_FILE, fingerprint, SIZE_BUDGET } from './settings.js';
import { buildResources } from './dataset.js';
import { crossValidateCached as crossValidate, type CvResult, type Variant } from './experiment.js';

const TIE = 0.002;

const rows = loadTrainingRows();
const resources = buildResources(rows.map((r) => r.text));
const score = (r: CvResult) => (r.accuracy + r.macroF1) / 2;
const fmt = (n: number) => n.toFixed(3);

function describe(v: Variant): string {
  const names = Object.entries(F)
    .filter(([, bit]) => v.spec.families & bit)
    .map(([name]) => name)
    .join('+');
  return `${JSON.stringify(v.learner.params)} n${v.spec.maxNgram} b${v.spec.hashBits} min${v.minCount} prune${v.pack.threshold} turns${v.agentTurnRate} ${names}`;
}

function run(v: Variant): CvResult {
  const r = crossValidate(v, rows, resources);
  console.log(
    `  acc ${fmt(r.accuracy)} F1 ${fmt(r.macroF1)} copies ${fmt(r.copiesAccuracy)} loss ${fmt(r.loss)} T ${r.temperature.toFixed(2)} ECE ${fmt(r.ece)} ` +
      `features ${Math.round(r.features)} entries ${Math.round(r.entries)} ${Math.round(r.bytes / 1000)} KB ${Math.round(r.seconds)} s | ${describe(v)}`,
  );
  return r;
}

type Step = { name: string; candidates: (v: Variant) => Variant[] };

function search(start: Variant, steps: Step[]): { variant: Variant; cv: CvResult } {
  let best = start;
  console.log(`start ${start.name}`);
  let bestResult = run(best);
  for (const step of steps) {
    console.log(`step ${step.name}`);
    for (const candidate of step.candidates(best)) {
      if (JSON.stringify(candidate) === JSON.stringify(best)) continue;
      const result = run(candidate);
      // Better by more than TIE, or as good and at least a fifth smaller.
      const better = score(result) > score(bestResult) + TIE;
      const smaller = score(result) >= score(bestResult) - TIE && result.bytes < 0.8 * bestResult.bytes;
      if (better || smaller) {
        best = candidate;
        bestResult = result;
      }
    }
    console.log(`  → ${describe(best)}`);
  }
  return { variant: best, cv: bestResult };
}

/**
 * Fold models are trained on 4/5 of the rows; the final model on all of them has more features.
 * A fold model must stay under this share of the budget.
 */
const FOLD_BUDGET = 0.85 * SIZE_BUDGET;

/** The best-scoring candidate whose fold models fit the budget (ties: the smaller). */
function fitBudget(found: { variant: Variant; cv: CvResult }, candidates: Variant[]) {
  if (found.cv.bytes <= FOLD_BUDGET) return found;
  console.log(`step size budget (${Math.round(FOLD_BUDGET / 1000)} KB per fold model)`);
  let best: { variant: Variant; cv: CvResult } | undefined;
  for (const variant of candidates) {
    const cv = run(variant);
    if (cv.bytes > FOLD_BUDGET) continue;
    if (
      !best ||
      score(cv) > score(best.cv) + TIE ||
      (score(cv) >= score(best.cv) - TIE && cv.bytes < best.cv.bytes)
    )
      best = { variant, cv };
  }
  if (!best) throw new Error('no candidate fits the size budget');
  console.log(`  → ${describe(best.variant)}`);
  return best;
}

const withFamilies = (v: Variant, on: number, off = 0): Variant => ({
  ...v,
  spec: { ...v.spec, families: (v.spec.families | on) & ~off },
});
const withParams = <T extends Variant['learner']>(v: Variant, params: Partial<T['params']>): Variant =>
  ({ ...v, learner: { ...v.learner, params: { ...v.learner.params, ...params } } }) as Variant;

const featureSteps: Step[] = [
  {
    name: 'n-gram length',
    candidates: (v) => [2, 3].map((n) => ({ ...v, spec: { ...v.spec, maxNgram: n } })),
  },
  {
    name: 'agent turn features',
    candidates: (v) => [
      withFamilies(v, 0, F.AgentTurn | F.AgentGrams | F.AgentGramsByLength),
      withFamilies(v, F.AgentTurn, F.AgentGrams | F.AgentGramsByLength),
      withFamilies(v, F.AgentTurn | F.AgentGrams, F.AgentGramsByLength),
      withFamilies(v, F.AgentTurn | F.AgentGramsByLength, F.AgentGrams),
    ],
  },
  {
    name: 'random agent turns on copies',
    candidates: (v) => [0, 0.5].map((rate) => ({ ...v, agentTurnRate: rate })),
  },
  { name: 'Latin character n-grams', candidates: (v) => [v, withFamilies(v, F.LatinCharGrams)] },
  { name: 'Intl.Segmenter words', candidates: (v) => [v, withFamilies(v, F.Segmenter)] },
  {
    name: 'English stop words',
    candidates: (v) => [withFamilies(v, 0, F.StopWords), withFamilies(v, F.StopWords)],
  },
  { name: 'pattern mask', candidates: (v) => [withFamilies(v, 0, F.Mask), withFamilies(v, F.Mask)] },
  {
    name: 'hash bits',
    candidates: (v) => [22, 20, 18].map((b) => ({ ...v, spec: { ...v.spec, hashBits: b } })),
  },
  { name: 'min count', candidates: (v) => [1, 2].map((m) => ({ ...v, minCount: m })) },
];

const pruneStep: Step = {
  name: 'pruning threshold',
  candidates: (v) => [0.05, 0.1, 0.2, 0.3].map((t) => ({ ...v, pack: { ...v.pack, threshold: t } })),
};

const learners = process.argv.slice(2);
const wanted = (name: string) => learners.length === 0 || learners.includes(name);
const chosen: Record<string, unknown> = existsSync(CHOSEN_FILE)
  ? (JSON.parse(readFileSync(CHOSEN_FILE, 'utf8')) as Record<string, unknown>)
  : {};
chosen['data'] = { rows: rows.length, groups: new Set(rows.map((r) => r.group)).size, ...fingerprint() };
const save = () => writeFileSync(CHOSEN_FILE, `${JSON.stringify(chosen, null, 2)}\n`);

const lrStart: Variant = {
  name: 'logistic regression',
  learner: { kind: 'lr', params: { epochs: 10, learningRate: 0.2, l2: 1, l1: 0, sqrtNorm: false, seed: 1 } },
  spec: { families: BASE_FAMILIES, maxNgram: 3, hashBits: 22 },
  minCount: 1,
  pack: { threshold: 0.05, clipQuantile: 1 },
  agentTurnRate: 0.5,
};

const lrBudget = (v: Variant) =>
  [0.1, 0.15, 0.2, 0.3, 0.4].flatMap((threshold) =>
    [0, 0.05, 0.1].map((l1) => withParams({ ...v, pack: { ...v.pack, threshold } }, { l1 })),
  );

if (wanted('lr')) {
  const found = search(lrStart, [
    ...featureSteps,
    {
      name: 'feature values',
      candidates: (v) => [false, true].map((sqrtNorm) => withParams(v, { sqrtNorm })),
    },
    { name: 'L2', candidates: (v) => [0.3, 1, 3].map((l2) => withParams(v, { l2 })) },
    { name: 'L1 (elastic net)', candidates: (v) => [0, 0.1].map((l1) => withParams(v, { l1 })) },
    { name: 'epochs', candidates: (v) => [5, 10, 20].map((epochs) => withParams(v, { epochs })) },
    {
      name: 'learning rate',
      candidates: (v) => [0.1, 0.2, 0.4].map((learningRate) => withParams(v, { learningRate })),
    },
    pruneStep,
  ]);
  chosen['lr-unconstrained'] = found;
  chosen['lr'] = fitBudget(found, lrBudget(found.variant));
  save();
}
if (wanted('lr-budget')) {
  const found = (chosen['lr-unconstrained'] ?? chosen['lr']) as { variant: Variant; cv: CvResult };
  chosen['lr'] = fitBudget(found, lrBudget(found.variant));
  save();
}

const base = (chosen['lr'] as { variant: Variant } | undefined)?.variant ?? lrStart;
if (wanted('nb')) {
  const start: Variant = {
    ...base,
    name: 'naive Bayes',
    learner: { kind: 'nb', params: { alpha: 0.1, priorWeight: 1 } },
  };
  chosen['nb'] = search(start, [
    { name: 'alpha', candidates: (v) => [0.03, 0.1, 0.3, 1].map((alpha) => withParams(v, { alpha })) },
    {
      name: 'prior weight',
      candidates: (v) => [0, 0.5, 1].map((priorWeight) => withParams(v, { priorWeight })),
    },
    { name: 'min count', candidates: (v) => [1, 2, 3].map((m) => ({ ...v, minCount: m })) },
  ]);
  const nb = chosen['nb'] as { variant: Variant; cv: CvResult };
  chosen['nb'] = fitBudget(
    nb,
    [0.5, 1, 1.5, 2, 3].map((threshold) => ({ ...nb.variant, pack: { ...nb.variant.pack, threshold } })),
  );
  save();
}
if (wanted('perceptron')) {
  const start: Variant = {
    ...base,
    name: 'averaged perceptron',
    learner: { kind: 'perceptron', params: { epochs: 10, seed: 1 } },
  };
  chosen['perceptron'] = search(start, [
    { name: 'epochs', candidates: (v) => [5, 10, 20].map((epochs) => withParams(v, { epochs })) },
    { name: 'min count', candidates: (v) => [1, 2, 3].map((m) => ({ ...v, minCount: m })) },
  ]);
  const perceptron = chosen['perceptron'] as { variant: Variant; cv: CvResult };
  chosen['perceptron'] = fitBudget(
    perceptron,
    [0.25, 0.5, 1, 2, 4].map((threshold) => ({
      ...perceptron.variant,
      pack: { ...perceptron.variant.pack, threshold },
    })),
  );
  save();
}
