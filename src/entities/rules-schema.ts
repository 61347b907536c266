import * as z from 'zod/mini';
import { regexProblem } from '../text/safe-regex.js';

const phrase = z.string().check(z.trim(), z.minLength(1, 'a phrase must not be empty'));
const phraseList = z.array(phrase).check(z.minLength(1, 'list at least one phrase'));
/** A carrier's number format: runnable by a linear-time engine (see src/text/safe-regex.ts). */
const regexSource = z.string().check(
  z.superRefine((source, ctx) => {
    const problem = regexProblem(source);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  }),
);

/** `rules/entities/cues.json`: words that say what the number after them is. */
export const entityCuesFileSchema = z.strictObject({
  $comment: z.optional(z.string()),
  order_id: phraseList,
  tracking_number: phraseList,
  phone: phraseList,
});

/** `rules/entities/carriers.json`. */
export const carriersFileSchema = z.strictObject({
  $comment: z.optional(z.string()),
  carriers: z
    .array(
      z.strictObject({
        code: z.string().check(z.regex(/^[A-Z][A-Z_]*$/, 'a carrier code is UPPER_SNAKE_CASE')),
        name: z.string().check(z.minLength(1)),
        names: phraseList,
        prefixed: z.array(regexSource),
      }),
    )
    .check(z.minLength(1)),
});

/** `rules/entities/currencies.json`. */
export const currenciesFileSchema = z.strictObject({
  $comment: z.optional(z.string()),
  currencies: z
    .array(
      z.strictObject({
        code: z.string().check(z.regex(/^[A-Z]{3}$/, 'an ISO 4217 code')),
        prefixes: z.array(phrase),
        suffixes: z.array(phrase),
      }),
    )
    .check(z.minLength(1)),
});

const valuedPhrases = z.strictObject({ value: z.string().check(z.minLength(1)), phrases: phraseList });

/** `rules/entities/colors.json`. */
export const colorsFileSchema = z.strictObject({
  $comment: z.optional(z.string()),
  /** Chinese modifiers put in front of every word ending in 色 (深 + 蓝色 → dark blue). */
  modifiers: z.record(z.string().check(z.minLength(1)), z.string().check(z.minLength(1))),
  colors: z.array(valuedPhrases).check(z.minLength(1)),
});

/** `rules/entities/sizes.json`. */
export const sizesFileSchema = z.strictObject({
  $comment: z.optional(z.string()),
  sizes: z.array(valuedPhrases).check(z.minLength(1)),
});

const relativeValue = z
  .string()
  .check(
    z.regex(
      /^(?:relative:(?:0|[+-]\d+)[dwmy](?::[a-z]+)?|weekday:[a-z]{3})$/,
      'a date value such as relative:+1d, relative:+1w:mon, relative:0m:end or weekday:fri',
    ),
  );
const dayPartValue = z
  .string()
  .check(
    z.regex(
      /^(?:relative:(?:0|[+-]\d+)d )?(?:morning|noon|afternoon|evening|night)$/,
      'a part of the day (morning, noon, afternoon, evening, night), optionally after relative:<n>d',
    ),
  );
const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** `rules/entities/dates.json`. */
export const datesFileSchema = z.strictObject({
  $comment: z.optional(z.string()),
  days: z.array(z.strictObject({ value: relativeValue, phrases: phraseList })).check(z.minLength(1)),
  weekdays: z
    .array(z.strictObject({ day: weekday, zh: phraseList, en: phraseList }))
    .check(z.length(7, 'list the seven weekdays')),
  /** 周, 星期, 礼拜: written before a weekday number in Chinese. */
  weekdayHeads: phraseList,
  weekPrefixes: z
    .array(
      z.strictObject({
        offset: z.string().check(z.regex(/^(?:0|[+-]\d+)w$/, 'a week offset such as +1w')),
        zh: phraseList,
        en: phraseList,
      }),
    )
    .check(z.minLength(1)),
  dayParts: z.array(z.strictObject({ value: dayPartValue, phrases: phraseList })).check(z.minLength(1)),
});
