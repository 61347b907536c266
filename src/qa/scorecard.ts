import * as z from 'zod/mini';
import { parseOrThrow } from '../errors.js';
import { CHECK_IDS, type CheckId } from './check-ids.js';

const entrySchema = z.strictObject({
  /** Points of the check (what a failure costs). */
  points: z.number().check(z.gte(0, 'points must be ≥ 0'), z.lte(1000, 'points must be ≤ 1000')),
  /**
   * A failure is fatal (致命项): the conversation scores 0 — unless every finding behind it is a
   * lint warning (a "may be"), which costs only the check's points.
   */
  fatal: z._default(z.boolean(), false),
  /** first-response / response-time: the threshold in seconds. */
  maxSeconds: z.optional(z.number().check(z.positive('maxSeconds must be > 0'), z.lte(7 * 24 * 3600))),
});

/**
 * A scorecard: points per check and fatal items. `scoring`: `deduction` (default; 扣分制: 100 minus
 * the points of every failed check, n/a costs nothing) or `ratio` (points earned / points of the
 * checks that apply × 100). Either way a failed fatal check makes the score 0, unless it failed on
 * lint warnings alone (each piece of evidence names its severity). A check left out is not scored
 * (its result is still reported).
 */
export const scorecardSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    name: z._default(z.string().check(z.minLength(1)), 'custom'),
    description: z.optional(z.string()),
    scoring: z._default(z.enum(['deduction', 'ratio']), 'deduction'),
    checks: z.record(z.string(), entrySchema).check(
      z.superRefine((checks, ctx) => {
        for (const id of Object.keys(checks))
          if (!(CHECK_IDS as readonly string[]).includes(id))
            ctx.addIssue({
              code: 'custom',
              path: [id],
              message: `unknown check "${id}"; checks: ${CHECK_IDS.join(', ')}`,
            });
        for (const id of Object.keys(checks))
          if (checks[id]!.maxSeconds !== undefined && id !== 'first-response' && id !== 'response-time')
            ctx.addIssue({
              code: 'custom',
              path: [id, 'maxSeconds'],
              message: 'only first-response and response-time take maxSeconds',
            });
      }),
    ),
  })
  .check(
    z.superRefine((card, ctx) => {
      if (card.scoring === 'deduction') {
        const total = Object.values(card.checks).reduce((sum, entry) => sum + entry.points, 0);
        if (total > 100)
          ctx.addIssue({
            code: 'custom',
            path: ['checks'],
            message: `deduction scoring: the points sum to ${total}, more than 100`,
          });
      }
    }),
  );

export type ScorecardInput = z.input<typeof scorecardSchema>;
export interface Scorecard {
  name: string;
  description?: string;
  scoring: 'deduction' | 'ratio';
  checks: Partial<Record<CheckId, { points: number; fatal: boolean; maxSeconds?: number }>>;
}

/**
 * The default scorecard, after the documents: points summing to 100; forbidden language, customer
 * data, off-platform contact and false shipping claims are fatal; 30 s first response, 60 s replies.
 */
export const DEFAULT_SCORECARD: Scorecard = {
  name: 'default',
  description:
    'Points per check (sum 100); fatal items (致命项): forbidden language, customer data, off-platform contact, false shipping claims.',
  scoring: 'deduction',
  checks: {
    greeting: { points: 5, fatal: false },
    'first-response': { points: 10, fatal: false, maxSeconds: 30 },
    'response-time': { points: 10, fatal: false, maxSeconds: 60 },
    unanswered: { points: 10, fatal: false },
    'apology-on-complaint': { points: 10, fatal: false },
    'further-help': { points: 5, fatal: false },
    satisfaction: { points: 5, fatal: false },
    'forbidden-language': { points: 15, fatal: true },
    'shipping-wording': { points: 5, fatal: true },
    overpromise: { points: 5, fatal: false },
    pii: { points: 10, fatal: true },
    'off-platform': { points: 10, fatal: true },
  },
};

/** Validate a scorecard (e.g. a parsed --scorecard file); throws `HuashuError` `INVALID_OPTIONS` listing every problem. */
export function parseScorecard(value: unknown): Scorecard {
  return parseOrThrow(scorecardSchema, value, 'INVALID_OPTIONS', 'scorecard') as Scorecard;
}

/** The JSON Schema of a scorecard file. */
export function scorecardJsonSchema(): unknown {
  return z.toJSONSchema(scorecardSchema, { io: 'input', unrepresentable: 'any' });
}

/** Score and fatal flag of one conversation's results under a scorecard. */
export function scoreResults(
  scorecard: Scorecard,
  results: ReadonlyArray<{
    id: CheckId;
    result: 'pass' | 'fail' | 'n/a';
    evidence?: ReadonlyArray<{ severity?: 'error' | 'warn' }>;
  }>,
): { score: number; fatal: boolean; points: Map<CheckId, number> } {
  let fatal = false;
  let lost = 0;
  let applicable = 0;
  const points = new Map<CheckId, number>();
  for (const { id, result, evidence } of results) {
    const entry = scorecard.checks[id];
    if (entry === undefined) {
      points.set(id, 0);
      continue;
    }
    // A fatal item zeroes the score when the failure is sure: not when every finding behind it is a
    // warning (the rule's own "may be": a tone score, a number whose owner is unknown), which still
    // costs the check's points and stays in the evidence for the lead to read.
    if (
      result === 'fail' &&
      entry.fatal &&
      !(evidence?.length && evidence.every((e) => e.severity === 'warn'))
    )
      fatal = true;
    if (result !== 'n/a') applicable += entry.points;
    if (result === 'fail') lost += entry.points;
    points.set(id, result === 'pass' ? entry.points : 0);
  }
  let score: number;
  if (fatal) score = 0;
  else if (scorecard.scoring === 'deduction') score = 100 - lost;
  else score = applicable === 0 ? 100 : ((applicable - lost) / applicable) * 100;
  return { score: Math.round(score * 10) / 10, fatal, points };
}
