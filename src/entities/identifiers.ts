import type { Entity } from '../analysis/types.js';
import { entityData } from '../generated/entity-data.js';
import type { NormalizedText } from '../normalize/index.js';
import { isMainlandIdNumber } from '../text/id-numbers.js';
import { compileSafeRegex, type SafeRegex } from '../text/safe-regex.js';
import { entityAt } from './candidates.js';
import { lastHitBefore, type CueHit, type IdentifierKind } from './lexicon-hits.js';

// All on folded text (lower case, half-width; a run of * collapses to one).
const MOBILE = /(?<![\d])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}[ -]?\d{4}|\*\d{4}|x{3,4}\d{4})(?!\d)/g;
const TAIWAN_MOBILE = /(?<![\d-])09\d{2}-?\d{3}-?\d{3}(?![\d-])/g;
const LANDLINE = /(?<![\d-])(?:\(0\d{2,3}\) ?|0\d{2,3}-)\d{7,8}(?:-\d{1,5})?(?![\d-])/g;
const SERVICE_LINE = /(?<![\d-])[48]00-?\d{3}-?\d{4}(?![\d-])/g;
/** North American numbers: (415) 555-0199, 415-555-0199, +1 415.555.0199. */
const NANP = /(?<![\d-])(?:\+?1[ -.]?)?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[ -.])\d{3}[ -.]\d{4}(?![\d-])/g;
/** Pinduoduo order numbers: yymmdd-15 digits. */
const DASHED_ORDER = /(?<![\d-])\d{6}-\d{15}(?![\d-])/g;
/** A run of letters and digits with at least one digit: order, tracking or plain number. */
const TOKEN = /(?<![a-z0-9])[a-z0-9]*\d[a-z0-9]*(?![a-z0-9])/g;
/** What may stand between a cue and its number: 订单号：123, order number is 123, order #1001. */
const CUE_GAP = /^(?:[\s:#=\-.,'"()[\]【】「」<>：是为的号码]|is|no|number|num|was|id)*$/;
const MAX_CUE_GAP = 12;
/** A cue just after the number: 123456789012这个订单. */
const TRAILING_ORDER_GAP = /^(?:[\s的这个那]*)$/;

let carrierFormats: Array<{ code: string; pattern: SafeRegex }> | undefined;

/** The carriers' own number formats, built on first use (not at import) from the build step's plans. */
function carrierPatterns(): Array<{ code: string; pattern: SafeRegex }> {
  return (carrierFormats ??= entityData().carriers.flatMap((carrier) =>
    carrier.prefixed.map((source) => ({
      code: carrier.code,
      pattern: compileSafeRegex(source, '', carrier.plans[source]),
    })),
  ));
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** 138****5678: the first three and last four digits, the rest hidden. */
export function maskPhone(digits: string): string {
  if (digits.length >= 8) return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
  return `${'*'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`;
}

function phoneEntity(n: NormalizedText, start: number, end: number): Entity {
  const folded = n.text.slice(start, end);
  if (/[*x]/.test(folded.replace(/^\+?86/, ''))) {
    // Already masked by the sender: keep the visible digits, show four stars.
    const m = /(\d{3})(?:\*|x+)(\d{4})$/.exec(folded);
    const masked = m ? `${m[1]}****${m[2]}` : folded;
    return entityAt(n, start, end, 'phone', masked, { masked });
  }
  let digits = digitsOf(folded);
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return entityAt(n, start, end, 'phone', digits, { masked: maskPhone(digits) });
}

function nearestCarrier(cues: readonly CueHit[], position: number): string | undefined {
  let best: CueHit | undefined;
  for (const cue of cues) {
    if (cue.kind !== 'carrier') continue;
    if (best === undefined || Math.abs(cue.start - position) < Math.abs(best.start - position)) best = cue;
  }
  return best?.carrier;
}

/** The cue word governing a number at `start`, if one stands right before it (or 订单 right after). */
function governingCue(
  n: NormalizedText,
  cues: readonly CueHit[],
  start: number,
  end: number,
): CueHit | undefined {
  const i = lastHitBefore(cues, start);
  const before = cues[i];
  if (
    before !== undefined &&
    start - before.end <= MAX_CUE_GAP &&
    CUE_GAP.test(n.text.slice(before.end, start))
  ) {
    return before;
  }
  const after = cues[i + 1];
  if (
    after !== undefined &&
    after.kind === 'order_id' &&
    after.start >= end &&
    after.start - end <= 3 &&
    TRAILING_ORDER_GAP.test(n.text.slice(end, after.start))
  ) {
    return after;
  }
  return undefined;
}

/**
 * What a masked number (`[数字x]` of an anonymised export) stands for, read as a written number
 * would be: the cue word governing it (订单号：[数字x], [数字x]这个订单, 快递单号, 手机) or, with no
 * cue, what the agent's last message asked for. Its digits are hidden, so no length check applies.
 */
export function maskedNumberKind(
  n: NormalizedText,
  cues: readonly CueHit[],
  askedFor: IdentifierKind | undefined,
  start: number,
  end: number,
): IdentifierKind | undefined {
  const cue = governingCue(n, cues, start, end);
  if (cue === undefined) return askedFor;
  return cue.kind === 'carrier' ? 'tracking_number' : cue.kind;
}

function tracking(n: NormalizedText, start: number, end: number, carrier: string | undefined): Entity {
  const value = n.text.slice(start, end).toUpperCase();
  return entityAt(n, start, end, 'tracking_number', value, carrier === undefined ? {} : { carrier });
}

function classifyToken(
  n: NormalizedText,
  cues: readonly CueHit[],
  askedFor: IdentifierKind | undefined,
  start: number,
  end: number,
): Entity | undefined {
  const token = n.text.slice(start, end);
  for (const { code, pattern } of carrierPatterns())
    if (pattern.test(token)) return tracking(n, start, end, code);
  const digits = digitsOf(token).length;
  const pureDigits = digits === token.length;
  const cue = governingCue(n, cues, start, end);
  // No cue in the message: the agent's question (请提供订单号) tells what a bare number answers.
  const kind = cue?.kind ?? (pureDigits ? askedFor : undefined);
  switch (kind) {
    case 'tracking_number':
      if (digits >= 6) return tracking(n, start, end, nearestCarrier(cues, start));
      break;
    case 'carrier':
      if (digits >= 8) return tracking(n, start, end, cue?.carrier);
      break;
    case 'order_id':
      if (digits >= 4 && token.length <= 30) return entityAt(n, start, end, 'order_id', token.toUpperCase());
      break;
    case 'phone':
      if (pureDigits && digits >= 7 && digits <= 12) return phoneEntity(n, start, end);
      break;
    default:
      break;
  }
  if (!pureDigits) return undefined; // model numbers and SKUs (es60h, iphone15) are not ours to guess
  // A mainland ID number (birth date and check digit) with no cue calling it an order is personal data, not an order number.
  if (digits >= 16 && digits <= 20)
    return isMainlandIdNumber(token) ? undefined : entityAt(n, start, end, 'order_id', token);
  if (digits >= 10 && digits <= 15) {
    const carrier = nearestCarrier(cues, start);
    if (carrier !== undefined) return tracking(n, start, end, carrier);
  }
  if (digits >= 6) return entityAt(n, start, end, 'number', token);
  return undefined;
}

function eachMatch(pattern: RegExp, text: string, visit: (start: number, end: number) => void): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) visit(m.index, m.index + m[0].length);
}

/**
 * Phones, order numbers, tracking numbers and long plain numbers. A number is told apart by its
 * shape (11 digits from 13x to 19x is a mobile; sf + 12 digits is SF Express) and by the cue word
 * in front of it (订单号, 快递单号, 手机, tracking number); the longest cue wins, so 快递单号 beats 单号.
 */
export function identifierCandidates(
  n: NormalizedText,
  cues: readonly CueHit[],
  askedFor: IdentifierKind | undefined,
  digits: number,
  out: Entity[],
): void {
  // Cheap gates first: most messages have no number long enough to be any of these.
  if (digits < 4) return;
  const text = n.text;
  const phones: Array<[number, number]> = [];
  const addPhone = (start: number, end: number) => {
    phones.push([start, end]);
    out.push(phoneEntity(n, start, end));
  };
  if (digits >= 7) {
    eachMatch(MOBILE, text, addPhone);
    eachMatch(TAIWAN_MOBILE, text, addPhone);
    eachMatch(LANDLINE, text, addPhone);
    eachMatch(SERVICE_LINE, text, addPhone);
    eachMatch(NANP, text, addPhone);
  }
  if (digits >= 21 && text.includes('-')) {
    eachMatch(DASHED_ORDER, text, (start, end) =>
      out.push(entityAt(n, start, end, 'order_id', text.slice(start, end))),
    );
  }
  phones.sort((a, b) => a[1] - b[1]);
  let p = 0;
  eachMatch(TOKEN, text, (start, end) => {
    // A token that is (part of) a phone found above is that phone.
    while (p < phones.length && (phones[p]?.[1] ?? 0) <= start) p++;
    const phone = phones[p];
    if (phone !== undefined && phone[0] < end && start < phone[1]) return;
    const entity = classifyToken(n, cues, askedFor, start, end);
    if (entity !== undefined) out.push(entity);
  });
}
