/**
 * `huashu qa`'s checks on the blind conversation sets (test/qa/blind-conversations/, written by a
 * helper from the checks' specification without an implementation to run): agreement per check and
 * in all, for the dev file (which may be read) and the holdout (figures only).
 *
 *   npx tsx scripts/lint-lab/qa-blind.ts                  agreement tables
 *   npx tsx scripts/lint-lab/qa-blind.ts --disagreements  also every dev disagreement with its evidence
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_IDS, createQa } from '../../src/entry/qa.js';

const DIR = join(import.meta.dirname, '..', '..', 'test', 'qa', 'blind-conversations');
const showDisagreements = process.argv.includes('--disagreements');

interface Expected {
  conversations: Record<string, { checks: Record<string, { result: string; reason?: string }> }>;
}

const qa = createQa({ utcOffset: '+08:00' });
for (const set of ['dev', 'holdout'] as const) {
  const turnsFile = join(DIR, `${set}.jsonl`);
  if (!existsSync(turnsFile)) continue;
  const expected = JSON.parse(readFileSync(join(DIR, `${set}.expected.json`), 'utf8')) as Expected;
  const results = qa.run(
    readFileSync(turnsFile, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as unknown),
  );
  const perCheck = new Map<string, { agree: number; total: number }>(
    CHECK_IDS.map((id) => [id, { agree: 0, total: 0 }]),
  );
  let agree = 0;
  let total = 0;
  for (const result of results) {
    const want = expected.conversations[result.conversationId];
    if (want === undefined) continue;
    for (const check of result.checks) {
      const wanted = want.checks[check.id];
      if (wanted === undefined) continue;
      const tally = perCheck.get(check.id)!;
      tally.total++;
      total++;
      if (wanted.result === check.result) {
        tally.agree++;
        agree++;
      } else if (showDisagreements && set === 'dev') {
        console.log(
          `${result.conversationId} ${check.id}: got ${check.result}, expected ${wanted.result}` +
            `${wanted.reason === undefined ? '' : ` (${wanted.reason})`}\n    ${check.evidence
              .map((e) => `${e.turn === undefined ? '' : `turn ${e.turn}: `}${e.message}`)
              .join('\n    ')}`,
        );
      }
    }
  }
  console.log(
    `${set}: ${agree} / ${total} check results agree (${((100 * agree) / Math.max(1, total)).toFixed(1)} %)`,
  );
  for (const [id, { agree: a, total: t }] of perCheck)
    console.log(`  ${id.padEnd(22)} ${String(a).padStart(3)} / ${String(t).padEnd(3)}`);
}
