import { describe, expect, it } from 'vitest';
import { BLIND_DIR, MESSY_BLIND_DIR, scoreBlindSet } from './blind-set.js';

// huashu qa on the blind conversation sets (test/qa/blind-conversations/ and
// blind-conversations-messy/, each written by a helper from the checks' specification without an
// implementation to run). The dev files may be read: every disagreement is listed. The holdouts give
// a figure only: their floor is the goal (95 %), and a failure prints the figure, never a row.

describe.each([
  { name: 'the blind conversation set', dir: BLIND_DIR, conversations: 24 },
  { name: 'the messy blind conversation set', dir: MESSY_BLIND_DIR, conversations: 32 },
])('huashu qa on $name', ({ dir, conversations }) => {
  it('agrees with every expected result of the dev file', () => {
    const { conversationIds, expectedIds, checks } = scoreBlindSet('dev', dir);
    expect(conversationIds).toEqual(expectedIds);
    expect(checks).toHaveLength(conversations * 12);
    expect(
      checks
        .filter((c) => c.got !== c.expected)
        .map((c) => `${c.conversationId} ${c.checkId}: ${c.got} ≠ ${c.expected}`),
    ).toEqual([]);
  });

  it('agrees with at least 95 % of the holdout results (the figure only)', () => {
    const { conversationIds, expectedIds, checks } = scoreBlindSet('holdout', dir);
    expect(conversationIds).toEqual(expectedIds);
    expect(checks).toHaveLength(conversations * 12);
    const agreement = Number((checks.filter((c) => c.got === c.expected).length / checks.length).toFixed(3));
    expect(agreement).toBeGreaterThanOrEqual(0.95);
  });
});
