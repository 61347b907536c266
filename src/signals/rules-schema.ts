import * as z from 'zod';
import type { SignalId } from '../analysis/types.js';

/** Every signal id of `Signal['id']`, in the order `analysis.signals` breaks score ties. */
export const SIGNAL_IDS = [
  'threat.legal',
  'threat.media',
  'threat.complaint_channel',
  'threat.bad_review',
  'abuse',
  'emotion.anger',
  'repeat_contact',
  'emotion.urgency',
] as const satisfies readonly SignalId[];

const phrase = z.string().trim().min(1, 'a phrase must not be empty');
const phraseList = z.array(phrase).min(1, 'list at least one phrase');

/** `rules/signals/<signal id>.json`: weighted phrase groups of one signal. */
export const signalRuleFileSchema = z
  .object({
    $comment: z.string().optional(),
    signal: z.enum(SIGNAL_IDS),
    description: z.string().min(1),
    /** Whether a negator in front cancels the phrase (不会给差评). Default true. */
    negatable: z.boolean().default(true),
    groups: z
      .array(
        z
          .object({
            /** How strongly one phrase of the group raises the signal, in (0, 1]. */
            weight: z.number().gt(0).max(1),
            /** A cue list name: the phrase counts only with one of its cues within a few characters. */
            requires: z.string().optional(),
            negatable: z.boolean().optional(),
            phrases: phraseList,
          })
          .strict(),
      )
      .min(1),
    /** Named cue lists for `requires`. */
    cues: z.record(z.string(), phraseList).optional(),
  })
  .strict()
  .superRefine((file, ctx) => {
    file.groups.forEach((group, index) => {
      if (group.requires !== undefined && file.cues?.[group.requires] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['groups', index, 'requires'],
          message: `requires "${group.requires}" but the file has no cues.${group.requires} list`,
        });
      }
    });
  });
export type SignalRuleFile = z.output<typeof signalRuleFileSchema>;

/** `rules/signals/negation.json`: negators and the filler words allowed between them and a phrase. */
export const negationFileSchema = z
  .object({
    $comment: z.string().optional(),
    zh: z
      .object({
        negators: phraseList,
        fillers: z.array(z.string().length(1, 'a Chinese filler is one character')),
      })
      .strict(),
    en: z
      .object({ negators: phraseList, fillers: z.array(z.string().regex(/^[a-z']+$/, 'a lower-case word')) })
      .strict(),
  })
  .strict();
export type NegationFile = z.output<typeof negationFileSchema>;

/** `rules/signals/topics.json`: issue topics that tell whether two customer turns raise the same issue. */
export const topicsFileSchema = z
  .object({
    $comment: z.string().optional(),
    topics: z.record(z.string().regex(/^[a-z_]+$/, 'a topic name is lower_snake_case'), phraseList),
  })
  .strict();
export type TopicsFile = z.output<typeof topicsFileSchema>;

/** `rules/signals/emphasis.json`: words that make a run of capitals speech (shouting), not a product name. */
export const emphasisFileSchema = z
  .object({
    $comment: z.string().optional(),
    shoutWords: z.array(z.string().regex(/^[a-z']+$/, 'a lower-case word')).min(1),
  })
  .strict();
