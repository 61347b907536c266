/**
 * no-forbidden-phrase on the blind holdout set (test/lint/holdout/, see its README): figures only,
 * never rows — the set measures the detectors and must not teach them.
 *
 *   npx tsx scripts/lint-lab/holdout.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from '../../src/lint/index.js';

const DIR = join(import.meta.dirname, '..', '..', 'test', 'lint', 'holdout');
const linter = createLinter();
const pct = (a: number, b: number): string => (b === 0 ? '—' : (a / b).toFixed(2));
console.log('file                         kind            TP  FN  FP  TN  recall  precision');
const all = { tp: 0, fn: 0, fp: 0, tn: 0 };
for (const name of readdirSync(DIR)
  .filter((n) => n.endsWith('.jsonl'))
  .sort()) {
  const byKind = new Map<string, { tp: number; fn: number; fp: number; tn: number }>();
  for (const line of readFileSync(join(DIR, name), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as { text: string; kind: string; violation: boolean };
    const flagged = linter.lint(row.text).findings.some((f) => f.ruleId === 'no-forbidden-phrase');
    const counts = byKind.get(row.kind) ?? { tp: 0, fn: 0, fp: 0, tn: 0 };
    byKind.set(row.kind, counts);
    const key = row.violation ? (flagged ? 'tp' : 'fn') : flagged ? 'fp' : 'tn';
    counts[key]++;
    all[key]++;
  }
  for (const [kind, c] of byKind)
    console.log(
      `${name.padEnd(28)} ${kind.padEnd(15)} ${String(c.tp).padStart(3)} ${String(c.fn).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.tn).padStart(3)}  ${pct(c.tp, c.tp + c.fn).padStart(6)}  ${pct(c.tp, c.tp + c.fp).padStart(9)}`,
    );
}
console.log(
  `all: TP ${all.tp} FN ${all.fn} FP ${all.fp} TN ${all.tn}; recall ${pct(all.tp, all.tp + all.fn)}, precision ${pct(all.tp, all.tp + all.fp)}`,
);
