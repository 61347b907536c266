/**
 * The side-by-side comparison of issue 11: today's classifier (naive Bayes + patterns + context
 * rules, shipped and retrained), naive Bayes alone, and the lab's learners (naive Bayes, logistic
 * regression, averaged perceptron over the same features, with ablations), each measured on the dev
 * file, the project's unseen set (three locales) and the English bitext file.
 *
 *   npx tsx scripts/intent-lab/compare.ts [--no-today] [--write-model]
 *
 * Hyper-parameters come from scripts/intent-lab/chosen.json (grouped CV on the training rows, see
 * tune.ts); each variant's temperature comes from its own grouped CV. The evaluation sets are only
 * measured here. --write-model writes the logistic-regression winner to
 * scripts/intent-lab/.cache/linear-model.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { timePerItem } from '../../bench/harness.js';
import { FeatureFamily as F, FeatureList } from '../../src/intent/linear-features.js';
import { LinearModel, serializeLinearModel, type LinearModelParts } from '../../src/intent/linear-model.js';
import { normalize } from '../../src/normalize/index.js';
import { LAB_CACHE, loadEvaluationSets, loadTrainingRows, type EvaluationSet } from './data.js';
import { buildResources, INTENTS, makeExtractor, type Resources } from './dataset.js';
import {
  crossValidateCached,
  fitFinal,
  measure,
  modelBytes,
  predictSet,
  type CvResult,
  type SetResult,
  type Variant,
} from './experiment.js';
import { todayVariants } from './nb-today.js';
import { CHOSEN_FILE } from './settings.js';

interface Row {
  name: string;
  sets: SetResult[];
  medianUs: number;
  bytes: number;
  cv?: CvResult;
}

/** µs per message for features + scoring + probabilities (text and agent turn already normalised). */
function timeLinear(parts: LinearModelParts, resources: Resources, sets: EvaluationSet[]): number {
  const model = new LinearModel(parts);
  const extractor = makeExtractor(parts.spec, resources);
  const list = new FeatureList();
  const logits = new Float64Array(INTENTS.length);
  const probabilities = new Float64Array(INTENTS.length);
  const items = sets
    .filter((s) => s.name.startsWith('unseen'))
    .flatMap((s) => s.rows)
    .map((row) => ({
      text: normalize(row.text).text,
      agent: row.previousAgentMessage === null ? null : normalize(row.previousAgentMessage).text,
    }));
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const timing = timePerItem(
      items,
      (item) => {
        extractor.extract(item.text, item.agent, list);
        model.score(list, logits);
        return model.probabilities(logits, probabilities);
      },
      { rounds: 3, inner: 5 },
    );
    best = Math.min(best, timing.medianUs);
  }
  return best;
}

async function main() {
  const args = new Set(process.argv.slice(2));
  const chosen = JSON.parse(readFileSync(CHOSEN_FILE, 'utf8')) as Record<
    string,
    { variant: Variant } | undefined
  >;
  const rows = loadTrainingRows();
  const resources = buildResources(rows.map((r) => r.text));
  const sets = loadEvaluationSets();

  const lr = chosen['lr']?.variant;
  if (!lr) throw new Error('run tune.ts first (no logistic regression in chosen.json)');
  const families = (v: Variant, on: number, off = 0): Variant => ({
    ...v,
    spec: { ...v.spec, families: (v.spec.families | on) & ~off },
  });
  const variants: Variant[] = [
    { ...lr, name: 'LR (chosen by CV)' },
    { ...families(lr, F.Patterns), name: 'LR + pattern hits as features' },
    {
      ...families(lr, 0, F.AgentTurn | F.AgentGrams | F.AgentGramsByLength),
      name: 'LR, no agent-turn features',
    },
    {
      ...lr,
      agentTurnRate: lr.agentTurnRate > 0 ? 0 : 0.5,
      name: `LR, agent-turn copies ${lr.agentTurnRate > 0 ? 'off' : 'on'}`,
    },
    { ...families(lr, F.Segmenter), name: 'LR + Intl.Segmenter words' },
  ];
  for (const key of ['nb', 'perceptron'] as const) {
    const v = chosen[key]?.variant;
    if (v)
      variants.push({
        ...v,
        name: key === 'nb' ? 'NB (lab features, chosen by CV)' : 'averaged perceptron (chosen by CV)',
      });
  }
  // Drop duplicates (an ablation equal to the chosen variant).
  const seen = new Set<string>();
  const unique = variants.filter((v) => {
    const key = JSON.stringify({ ...v, name: '' });
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  const table: Row[] = [];
  if (!args.has('--no-today')) table.push(...(await todayVariants()));
  for (const variant of unique) {
    console.error(`${variant.name}…`);
    const cv = crossValidateCached(variant, rows, resources);
    const parts = fitFinal(variant, rows, resources, cv.temperature);
    const results = sets.map((set) => {
      const { predicted, confidences } = predictSet(parts, resources, set);
      return measure(set, predicted, confidences);
    });
    table.push({
      name: variant.name,
      sets: results,
      medianUs: timeLinear(parts, resources, sets),
      bytes: modelBytes(parts),
      cv,
    });
    if (variant === unique[0] && args.has('--write-model')) {
      const dir = LAB_CACHE;
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'linear-model.json'), JSON.stringify(serializeLinearModel(parts)));
    }
  }
  print(table, sets);
}

const f3 = (n: number) => n.toFixed(3);

function print(table: Row[], sets: EvaluationSet[]) {
  const names = sets.map((s) => `${s.name} (${s.rows.length})`);
  console.log('Each cell: accuracy / macro-F1 / ECE / accuracy on the surest 50 %.\n');
  console.log(`| variant | ${names.join(' | ')} | µs/msg | model KB |`);
  console.log(`|---|${names.map(() => '---').join('|')}|---:|---:|`);
  for (const row of table)
    console.log(
      `| ${row.name} | ${row.sets.map((s) => `${f3(s.accuracy)} / ${f3(s.macroF1)} / ${f3(s.ece)} / ${f3(s.at50)}`).join(' | ')} | ${row.medianUs.toFixed(1)} | ${Math.round(row.bytes / 1000)} |`,
    );
  console.log('\nCalibration: accuracy at 50 / 80 / 100 % coverage (surest first), ECE (10 bins).\n');
  console.log(`| variant | ${names.join(' | ')} |`);
  console.log(`|---|${names.map(() => '---').join('|')}|`);
  for (const row of table)
    console.log(
      `| ${row.name} | ${row.sets.map((s) => `${f3(s.at50)} / ${f3(s.at80)} / ${f3(s.at100)}, ECE ${f3(s.ece)}`).join(' | ')} |`,
    );
  console.log(
    '\nGrouped 5-fold CV on the training rows (held-out skeletons / corpus blocks): the basis of every choice.\n',
  );
  console.log('| variant | CV accuracy | CV macro-F1 | CV acc. (random agent turn) | temperature | CV ECE |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const row of table)
    if (row.cv)
      console.log(
        `| ${row.name} | ${f3(row.cv.accuracy)} | ${f3(row.cv.macroF1)} | ${f3(row.cv.copiesAccuracy)} | ${row.cv.temperature.toFixed(2)} | ${f3(row.cv.ece)} |`,
      );
}

await main();
