import type { EntityType, SignalId } from '../analysis/types.js';
import type { RegexPlan } from '../text/safe-regex.js';

/**
 * The shape of `src/generated/phrase-lexicon.ts`: every phrase the signal and entity extractors
 * look for, already folded by `normalize`, so one Aho-Corasick pass over the folded message finds
 * them all. A keyword can carry several payloads (投诉 is a complaint threat and an issue topic).
 */
export type LexiconPayload =
  /** A phrase that raises `signal` by `weight`; `requires` names a cue that must occur nearby. */
  | { kind: 'signal'; signal: SignalId; weight: number; negatable: boolean; requires?: string }
  /** A word a `requires` group of `signal` needs within a few characters (发到 for 微博). */
  | { kind: 'signal-cue'; signal: SignalId; cue: string }
  /** A negator (不, 没有, won't) that cancels a negatable phrase it governs. */
  | { kind: 'negation' }
  /** An issue topic (shipping, refund…) used to tell whether earlier turns raised the same issue. */
  | { kind: 'topic'; topic: string }
  /** A word that says what the number next to it is (订单号, tracking number, 手机). */
  | { kind: 'entity-cue'; entity: 'order_id' | 'tracking_number' | 'phone' }
  /** A carrier name (顺丰, ZTO); `code` is the carrier code reported on tracking numbers. */
  | { kind: 'carrier'; code: string }
  /** A word that is itself an entity (红色 → color "red", 明天 → date "relative:+1d"). */
  | { kind: 'entity'; entity: Extract<EntityType, 'color' | 'size' | 'date' | 'time'>; value: string };

export interface PhraseLexicon {
  /** Folded keywords, unique. */
  keywords: string[];
  /** The distinct payloads; keyword `i` carries `payloads[j]` for every `j` in `keywordPayloads[i]`. */
  payloads: LexiconPayload[];
  keywordPayloads: number[][];
  /** Characters allowed between a Chinese negator and the phrase it governs (会, 给, 想…). */
  zhFillers: string;
  /** Words allowed between an English negator and the phrase it governs (going, to, leave, a…). */
  enFillers: string[];
  /** Lower-case words that make a run of capitals shouting rather than a product name. */
  shoutWords: string[];
}

/** A carrier and the formats of its tracking numbers (regex sources over folded, lower-case text). */
export interface CarrierFormat {
  code: string;
  name: string;
  /** Formats that identify the carrier on their own (a letter prefix such as sf, jdv). */
  prefixed: string[];
  /** The build step's plan of each `prefixed` pattern, by source (see `compileSafeRegex`). */
  plans: Record<string, RegexPlan>;
}

export interface CurrencyFormat {
  code: string;
  /** Written before the amount: ¥, $, rmb, us$. */
  prefixes: string[];
  /** Written after the amount: 元, 块, dollars, usd. */
  suffixes: string[];
}

/** Weekday names and what may stand before them (下 + 周 + 一, next + monday), folded. */
export interface WeekdayWords {
  heads: string[];
  days: Array<{ day: string; zh: string[]; en: string[] }>;
  /** Week offsets: 0w (这周), +1w (下周), -1w (上周). */
  prefixes: Array<{ offset: string; zh: string[]; en: string[] }>;
}

export interface EntityData {
  /** Chinese modifiers before a colour ending in 色, longest first: [深, dark]. */
  colorModifiers: Array<[string, string]>;
  weekdays: WeekdayWords;
  carriers: CarrierFormat[];
  currencies: CurrencyFormat[];
}
