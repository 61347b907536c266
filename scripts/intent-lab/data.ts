/**
 * The lab's data: training rows (the corpus utterances of rules/intents/corpus.*.json — never their
 * held-back `tests` — plus the grammar-generated corpus), their CV groups, and the evaluation sets
 * (measured only: the dev file, the project's unseen set and the English bitext file).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../bench/sample-random.js';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';
import { parseEvaluationRows, type EvaluationRow } from '../../src/cli/evaluation/rows.js';
import { normalize } from '../../src/normalize/index.js';

export const ROOT = join(import.meta.dirname, '..', '..');
/** Scratch files of the lab (CV results, trained models): git-ignored with node_modules. */
export const LAB_CACHE = join(ROOT, 'node_modules', '.cache', 'intent-lab');
export const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** Corpus utterances of one intent are grouped in blocks of this many (contiguous lines). */
export const CORPUS_BLOCK = 10;

export interface TrainingRow {
  text: string;
  intent: string;
  /** The agent's message before it, or null. */
  prev: string | null;
  /** CV group: a held-out fold holds whole groups (generated: the skeleton, corpus: a block). */
  group: string;
  source: 'corpus' | 'generated' | 'written';
  locale: Locale;
}

/** Where the generated corpus is: INTENT_LAB_GENERATED, else rules/intents/generated of this checkout. */
export function generatedDir(): string {
  return process.env['INTENT_LAB_GENERATED'] ?? join(ROOT, 'rules', 'intents', 'generated');
}

interface GeneratedLine {
  text: string;
  intent: string;
  prev?: string | null;
  skeleton: string;
}

/** The hand-written corpora in export style (rules/intents/written/<source>.<locale>.jsonl). */
export const WRITTEN_DIR = join(ROOT, 'rules', 'intents', 'written');

interface WrittenLine {
  text: string;
  intent: string;
  prev?: string | null;
}

/**
 * Every training row, deduplicated on (folded text, folded agent turn, intent). `written: false`
 * (or INTENT_LAB_WRITTEN=0) leaves out rules/intents/written, to measure what it adds.
 */
export function loadTrainingRows(options: { generated?: boolean; written?: boolean } = {}): TrainingRow[] {
  const rows: TrainingRow[] = [];
  const seen = new Set<string>();
  const known = new Set<string>(BUILT_IN_INTENT_IDS);
  const add = (row: TrainingRow) => {
    if (!known.has(row.intent)) throw new Error(`unknown intent ${row.intent} in ${row.group}`);
    const key = `${row.intent}\u0000${normalize(row.text).text}\u0000${row.prev === null ? '' : normalize(row.prev).text}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows.push(row);
  };
  for (const locale of LOCALES) {
    const corpus = JSON.parse(
      readFileSync(join(ROOT, 'rules', 'intents', `corpus.${locale}.json`), 'utf8'),
    ) as {
      data: Array<{ intent: string; utterances: string[] }>;
    };
    for (const entry of corpus.data)
      entry.utterances.forEach((text, i) =>
        add({
          text,
          intent: entry.intent,
          prev: null,
          group: `corpus/${locale}/${entry.intent}/${Math.floor(i / CORPUS_BLOCK)}`,
          source: 'corpus',
          locale,
        }),
      );
  }
  if (options.generated !== false) {
    const dir = generatedDir();
    for (const locale of LOCALES) {
      const file = join(dir, `${locale}.jsonl`);
      if (!existsSync(file)) continue;
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const g = JSON.parse(line) as GeneratedLine;
        // zh-Hant records converted from zh-Hans keep the zh-Hans skeleton: one group for both.
        add({
          text: g.text,
          intent: g.intent,
          prev: g.prev ?? null,
          group: `generated/${g.skeleton.replace(/^[^/]+\//u, '')}`,
          source: 'generated',
          locale,
        });
      }
    }
  }
  if (options.written ?? process.env['INTENT_LAB_WRITTEN'] !== '0') {
    for (const file of readdirSync(WRITTEN_DIR).sort()) {
      const match = /^([a-z]+)\.(zh-Hans|zh-Hant|en)\.jsonl$/u.exec(file);
      if (!match) continue;
      const [, source, locale] = match as unknown as [string, string, Locale];
      // Lines of one intent were written together: blocks of consecutive lines are CV groups.
      const index = new Map<string, number>();
      for (const line of readFileSync(join(WRITTEN_DIR, file), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const w = JSON.parse(line) as WrittenLine;
        const i = index.get(w.intent) ?? 0;
        index.set(w.intent, i + 1);
        add({
          text: w.text,
          intent: w.intent,
          prev: w.prev ?? null,
          group: `written/${source}/${locale}/${w.intent}/${Math.floor(i / CORPUS_BLOCK)}`,
          source: 'written',
          locale,
        });
      }
    }
  }
  return rows;
}

export interface EvaluationSet {
  name: string;
  rows: EvaluationRow[];
}

/** The sets every variant is measured on (never trained or tuned on). */
export const EVALUATION_FILES: ReadonlyArray<[string, string]> = [
  ['dev zh-jddc', join(ROOT, '..', 'shared', 'eval', 'zh-jddc-intents.jsonl')],
  ['unseen zh-Hans', join(ROOT, 'test', 'intent', 'unseen', 'zh-Hans.jsonl')],
  ['unseen zh-Hant', join(ROOT, 'test', 'intent', 'unseen', 'zh-Hant.jsonl')],
  ['unseen en', join(ROOT, 'test', 'intent', 'unseen', 'en.jsonl')],
  ['en-bitext', join(ROOT, '..', 'shared', 'eval', 'en-bitext-intents.jsonl')],
  ['contrast zh-Hans', join(ROOT, 'test', 'intent', 'contrast', 'zh-Hans.jsonl')],
  ['contrast zh-Hant', join(ROOT, 'test', 'intent', 'contrast', 'zh-Hant.jsonl')],
  ['contrast en', join(ROOT, 'test', 'intent', 'contrast', 'en.jsonl')],
  ['address zh-Hans', join(ROOT, 'test', 'intent', 'address', 'zh-Hans.jsonl')],
  ['address zh-Hant', join(ROOT, 'test', 'intent', 'address', 'zh-Hant.jsonl')],
  ['address short zh-Hans', join(ROOT, 'test', 'intent', 'address', 'short.zh-Hans.jsonl')],
  ['address short zh-Hant', join(ROOT, 'test', 'intent', 'address', 'short.zh-Hant.jsonl')],
  ['long zh-Hans', join(ROOT, 'test', 'intent', 'long', 'zh-Hans.jsonl')],
  ['chat requests en', join(ROOT, 'test', 'intent', 'chatreq', 'en.jsonl')],
];

export function loadEvaluationSets(): EvaluationSet[] {
  return EVALUATION_FILES.filter(([, file]) => existsSync(file)).map(([name, file]) => ({
    name,
    rows: parseEvaluationRows(readFileSync(file, 'utf8'), file),
  }));
}

/** A small deterministic PRNG (mulberry32): the one the benches' generated exports use. */
export const random = seededRandom;

export function shuffle<T>(items: T[], next: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * Balanced grouped folds: groups, largest first, go to the fold with fewest rows so far (ties by
 * a seeded order). Returns the fold of each row.
 */
export function groupFolds(rows: readonly TrainingRow[], folds: number, seed = 1): Int32Array {
  const sizes = new Map<string, number>();
  for (const row of rows) sizes.set(row.group, (sizes.get(row.group) ?? 0) + 1);
  const groups = shuffle([...sizes.keys()].sort(), random(seed)).sort(
    (a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0),
  );
  const load = new Array<number>(folds).fill(0);
  const foldOf = new Map<string, number>();
  for (const group of groups) {
    let best = 0;
    for (let f = 1; f < folds; f++) if ((load[f] ?? 0) < (load[best] ?? 0)) best = f;
    foldOf.set(group, best);
    load[best] = (load[best] ?? 0) + (sizes.get(group) ?? 0);
  }
  return Int32Array.from(rows, (row) => foldOf.get(row.group) ?? 0);
}

/**
 * Rows that say something (more than two content characters or words) get a copy after an agent
 * message drawn from `pool`: in real exports nearly every customer line follows an agent line, and
 * a request keeps its intent whatever the agent said before. Short answers are left alone: their
 * intent depends on what the agent asked, so a random agent turn could make their label wrong.
 */
export function withAgentTurns(
  rows: readonly TrainingRow[],
  pool: readonly string[],
  rate: number,
  seed: number,
): TrainingRow[] {
  if (rate <= 0 || pool.length === 0) return [...rows];
  const next = random(seed);
  const out = [...rows];
  for (const row of rows) {
    if (row.prev !== null || contentSize(row.text) <= 2 || next() >= rate) continue;
    out.push({ ...row, prev: pool[Math.floor(next() * pool.length)] ?? null });
  }
  return out;
}

/** Han characters plus Latin words of the folded text. */
export function contentSize(text: string): number {
  const folded = normalize(text).text.replace(/\[[^\]\s]{1,16}\]/gu, ' ');
  let size = 0;
  for (const m of folded.matchAll(/[\u3400-\u9fff\uf900-\ufaff]|[a-z]+/gu)) if (m[0] !== '') size++;
  return size;
}
