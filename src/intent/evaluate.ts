import { z } from 'zod';
import { describeValue, invalidArgument } from '../arguments.js';
import { describeIssues, HuashuError, issuesFromZod, type HuashuIssue } from '../errors.js';

/**
 * Scoring of intent predictions against labelled rows, as ../shared/eval/README.md defines it:
 * accuracy is the share of rows whose prediction is in `accept`; for macro-F1 a row is a true
 * positive of the predicted id when it is in `accept`, else a false positive of the predicted id
 * and a false negative of `accept[0]`.
 */

/** One labelled row of an evaluation file (JSON Lines). */
export const evaluationRowSchema = z
  .object({
    text: z.string(),
    /** Every acceptable primary intent (two when annotators disagreed). */
    accept: z.array(z.string().min(1)).min(1).optional(),
    /** The agreed intent; used when `accept` is absent. */
    intent: z.string().min(1).nullable().optional(),
    /** The agent's message before this one, passed as context. */
    prev_agent_turn: z.string().nullable().optional(),
  })
  .loose()
  .refine((row) => (row.accept?.length ?? 0) > 0 || typeof row.intent === 'string', {
    message: 'a row needs "accept" (a non-empty list of intent ids) or "intent"',
  });

export interface EvaluationRow {
  text: string;
  accept: string[];
  previousAgentMessage: string | null;
}

/** Parse JSON Lines; every bad line is reported (line number, path, message) in one `INVALID_INPUT`. */
export function parseEvaluationRows(jsonl: string, file?: string): EvaluationRow[] {
  if (typeof jsonl !== 'string')
    throw invalidArgument(
      'INVALID_INPUT',
      'parseEvaluationRows(jsonl, file)',
      'jsonl',
      'the JSON Lines text (one {"text", "accept" or "intent"} object per line) as a string',
      jsonl,
    );
  if (file !== undefined && typeof file !== 'string')
    throw invalidArgument(
      'INVALID_INPUT',
      'parseEvaluationRows(jsonl, file)',
      'file',
      'the file name to cite in errors, as a string, or nothing',
      file,
    );
  const rows: EvaluationRow[] = [];
  const issues: HuashuIssue[] = [];
  const lines = jsonl.split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const at = `line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      issues.push({
        ...(file === undefined ? {} : { file }),
        path: at,
        message: `not valid JSON (${(error as Error).message})`,
      });
      return;
    }
    const parsed = evaluationRowSchema.safeParse(value);
    if (!parsed.success) {
      issues.push(...issuesFromZod(parsed.error, at, file));
      return;
    }
    const { text, accept, intent, prev_agent_turn } = parsed.data;
    rows.push({ text, accept: accept ?? [intent as string], previousAgentMessage: prev_agent_turn ?? null });
  });
  if (issues.length > 0)
    throw new HuashuError(
      'INVALID_INPUT',
      `Invalid evaluation rows:\n  ${describeIssues(issues.slice(0, 20))}${issues.length > 20 ? `\n  … and ${issues.length - 20} more` : ''}`,
      { issues },
    );
  if (rows.length === 0) throw new HuashuError('INVALID_INPUT', 'The evaluation file has no rows.');
  return rows;
}

export interface IntentScore {
  intent: string;
  precision: number;
  recall: number;
  f1: number;
  /** True positives plus false negatives: the rows this intent should have been found in. */
  support: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Confusion {
  /** `accept[0]` of the row. */
  expected: string;
  predicted: string;
  count: number;
}

export interface EvaluationReport {
  rows: number;
  correct: number;
  accuracy: number;
  macroF1: number;
  /** Per intent, alphabetical; every intent expected (`accept[0]`) or predicted at least once. */
  intents: IntentScore[];
  /** Most frequent mistakes, most frequent first. */
  confusions: Confusion[];
}

export interface ScoredRow {
  accept: readonly string[];
  predicted: string;
}

function f1Of(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

const SCORE_CALL = 'scoreIntents(rows, topConfusions)';

/** What is wrong with one scored row, or undefined. */
function rowProblem(row: unknown): string | undefined {
  if (typeof row !== 'object' || row === null || Array.isArray(row))
    return `expected { accept: string[], predicted: string }, got ${describeValue(row)}`;
  const { accept, predicted } = row as Record<string, unknown>;
  if (!Array.isArray(accept) || !accept.every((id) => typeof id === 'string'))
    return `accept: expected an array of intent ids, got ${describeValue(accept)}`;
  if (typeof predicted !== 'string')
    return `predicted: expected an intent id, got ${describeValue(predicted)}`;
  return undefined;
}

/**
 * Accuracy, macro-F1, per-intent scores and the `topConfusions` most frequent mistakes of
 * predictions against their accepted intents. Throws `HuashuError` `INVALID_INPUT` listing every
 * malformed row, or for a `topConfusions` that is not a whole number ≥ 0.
 */
export function scoreIntents(rows: readonly ScoredRow[], topConfusions = 10): EvaluationReport {
  if (!Array.isArray(rows))
    throw invalidArgument(
      'INVALID_INPUT',
      SCORE_CALL,
      'rows',
      'an array of { accept: string[], predicted: string }',
      rows,
    );
  if (!Number.isInteger(topConfusions) || topConfusions < 0)
    throw invalidArgument('INVALID_INPUT', SCORE_CALL, 'topConfusions', 'a whole number ≥ 0', topConfusions);
  const issues: HuashuIssue[] = [];
  for (let i = 0; i < rows.length; i++) {
    const problem = rowProblem(rows[i]);
    if (problem !== undefined) issues.push({ path: `rows[${i}]`, message: problem });
  }
  if (issues.length > 0)
    throw new HuashuError(
      'INVALID_INPUT',
      `Invalid ${SCORE_CALL}:\n  ${describeIssues(issues.slice(0, 20))}${issues.length > 20 ? `\n  … and ${issues.length - 20} more` : ''}`,
      { issues },
    );
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const get = (id: string) => {
    let c = counts.get(id);
    if (!c) counts.set(id, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  const confusions = new Map<string, Confusion>();
  let correct = 0;
  for (const { accept, predicted } of rows) {
    const expected = accept[0];
    if (expected === undefined) continue;
    if (accept.includes(predicted)) {
      correct++;
      get(predicted).tp++;
      continue;
    }
    get(predicted).fp++;
    get(expected).fn++;
    const key = `${expected}\u0000${predicted}`;
    const confusion = confusions.get(key) ?? { expected, predicted, count: 0 };
    confusion.count++;
    confusions.set(key, confusion);
  }
  const intents: IntentScore[] = [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([intent, { tp, fp, fn }]) => {
      const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
      const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
      return {
        intent,
        precision,
        recall,
        f1: f1Of(precision, recall),
        support: tp + fn,
        truePositives: tp,
        falsePositives: fp,
        falseNegatives: fn,
      };
    });
  const macroF1 = intents.length === 0 ? 0 : intents.reduce((sum, s) => sum + s.f1, 0) / intents.length;
  return {
    rows: rows.length,
    correct,
    accuracy: rows.length === 0 ? 0 : correct / rows.length,
    macroF1,
    intents,
    confusions: [...confusions.values()]
      .sort((a, b) => b.count - a.count || (a.expected + a.predicted < b.expected + b.predicted ? -1 : 1))
      .slice(0, topConfusions),
  };
}
