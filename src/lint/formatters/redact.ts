import { redactSpan } from '../pii.js';
import type { LintedReply } from './types.js';

/**
 * The reply as an output may print it: the range of every `redacted` finding (personal data) is
 * masked, keeping the reply's UTF-16 length so every line, column and range printed beside it
 * still points at the same characters. Replies without such findings are returned as they are.
 */
export function printableReply(entry: LintedReply): string {
  const { reply } = entry;
  let redacted: Array<{ start: number; end: number; masked: string }> | undefined;
  for (const finding of entry.result.findings) {
    if (finding.redacted !== true) continue;
    const start = Math.max(0, Math.min(reply.length, finding.range[0]));
    const end = Math.max(start, Math.min(reply.length, finding.range[1]));
    (redacted ??= []).push({ start, end, masked: finding.actual });
  }
  if (redacted === undefined) return reply;
  redacted.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let position = 0;
  for (const { start, end, masked } of redacted) {
    // A range inside one already masked is masked already; an overlapping one is masked from where the last ended.
    if (end <= position) continue;
    const from = Math.max(start, position);
    out += reply.slice(position, from) + redactSpan(reply.slice(from, end), from === start ? masked : '');
    position = end;
  }
  return out + reply.slice(position);
}
