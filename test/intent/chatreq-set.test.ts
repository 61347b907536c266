import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heldOutSetRows } from '../helpers/held-out-rows.js';

// The project's chat-request set (test/intent/chatreq/en.jsonl, see its README): English opening
// messages typed into a shop's support chat, written apart from the training data, never used for
// training or tuning. These tests check the file is well formed and as the README says; the
// accuracy floor is in eval-targets.test.ts.

describe('chat-request set en', () => {
  const rows = heldOutSetRows(join(import.meta.dirname, 'chatreq', 'en.jsonl'));

  it("has the README's 420 rows in 140 situations of three voices, no text twice, no agent turn", () => {
    expect(rows).toHaveLength(420);
    expect(new Set(rows.map((row) => row.text.trim().toLowerCase())).size).toBe(rows.length);
    expect(rows.filter((row) => row.prev_agent_turn !== null)).toEqual([]);
    const bySituation = new Map<string, number>();
    for (const row of rows) {
      const situation = /^scenario (\d{3}):/.exec(row.note ?? '')?.[1] ?? 'none';
      bySituation.set(situation, (bySituation.get(situation) ?? 0) + 1);
    }
    expect(bySituation.size).toBe(140);
    expect([...bySituation.values()].every((count) => count === 3)).toBe(true);
  });
});
