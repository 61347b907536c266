import type { Range } from '../analysis/types.js';
import { HuashuError } from '../errors.js';
import type { SupportedLocale } from '../language/index.js';
import { interpolate, type ReportDescriptor, type RuleMeta } from './rule.js';
import type { Finding, Severity } from './types.js';
import type { LintRuleId } from '../ids.js';

function validRange(range: Range, length: number): boolean {
  const [start, end] = range;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start && end <= length;
}

/**
 * Check a rule's report against its meta: an unknown messageId, a fix without `fixable`, a range
 * outside the reply… are defects of the rule, thrown as `INVALID_RULES`.
 */
export function checkReport(meta: RuleMeta, descriptor: ReportDescriptor, reply: string): void {
  const messages = meta.messages[descriptor.messageId];
  const problem = (message: string) =>
    new HuashuError('INVALID_RULES', `Rule "${meta.id}" reported ${message}`, {
      issues: [{ path: meta.id, message }],
    });
  if (messages === undefined) throw problem(`an unknown messageId "${descriptor.messageId}"`);
  if (descriptor.fix !== undefined && !meta.fixable)
    throw problem('a fix, but fixable rules must set meta.fixable');
  if (descriptor.suggestions !== undefined && !meta.hasSuggestions)
    throw problem('suggestions, but rules with suggestions must set meta.hasSuggestions');
  if (!validRange(descriptor.range, reply.length))
    throw problem(`a range outside the reply: [${descriptor.range.join(', ')}]`);
  if (descriptor.fix !== undefined && !validRange(descriptor.fix.range, reply.length))
    throw problem(`a fix range outside the reply: [${descriptor.fix.range.join(', ')}]`);
  if (descriptor.masked !== undefined && typeof descriptor.masked !== 'string')
    throw problem('a masked form that is not a string');
}

/** A datum of the reply (phone, ID number, e-mail, address) in original offsets, with its masked form. */
export interface PersonalDatum {
  start: number;
  end: number;
  text: string;
  masked: string;
}

/** Every datum findPii finds has a digit (any script) or an at sign. */
export const MAY_HOLD_DATA = /[\p{Nd}@＠]/u;

/** `reply[start, end)` with every datum in it masked; a datum cut by the range shows as `*`s. */
function maskRange(reply: string, start: number, end: number, data: readonly PersonalDatum[]): string {
  let out = '';
  let position = start;
  for (const datum of data) {
    const from = Math.max(datum.start, start);
    const to = Math.min(datum.end, end);
    out += reply.slice(position, from);
    out += from === datum.start && to === datum.end ? datum.masked : '*'.repeat(to - from);
    position = to;
  }
  return out + reply.slice(position, end);
}

/** `value` (a message, data, suggestion or fix written by a rule) with each datum's text masked. */
function maskAll(value: string, data: readonly PersonalDatum[]): string {
  for (const { text, masked } of data) if (value.includes(text)) value = value.split(text).join(masked);
  return value;
}

/**
 * The finding of a checked report, its message in `locale`. A `masked` report never repeats the
 * datum: the range's text is replaced by the masked form wherever the rule might have put it. Any
 * other finding (a whole-reply one of greet-first, a phrase next to a phone number) shows the
 * personal data inside its range masked (`personalDataIn`), so no output repeats it.
 */
export function createFinding(
  meta: RuleMeta,
  configured: Severity,
  descriptor: ReportDescriptor,
  reply: string,
  locale: SupportedLocale,
  personalDataIn: (start: number, end: number) => readonly PersonalDatum[] = () => [],
): Finding {
  const [start, end] = descriptor.range;
  const text = reply.slice(start, end);
  const { masked } = descriptor;
  const personal = masked === undefined && MAY_HOLD_DATA.test(text) ? personalDataIn(start, end) : [];
  const hide =
    masked !== undefined
      ? text === '' || text === masked
        ? (value: string) => value
        : (value: string) => (value.includes(text) ? value.split(text).join(masked) : value)
      : personal.length === 0
        ? (value: string) => value
        : (value: string) => maskAll(value, personal);
  const result: Finding = {
    ruleId: meta.id as LintRuleId,
    messageId: descriptor.messageId,
    severity: configured === 'warn' ? 'warn' : (descriptor.severity ?? 'error'),
    message: hide(interpolate(meta.messages[descriptor.messageId]![locale], descriptor.data)),
    range: [start, end],
    actual: masked ?? (personal.length === 0 ? text : maskRange(reply, start, end, personal)),
  };
  if (descriptor.expected !== undefined) result.expected = hide(descriptor.expected);
  if (descriptor.fix !== undefined)
    result.fix = {
      range: [...descriptor.fix.range],
      text: hide(descriptor.fix.text),
      ...(descriptor.fix.safe === true ? { safe: true as const } : {}),
    };
  if (descriptor.suggestions !== undefined && descriptor.suggestions.length > 0)
    result.suggestions = descriptor.suggestions.map((s) => ({ text: hide(s.text) }));
  if (descriptor.data !== undefined) {
    const data: Record<string, string> = {};
    for (const [key, value] of Object.entries(descriptor.data)) data[key] = hide(value);
    result.data = data;
  }
  result.url = meta.docs.url;
  if (masked !== undefined) result.redacted = true;
  return result;
}
