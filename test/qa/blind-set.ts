import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createQa, type ConversationResult } from '../../src/entry/qa.js';

/** The blind conversation set (test/qa/blind-conversations/): dev may be read, holdout gives figures only. */
export const BLIND_DIR = join(import.meta.dirname, 'blind-conversations');
/**
 * The second blind set (test/qa/blind-conversations-messy/): longer, untidy conversations with waits
 * near the limits, written by another helper by another method; the same rule of use.
 */
export const MESSY_BLIND_DIR = join(import.meta.dirname, 'blind-conversations-messy');

export interface BlindCheck {
  conversationId: string;
  checkId: string;
  got: string;
  expected: string;
  reason: string | undefined;
  evidence: ConversationResult['checks'][number]['evidence'];
}

/** Every check of every conversation of one file of `dir`, scored by `huashu qa`'s defaults beside its expected result. */
export function scoreBlindSet(
  set: 'dev' | 'holdout',
  dir: string,
): {
  conversationIds: string[];
  expectedIds: string[];
  checks: BlindCheck[];
} {
  const expected = JSON.parse(readFileSync(join(dir, `${set}.expected.json`), 'utf8')) as {
    conversations: Record<string, { checks: Record<string, { result: string; reason?: string }> }>;
  };
  const results = createQa({ utcOffset: '+08:00' }).run(
    readFileSync(join(dir, `${set}.jsonl`), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as unknown),
  );
  const checks: BlindCheck[] = [];
  for (const result of results)
    for (const check of result.checks) {
      const want = expected.conversations[result.conversationId]?.checks[check.id];
      if (want === undefined) continue;
      checks.push({
        conversationId: result.conversationId,
        checkId: check.id,
        got: check.result,
        expected: want.result,
        reason: want.reason,
        evidence: check.evidence,
      });
    }
  return {
    conversationIds: results.map((r) => r.conversationId).sort(),
    expectedIds: Object.keys(expected.conversations).sort(),
    checks,
  };
}
