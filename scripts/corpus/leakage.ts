/**
 * Leakage check between the generated corpus and the evaluation data in ../shared/eval. Reads the
 * evaluation files programmatically and prints COUNTS ONLY — never a text of either side:
 * generated texts identical to an evaluation text, and generated texts at character-3-gram
 * Jaccard ≥ 0.8 with one, each with a length histogram. zh-Hant is folded to simplified first.
 * The previous agent turns of context pairs are checked against the evaluation's agent turns.
 *
 *   npx tsx scripts/corpus/leakage.ts
 *   npx tsx scripts/corpus/leakage.ts --write-exclusions   also record (as sha256) every generated
 *       text longer than the trivial length that overlaps, in rules/intents/grammar/exclusions.json,
 *       so the generator drops it; then rerun generate.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { textHash } from './corpus.js';
import { ROOT } from './generate.js';
import { GRAMMAR_DIR } from './grammar.js';
import { exclusionsSchema, type Locale } from './schema.js';
import { readCorpus } from './read.js';
import { gramOrder, lengthBucket, LENGTH_BUCKETS, similarityKey, SimilarityIndex } from './similarity.js';

export const EVAL_DIR = join(ROOT, '..', 'shared', 'eval');
export const THRESHOLD = 0.8;
/** Overlaps up to this many characters (without spaces) are trivial domain phrases (好的, 在吗, thanks). */
export const TRIVIAL_LENGTH: Record<Locale, number> = { 'zh-Hans': 6, 'zh-Hant': 6, en: 10 };

export function readEval(file: string): { texts: string[]; agentTurns: string[] } {
  const path = join(EVAL_DIR, file);
  if (!existsSync(path))
    throw new Error(`${path} not found (the evaluation data sits beside the project in ../shared/eval)`);
  const texts: string[] = [];
  const agentTurns: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as { text?: unknown; prev_agent_turn?: unknown };
    if (typeof row.text === 'string') texts.push(row.text);
    if (typeof row.prev_agent_turn === 'string') agentTurns.push(row.prev_agent_turn);
  }
  return { texts, agentTurns };
}

function histogram(texts: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(lengthBucket(t), (counts.get(lengthBucket(t)) ?? 0) + 1);
  return LENGTH_BUCKETS.map(([lo, hi]) => (hi === Infinity ? `${lo}+` : `${lo}-${hi}`))
    .map((b) => `${b}: ${counts.get(b) ?? 0}`)
    .join(', ');
}

export interface Overlap {
  identical: string[];
  similar: string[];
  /** Distinct evaluation texts that some generated text equals or resembles. */
  evalTouched: number;
}

/** Generated texts (as given) that equal or resemble an evaluation text; compared on `fold`ed keys. */
export function overlaps(
  generated: readonly string[],
  evaluation: readonly string[],
  fold: (t: string) => string,
): Overlap {
  const evalKeys = new Set(evaluation.map((t) => similarityKey(fold(t))));
  const folded = generated.map(fold);
  const order = gramOrder([...folded, ...evaluation.map(fold)]);
  const index = new SimilarityIndex(evaluation.map(fold), order, THRESHOLD);
  const identical: string[] = [];
  const similar: string[] = [];
  const touched = new Set<string>();
  const evalFolded = evaluation.map((t) => similarityKey(fold(t)));
  folded.forEach((f, i) => {
    const original = generated[i] as string;
    const key = similarityKey(f);
    if (evalKeys.has(key)) {
      identical.push(original);
      touched.add(key);
      return;
    }
    const hits = index.query(f).ids;
    if (hits.length > 0) similar.push(original);
    for (const id of hits) touched.add(evalFolded[id] as string);
  });
  return { identical, similar, evalTouched: touched.size };
}

function report(label: string, evalCount: number, found: Overlap): void {
  console.log(`${label} (${evalCount} evaluation texts); generated texts that are:`);
  console.log(`  identical: ${found.identical.length} [${histogram(found.identical)}]`);
  console.log(
    `  Jaccard ≥ ${THRESHOLD}, not identical: ${found.similar.length} [${histogram(found.similar)}]`,
  );
  console.log(`  distinct evaluation texts involved: ${found.evalTouched}`);
}

export function nonTrivial(texts: readonly string[], locale: Locale): string[] {
  return texts.filter((t) => [...similarityKey(t).replace(/ /g, '')].length > TRIVIAL_LENGTH[locale]);
}

function main(argv: string[]): void {
  const zh = readEval('zh-jddc-intents.jsonl');
  const en = readEval('en-bitext-intents.jsonl');
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const same = (t: string): string => t;
  const flagged: string[] = [];
  const checks: Array<{ locale: Locale; label: string; evaluation: string[]; fold: (t: string) => string }> =
    [
      { locale: 'zh-Hans', label: 'zh-Hans texts vs zh-jddc-intents', evaluation: zh.texts, fold: same },
      {
        locale: 'zh-Hant',
        label: 'zh-Hant texts (folded to simplified) vs zh-jddc-intents',
        evaluation: zh.texts,
        fold: toSimplified,
      },
      { locale: 'en', label: 'en texts vs en-bitext-intents', evaluation: en.texts, fold: same },
    ];
  for (const check of checks) {
    const records = readCorpus(ROOT, check.locale);
    const found = overlaps(
      records.map((r) => r.text),
      check.evaluation,
      check.fold,
    );
    report(check.label, check.evaluation.length, found);
    const longer = nonTrivial([...found.identical, ...found.similar], check.locale);
    console.log(`  longer than ${TRIVIAL_LENGTH[check.locale]} characters: ${longer.length}`);
    flagged.push(...longer);
  }
  for (const locale of ['zh-Hans', 'zh-Hant'] as const) {
    const prevs = [
      ...new Set(readCorpus(ROOT, locale).flatMap((r) => (r.prev === undefined ? [] : [r.prev]))),
    ];
    const fold = locale === 'zh-Hant' ? toSimplified : same;
    report(
      `${locale} agent turns (prev) vs zh-jddc-intents agent turns`,
      new Set(zh.agentTurns).size,
      overlaps(prevs, [...new Set(zh.agentTurns)], fold),
    );
  }

  if (argv.includes('--write-exclusions')) {
    const path = join(ROOT, GRAMMAR_DIR, 'exclusions.json');
    const existing = existsSync(path)
      ? exclusionsSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).sha256
      : [];
    const hashes = [...new Set([...existing, ...flagged.map(textHash)])].sort();
    const file = {
      $comment:
        'sha256 of generated texts that coincided with, or came within 3-gram Jaccard 0.8 of, an evaluation text and are longer than a trivial phrase; written by scripts/corpus/leakage.ts --write-exclusions, dropped by the generator.',
      sha256: hashes,
    };
    writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
    console.log(
      `exclusions.json: ${hashes.length} hashes (${hashes.length - existing.length} new). Rerun generate.ts.`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
