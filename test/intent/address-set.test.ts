import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIntentClassifier } from '../../src/intent/classifier.js';
import { normalize } from '../../src/normalize/index.js';
import { heldOutSetRows } from '../helpers/held-out-rows.js';

// The project's second-person address set (test/intent/address/*.jsonl, see its README): plain
// requests addressed to the agent (你帮我查下, 告诉我, 你们这个), typed-out places, and real anger that
// also says 你. Written by hand apart from the training data and never used for training or
// tuning; the short files hold messages of at most 15 characters, where the person mentioned (你,
// 他, 告诉) is most of the text. These tests check the files are as the README says, and hold two
// floors a little under the figures of 2026-12-06: how rarely a plain request is read as anger, how
// often real anger is.

const dir = join(import.meta.dirname, 'address');
/**
 * Rows, where the control rows (real anger) start, and the longest text: README, "row kinds" (the
 * short files hold messages of at most 15 characters).
 */
const FILES = {
  'zh-Hans': { rows: 150, controlFrom: 121, longest: Infinity },
  'zh-Hant': { rows: 60, controlFrom: 49, longest: Infinity },
  'short.zh-Hans': { rows: 156, controlFrom: 125, longest: 15 },
  'short.zh-Hant': { rows: 60, controlFrom: 49, longest: 15 },
} as const;
const ANGER = new Set(['abuse', 'complaint']);
const classifier = createIntentClassifier();

describe.each(Object.entries(FILES))('address set %s', (file, { rows: expected, controlFrom, longest }) => {
  const rows = heldOutSetRows(join(dir, `${file}.jsonl`));

  it(`has the README's ${expected} rows, no text twice; anger is accepted exactly on the control rows`, () => {
    expect(rows).toHaveLength(expected);
    expect(new Set(rows.map((row) => row.text.trim())).size).toBe(rows.length);
    expect(Math.max(...rows.map((row) => [...row.text].length))).toBeLessThanOrEqual(longest);
    rows.forEach((row, index) =>
      expect(
        row.accept.some((id) => ANGER.has(id)),
        `line ${index + 1}`,
      ).toBe(index + 1 >= controlFrom),
    );
  });

  // Measured 2026-12-06: plain rows read as anger 0 of 120 (zh-Hans), 1 of 48 (zh-Hant), 1 of 124
  // (short zh-Hans), 2 of 48 (short zh-Hant); anger caught 28 of 30, 11 of 12, 31 of 32, 11 of 12.
  it('reads at most 5 % of the plain requests as anger, and at least 80 % of the real anger as anger', () => {
    const answers = rows.map(
      (row) =>
        classifier.classify(
          normalize(row.text),
          row.prev_agent_turn === null ? undefined : { previousAgentMessage: row.prev_agent_turn },
        ).intent.id,
    );
    const plain = answers.slice(0, controlFrom - 1);
    const control = rows
      .slice(controlFrom - 1)
      .map((row, k) => row.accept.includes(answers[controlFrom - 1 + k]!));
    expect(plain.filter((id) => ANGER.has(id)).length / plain.length).toBeLessThanOrEqual(0.05);
    expect(control.filter(Boolean).length / control.length).toBeGreaterThanOrEqual(0.8);
  });
});
