import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { HuashuError, issuesFromZod, describeIssues, safeParse } from '../../errors.js';
import type { Finding, LintResult } from '../../lint/types.js';
import { parseJsonText } from '../../node/json-text.js';
import type { ReplyRecord } from './record.js';
import { withUnchecked, type FindingFilter } from './run.js';

/** The baseline file's format version; a file of another version is refused. */
export const BASELINE_VERSION = 1;

/**
 * A baseline: the fingerprints of known findings with how many times each occurs (phpstan's
 * baseline, eslint's suppressions). Nothing in it is the reply's text: only hashes, so it can be
 * committed without customer data.
 */
export const baselineSchema = z.strictObject({
  $comment: z.optional(z.string()),
  version: z.literal(BASELINE_VERSION),
  findings: z.array(
    z.strictObject({
      ruleId: z.string().check(z.minLength(1)),
      fingerprint: z.string().check(z.regex(/^[0-9a-f]{16,64}$/, 'expected a hexadecimal fingerprint')),
      count: z.number().check(z.int(), z.gte(1)),
    }),
  ),
});

export type Baseline = z.infer<typeof baselineSchema>;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The record a finding belongs to, independent of where it sits in the file: its `id`; else its
 * conversation and the hash of its reply; else the hash of its reply. Line numbers are left out,
 * so inserting or removing lines does not invalidate the baseline; editing a reply without an id
 * does (it is another reply then).
 */
export function recordKey(record: Pick<ReplyRecord, 'id' | 'conversationId'>, reply: string): string {
  if (record.id !== undefined) return `id:${record.id}`;
  const text = sha256(reply);
  return record.conversationId === undefined
    ? `text:${text}`
    : `conversation:${record.conversationId}:${text}`;
}

/**
 * A finding's fingerprint: rule id, record key and the hash of the text it matched (not its
 * position), hashed. Two equal findings in one record share it; the baseline counts them.
 */
export function fingerprint(finding: Finding, key: string, reply: string): string {
  const matched = reply.slice(finding.range[0], finding.range[1]);
  return sha256(`${finding.ruleId}\u0000${key}\u0000${sha256(matched)}`).slice(0, 32);
}

/** Read and validate a baseline file's text; `file` names it in errors. */
export function parseBaseline(text: string, file: string): Baseline {
  const parsed = parseJsonText(text);
  if (!parsed.ok)
    throw new HuashuError('INVALID_OPTIONS', `Invalid baseline ${file}: ${parsed.message}`, {
      issues: [{ file, path: '', message: parsed.message }],
    });
  const result = safeParse(baselineSchema, parsed.value);
  if (!result.success) {
    const issues = issuesFromZod(result.error, '', file);
    throw new HuashuError(
      'INVALID_OPTIONS',
      `Invalid baseline ${file} (write one with --write-baseline):\n  ${describeIssues(issues)}`,
      { issues },
    );
  }
  return result.data;
}

function withFindings(findings: Finding[]): LintResult {
  let errorCount = 0;
  for (const finding of findings) if (finding.severity === 'error') errorCount += 1;
  return { findings, errorCount, warningCount: findings.length - errorCount };
}

/**
 * `--baseline`: each finding whose fingerprint the baseline lists is left out of the report, up to
 * the number of times the baseline counts it; the rest are new and reported.
 */
export class BaselineFilter implements FindingFilter {
  private readonly remaining = new Map<string, number>();
  suppressed = 0;

  constructor(baseline: Baseline) {
    for (const { fingerprint: print, count } of baseline.findings)
      this.remaining.set(print, (this.remaining.get(print) ?? 0) + count);
  }

  filter(result: LintResult, reply: string, record: ReplyRecord): LintResult {
    if (result.findings.length === 0) return result;
    const key = recordKey(record, reply);
    const kept = result.findings.filter((finding) => {
      const print = fingerprint(finding, key, reply);
      const left = this.remaining.get(print) ?? 0;
      if (left === 0) return true;
      this.remaining.set(print, left - 1);
      this.suppressed += 1;
      return false;
    });
    return kept.length === result.findings.length ? result : withUnchecked(withFindings(kept), result);
  }
}

/**
 * `--write-baseline`: records every finding of the run and reports none (they are the baseline
 * now), as eslint's `--suppress-all`.
 */
export class BaselineWriter implements FindingFilter {
  private readonly counts = new Map<string, { ruleId: string; count: number }>();
  suppressed = 0;

  filter(result: LintResult, reply: string, record: ReplyRecord): LintResult {
    if (result.findings.length === 0) return result;
    const key = recordKey(record, reply);
    for (const finding of result.findings) {
      const print = fingerprint(finding, key, reply);
      const entry = this.counts.get(print);
      if (entry === undefined) this.counts.set(print, { ruleId: finding.ruleId, count: 1 });
      else entry.count += 1;
      this.suppressed += 1;
    }
    return withUnchecked(withFindings([]), result);
  }

  /** The baseline's JSON text, sorted by rule and fingerprint so a diff shows what changed. */
  text(): string {
    const findings = [...this.counts]
      .map(([print, { ruleId, count }]) => ({ ruleId, fingerprint: print, count }))
      .sort((a, b) =>
        a.ruleId < b.ruleId
          ? -1
          : a.ruleId > b.ruleId
            ? 1
            : a.fingerprint < b.fingerprint
              ? -1
              : a.fingerprint > b.fingerprint
                ? 1
                : 0,
      );
    const baseline: Baseline = {
      $comment:
        'huashu lint baseline: findings reported by `huashu lint --baseline <this file>` only when new. Fingerprint = rule id + record (id, else conversation and reply hash) + hash of the matched text; no reply text is stored.',
      version: BASELINE_VERSION,
      findings,
    };
    return `${JSON.stringify(baseline, null, 2)}\n`;
  }
}
