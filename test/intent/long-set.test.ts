import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvaluationRows } from '../../src/cli/evaluation/rows.js';
import { parseHeldOut } from '../helpers/held-out-rows.js';

// The project's long-message set (test/intent/long/zh-Hans.jsonl, see its README): long, story-like
// customer messages written apart from the training data, never used for training or tuning. These
// tests check the file is well formed and as the README says; the accuracy floor is in
// eval-targets.test.ts.

const jsonl = readFileSync(join(import.meta.dirname, 'long', 'zh-Hans.jsonl'), 'utf8');
const { rows, problems } = parseHeldOut(jsonl);

describe('long-message set zh-Hans', () => {
  it('every line is a valid row, readable by the evaluation loader (huashu eval)', () => {
    expect(problems).toEqual([]);
    expect(parseEvaluationRows(jsonl)).toHaveLength(rows.length);
  });

  it("has the README's 320 rows, no text twice, every one long (26 characters or more)", () => {
    expect(rows).toHaveLength(320);
    expect(new Set(rows.map((row) => row.text.trim())).size).toBe(rows.length);
    const short = rows.filter((row) => [...row.text].length < 26).map((row) => row.text);
    expect(short).toEqual([]);
  });
});
