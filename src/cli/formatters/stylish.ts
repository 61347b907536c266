import { MAX_LINTED_CHARS } from '../../limits.js';
import { locateRanges } from './location.js';
import { printableReply } from './redact.js';
import { formatSummary, type LintSummary } from './summary.js';
import { displayWidth, excerpt, padDisplay, paint, printable } from './text.js';
import type { LintedReply, StreamingFormatter } from './types.js';

export interface StylishOptions {
  /** ANSI colours (the CLI turns them on for a terminal only). */
  color?: boolean;
  /** Agents listed in the summary table. */
  topAgents?: number;
}

/** The line under a reply read in part: which characters no rule read (1-based, as columns are). */
export function uncheckedNote([start, end]: readonly [number, number]): string {
  return `characters ${(start + 1).toLocaleString('en')}–${end.toLocaleString('en')} not checked: lint reads the first ${MAX_LINTED_CHARS.toLocaleString('en')} (MAX_LINTED_CHARS)`;
}

/** The count of replies read in part, as every format says it. */
export function partlyCheckedText(count: number): string {
  return `${plural(count, 'reply', 'replies')} longer than ${MAX_LINTED_CHARS.toLocaleString('en')} characters ${count === 1 ? 'was' : 'were'} checked in part (MAX_LINTED_CHARS).`;
}

const plural = (count: number, word: string, many = `${word}s`) => `${count} ${count === 1 ? word : many}`;

/**
 * eslint's `stylish`, grouped by source and then by reply: the reply's line and text, then one row
 * per finding with `line:column`, severity, message and rule id. Clean replies print nothing.
 */
export function createStylishFormatter(options: StylishOptions = {}): StreamingFormatter {
  const p = paint(options.color === true);
  let currentSource: string | undefined;
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  /** Findings with a fix a person should check (not applied by --fix). */
  let reviewable = 0;
  let replies = 0;
  /** Replies longer than MAX_LINTED_CHARS: lint read their beginning only. */
  let partlyChecked = 0;

  return {
    begin: () => '',
    reply(entry: LintedReply): string {
      const { findings, unchecked } = entry.result;
      if (findings.length === 0 && unchecked === undefined) return '';
      const out: string[] = [];
      if (entry.source !== undefined && entry.source !== currentSource) {
        if (currentSource !== undefined || replies > 0) out.push('');
        out.push(p.underline(printable(entry.source)));
        currentSource = entry.source;
      }
      if (findings.length > 0) replies += 1;
      const spans = locateRanges(
        entry,
        findings.map((f) => f.range),
      );
      const labels = printable(
        [entry.id === undefined ? '' : `#${entry.id}`, entry.agent ?? ''].filter(Boolean).join(' · '),
      );
      const line = entry.origin?.line ?? 1;
      out.push(
        `  ${p.dim(`${line}:`)} ${excerpt(printableReply(entry), 72)}${labels === '' ? '' : `  ${p.dim(`(${labels})`)}`}`,
      );
      const rows = findings.map((finding, i) => {
        const start = spans[i]?.start ?? { line, column: 1 };
        if (finding.severity === 'error') errors += 1;
        else warnings += 1;
        if (finding.fix?.safe === true) fixable += 1;
        else if (finding.fix !== undefined) reviewable += 1;
        return [
          `${start.line}:${start.column}`,
          finding.severity === 'error' ? 'error' : 'warning',
          printable(finding.message.replace(/\s*\r?\n\s*/g, ' ')),
          finding.ruleId,
        ] as const;
      });
      const position = Math.max(...rows.map((r) => r[0].length));
      const severity = Math.max(...rows.map((r) => r[1].length));
      const message = Math.max(...rows.map((r) => displayWidth(r[2])));
      for (const [pos, sev, text, rule] of rows) {
        const coloured = sev === 'error' ? p.red(sev.padEnd(severity)) : p.yellow(sev.padEnd(severity));
        out.push(
          `    ${p.dim(pos.padEnd(position))}  ${coloured}  ${padDisplay(text, message, 'end')}  ${p.dim(rule)}`,
        );
      }
      if (unchecked !== undefined) {
        partlyChecked += 1;
        out.push(`    ${p.dim(uncheckedNote(unchecked))}`);
      }
      return `${out.join('\n')}\n`;
    },
    end(summary?: LintSummary): string {
      const out: string[] = [];
      const total = errors + warnings;
      if (total > 0) {
        const line = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) in ${plural(replies, 'reply', 'replies')}`;
        out.push('', errors > 0 ? p.bold(p.red(line)) : p.bold(p.yellow(line)));
        if (fixable > 0) out.push(`  ${fixable} of them can be fixed with the --fix option.`);
        if (reviewable > 0)
          out.push(
            `  ${reviewable} ${fixable > 0 ? 'more have' : `of them ${reviewable === 1 ? 'has' : 'have'}`} a suggested fix to check by hand (the json and sarif outputs carry it; --fix does not apply it).`,
          );
      }
      if (partlyChecked > 0) out.push(`  ${partlyCheckedText(partlyChecked)}`);
      if (summary)
        out.push(
          '',
          formatSummary(summary, {
            color: options.color === true,
            ...(options.topAgents === undefined ? {} : { topAgents: options.topAgents }),
          }).trimEnd(),
        );
      return out.length === 0 ? '' : `${out.join('\n')}\n`;
    },
  };
}

/** `stylish` over an array of results, as eslint's formatters. Pure. */
export function stylish(results: readonly LintedReply[], options: StylishOptions = {}): string {
  const formatter = createStylishFormatter(options);
  return formatter.begin() + results.map((r) => formatter.reply(r)).join('') + formatter.end();
}
