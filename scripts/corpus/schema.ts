/**
 * zod schemas of the corpus grammar files under rules/intents/grammar/ (see its README).
 */
import * as z from 'zod';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';

export const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const probability = z.number().min(0).max(1);
const intentId = z.enum(BUILT_IN_INTENT_IDS);
const template = z.string().min(1);
const templates = z.array(template).min(1);
/** `[value, weight]` pairs. */
const weighted = z.array(z.tuple([z.string(), z.number().positive()])).min(1);
const TONES = ['neutral', 'neg', 'angry', 'pos'] as const;
export type Tone = (typeof TONES)[number];
const byTone = z.object({ neutral: templates, neg: templates, angry: templates, pos: templates }).strict();
/** Phrase substitutions: `[from, [to, …]]`. */
const substitutions = z.array(z.tuple([z.string().min(1), z.array(z.string()).min(1)])).min(1);

export const configSchema = z
  .object({
    $comment: z.string().optional(),
    /** Root of every pseudo-random stream: change it and the whole corpus changes. */
    seed: z.string().min(1),
    'zh-Hans': z.object({ perIntent: z.number().int().positive() }).strict(),
    'zh-Hant': z
      .object({
        /** zh-Hans utterances per intent converted through OpenCC and the Taiwan/Hong Kong vocabulary. */
        converted: z.number().int().positive(),
        /** utterances per intent from zh-Hant's own skeletons. */
        own: z.number().int().positive(),
        /** share of converted utterances that use OpenCC's Hong Kong variant instead of Taiwan's. */
        hongKong: probability,
      })
      .strict(),
    en: z.object({ perIntent: z.number().int().positive() }).strict(),
    /** Per-intent multipliers of the targets (e.g. ack has more context pairs). */
    scale: z.record(z.string(), z.number().positive()).default({}),
  })
  .strict();
export type CorpusConfig = z.output<typeof configSchema>;

export const slotsSchema = z
  .object({
    $comment: z.string().optional(),
    locale: z.enum(LOCALES),
    /** Named value lists; each value is a template. */
    lists: z.record(z.string().regex(/^[a-z_][a-z0-9_]*$/), templates),
    /** Record slots: every record has the same fields, each a list of templates. */
    records: z.record(
      z.string().regex(/^[a-z_][a-z0-9_]*$/),
      z.array(z.record(z.string(), templates)).min(1),
    ),
  })
  .strict();
export type SlotsFile = z.output<typeof slotsSchema>;

export const styleSchema = z
  .object({
    $comment: z.string().optional(),
    locale: z.enum(LOCALES),
    /** How the lines of one message are joined. */
    joiners: weighted,
    greet: z.object({ p: probability, phrases: templates, skip: z.array(intentId) }).strict(),
    cards: z
      .object({
        order: z.object({ p: probability, templates }).strict(),
        product: z.object({ p: probability, templates }).strict(),
      })
      .strict(),
    detail: z.object({ p: probability }).strict(),
    urge: z.object({ p: probability }).strict(),
    politeTail: z.object({ p: probability, phrases: templates, skip: z.array(intentId) }).strict(),
    colloquial: z.object({ p: probability, each: probability, pairs: substitutions }).strict(),
    typo: z.object({ p: probability, max: z.number().int().min(1), pairs: substitutions }).strict(),
    particle: z.object({ p: probability, tones: byTone }).strict(),
    emoji: z.object({ p: probability, tones: byTone }).strict(),
    repeat: z.object({ p: probability, marks: byTone }).strict(),
    punctuation: z
      .object({
        /** drop every ，。？！,.?! of the message. */
        dropAll: probability,
        /** turn full-width ，？！ into half-width. */
        halfWidth: probability,
      })
      .strict(),
    lowercase: probability.default(0),
    /** Put a topic-free agent opening before a message that has no previous agent turn. */
    openingPrev: z.object({ p: probability, prev: templates, skip: z.array(intentId).default([]) }).strict(),
  })
  .strict();
export type StyleFile = z.output<typeof styleSchema>;

export const skeletonSchema = z
  .object({
    /** Unique in its intent file: lower-case words joined by "-". */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    /** Variants of the skeleton (templates). */
    t: templates,
    /** The agent's previous turn this answers (templates): the intent depends on it. */
    prev: templates.optional(),
    /** Relative weight when sampling (default 1). */
    w: z.number().positive().optional(),
    /**
     * Which style operators apply: all (default without prev), surface (no greeting, card, extra
     * lines or opening; default with prev), none.
     */
    ops: z.enum(['all', 'surface', 'none']).optional(),
  })
  .strict();
export type Skeleton = z.output<typeof skeletonSchema>;

export const intentGrammarSchema = z
  .object({
    $comment: z.string().optional(),
    intent: intentId,
    tone: z.enum(TONES),
    /** Which pasted cards may come before the message. */
    cards: z.array(z.enum(['order', 'product'])).default([]),
    /** Extra lines that add a detail (order number, how long, what item). */
    details: z.array(template).default([]),
    /** Extra lines that urge (快点, 急用). */
    urges: z.array(template).default([]),
    skeletons: z.array(skeletonSchema).min(1),
  })
  .strict();
export type IntentGrammarFile = z.output<typeof intentGrammarSchema>;

export const vocabularySchema = z
  .object({
    $comment: z.string().optional(),
    locale: z.literal('zh-Hant'),
    /** Probability that each matching pair is applied to a converted utterance. */
    p: probability,
    /** Substitutions applied after OpenCC (traditional text on both sides). */
    pairs: substitutions,
  })
  .strict();

export const exclusionsSchema = z
  .object({
    $comment: z.string().optional(),
    /** sha256 (hex) of generated texts dropped from the output. */
    sha256: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
  })
  .strict();

export const recordSchema = z
  .object({
    text: z.string().min(1),
    intent: intentId,
    prev: z.string().min(1).optional(),
    skeleton: z.string().regex(/^(zh-Hans|zh-Hant|en)\/[a-z._-]+\/[a-z0-9-]+$/),
  })
  .strict();
export type CorpusRecord = z.output<typeof recordSchema>;
