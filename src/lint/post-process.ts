import type { Range } from '../analysis/types.js';
import type { Finding, LintResult } from './types.js';

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether `[start, end)` lies inside one of `ranges`: sorted by start with a running maximum of
 * the ends, each question is a binary search (a megabyte of allowed phrases stays O(n log n)).
 */
function insideAny(ranges: readonly Range[]): (start: number, end: number) => boolean {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const starts = Int32Array.from(sorted, (r) => r[0]);
  const maxEnds = new Int32Array(sorted.length);
  let furthest = -1;
  sorted.forEach((r, i) => (maxEnds[i] = furthest = Math.max(furthest, r[1])));
  return (start, end) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnds[lo - 1]! >= end;
  };
}

/**
 * The reply's result from the rules' findings: findings inside an allowed phrase are dropped, a
 * rule's duplicate and nested spans reported once, the rest sorted by position and counted.
 */
export function lintResult(findings: Finding[], allowed: readonly Range[] | undefined): LintResult {
  if (findings.length === 0) return { findings, errorCount: 0, warningCount: 0 };
  let kept = findings;
  if (allowed !== undefined && allowed.length > 0) {
    const inside = insideAny(allowed);
    kept = kept.filter((f) => !inside(f.range[0], f.range[1]));
  }
  if (kept.length > 1) {
    // A rule reports a span inside another of its spans (不知道 in 我不知道) once, and two
    // overlapping spans with the same message (加我微信 / 微信聊) once: sorted by rule, start,
    // longest first, a span is dropped when it ends before the furthest end seen, or starts
    // before it with the same messageId.
    kept.sort((a, b) => compareIds(a.ruleId, b.ruleId) || a.range[0] - b.range[0] || b.range[1] - a.range[1]);
    const unique: Finding[] = [];
    let rule = '';
    let furthest = -1;
    let furthestMessage = '';
    for (const f of kept) {
      if (f.ruleId !== rule) {
        rule = f.ruleId;
        furthest = -1;
      }
      if (f.range[1] <= furthest && f.range[1] > f.range[0]) continue;
      if (f.range[0] < furthest && f.messageId === furthestMessage) continue;
      if (f.range[1] > furthest) {
        furthest = f.range[1];
        furthestMessage = f.messageId;
      }
      unique.push(f);
    }
    kept = unique;
    kept.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || compareIds(a.ruleId, b.ruleId));
  }
  let errorCount = 0;
  for (const f of kept) if (f.severity === 'error') errorCount++;
  return { findings: kept, errorCount, warningCount: kept.length - errorCount };
}
