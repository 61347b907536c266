/**
 * Hyper-parameter and feature choice by grouped 5-fold cross-validation on the TRAINING rows only
 * (folds hold whole skeletons / corpus blocks). The evaluation sets are not read here.
 *
 * Coordinate search: from a starting variant, one dimension at a time, keep the candidate with the
 * best CV score (mean of accuracy and macro-F1 on held-out rows); a candidate must beat the current
 * one by more than TIE to replace it, so ties keep the simpler / smaller setting listed first.
 * Writes scripts/intent-lab/chosen.json. Usage: npx tsx scripts/intent-lab/tune.ts [lr|nb|perceptron…]
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FeatureFamily as F } from '../../src/intent/linear-features.js';
import { generatedDir, LOCALES, loadTrainingRows } from './data.js';
import { buildResources } from './dataset.js';
import { crossValidate, type CvResult, type Variant } from './experiment.js';

const TIE = 0.002;
/** Shipped model budget: 300 KB of base64 text. */
export const SIZE_BUDGET = 300_000;
export const CHOSEN_FILE = join(import.meta.dirname, 'chosen.json');

export const BASE_FAMILIES =
  F.CharGrams |
  F.Words |
  F.Placeholders |
  F.DigitShape |
  F.Length |
  F.Punctuation |
  F.AgentTurn |
  F.AgentGrams;

export function fingerprint(): Record<string, string | number> {
  const out: Record<string, string | number> = { generated: generatedDir() };
  for (const locale of LOCALES) {
    const file = join(generatedDir(), `${locale}.jsonl`);
    out[locale] = existsSync(file)
      ? createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16)
      : 'missing';
  }
  return out;
}

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
      const fits = result.bytes <= SIZE_BUDGET || bestResult.bytes > SIZE_BUDGET;
      if (fits && score(result) > score(bestResult) + TIE) {
        best = candidate;
        bestResult = result;
      }
    }
    console.log(`  → ${describe(best)}`);
  }
  return { variant: best, cv: bestResult };
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
  chosen['lr'] = found;
  // The same variant with pattern-group hits as features, for the comparison (learned weights).
  chosen['lr+patterns'] = {
    variant: withFamilies(found.variant, F.Patterns),
    cv: run(withFamilies(found.variant, F.Patterns)),
  };
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
    pruneStep,
  ]);
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
    pruneStep,
  ]);
  save();
}
