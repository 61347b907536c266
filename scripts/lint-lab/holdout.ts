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
import type { Facts } from '../../src/facts.js';

const RULE_OF_FILE: Record<string, string> = {
  forbidden: 'no-forbidden-phrase',
  overpromise: 'no-overpromise',
  offplatform: 'no-offplatform-contact',
  pii: 'no-pii-leak',
};

const DIR = join(import.meta.dirname, '..', '..', 'test', 'lint', 'holdout');
const linter = createLinter();
const pct = (a: number, b: number): string => (b === 0 ? '—' : (a / b).toFixed(2));
console.log('file                         kind            TP  FN  FP  TN  recall  precision');
type Counts = { tp: number; fn: number; fp: number; tn: number };
const byRule = new Map<string, Counts>();
for (const name of readdirSync(DIR)
  .filter((n) => n.endsWith('.jsonl'))
  .sort()) {
  const rule = RULE_OF_FILE[name.split('.')[0]!];
  if (rule === undefined)
    throw new Error(`${name}: no rule for this file name (${Object.keys(RULE_OF_FILE).join(', ')})`);
  const all = byRule.get(rule) ?? { tp: 0, fn: 0, fp: 0, tn: 0 };
  byRule.set(rule, all);
  const byKind = new Map<string, Counts>();
  for (const line of readFileSync(join(DIR, name), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as { text: string; kind: string; violation: boolean; facts?: Facts };
    const context = row.facts === undefined ? undefined : { facts: row.facts };
    const flagged = linter.lint(row.text, context).findings.some((f) => f.ruleId === rule);
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
for (const [rule, all] of byRule)
  console.log(
    `${rule}: TP ${all.tp} FN ${all.fn} FP ${all.fp} TN ${all.tn}; recall ${pct(all.tp, all.tp + all.fn)}, precision ${pct(all.tp, all.tp + all.fp)}`,
  );
