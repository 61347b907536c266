import * as z from 'zod/mini';
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

const phrase = z.string().check(z.trim(), z.minLength(1, 'a phrase must not be empty'));
const phraseList = z.array(phrase).check(z.minLength(1, 'list at least one phrase'));

/** `rules/signals/<signal id>.json`: weighted phrase groups of one signal. */
export const signalRuleFileSchema = z
  .strictObject({
    $comment: z.optional(z.string()),
    signal: z.enum(SIGNAL_IDS),
    description: z.string().check(z.minLength(1)),
    /** Whether a negator in front cancels the phrase (不会给差评). Default true. */
    negatable: z._default(z.boolean(), true),
    groups: z
      .array(
        z.strictObject({
          /** How strongly one phrase of the group raises the signal, in (0, 1]. */
          weight: z.number().check(z.gt(0), z.lte(1)),
          /** A cue list name: the phrase counts only with one of its cues within a few characters. */
          requires: z.optional(z.string()),
          negatable: z.optional(z.boolean()),
          phrases: phraseList,
        }),
      )
      .check(z.minLength(1)),
    /** Named cue lists for `requires`. */
    cues: z.optional(z.record(z.string(), phraseList)),
  })
  .check(
    z.superRefine((file, ctx) => {
      file.groups.forEach((group, index) => {
        if (group.requires !== undefined && file.cues?.[group.requires] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['groups', index, 'requires'],
            message: `requires "${group.requires}" but the file has no cues.${group.requires} list`,
          });
        }
      });
    }),
  );
export type SignalRuleFile = z.output<typeof signalRuleFileSchema>;

/** `rules/signals/negation.json`: negators and the filler words allowed between them and a phrase. */
export const negationFileSchema = z.strictObject({
  $comment: z.optional(z.string()),
  zh: z.strictObject({
    negators: phraseList,
    fillers: z.array(z.string().check(z.length(1, 'a Chinese filler is one character'))),
  }),
  en: z.strictObject({
    negators: phraseList,
    fillers: z.array(z.string().check(z.regex(/^[a-z']+$/, 'a lower-case word'))),
  }),
});
export type NegationFile = z.output<typeof negationFileSchema>;

/** `rules/signals/topics.json`: issue topics that tell whether two customer turns raise the same issue. */
export const topicsFileSchema = z.strictObject({
  $comment: z.optional(z.string()),
  topics: z.record(z.string().check(z.regex(/^[a-z_]+$/, 'a topic name is lower_snake_case')), phraseList),
});
export type TopicsFile = z.output<typeof topicsFileSchema>;

/** `rules/signals/emphasis.json`: words that make a run of capitals speech (shouting), not a product name. */
export const emphasisFileSchema = z.strictObject({
  $comment: z.optional(z.string()),
  shoutWords: z.array(z.string().check(z.regex(/^[a-z']+$/, 'a lower-case word'))).check(z.minLength(1)),
});
