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
import type { Facts } from '../../src/facts.js';
import { createLinter } from '../../src/lint/index.js';

interface Row {
  id: string;
  text: string;
  kind?: string;
  /** conv.* and rewrite.* files */
  rude?: boolean;
  /** the other files */
  violation?: boolean;
  facts?: Facts;
}

/** Which rule each file family measures. */
const RULE_OF: Record<string, string> = {
  conv: 'no-forbidden-phrase',
  rewrite: 'no-forbidden-phrase',
  drill: 'no-forbidden-phrase',
  offplatform: 'no-offplatform-contact',
  overpromise: 'no-overpromise',
  persona: 'no-forbidden-phrase',
  pii: 'no-pii-leak',
};

const DIR = join(import.meta.dirname, 'dev');
const showMisses = process.argv.includes('--misses');
const linter = createLinter();

const table: Array<[string, string, number, number, number, number]> = [];
const notes: string[] = [];
const totals = new Map<string, { tp: number; fn: number; fp: number; tn: number }>();
for (const name of readdirSync(DIR)
  .filter((n) => n.endsWith('.jsonl'))
  .sort()) {
  const ruleId = RULE_OF[name.split('.')[0]!];
  if (ruleId === undefined) continue;
  const rows = readFileSync(join(DIR, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Row);
  const byKind = new Map<string, { tp: number; fn: number; fp: number; tn: number }>();
  const total = totals.get(ruleId) ?? { tp: 0, fn: 0, fp: 0, tn: 0 };
  totals.set(ruleId, total);
  for (const row of rows) {
    const findings = linter
      .lint(row.text, row.facts === undefined ? {} : { facts: row.facts })
      .findings.filter((f) => f.ruleId === ruleId);
    const flagged = findings.length > 0;
    const kind = row.kind ?? '-';
    const counts = byKind.get(kind) ?? { tp: 0, fn: 0, fp: 0, tn: 0 };
    byKind.set(kind, counts);
    const violating = row.rude ?? row.violation ?? false;
    const key = violating ? (flagged ? 'tp' : 'fn') : flagged ? 'fp' : 'tn';
    counts[key]++;
    total[key]++;
    if (showMisses && (key === 'fn' || key === 'fp'))
      notes.push(
        `${key === 'fn' ? 'MISS ' : 'FALSE'} ${row.id}  ${row.text}${
          flagged
            ? `  ← ${findings.map((f) => `${f.data?.phrase ?? f.messageId}「${f.actual}」`).join(' ')}`
            : ''
        }`,
      );
  }
  for (const [kind, c] of byKind) table.push([name, kind, c.tp, c.fn, c.fp, c.tn]);
}
const pct = (a: number, b: number): string => (b === 0 ? '—' : (a / b).toFixed(2));
console.log('file                          kind            TP  FN  FP  TN  recall  false-alarm');
for (const [file, kind, tp, fn, fp, tn] of table)
  console.log(
    `${file.padEnd(29)} ${kind.padEnd(15)} ${String(tp).padStart(3)} ${String(fn).padStart(3)} ${String(fp).padStart(3)} ${String(tn).padStart(3)}  ${pct(tp, tp + fn).padStart(6)}  ${pct(fp, fp + tn).padStart(6)}`,
  );
for (const [ruleId, all] of totals)
  console.log(
    `${ruleId}: TP ${all.tp} FN ${all.fn} FP ${all.fp} TN ${all.tn}; recall ${pct(all.tp, all.tp + all.fn)}, precision ${pct(all.tp, all.tp + all.fp)}, false alarms on compliant ${pct(all.fp, all.fp + all.tn)}`,
  );
if (showMisses) console.log(notes.join('\n'));
