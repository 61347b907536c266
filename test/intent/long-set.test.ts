import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heldOutSetRows } from '../helpers/held-out-rows.js';

// The project's long-message set (test/intent/long/zh-Hans.jsonl, see its README): long, story-like
// customer messages written apart from the training data, never used for training or tuning. These
// tests check the file is well formed and as the README says; the accuracy floor is in
// eval-targets.test.ts.

describe('long-message set zh-Hans', () => {
  const rows = heldOutSetRows(join(import.meta.dirname, 'long', 'zh-Hans.jsonl'));

  it("has the README's 320 rows, no text twice, every one long (26 characters or more)", () => {
    expect(rows).toHaveLength(320);
    expect(new Set(rows.map((row) => row.text.trim())).size).toBe(rows.length);
    const short = rows.filter((row) => [...row.text].length < 26).map((row) => row.text);
    expect(short).toEqual([]);
  });
});
