/**
 * Development measure of the reply rules on scripts/lint-lab/dev/*.jsonl (see its README): rule
 * violations and their close compliant twins, written by helpers blind to the rule data and to
 * test/lint/adversarial. Rules are developed against this set; test/lint/adversarial measures them.
 *
 *   npx tsx scripts/lint-lab/dev.ts            # table per file × kind
 *   npx tsx scripts/lint-lab/dev.ts --misses   # also every miss and false alarm
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from '../../src/lint/index.js';
import { noCounts, pct, ruleOfFile, tallyFile, type Counts, type LabelledReply } from './tally.js';

interface Row extends LabelledReply {
  id: string;
  /** conv.* and rewrite.* files */
  rude?: boolean;
  /** the other files */
  violation?: boolean;
}

const DIR = join(import.meta.dirname, 'dev');
const showMisses = process.argv.includes('--misses');
const linter = createLinter();

const table: Array<[string, string, Counts]> = [];
const notes: string[] = [];
const totals = new Map<string, Counts>();
for (const name of readdirSync(DIR)
  .filter((n) => n.endsWith('.jsonl'))
  .sort()) {
  const ruleId = ruleOfFile(name);
  if (ruleId === undefined) continue;
  const rows = readFileSync(join(DIR, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Row);
  const total = totals.get(ruleId) ?? noCounts();
  totals.set(ruleId, total);
  const byKind = tallyFile(
    linter,
    ruleId,
    rows,
    (row) => row.rude ?? row.violation ?? false,
    total,
    (row, outcome, findings) => {
      if (showMisses && (outcome === 'fn' || outcome === 'fp'))
        notes.push(
          `${outcome === 'fn' ? 'MISS ' : 'FALSE'} ${row.id}  ${row.text}${
            findings.length > 0
              ? `  ← ${findings.map((f) => `${f.data?.phrase ?? f.messageId}「${f.actual}」`).join(' ')}`
              : ''
          }`,
        );
    },
  );
  for (const [kind, c] of byKind) table.push([name, kind, c]);
}
console.log('file                          kind            TP  FN  FP  TN  recall  false-alarm');
for (const [file, kind, { tp, fn, fp, tn }] of table)
  console.log(
    `${file.padEnd(29)} ${kind.padEnd(15)} ${String(tp).padStart(3)} ${String(fn).padStart(3)} ${String(fp).padStart(3)} ${String(tn).padStart(3)}  ${pct(tp, tp + fn).padStart(6)}  ${pct(fp, fp + tn).padStart(6)}`,
  );
for (const [ruleId, all] of totals)
  console.log(
    `${ruleId}: TP ${all.tp} FN ${all.fn} FP ${all.fp} TN ${all.tn}; recall ${pct(all.tp, all.tp + all.fn)}, precision ${pct(all.tp, all.tp + all.fp)}, false alarms on compliant ${pct(all.fp, all.fp + all.tn)}`,
  );
if (showMisses) console.log(notes.join('\n'));
