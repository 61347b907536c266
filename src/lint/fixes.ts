import type { Finding } from './types.js';

/**
 * Apply the findings' fixes to the reply (eslint's source-code fixer): fixes are applied from the
 * start of the reply; a fix overlapping one already applied is skipped. Returns the fixed text and
 * the findings whose fix was applied.
 */
export function applyFixes(reply: string, findings: readonly Finding[]): { text: string; fixed: Finding[] } {
  const withFix = findings
    .filter((f) => f.fix !== undefined)
    .sort((a, b) => a.fix!.range[0] - b.fix!.range[0] || a.fix!.range[1] - b.fix!.range[1]);
  let text = '';
  let position = 0;
  const fixed: Finding[] = [];
  for (const finding of withFix) {
    const [start, end] = finding.fix!.range;
    if (start < position || start > reply.length || end > reply.length) continue;
    text += reply.slice(position, start) + finding.fix!.text;
    position = end;
    fixed.push(finding);
  }
  return { text: text + reply.slice(position), fixed };
}
