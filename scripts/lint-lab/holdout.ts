/**
 * The lint rules on the blind holdout sets (test/lint/holdout/, see its READMEs): figures only,
 * never rows — the sets measure the rules and must not teach them. Each file names its rule by
 * its first word (forbidden.*, overpromise.*, offplatform.*, pii.*); a row is flagged when the
 * rule reports anything on it (with the row's `facts`, if any).
 *
 *   npx tsx scripts/lint-lab/holdout.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from '../../src/lint/index.js';
import {
  countsColumns,
  noCounts,
  pct,
  ruleOfFile,
  tallyFile,
  type Counts,
  type LabelledReply,
} from './tally.js';

const DIR = join(import.meta.dirname, '..', '..', 'test', 'lint', 'holdout');
const linter = createLinter();
console.log('file                         kind            TP  FN  FP  TN  recall  precision');
const byRule = new Map<string, Counts>();
for (const name of readdirSync(DIR)
  .filter((n) => n.endsWith('.jsonl'))
  .sort()) {
  const rule = ruleOfFile(name);
  if (rule === undefined) throw new Error(`${name}: no rule for this file name`);
  const all = byRule.get(rule) ?? noCounts();
  byRule.set(rule, all);
  const rows = readFileSync(join(DIR, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledReply & { violation: boolean });
  for (const [kind, c] of tallyFile(linter, rule, rows, (row) => row.violation, all))
    console.log(`${name.padEnd(28)} ${kind.padEnd(15)} ${countsColumns(c)}`);
}
for (const [rule, all] of byRule)
  console.log(
    `${rule}: TP ${all.tp} FN ${all.fn} FP ${all.fp} TN ${all.tn}; recall ${pct(all.tp, all.tp + all.fn)}, precision ${pct(all.tp, all.tp + all.fp)}`,
  );
