import type { ReplaySummary } from './summary.js';

const percent = (part: number, whole: number) =>
  whole === 0 ? '–' : `${((part / whole) * 100).toFixed(1)}%`;

const lineList = (lines: readonly number[]) => (lines.length > 0 ? ` — lines ${lines.join(', ')}` : '');

/** The replay summary as a terminal report: the checks first, then actions per intent, then the sample. Pure. */
export function formatReplayPretty(file: string, s: ReplaySummary): string {
  const lines = [
    `${file} — ${s.messages} messages replayed through reply()${s.labelled > 0 ? `, ${s.labelled} labelled` : ''}`,
    '',
    `empty replies         ${s.emptyReplies} (${percent(s.emptyReplies, s.messages)})${lineList(s.emptyLines)}`,
    `out-of-scope replies  ${s.outOfScope} (${percent(s.outOfScope, s.messages)})${s.labelled > 0 ? `, ${s.outOfScopeOnInScope} to messages not labelled "other"${lineList(s.outOfScopeOnInScopeLines)}` : ''}`,
    `unsure, asked instead ${s.unsure} (${percent(s.unsure, s.messages)})${s.labelled > 0 ? `, ${s.unsureOnRightIntent} of them with the right intent` : ''}`,
    `distinct replies      ${s.distinctReplies}`,
  ];
  if (s.accuracy !== null)
    lines.push(`intent accuracy       ${percent(s.accuracy, 1)} of the labelled messages`);
  lines.push('', 'Costly actions (fired; on labelled messages that do not justify them):');
  for (const [id, c] of Object.entries(s.costly))
    lines.push(
      `  ${id.padEnd(26)} ${String(c.fired).padStart(5)}${s.labelled > 0 ? `   unjustified ${c.unjustified}${lineList(c.unjustifiedLines)}` : ''}`,
    );
  lines.push('', 'Actions per predicted intent:');
  for (const [intent, actions] of Object.entries(s.actionsByIntent).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const list = Object.entries(actions)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([id, n]) => `${id} ${n}`)
      .join(', ');
    lines.push(`  ${intent}: ${list === '' ? '(none)' : list}`);
  }
  lines.push('', `Sample (${s.sample.length} messages, spread over the file):`);
  for (const item of s.sample) {
    lines.push('');
    lines.push(
      `  #${item.line}  ${item.intent} ${item.confidence.toFixed(2)}${item.accept.length > 0 ? `  (labelled ${item.accept.join(' | ')})` : ''}`,
    );
    if (item.previousAgentMessage !== null) lines.push(`  agent:    ${item.previousAgentMessage}`);
    lines.push(`  customer: ${item.text}`);
    lines.push(`  reply:    ${item.reply === '' ? '(empty)' : item.reply.replace(/\n/gu, '\n            ')}`);
    if (item.actions.length > 0) lines.push(`  actions:  ${item.actions.join(', ')}`);
  }
  return lines.join('\n');
}
