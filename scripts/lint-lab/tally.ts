/**
 * The confusion counts of one rule over labelled replies, shared by the development measure
 * (dev.ts), the blind holdout measure (holdout.ts) and the QA cue measure (cues.ts): which rule a
 * file measures, how a reply counts, the per-kind tally of a file, and a table row's columns.
 */
import type { Facts } from '../../src/facts.js';
import type { Linter } from '../../src/lint/index.js';
import type { Finding } from '../../src/lint/types.js';

export interface Counts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}
export type Outcome = keyof Counts;

/** A file measures the rule its first word names (forbidden.en.jsonl → no-forbidden-phrase). */
const RULE_OF_FAMILY: Readonly<Record<string, string>> = {
  conv: 'no-forbidden-phrase',
  rewrite: 'no-forbidden-phrase',
  drill: 'no-forbidden-phrase',
  persona: 'no-forbidden-phrase',
  subtle: 'no-forbidden-phrase',
  voice: 'no-forbidden-phrase',
  grid: 'no-forbidden-phrase',
  forbidden: 'no-forbidden-phrase',
  offplatform: 'no-offplatform-contact',
  'offplatform-mod': 'no-offplatform-contact',
  'offplatform-cookbook': 'no-offplatform-contact',
  'offplatform-payment': 'no-offplatform-contact',
  'offplatform-obfuscated': 'no-offplatform-contact',
  'offplatform-tune': 'no-offplatform-contact',
  overpromise: 'no-overpromise',
  'overpromise-audit': 'no-overpromise',
  'overpromise-claims': 'no-overpromise',
  pii: 'no-pii-leak',
  'pii-incident': 'no-pii-leak',
};

export function ruleOfFile(name: string): string | undefined {
  return RULE_OF_FAMILY[name.split('.')[0]!];
}

export const noCounts = (): Counts => ({ tp: 0, fn: 0, fp: 0, tn: 0 });

export const pct = (a: number, b: number): string => (b === 0 ? '—' : (a / b).toFixed(2));

/** How a labelled row counts: whether it should have been found, and whether it was. */
export const outcomeOf = (expected: boolean, found: boolean): Outcome =>
  expected ? (found ? 'tp' : 'fn') : found ? 'fp' : 'tn';

/** A table row's counts, recall and precision (the columns TP FN FP TN recall precision). */
export const countsColumns = (c: Counts): string =>
  `${String(c.tp).padStart(3)} ${String(c.fn).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.tn).padStart(3)}  ${pct(c.tp, c.tp + c.fn).padStart(6)}  ${pct(c.tp, c.tp + c.fp).padStart(9)}`;

export interface LabelledReply {
  text: string;
  kind?: string;
  facts?: Facts;
}

/**
 * Lints every row, counts it by kind (`-` when it has none) and into `total`, and tells `onRow`
 * (the row, how it counted, the rule's findings on it). Returns the counts by kind.
 */
export function tallyFile<Row extends LabelledReply>(
  linter: Linter,
  ruleId: string,
  rows: readonly Row[],
  violating: (row: Row) => boolean,
  total: Counts,
  onRow?: (row: Row, outcome: Outcome, findings: readonly Finding[]) => void,
): Map<string, Counts> {
  const byKind = new Map<string, Counts>();
  for (const row of rows) {
    const context = row.facts === undefined ? undefined : { facts: row.facts };
    const findings = linter.lint(row.text, context).findings.filter((f) => f.ruleId === ruleId);
    const flagged = findings.length > 0;
    const outcome = outcomeOf(violating(row), flagged);
    const kind = row.kind ?? '-';
    const counts = byKind.get(kind) ?? noCounts();
    byKind.set(kind, counts);
    counts[outcome]++;
    total[outcome]++;
    onRow?.(row, outcome, findings);
  }
  return byKind;
}
