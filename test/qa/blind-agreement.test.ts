import { describe, expect, it } from 'vitest';
import { scoreBlindSet } from './blind-set.js';

// huashu qa on the blind conversation set (test/qa/blind-conversations/, written by a helper from
// the checks' specification without an implementation to run). The dev file may be read: every
// disagreement is listed. The holdout gives a figure only: its floor is the goal (95 %), and
// a failure prints the figure, never a row.

describe('huashu qa on the blind conversation set', () => {
  it('agrees with every expected result of the dev file', () => {
    const { conversationIds, expectedIds, checks } = scoreBlindSet('dev');
    expect(conversationIds).toEqual(expectedIds);
    expect(checks).toHaveLength(24 * 12);
    expect(
      checks
        .filter((c) => c.got !== c.expected)
        .map((c) => `${c.conversationId} ${c.checkId}: ${c.got} ≠ ${c.expected}`),
    ).toEqual([]);
  });

  it('agrees with at least 95 % of the holdout results (the figure only)', () => {
    const { conversationIds, expectedIds, checks } = scoreBlindSet('holdout');
    expect(conversationIds).toEqual(expectedIds);
    const agreement = Number((checks.filter((c) => c.got === c.expected).length / checks.length).toFixed(3));
    expect(agreement).toBeGreaterThanOrEqual(0.95);
  });
});
