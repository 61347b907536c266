/**
 * Development measure of no-forbidden-phrase on scripts/lint-lab/dev/*.jsonl: rude replies and
 * their close compliant twins, written by two helpers blind to the rule data and to
 * test/lint/adversarial (conv.*: replies in a chat with the customer's message; rewrite.*: a
 * polite reply rewritten rudely, and a compliant twin keeping its words). The detectors are
 * developed against this set; test/lint/adversarial measures them.
 *
 *   npx tsx scripts/lint-lab/forbidden-dev.ts            # table per file × kind
 *   npx tsx scripts/lint-lab/forbidden-dev.ts --misses   # also every miss and false alarm
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from '../../src/lint/index.js';

interface Row {
  id: string;
  text: string;
  kind: string;
  rude: boolean;
}

const DIR = join(import.meta.dirname, 'dev');
const showMisses = process.argv.includes('--misses');
const linter = createLinter({ rules: Object.fromEntries([['no-forbidden-phrase', 'error']]) });

const table: Array<[string, string, number, number, number, number]> = [];
const notes: string[] = [];
const all = { tp: 0, fn: 0, fp: 0, tn: 0 };
for (const name of readdirSync(DIR)
  .filter((n) => n.endsWith('.jsonl'))
  .sort()) {
  const rows = readFileSync(join(DIR, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Row);
  const byKind = new Map<string, { tp: number; fn: number; fp: number; tn: number }>();
  for (const row of rows) {
    const findings = linter.lint(row.text).findings.filter((f) => f.ruleId === 'no-forbidden-phrase');
    const flagged = findings.length > 0;
    const counts = byKind.get(row.kind) ?? { tp: 0, fn: 0, fp: 0, tn: 0 };
    byKind.set(row.kind, counts);
    const key = row.rude ? (flagged ? 'tp' : 'fn') : flagged ? 'fp' : 'tn';
    counts[key]++;
    all[key]++;
    if (showMisses && (key === 'fn' || key === 'fp'))
      notes.push(
        `${key === 'fn' ? 'MISS ' : 'FALSE'} ${row.id}  ${row.text}${
          flagged ? `  ← ${findings.map((f) => `${f.data?.phrase}「${f.actual}」`).join(' ')}` : ''
        }`,
      );
  }
  for (const [kind, c] of byKind) table.push([name, kind, c.tp, c.fn, c.fp, c.tn]);
}
const pct = (a: number, b: number): string => (b === 0 ? '—' : (a / b).toFixed(2));
console.log('file                     kind            TP  FN  FP  TN  recall  false-alarm');
for (const [file, kind, tp, fn, fp, tn] of table)
  console.log(
    `${file.padEnd(24)} ${kind.padEnd(15)} ${String(tp).padStart(3)} ${String(fn).padStart(3)} ${String(fp).padStart(3)} ${String(tn).padStart(3)}  ${pct(tp, tp + fn).padStart(6)}  ${pct(fp, fp + tn).padStart(6)}`,
  );
console.log(
  `all: TP ${all.tp} FN ${all.fn} FP ${all.fp} TN ${all.tn}; recall ${pct(all.tp, all.tp + all.fn)}, precision ${pct(all.tp, all.tp + all.fp)}, false alarms on compliant ${pct(all.fp, all.fp + all.tn)}`,
);
if (showMisses) console.log(notes.join('\n'));
