import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseEvaluationRows } from '../../src/cli/evaluation/rows.js';
import { safeParse } from '../../src/errors.js';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';

// The row checker of the project's own held-out intent sets (test/intent/unseen, contrast, address, long, chatreq):
// the evaluation row format (huashu eval), with the masks real exports write.

// The masked-data placeholders of the platforms' exports that end in `x]`; a typo such as `[订单X]`
// or `[单号x]` would be a placeholder no real export writes.
const MASKS = new Set(['订单', '数字', '金额', '日期', '时间', '姓名', '地址', '电话', '链接', '站点']);

const intentId = z.enum(BUILT_IN_INTENT_IDS);
export const heldOutRowSchema = z
  .strictObject({
    text: z.string().check(z.trim(), z.minLength(1)),
    prev_agent_turn: z.nullable(z.string().check(z.trim(), z.minLength(1))),
    accept: z.array(intentId).check(z.minLength(1), z.maxLength(3)),
    intent: z.nullable(intentId),
    note: z.optional(z.string().check(z.trim(), z.minLength(1))),
  })
  .check(
    z.refine((row) => new Set(row.accept).size === row.accept.length, 'accept lists an id twice'),
    z.refine((row) => row.intent === null || row.accept.includes(row.intent), 'intent is not in accept'),
    z.refine((row) => row.intent === null || row.accept[0] === row.intent, 'intent must be accept[0]'),
    z.refine((row) => row.intent !== null || row.accept.length >= 2, 'intent null needs two accepted ids'),
    z.refine(
      (row) => [...row.text.matchAll(/\[([^\][]*)x\]/g)].every((match) => MASKS.has(match[1] ?? '')),
      'unknown masked placeholder',
    ),
  );
export type HeldOutRow = z.infer<typeof heldOutRowSchema>;

/** Parses one JSONL file; returns the rows and one message per bad line. */
export function parseHeldOut(jsonl: string): { rows: HeldOutRow[]; problems: string[] } {
  const rows: HeldOutRow[] = [];
  const problems: string[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1}: not JSON`);
      return;
    }
    const parsed = safeParse(heldOutRowSchema, value);
    if (parsed.success) rows.push(parsed.data);
    else problems.push(`line ${i + 1}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  });
  return { rows, problems };
}

/**
 * The rows of one held-out set file, after declaring (inside the caller's `describe`) the test
 * every set's form test starts with: each line a valid row, and huashu eval's loader reads as many.
 */
export function heldOutSetRows(path: string): HeldOutRow[] {
  const jsonl = readFileSync(path, 'utf8');
  const { rows, problems } = parseHeldOut(jsonl);
  it('every line is a valid row, readable by the evaluation loader (huashu eval)', () => {
    expect(problems).toEqual([]);
    expect(parseEvaluationRows(jsonl)).toHaveLength(rows.length);
  });
  return rows;
}
