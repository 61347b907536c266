import * as z from 'zod/mini';
import { LOCALES } from '../vocabulary.js';
import { parseUtcOffset } from './time.js';

/** Options of `createQa()`. */
export const qaOptionsSchema = z.strictObject({
  /** A scorecard (see `scorecardSchema`); default `DEFAULT_SCORECARD`. Its `maxSeconds` set the time thresholds. */
  scorecard: z.optional(z.unknown()),
  /** The shop's UTC offset (`+08:00`): zone-less export times are read in it, epoch times dated in it. Default `+00:00`. */
  utcOffset: z.optional(
    z
      .string()
      .check(
        z.refine(
          (value) => parseUtcOffset(value) !== undefined,
          'utcOffset must be an offset like +08:00, -07:00 or Z',
        ),
      ),
  ),
  /** Anger (analyze()'s `emotion.anger` score) at or above this is a complaint trigger. Default 0.5. */
  angerThreshold: z.optional(z.number().check(z.gte(0), z.lte(1))),
  /**
   * The language of the evidence messages, for a lead who reads one language: the checks' own
   * messages and the lint findings' messages. Default: the checks' messages in English and each
   * finding's in its reply's language (as `lint()` writes them).
   */
  locale: z.optional(z.enum(LOCALES)),
});
export type QaOptions = z.input<typeof qaOptionsSchema>;
