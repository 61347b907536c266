/**
 * `huashu qa`'s checks on the blind conversation sets (test/qa/blind-conversations/ and the longer,
 * untidy test/qa/blind-conversations-messy/, each written by a helper from the checks' specification
 * without an implementation to run): agreement per check and in all, for each set's dev file (which
 * may be read) and holdout (figures only).
 *
 *   npx tsx scripts/lint-lab/qa-blind.ts                  agreement tables
 *   npx tsx scripts/lint-lab/qa-blind.ts --disagreements  also every dev disagreement with its evidence
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CHECK_IDS } from '../../src/entry/qa.js';
import { BLIND_DIR, MESSY_BLIND_DIR, scoreBlindSet } from '../../test/qa/blind-set.js';

const showDisagreements = process.argv.includes('--disagreements');

for (const dir of [BLIND_DIR, MESSY_BLIND_DIR])
  for (const set of ['dev', 'holdout'] as const) {
    if (!existsSync(join(dir, `${set}.jsonl`))) continue;
    const { checks } = scoreBlindSet(set, dir);
    const agree = checks.filter((c) => c.got === c.expected).length;
    if (showDisagreements && set === 'dev')
      for (const c of checks.filter((c) => c.got !== c.expected))
        console.log(
          `${c.conversationId} ${c.checkId}: got ${c.got}, expected ${c.expected}` +
            `${c.reason === undefined ? '' : ` (${c.reason})`}\n    ${c.evidence
              .map((e) => `${e.turn === undefined ? '' : `turn ${e.turn}: `}${e.message}`)
              .join('\n    ')}`,
        );
    console.log(
      `${basename(dir)} ${set}: ${agree} / ${checks.length} check results agree (${((100 * agree) / Math.max(1, checks.length)).toFixed(1)} %)`,
    );
    for (const id of CHECK_IDS) {
      const mine = checks.filter((c) => c.checkId === id);
      const a = mine.filter((c) => c.got === c.expected).length;
      console.log(`  ${id.padEnd(22)} ${String(a).padStart(3)} / ${String(mine.length).padEnd(3)}`);
    }
  }
