/**
 * Generates the corpus from the grammar: pure given the grammar (no clock, no Math.random), so
 * every run writes the same files. Each (locale, intent) has its own random stream, so editing
 * one intent's grammar leaves every other intent's output unchanged.
 */
import { createHash } from 'node:crypto';
import * as OpenCC from 'opencc-js';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';
import type { Grammar, LocaleGrammar, ParsedIntent } from './grammar.js';
import { Random } from './random.js';
import { LOCALES, type CorpusRecord, type Locale } from './schema.js';
import { Styler, substituteOnce, tidy } from './style.js';
import { Expander } from './template.js';

export interface GenerationReport {
  /** Records per locale and intent. */
  counts: Record<Locale, Record<string, number>>;
  /** (text, prev) keys generated for two intents: every copy was dropped. */
  conflicts: Record<Locale, number>;
  /** The conflicting keys with their intents (`prev ⏎ text → a | b`), for fixing the grammar. */
  conflictKeys: Record<Locale, string[]>;
  /** Texts dropped because their hash is in exclusions.json. */
  excluded: Record<Locale, number>;
  /** Skeletons that stopped producing new texts before their intent reached its target. */
  exhausted: Record<Locale, string[]>;
}

export interface GeneratedCorpus {
  records: Record<Locale, CorpusRecord[]>;
  report: GenerationReport;
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function recordKey(r: { text: string; prev?: string | undefined }): string {
  return `${r.prev ?? ''}\u0001${r.text}`;
}

/** Consecutive repeats after which a skeleton is retired for its intent. */
const MAX_MISSES = 60;

function generateIntent(
  grammar: Grammar,
  locale: LocaleGrammar,
  intent: ParsedIntent,
  target: number,
  exhausted: string[],
): CorpusRecord[] {
  const random = new Random(`${grammar.config.seed}/${locale.locale}/${intent.intent}`);
  const styler = new Styler(locale.style, new Expander(locale.slots, random), random);
  const seen = new Set<string>();
  const out: CorpusRecord[] = [];
  const active = intent.skeletons.map(() => true);
  const misses = intent.skeletons.map(() => 0);
  let queue: number[] = [];
  // Each round visits every active skeleton in proportion to its weight, in shuffled order, so
  // the skeletons share the intent evenly (no skeleton dominates because it has more slots).
  const refill = (): void => {
    const round: number[] = [];
    intent.skeletons.forEach((s, i) => {
      if (!active[i]) return;
      const copies = Math.max(1, Math.round(s.weight));
      for (let k = 0; k < copies; k++) round.push(i);
    });
    queue = random.shuffle(round);
  };
  while (out.length < target) {
    if (queue.length === 0) refill();
    if (queue.length === 0) break;
    const index = queue.pop() as number;
    const skeleton = intent.skeletons[index]!;
    const { text, prev } = styler.compose(intent, skeleton);
    const record: CorpusRecord =
      prev === null
        ? { text, intent: intent.intent, skeleton: skeleton.id }
        : { text, intent: intent.intent, prev, skeleton: skeleton.id };
    const key = recordKey(record);
    if (text === '' || seen.has(key)) {
      misses[index] = (misses[index] ?? 0) + 1;
      if ((misses[index] ?? 0) >= MAX_MISSES) {
        active[index] = false;
        exhausted.push(skeleton.id);
      }
      continue;
    }
    misses[index] = 0;
    seen.add(key);
    out.push(record);
  }
  return out;
}

function generateFromGrammar(
  grammar: Grammar,
  locale: LocaleGrammar,
  targetOf: (intent: string) => number,
  exhausted: string[],
): Map<string, CorpusRecord[]> {
  const byIntent = new Map<string, CorpusRecord[]>();
  for (const intent of locale.intents)
    byIntent.set(intent.intent, generateIntent(grammar, locale, intent, targetOf(intent.intent), exhausted));
  return byIntent;
}

type Converter = (text: string) => string;

/** zh-Hans records turned into zh-Hant: OpenCC (Taiwan phrases, or Hong Kong) then local shop words. */
function convertToHant(grammar: Grammar, hans: Map<string, CorpusRecord[]>): Map<string, CorpusRecord[]> {
  const taiwan: Converter = OpenCC.Converter({ from: 'cn', to: 'twp' });
  const hongKong: Converter = OpenCC.Converter({ from: 'cn', to: 'hk' });
  const { p, pairs } = grammar.hantVocabulary;
  const cfg = grammar.config['zh-Hant'];
  const out = new Map<string, CorpusRecord[]>();
  for (const [intent, records] of hans) {
    const random = new Random(`${grammar.config.seed}/zh-Hant/convert/${intent}`);
    const chosen = random.shuffle(records).slice(0, Math.round(cfg.converted * scaleOf(grammar, intent)));
    const converted = chosen.map((r): CorpusRecord => {
      const convert = random.chance(cfg.hongKong) ? hongKong : taiwan;
      const localise = (text: string): string => {
        let t = convert(text);
        for (const pair of pairs) if (random.chance(p)) t = substituteOnce(t, [pair], random) ?? t;
        return tidy(t);
      };
      const text = localise(r.text);
      return r.prev === undefined
        ? { text, intent: r.intent, skeleton: r.skeleton }
        : { text, intent: r.intent, prev: localise(r.prev), skeleton: r.skeleton };
    });
    out.set(intent, converted);
  }
  return out;
}

function scaleOf(grammar: Grammar, intent: string): number {
  return grammar.config.scale[intent] ?? 1;
}

/**
 * Drops duplicate keys, keys generated for two intents (every copy: the grammar disagrees with
 * itself) and excluded texts; orders records by intent id order, then generation order.
 */
function finalise(
  grammar: Grammar,
  parts: Array<Map<string, CorpusRecord[]>>,
  counts: Record<string, number>,
): { records: CorpusRecord[]; conflicts: string[]; excluded: number } {
  const intentsOf = new Map<string, Set<string>>();
  for (const part of parts)
    for (const records of part.values())
      for (const r of records) {
        const key = recordKey(r);
        let set = intentsOf.get(key);
        if (!set) intentsOf.set(key, (set = new Set()));
        set.add(r.intent);
      }
  const conflicts: string[] = [];
  for (const [key, set] of intentsOf)
    if (set.size > 1) conflicts.push(`${key.replace('\u0001', ' ⏎ ')} → ${[...set].join(' | ')}`);
  const emitted = new Set<string>();
  const records: CorpusRecord[] = [];
  let excluded = 0;
  for (const intent of BUILT_IN_INTENT_IDS) {
    for (const part of parts)
      for (const r of part.get(intent) ?? []) {
        const key = recordKey(r);
        if (emitted.has(key) || (intentsOf.get(key)?.size ?? 0) > 1) continue;
        emitted.add(key);
        if (grammar.exclusions.has(textHash(r.text))) {
          excluded++;
          continue;
        }
        records.push(r);
        counts[intent] = (counts[intent] ?? 0) + 1;
      }
  }
  return { records, conflicts, excluded };
}

export function generateCorpus(grammar: Grammar): GeneratedCorpus {
  const report: GenerationReport = {
    counts: { 'zh-Hans': {}, 'zh-Hant': {}, en: {} },
    conflicts: { 'zh-Hans': 0, 'zh-Hant': 0, en: 0 },
    conflictKeys: { 'zh-Hans': [], 'zh-Hant': [], en: [] },
    excluded: { 'zh-Hans': 0, 'zh-Hant': 0, en: 0 },
    exhausted: { 'zh-Hans': [], 'zh-Hant': [], en: [] },
  };
  const records = {} as Record<Locale, CorpusRecord[]>;
  const cfg = grammar.config;
  const target = (perIntent: number) => (intent: string) => Math.round(perIntent * scaleOf(grammar, intent));

  const hans = generateFromGrammar(
    grammar,
    grammar.locales['zh-Hans'],
    target(cfg['zh-Hans'].perIntent),
    report.exhausted['zh-Hans'],
  );
  const hantOwn = generateFromGrammar(
    grammar,
    grammar.locales['zh-Hant'],
    target(cfg['zh-Hant'].own),
    report.exhausted['zh-Hant'],
  );
  const en = generateFromGrammar(grammar, grammar.locales.en, target(cfg.en.perIntent), report.exhausted.en);
  const partsOf: Record<Locale, Array<Map<string, CorpusRecord[]>>> = {
    'zh-Hans': [hans],
    'zh-Hant': [hantOwn, convertToHant(grammar, hans)],
    en: [en],
  };
  for (const locale of LOCALES) {
    const result = finalise(grammar, partsOf[locale], report.counts[locale]);
    records[locale] = result.records;
    report.conflicts[locale] = result.conflicts.length;
    report.conflictKeys[locale] = result.conflicts;
    report.excluded[locale] = result.excluded;
  }
  return { records, report };
}

/** One JSON object per line, keys in a fixed order, a final newline. */
export function toJsonl(records: readonly CorpusRecord[]): string {
  return records
    .map((r) =>
      JSON.stringify(
        r.prev === undefined
          ? { text: r.text, intent: r.intent, skeleton: r.skeleton }
          : { text: r.text, intent: r.intent, prev: r.prev, skeleton: r.skeleton },
      ),
    )
    .join('\n')
    .concat('\n');
}
