import * as z from 'zod/mini';
import { phraseEntrySchema } from '../lint/data-schema.js';

/** The cues of the conversation checks (rules/qa/cues.json). */
export const QA_CUES = [
  'greeting',
  'apology',
  'further-help',
  'satisfaction-ask',
  'resolution',
  'closing',
  'nothing-else',
  'pending',
] as const;
export type QaCue = (typeof QA_CUES)[number];

/** The cues the lint rules' phrase data already holds: rule id and role. */
export const LINT_CUES = {
  greeting: { rule: 'greet-first', role: 'greeting' },
  apology: { rule: 'apologize-on-complaint', role: 'apology' },
  'further-help': { rule: 'offer-further-help', role: 'further-help' },
  'nothing-else': { rule: 'offer-further-help', role: 'decline' },
} as const satisfies Partial<Record<QaCue, { rule: string; role: string }>>;

/** rules/qa/cues.json: QA-only phrase entries (lint syntax) and lint matches the QA definitions exclude. */
export const qaCuesFileSchema = z.strictObject({
  $comment: z.optional(z.string()),
  $schema: z.optional(z.string()),
  /** Per lint cue, folded matched texts that do not count (在的 is not a greeting). */
  exclude: z.object({
    greeting: z.array(z.string().check(z.minLength(1))),
    apology: z.array(z.string().check(z.minLength(1))),
    'further-help': z.array(z.string().check(z.minLength(1))),
    'nothing-else': z.array(z.string().check(z.minLength(1))),
  }),
  phrases: z.array(z.extend(phraseEntrySchema, { role: z.enum(QA_CUES) })),
});
export type QaCuesFile = z.infer<typeof qaCuesFileSchema>;

/** What the build ships: entries without their examples. */
export interface BuiltInQaCues {
  exclude: QaCuesFile['exclude'];
  phrases: Array<Omit<QaCuesFile['phrases'][number], 'examples' | 'counterExamples'>>;
}
