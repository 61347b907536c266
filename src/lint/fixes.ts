import { describeValue, invalidArgument, isPlainObject } from '../arguments.js';
import { describeIssues, HuashuError, type HuashuIssue } from '../errors.js';
import type { Finding } from './types.js';

const CALL = 'applyFixes(reply, findings)';
/** Problems listed in the message (all of them are in `issues`). */
const LISTED = 20;

/**
 * Apply the findings' fixes to the reply (eslint's source-code fixer): fixes are applied from the
 * start of the reply; a fix overlapping one already applied is skipped (as eslint does: run lint
 * again on the result to fix the rest). Returns the fixed text and the findings whose fix was applied.
 *
 * Throws `HuashuError` `INVALID_INPUT`, listing every problem, when `reply` is not a string,
 * `findings` is not an array, or a fix is malformed: a range that is not two integers, a reversed
 * range (start after end) or one outside the reply (findings of another text).
 */
export function applyFixes(reply: string, findings: readonly Finding[]): { text: string; fixed: Finding[] } {
  if (typeof reply !== 'string')
    throw invalidArgument(
      'INVALID_INPUT',
      CALL,
      'reply',
      'the reply the findings were made on, as a string',
      reply,
    );
  if (!Array.isArray(findings))
    throw invalidArgument(
      'INVALID_INPUT',
      CALL,
      'findings',
      'an array of findings (lint(reply).findings)',
      findings,
    );
  const withFix: Finding[] = [];
  const issues: HuashuIssue[] = [];
  for (let i = 0; i < findings.length; i++) {
    const finding: unknown = findings[i];
    const problem = fixProblem(finding, reply.length);
    if (problem !== undefined)
      issues.push({ path: `findings[${i}]${problem.path}`, message: problem.message });
    else if ((finding as Finding).fix !== undefined) withFix.push(finding as Finding);
  }
  if (issues.length > 0) {
    const more = issues.length > LISTED ? `\n  … and ${issues.length - LISTED} more` : '';
    throw new HuashuError(
      'INVALID_INPUT',
      `Invalid ${CALL}:\n  ${describeIssues(issues.slice(0, LISTED))}${more}`,
      {
        issues,
      },
    );
  }
  withFix.sort((a, b) => a.fix!.range[0] - b.fix!.range[0] || a.fix!.range[1] - b.fix!.range[1]);
  let text = '';
  let position = 0;
  const fixed: Finding[] = [];
  for (const finding of withFix) {
    const [start, end] = finding.fix!.range;
    if (start < position) continue;
    text += reply.slice(position, start) + finding.fix!.text;
    position = end;
    fixed.push(finding);
  }
  return { text: text + reply.slice(position), fixed };
}

/** What is wrong with one finding's fix, or undefined (a finding without a fix is fine). */
function fixProblem(finding: unknown, length: number): { path: string; message: string } | undefined {
  if (!isPlainObject(finding))
    return { path: '', message: `expected a finding, got ${describeValue(finding)}` };
  const fix = finding.fix;
  if (fix === undefined) return undefined;
  if (
    !isPlainObject(fix) ||
    typeof fix.text !== 'string' ||
    !Array.isArray(fix.range) ||
    fix.range.length !== 2
  )
    return { path: '.fix', message: 'expected { range: [start, end], text: string }' };
  const [start, end] = fix.range as unknown[];
  if (!Number.isInteger(start) || !Number.isInteger(end))
    return { path: '.fix.range', message: 'expected two integer offsets [start, end]' };
  const [from, to] = [start as number, end as number];
  if (from > to)
    return { path: '.fix.range', message: `a reversed range [${from}, ${to}]: start must not be after end` };
  if (from < 0 || to > length)
    return {
      path: '.fix.range',
      message: `[${from}, ${to}] lies outside the reply (${length} characters): were these findings made on another text?`,
    };
  return undefined;
}
