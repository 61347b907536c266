/**
 * zod schemas of the corpus grammar files under rules/intents/grammar/ (see its README).
 */
import * as z from 'zod/mini';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';

export const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const probability = z.number().check(z.gte(0), z.lte(1));
const intentId = z.enum(BUILT_IN_INTENT_IDS);
const template = z.string().check(z.minLength(1));
const templates = z.array(template).check(z.minLength(1));
/** `[value, weight]` pairs. */
const weighted = z.array(z.tuple([z.string(), z.number().check(z.positive())])).check(z.minLength(1));
const TONES = ['neutral', 'neg', 'angry', 'pos'] as const;
export type Tone = (typeof TONES)[number];
const byTone = z.strictObject({ neutral: templates, neg: templates, angry: templates, pos: templates });
/** Phrase substitutions: `[from, [to, …]]`. */
const substitutions = z
  .array(z.tuple([z.string().check(z.minLength(1)), z.array(z.string()).check(z.minLength(1))]))
  .check(z.minLength(1));

export const configSchema = z.strictObject({
  $comment: z.optional(z.string()),
  /** Root of every pseudo-random stream: change it and the whole corpus changes. */
  seed: z.string().check(z.minLength(1)),
  'zh-Hans': z.strictObject({ perIntent: z.number().check(z.int(), z.positive()) }),
  'zh-Hant': z.strictObject({
    /** zh-Hans utterances per intent converted through OpenCC and the Taiwan/Hong Kong vocabulary. */
    converted: z.number().check(z.int(), z.positive()),
    /** utterances per intent from zh-Hant's own skeletons. */
    own: z.number().check(z.int(), z.positive()),
    /** share of converted utterances that use OpenCC's Hong Kong variant instead of Taiwan's. */
    hongKong: probability,
  }),
  en: z.strictObject({ perIntent: z.number().check(z.int(), z.positive()) }),
  /** Per-intent multipliers of the targets (e.g. ack has more context pairs). */
  scale: z._default(z.record(z.string(), z.number().check(z.positive())), {}),
});
export type CorpusConfig = z.output<typeof configSchema>;

export const slotsSchema = z.strictObject({
  $comment: z.optional(z.string()),
  locale: z.enum(LOCALES),
  /** Named value lists; each value is a template. */
  lists: z.record(z.string().check(z.regex(/^[a-z_][a-z0-9_]*$/)), templates),
  /** Record slots: every record has the same fields, each a list of templates. */
  records: z.record(
    z.string().check(z.regex(/^[a-z_][a-z0-9_]*$/)),
    z.array(z.record(z.string(), templates)).check(z.minLength(1)),
  ),
});
export type SlotsFile = z.output<typeof slotsSchema>;

export const styleSchema = z.strictObject({
  $comment: z.optional(z.string()),
  locale: z.enum(LOCALES),
  /** How the lines of one message are joined. */
  joiners: weighted,
  greet: z.strictObject({ p: probability, phrases: templates, skip: z.array(intentId) }),
  cards: z.strictObject({
    order: z.strictObject({ p: probability, templates }),
    product: z.strictObject({ p: probability, templates }),
  }),
  detail: z.strictObject({ p: probability }),
  urge: z.strictObject({ p: probability }),
  politeTail: z.strictObject({ p: probability, phrases: templates, skip: z.array(intentId) }),
  colloquial: z.strictObject({ p: probability, each: probability, pairs: substitutions }),
  typo: z.strictObject({ p: probability, max: z.number().check(z.int(), z.gte(1)), pairs: substitutions }),
  particle: z.strictObject({ p: probability, tones: byTone }),
  emoji: z.strictObject({ p: probability, tones: byTone }),
  repeat: z.strictObject({ p: probability, marks: byTone }),
  punctuation: z.strictObject({
    /** drop every ，。？！,.?! of the message. */
    dropAll: probability,
    /** turn full-width ，？！ into half-width. */
    halfWidth: probability,
  }),
  lowercase: z._default(probability, 0),
  /** Put a topic-free agent opening before a message that has no previous agent turn. */
  openingPrev: z.strictObject({ p: probability, prev: templates, skip: z._default(z.array(intentId), []) }),
});
export type StyleFile = z.output<typeof styleSchema>;

export const skeletonSchema = z.strictObject({
  /** Unique in its intent file: lower-case words joined by "-". */
  id: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  /** Variants of the skeleton (templates). */
  t: templates,
  /** The agent's previous turn this answers (templates): the intent depends on it. */
  prev: z.optional(templates),
  /** Relative weight when sampling (default 1). */
  w: z.optional(z.number().check(z.positive())),
  /**
   * Which style operators apply: all (default without prev), surface (no greeting, card, extra
   * lines or opening; default with prev), none.
   */
  ops: z.optional(z.enum(['all', 'surface', 'none'])),
});
export type Skeleton = z.output<typeof skeletonSchema>;

export const intentGrammarSchema = z.strictObject({
  $comment: z.optional(z.string()),
  intent: intentId,
  tone: z.enum(TONES),
  /** Which pasted cards may come before the message. */
  cards: z._default(z.array(z.enum(['order', 'product'])), []),
  /** Extra lines that add a detail (order number, how long, what item). */
  details: z._default(z.array(template), []),
  /** Extra lines that urge (快点, 急用). */
  urges: z._default(z.array(template), []),
  skeletons: z.array(skeletonSchema).check(z.minLength(1)),
});
export type IntentGrammarFile = z.output<typeof intentGrammarSchema>;

export const vocabularySchema = z.strictObject({
  $comment: z.optional(z.string()),
  locale: z.literal('zh-Hant'),
  /** Probability that each matching pair is applied to a converted utterance. */
  p: probability,
  /** Substitutions applied after OpenCC (traditional text on both sides). */
  pairs: substitutions,
});

export const exclusionsSchema = z.strictObject({
  $comment: z.optional(z.string()),
  /** sha256 (hex) of generated texts dropped from the output. */
  sha256: z.array(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
});

export const recordSchema = z.strictObject({
  text: z.string().check(z.minLength(1)),
  intent: intentId,
  prev: z.optional(z.string().check(z.minLength(1))),
  skeleton: z.string().check(z.regex(/^(zh-Hans|zh-Hant|en)\/[a-z._-]+\/[a-z0-9-]+$/)),
});
export type CorpusRecord = z.output<typeof recordSchema>;
