import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heldOutSetRows } from '../helpers/held-out-rows.js';

// The project's contrast set (test/intent/contrast/*.jsonl, see its README): messages holding a
// word whose usual intent is not theirs, written by hand apart from the training data and never
// used for training or tuning. These tests check the files are well formed and as large as the
// README says; the accuracy floors are in eval-targets.test.ts.

const dir = join(import.meta.dirname, 'contrast');
const ROWS = { 'zh-Hans': 160, 'zh-Hant': 90, en: 130 } as const;

describe.each(Object.entries(ROWS))('contrast set %s', (locale, expected) => {
  const rows = heldOutSetRows(join(dir, `${locale}.jsonl`));

  it(`has the README's ${expected} rows, no text twice`, () => {
    expect(rows).toHaveLength(expected);
    expect(new Set(rows.map((row) => row.text.trim())).size).toBe(rows.length);
  });
});
