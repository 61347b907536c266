import * as z from 'zod';
import { parseUtcOffset } from './time.js';

/** Options of `createQa()`. */
export const qaOptionsSchema = z
  .object({
    /** A scorecard (see `scorecardSchema`); default `DEFAULT_SCORECARD`. Its `maxSeconds` set the time thresholds. */
    scorecard: z.unknown().optional(),
    /** The shop's UTC offset (`+08:00`): zone-less export times are read in it, epoch times dated in it. Default `+00:00`. */
    utcOffset: z
      .string()
      .refine(
        (value) => parseUtcOffset(value) !== undefined,
        'utcOffset must be an offset like +08:00, -07:00 or Z',
      )
      .optional(),
    /** Anger (analyze()'s `emotion.anger` score) at or above this is a complaint trigger. Default 0.5. */
    angerThreshold: z.number().min(0).max(1).optional(),
  })
  .strict();
export type QaOptions = z.input<typeof qaOptionsSchema>;
