import { applyFixes } from '../../lint/fixes.js';
import type { Finding, LintContext, LintResult } from '../../lint/types.js';
import type { ReplyOrigin } from '../formatters/types.js';
import type { InputFormat } from './input-format.js';
import { resolveOrigin } from './jsonl-parser.js';
import type { ReplyRecord } from './record.js';
import type { RecordSource, ReplyFixer, ReplyLinter } from './run.js';

/** Lint-and-fix passes per reply, as eslint: a fix that makes room for another is applied next pass. */
export const MAX_FIX_PASSES = 10;

/** Whether `huashu lint --fix` applies a finding's fix: only fixes the rule marks safe. */
export const isSafeFix = (finding: Finding): boolean => finding.fix?.safe === true;

export interface FixedReply {
  reply: string;
  /** The findings of the final text. */
  result: LintResult;
  /** Fixes applied over all passes. */
  applied: number;
}

/**
 * eslint's verify-and-fix: lint, apply the safe fixes that do not overlap (in order of position),
 * lint the result again, up to MAX_FIX_PASSES times or until no safe fix is left or applies.
 */
export function lintAndFix(linter: ReplyLinter, reply: string, context: LintContext): FixedReply {
  let text = reply;
  let result = linter.lint(text, context);
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const safe = result.findings.filter(isSafeFix);
    if (safe.length === 0) break;
    const next = applyFixes(text, safe);
    if (next.fixed.length === 0 || next.text === text) break;
    text = next.text;
    applied += next.fixed.length;
    result = linter.lint(text, context);
  }
  return { reply: text, result, applied };
}

/** A replacement of `[start, end)` of an input's decoded text (a BOM not counted). */
export interface SourceEdit {
  start: number;
  end: number;
  text: string;
}

/** Source characters per UTF-16 unit of the reply at raw index `i`, as location.ts reads them. */
function rawStep(encoding: 'json-string' | 'csv-quoted', raw: string, i: number): number {
  if (encoding === 'json-string') return raw[i] !== '\\' ? 1 : raw[i + 1] === 'u' ? 6 : 2;
  return raw[i] === '"' && raw[i + 1] === '"' ? 2 : 1;
}

/** The raw offsets of decoded offsets `a ≤ b`. */
function rawOffsets(
  encoding: 'json-string' | 'csv-quoted',
  raw: string,
  a: number,
  b: number,
): [number, number] {
  let rawIndex = 0;
  let decoded = 0;
  let rawA = 0;
  for (;;) {
    if (decoded === a) rawA = rawIndex;
    if (decoded === b) return [rawA, rawIndex];
    rawIndex += rawStep(encoding, raw, rawIndex);
    decoded += 1;
  }
}

/** Python's `json.dumps` default (and other ASCII-only writers) escape every non-ASCII character. */
function asciiOnlyJson(raw: string): boolean {
  return /\\u[0-9a-fA-F]{4}/.test(raw) && !/[\u0080-\uffff]/.test(raw);
}

function jsonEscape(text: string, asciiOnly: boolean): string {
  const escaped = JSON.stringify(text).slice(1, -1);
  return asciiOnly
    ? escaped.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : escaped;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The changed middle of `after` against `before`: common prefix and suffix lengths (whole surrogate pairs). */
function changedSpan(before: string, after: string): { prefix: number; suffix: number } {
  const most = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < most && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHigh(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (
    suffix < most - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  if (suffix > 0 && isLow(before.charCodeAt(before.length - suffix))) suffix--;
  return { prefix, suffix };
}

/**
 * The edit that writes `after` where `before` is written in the source, changing as few characters
 * as possible in the source's own encoding: a JSON string keeps its escapes outside the change (and
 * its ASCII-only style), a quoted CSV field doubles quotes, an unquoted CSV field becomes quoted
 * only when the new text needs it. Returns the edit and the reply's new origin, or a problem
 * (plain text cannot hold a line break; a source without offsets cannot be edited).
 */
export function sourceEdit(
  origin: ReplyOrigin,
  format: InputFormat,
  before: string,
  after: string,
): { edit: SourceEdit; origin: ReplyOrigin } | { problem: string } {
  if (origin.offset === undefined) return { problem: 'the reply has no known place in its source' };
  const encoding = origin.encoding ?? 'verbatim';
  const { prefix, suffix } = changedSpan(before, after);
  const middle = after.slice(prefix, after.length - suffix);

  if (encoding === 'verbatim' || origin.raw === undefined) {
    const start = origin.offset + prefix;
    const end = origin.offset + before.length - suffix;
    if (format === 'plain') {
      if (/[\r\n]/.test(middle))
        return { problem: 'the fix would put a line break into a one-reply-per-line file' };
      return { edit: { start, end, text: middle }, origin };
    }
    const delimiter = format === 'tsv' ? '\t' : ',';
    if (format === 'jsonl') return { problem: 'a JSONL reply must be a JSON string' };
    // An unquoted CSV field: quoted as a whole when the new text holds a delimiter, quote or line break.
    if (middle.includes(delimiter) || /["\r\n]/.test(middle)) {
      const raw = after.replace(/"/g, '""');
      return {
        edit: { start: origin.offset, end: origin.offset + before.length, text: `"${raw}"` },
        origin: {
          line: origin.line,
          column: origin.column + 1,
          offset: origin.offset + 1,
          encoding: 'csv-quoted',
          raw,
        },
      };
    }
    return { edit: { start, end, text: middle }, origin };
  }

  const raw = origin.raw;
  const [rawStart, rawEnd] = rawOffsets(encoding, raw, prefix, before.length - suffix);
  const text =
    encoding === 'json-string' ? jsonEscape(middle, asciiOnlyJson(raw)) : middle.replace(/"/g, '""');
  return {
    edit: { start: origin.offset + rawStart, end: origin.offset + rawEnd, text },
    origin: { ...origin, raw: raw.slice(0, rawStart) + text + raw.slice(rawEnd) },
  };
}

/** Apply non-overlapping edits, in order of position, to a text. */
export function applyEdits(text: string, edits: readonly SourceEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let position = 0;
  for (const edit of sorted) {
    if (edit.start < position) continue;
    out += text.slice(position, edit.start) + edit.text;
    position = edit.end;
  }
  return out + text.slice(position);
}

/** One input being fixed: its decoded text and the edits so far. */
export interface FixTarget {
  /** The decoded text without a BOM (offsets of the parsers index into it). */
  text: string;
  /** What to do with the fixed text (write the file, print it…), told whether anything changed. */
  write(fixed: string, changed: boolean): Promise<void>;
}

/** Counts of a fix run, for the note on standard error. */
export interface FixCounts {
  fixes: number;
  replies: number;
  /** Inputs whose text changed. */
  inputs: number;
  /** Replies whose safe fixes could not be written back (e.g. a line break into plain text). */
  unwritable: number;
}

/**
 * The `--fix` session: lints each reply with lintAndFix, turns each changed reply into an edit of
 * its input's text, and at the end of each input hands its fixed text to the target's `write`.
 * Inputs are registered by their label (`stdin`, a path as shown; undefined for inline text).
 */
export class FixSession implements ReplyFixer {
  private readonly targets = new Map<string | undefined, FixTarget>();
  private readonly edits = new Map<string | undefined, SourceEdit[]>();
  readonly counts: FixCounts = { fixes: 0, replies: 0, inputs: 0, unwritable: 0 };

  /** Register the text of an input before the run reads it. */
  add(source: string | undefined, target: FixTarget): void {
    this.targets.set(source, target);
    this.edits.set(source, []);
  }

  lint(
    linter: ReplyLinter,
    record: ReplyRecord,
    context: LintContext,
    where: RecordSource,
  ): { reply: string; result: LintResult; origin?: ReplyOrigin } {
    const fixed = lintAndFix(linter, record.reply, context);
    if (fixed.reply === record.reply) return { reply: record.reply, result: fixed.result };
    const edits = this.edits.get(where.source);
    const placed = sourceEdit(resolveOrigin(record), where.format, record.reply, fixed.reply);
    if (edits === undefined || 'problem' in placed) {
      // The fix cannot be written back: report the reply as it is.
      this.counts.unwritable += 1;
      return { reply: record.reply, result: linter.lint(record.reply, context) };
    }
    edits.push(placed.edit);
    this.counts.fixes += fixed.applied;
    this.counts.replies += 1;
    return { reply: fixed.reply, result: fixed.result, origin: placed.origin };
  }

  async finish(source: string | undefined): Promise<void> {
    const target = this.targets.get(source);
    if (target === undefined) return;
    const edits = this.edits.get(source) ?? [];
    this.targets.delete(source);
    this.edits.delete(source);
    if (edits.length > 0) this.counts.inputs += 1;
    await target.write(edits.length === 0 ? target.text : applyEdits(target.text, edits), edits.length > 0);
  }
}
