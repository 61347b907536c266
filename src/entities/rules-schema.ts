import * as z from 'zod';
import { regexProblem } from '../text/safe-regex.js';

const phrase = z.string().trim().min(1, 'a phrase must not be empty');
const phraseList = z.array(phrase).min(1, 'list at least one phrase');
/** A carrier's number format: runnable by a linear-time engine (see src/text/safe-regex.ts). */
const regexSource = z.string().superRefine((source, ctx) => {
  const problem = regexProblem(source);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});

/** `rules/entities/cues.json`: words that say what the number after them is. */
export const entityCuesFileSchema = z
  .object({
    $comment: z.string().optional(),
    order_id: phraseList,
    tracking_number: phraseList,
    phone: phraseList,
  })
  .strict();

/** `rules/entities/carriers.json`. */
export const carriersFileSchema = z
  .object({
    $comment: z.string().optional(),
    carriers: z
      .array(
        z
          .object({
            code: z.string().regex(/^[A-Z][A-Z_]*$/, 'a carrier code is UPPER_SNAKE_CASE'),
            name: z.string().min(1),
            names: phraseList,
            prefixed: z.array(regexSource),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** `rules/entities/currencies.json`. */
export const currenciesFileSchema = z
  .object({
    $comment: z.string().optional(),
    currencies: z
      .array(
        z
          .object({
            code: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code'),
            prefixes: z.array(phrase),
            suffixes: z.array(phrase),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

const valuedPhrases = z.object({ value: z.string().min(1), phrases: phraseList }).strict();

/** `rules/entities/colors.json`. */
export const colorsFileSchema = z
  .object({
    $comment: z.string().optional(),
    /** Chinese modifiers put in front of every word ending in 色 (深 + 蓝色 → dark blue). */
    modifiers: z.record(z.string().min(1), z.string().min(1)),
    colors: z.array(valuedPhrases).min(1),
  })
  .strict();

/** `rules/entities/sizes.json`. */
export const sizesFileSchema = z
  .object({ $comment: z.string().optional(), sizes: z.array(valuedPhrases).min(1) })
  .strict();

const relativeValue = z
  .string()
  .regex(
    /^(?:relative:(?:0|[+-]\d+)[dwmy](?::[a-z]+)?|weekday:[a-z]{3})$/,
    'a date value such as relative:+1d, relative:+1w:mon, relative:0m:end or weekday:fri',
  );
const dayPartValue = z
  .string()
  .regex(
    /^(?:relative:(?:0|[+-]\d+)d )?(?:morning|noon|afternoon|evening|night)$/,
    'a part of the day (morning, noon, afternoon, evening, night), optionally after relative:<n>d',
  );
const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** `rules/entities/dates.json`. */
export const datesFileSchema = z
  .object({
    $comment: z.string().optional(),
    days: z.array(z.object({ value: relativeValue, phrases: phraseList }).strict()).min(1),
    weekdays: z
      .array(z.object({ day: weekday, zh: phraseList, en: phraseList }).strict())
      .length(7, 'list the seven weekdays'),
    /** 周, 星期, 礼拜: written before a weekday number in Chinese. */
    weekdayHeads: phraseList,
    weekPrefixes: z
      .array(
        z
          .object({
            offset: z.string().regex(/^(?:0|[+-]\d+)w$/, 'a week offset such as +1w'),
            zh: phraseList,
            en: phraseList,
          })
          .strict(),
      )
      .min(1),
    dayParts: z.array(z.object({ value: dayPartValue, phrases: phraseList }).strict()).min(1),
  })
  .strict();
