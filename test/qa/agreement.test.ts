import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_IDS, createQa, type ConversationResult } from '../../src/entry/qa.js';

// Every check of every conversation of the hand-written set (test/qa/conversations/, whose README
// is the checks' specification) against expected.json. The agreement is measured, not forced: the
// known disagreements are listed in KNOWN below with the reason, so a new one fails the test and a
// fixed one must be taken off the list.

const dir = join(import.meta.dirname, 'conversations');
const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
  conversations: Record<
    string,
    { score: number; fatal: boolean; checks: Record<string, { result: string }> }
  >;
};
const scorecard: unknown = JSON.parse(readFileSync(join(dir, 'scorecard.example.json'), 'utf8'));
const qa = createQa({ scorecard, utcOffset: '+08:00' });
const results: ConversationResult[] = ['zh-Hans', 'zh-Hant', 'en'].flatMap((locale) =>
  qa.run(
    readFileSync(join(dir, `${locale}.jsonl`), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as unknown),
  ),
);

/**
 * Disagreements at the time of writing, `<conversation> <check>`: gaps of the lint phrase data
 * (the lint rule misses what the README's scope says it covers) and of analyze()'s complaint reading.
 */
const KNOWN = new Set([
  // analyze() does not read these customer turns as complaint, abuse, threat or strong anger
  'hant-04 apology-on-complaint',
  // analyze() reads a complaint intent into a calm message
  'hans-16 apology-on-complaint',
  // lint phrase data gaps (no finding where rules/lint/README.md's scope says there is one)
  'en-09 pii',
  // resolution / satisfaction wording not in rules/qa/cues.json (hans-27: a replacement sent today
  // and a coupon given are read as no resolution since a promise 确认后可以直接给您换新 no longer counts)
  'hans-27 satisfaction',
]);

describe('huashu qa against the hand-written conversation set', () => {
  const rows = results.flatMap((result) =>
    result.checks.map((check) => ({
      key: `${result.conversationId} ${check.id}`,
      got: check.result,
      want: expected.conversations[result.conversationId]!.checks[check.id]!.result,
    })),
  );

  it('scores every conversation of expected.json with every check', () => {
    expect(results.map((r) => r.conversationId).sort()).toEqual(Object.keys(expected.conversations).sort());
    for (const result of results) expect(result.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
  });

  it('agrees with expected.json on every check except the known, listed disagreements', () => {
    const disagreements = rows
      .filter((row) => row.got !== row.want)
      .map((row) => `${row.key}: ${row.got} ≠ ${row.want}`);
    const unexpected = disagreements.filter((d) => !KNOWN.has(d.split(':')[0]!));
    const agreement = (rows.length - disagreements.length) / rows.length;
    console.info(
      `qa agreement: ${rows.length - disagreements.length}/${rows.length} = ${(agreement * 100).toFixed(1)}%`,
    );
    expect(unexpected).toEqual([]);
    expect(agreement).toBeGreaterThanOrEqual(0.95);
  });

  it('every known disagreement still disagrees (take fixed ones off the list)', () => {
    const fixed = [...KNOWN].filter((key) => {
      const row = rows.find((r) => r.key === key);
      return row === undefined || row.got === row.want;
    });
    expect(fixed).toEqual([]);
  });

  it('the score and fatal flag follow from the checks under the example scorecard', () => {
    // Where all 12 checks agree, the score must equal expected.json's.
    const agreeing = results.filter((r) =>
      r.checks.every((c) => c.result === expected.conversations[r.conversationId]!.checks[c.id]!.result),
    );
    expect(agreeing.length).toBeGreaterThan(50);
    for (const r of agreeing) {
      expect([r.conversationId, r.score, r.fatal]).toEqual([
        r.conversationId,
        expected.conversations[r.conversationId]!.score,
        expected.conversations[r.conversationId]!.fatal,
      ]);
    }
  });
});
