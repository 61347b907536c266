/**
 * Today's classifier, for the comparison: naive Bayes (src/intent/naive-bayes.ts, its own features)
 * with the pattern groups and the hand-tuned context rules of src/intent/classifier.ts, trained
 * on the corpus alone (as shipped) or on the corpus plus the generated corpus; and the same naive
 * Bayes alone (argmax of its calibrated posterior, no patterns, no context).
 *
 *   npx tsx scripts/intent-lab/nb-today.ts            prints JSON results for every variant
 *
 * The retrained classifier runs in a child process whose module hook (redirect-model.mjs) swaps
 * the generated model for the retrained one; classifier.ts itself is unchanged.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'node:module';
import { timePerItem } from '../../bench/harness.js';
import type { SerializedNaiveBayes } from '../../src/intent/naive-bayes.js';
import { LAB_CACHE, ROOT, loadEvaluationSets, loadTrainingRows, type EvaluationSet } from './data.js';
import { measure, type SetResult } from './experiment.js';

const CACHE = LAB_CACHE;
const MODEL_FILE = join(CACHE, 'nb-retrained.mjs');

export interface TodayResult {
  name: string;
  sets: SetResult[];
  medianUs: number;
  bytes: number;
}

/** Train today's naive Bayes (its own CV picks smoothing, temperature and pattern scale). */
async function trainToday(withGenerated: boolean): Promise<SerializedNaiveBayes> {
  const { loadIntentRules } = await import('../data/intents-rules.js');
  const { trainIntentModel } = await import('../data/intents-train.js');
  const { BUILT_IN_INTENT_IDS } = await import('../../src/intent/ids.js');
  const rules = loadIntentRules(ROOT);
  if (withGenerated) {
    const byIntent = new Map<string, string[]>();
    for (const row of loadTrainingRows().filter((r) => r.source === 'generated')) {
      const list = byIntent.get(row.intent) ?? [];
      list.push(row.text);
      byIntent.set(row.intent, list);
    }
    rules.corpora.push({
      file: 'generated',
      data: {
        locale: 'zh-Hans',
        data: [...byIntent].map(([intent, utterances]) => ({ intent, utterances, tests: [] })),
      } as never,
    });
  }
  const { model, report } = await trainIntentModel(rules, BUILT_IN_INTENT_IDS, rules.stopWords);
  console.error(
    `  naive Bayes (${withGenerated ? 'corpus + generated' : 'corpus'}): ${JSON.stringify(report)}`,
  );
  return model;
}

/** The classifier (patterns + context rules) over every set; µs per classify() on the unseen sets. */
async function classifierResults(name: string, sets: EvaluationSet[]): Promise<TodayResult> {
  const { createIntentClassifier } = await import('../../src/intent/classifier.js');
  const { normalize } = await import('../../src/normalize/index.js');
  const INTENT_MODEL = (await import('../../src/generated/intent-model.js')).intentModel();
  const classifier = createIntentClassifier();
  const results = sets.map((set) => {
    const predicted: string[] = [];
    const confidences: number[] = [];
    for (const row of set.rows) {
      const r = classifier.classify(
        normalize(row.text),
        row.previousAgentMessage === null ? undefined : { previousAgentMessage: row.previousAgentMessage },
      ).intent;
      predicted.push(r.id);
      confidences.push(r.confidence);
    }
    return measure(set, predicted, confidences);
  });
  const items = sets
    .filter((s) => s.name.startsWith('unseen'))
    .flatMap((s) => s.rows)
    .map((row) => ({
      text: normalize(row.text),
      context:
        row.previousAgentMessage === null ? undefined : { previousAgentMessage: row.previousAgentMessage },
    }));
  const timing = timePerItem(items, (item) => classifier.classify(item.text, item.context), {
    rounds: 3,
    inner: 3,
  });
  return { name, sets: results, medianUs: timing.medianUs, bytes: JSON.stringify(INTENT_MODEL).length };
}

/** Naive Bayes alone: its calibrated posterior, no patterns, no context. */
async function modelAlone(
  name: string,
  model: SerializedNaiveBayes,
  sets: EvaluationSet[],
): Promise<TodayResult> {
  const { NaiveBayes, deserializeCounts, lengthScale } = await import('../../src/intent/naive-bayes.js');
  const { shippedPatternMatcher } = await import('../../src/intent/patterns.js');
  const { FeatureBuffer } = await import('../../src/intent/features.js');
  const { stopWordKeys } = await import('../../src/intent/word-keys.js');
  const { documentFeatures, loadFeatures } = await import('../../src/intent/training.js');
  const { rawScores } = await import('../data/intents-train.js');
  const INTENT_PATTERNS = (await import('../../src/generated/intent-patterns.js')).intentPatterns();
  const nb = new NaiveBayes(deserializeCounts(model), model);
  // The matcher only masks order-card boilerplate here, as the classifier does before the model.
  const matcher = shippedPatternMatcher(INTENT_PATTERNS);
  const stopWords = stopWordKeys(model.stopWords);
  const buffer = new FeatureBuffer();
  const predict = (text: string) => {
    loadFeatures(documentFeatures(text, matcher, stopWords, buffer), buffer);
    const scores = rawScores(nb, buffer, lengthScale);
    let best = 0;
    for (let c = 1; c < scores.length; c++) if ((scores[c] ?? 0) > (scores[best] ?? 0)) best = c;
    let sum = 0;
    for (const v of scores) sum += Math.exp((v - (scores[best] ?? 0)) / model.temperature);
    return { id: nb.intents[best] ?? 'other', confidence: 1 / sum };
  };
  const results = sets.map((set) => {
    const out = set.rows.map((row) => predict(row.text));
    return measure(
      set,
      out.map((o) => o.id),
      out.map((o) => o.confidence),
    );
  });
  const items = sets.filter((s) => s.name.startsWith('unseen')).flatMap((s) => s.rows);
  const timing = timePerItem(items, (row) => predict(row.text), { rounds: 3, inner: 3 });
  return { name, sets: results, medianUs: timing.medianUs, bytes: JSON.stringify(model).length };
}

export async function todayVariants(): Promise<TodayResult[]> {
  const output = execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--child-all'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output) as TodayResult[];
}

const mode = process.argv[2];
if (mode === '--child-all') {
  // Shipped model: the classifier and the model alone; then retrain and hand over to a child
  // process that loads the retrained model.
  const sets = loadEvaluationSets();
  const INTENT_MODEL = (await import('../../src/generated/intent-model.js')).intentModel();
  const results: TodayResult[] = [
    await classifierResults('NB + patterns + context (shipped: corpus only)', sets),
    await modelAlone('NB alone (corpus only)', INTENT_MODEL, sets),
  ];
  const retrained = await trainToday(true);
  results.push(await modelAlone('NB alone (corpus + generated)', retrained, sets));
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(
    MODEL_FILE,
    `const model = JSON.parse(${JSON.stringify(JSON.stringify(retrained))});\nexport function intentModel() {\n  return model;\n}\n`,
  );
  const child = execFileSync(
    process.execPath,
    [...process.execArgv, import.meta.filename, '--child-retrained'],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  results.splice(1, 0, JSON.parse(child) as TodayResult);
  process.stdout.write(JSON.stringify(results));
} else if (mode === '--child-retrained') {
  register(pathToFileURL(join(import.meta.dirname, 'redirect-model.mjs')), {
    data: { model: pathToFileURL(MODEL_FILE).href },
  });
  const result = await classifierResults(
    'NB + patterns + context (corpus + generated)',
    loadEvaluationSets(),
  );
  process.stdout.write(JSON.stringify(result));
} else if (import.meta.filename === process.argv[1]) {
  for (const r of await todayVariants()) console.log(JSON.stringify(r));
}
