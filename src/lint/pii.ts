/**
 * Personal data in folded reply text (see `normalize`: lower case, half-width digits): phone
 * numbers as people write them (0755-8888 6666, +886 912 345 678, (212) 555-0147, +86 138 0013
 * 8000), validated by libphonenumber-js on candidate spans only (see `findPhones`), mainland
 * ID-card numbers (checksum verified), bank-card numbers (Luhn verified), e-mail and street
 * addresses. Masked forms (138****5678, [电话x], z***@qq.com) have no full value and are not found.
 * Every pattern is bounded and unambiguous, and the phone scan reads each character a bounded
 * number of times, so a megabyte of digits or letters stays linear.
 */
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core';
import { phoneMetadata } from '../generated/phone-metadata.js';
import { decodeUnits } from '../normalize/fold.js';
import { isAsciiLetterCode, isDigitCode } from '../text/char-class.js';
import { ID_BIRTH_DATE, ID_REGION, ID_SEQUENCE_AND_CHECK, validIdCard } from '../text/id-numbers.js';

export type PiiKind = 'mobile' | 'landline' | 'phone' | 'id-card' | 'bank-card' | 'email' | 'address';

export interface PiiHit {
  kind: PiiKind;
  /** `[start, end)` in the folded text: exactly the characters of the datum. */
  start: number;
  end: number;
  value: string;
  /**
   * Reported only when a cue of this role comes right before it: an 8-digit local number (Hong
   * Kong, Macau) is a phone only when introduced as the customer's; a 16–19 digit number is a card
   * only when introduced as one (卡号, 银行卡), since order numbers look the same.
   */
  needs?: 'owner' | 'card';
}

/** A mainland resident ID: region, birth date, sequence and check, whole or spaced 6 · 8 · 4. */
const ID_CARD = new RegExp(
  `(?<![0-9a-z])${ID_REGION}[ -]?${ID_BIRTH_DATE}[ -]?${ID_SEQUENCE_AND_CHECK}(?![0-9a-z])`,
  'g',
);
/**
 * A card number written as one: 16–19 digits in groups of four (4539 1488 0343 6467), or an
 * American Express number in 4 · 6 · 5. Order and tracking numbers are not written so, so these
 * need no cue; Luhn still checks them.
 */
const BANK_CARD_GROUPED =
  /(?<![0-9a-z])(?:[2-6]\d{3}([ -])\d{4}(?:\1\d{4}){2}(?:\1\d{1,3})?|3[47]\d{2}([ -])\d{6}\2\d{5})(?![0-9a-z])/g;
/** 16–19 digits, whole or in groups of four, with an issuer's first digit (2–6): a card only after a cue. */
const BANK_CARD = /(?<![0-9a-z])[2-6]\d{3}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?(?![0-9a-z])/g;
/**
 * A US Social Security number (not 000, 666 or 9xx, then not 00, then not 0000; one separator
 * style throughout) and a UK National Insurance number (two prefix letters, six digits, A–D):
 * weak shapes, so only after a cue that names them or the customer's (your SSN).
 */
const US_SSN = /(?<![0-9a-z])(?!000|666|9)\d{3}([- ]?)(?!00)\d{2}\1(?!0000)\d{4}(?![0-9a-z])/g;
const UK_NINO = /(?<![0-9a-z])[a-ceghj-pr-tw-z][a-ceghj-npr-tw-z] ?\d{2} ?\d{2} ?\d{2} ?[a-d](?![0-9a-z])/g;
/** A Taiwan national ID (folded: lower case): a letter, 1 or 2, eight digits; checked by `validTaiwanId`. */
const TW_ID = /(?<![0-9a-z])[a-z][12]\d{8}(?![0-9a-z])/g;
/** A Hong Kong identity card number: one or two letters, six digits, the check digit (often bracketed). */
const HK_ID = /(?<![0-9a-z])[a-z]{1,2}\d{6} ?(?:\([0-9a]\)|[0-9a])(?![0-9a-z])/g;
/**
 * A street (up to six Han characters and 路/街/道/…), its section (Taiwan's 一段, the mainland's 西段), lane and alley (188巷,
 * 5弄), the house number (之 and a sub-number), and an optional floor or flat.
 */
const STREET_ZH =
  /([\u4e00-\u9fff]{1,6})(路|街|大道|道|巷|弄|胡同)(?:[一二三四五六七八九十]{1,3}段|\d{1,2}段|[东南西北中]段)?(?:\d{1,4}巷)?(?:\d{1,4}弄)?\d{1,5}号(?:之\d{1,3})?(?:[\u4e00-\u9fff\d-]{0,12}?\d{1,5}(?:室|号|楼))?/g;
/**
 * Where a STREET_ZH match can lie relative to its house number's `<digit>号`: it starts at most
 * this far before the 号 (six Han, a two-character road word, 十二段, 188巷, 5弄, five digits)…
 */
const STREET_BEFORE_NUMBER = 32;
/** …and the regex reads at most this far after it (之 and three digits, a flat of 12 + 5 + 1, one more). */
const STREET_AFTER_NUMBER = 30;
const HOUSE_NUMBER = /\d号/g;

/**
 * STREET_ZH's matches in `text`, as `text.matchAll(STREET_ZH)` gives them (same places and groups),
 * searched only in windows around each `<digit>号`: a match needs one, and lies within
 * [号 − STREET_BEFORE_NUMBER, 号 + STREET_AFTER_NUMBER]. Overlapping windows are merged, so a match
 * never crosses a window's edge. Without the windows a megabyte of Han characters costs the
 * regex six steps a character (its leading [\u4e00-\u9fff]{1,6}); with them, one scan for 号.
 * test/lint/pii-street-windows.test.ts checks the two agree on generated texts.
 */
export function* streetMatches(text: string): Generator<RegExpExecArray> {
  if (!text.includes('号')) return;
  HOUSE_NUMBER.lastIndex = 0;
  let from = -1;
  let to = -1;
  const search = function* (start: number, end: number): Generator<RegExpExecArray> {
    const window = text.slice(start, end);
    STREET_ZH.lastIndex = 0;
    for (const m of window.matchAll(STREET_ZH)) {
      m.index += start;
      m.input = text;
      yield m;
    }
  };
  for (let hit = HOUSE_NUMBER.exec(text); hit !== null; hit = HOUSE_NUMBER.exec(text)) {
    const number = hit.index + 1;
    const start = Math.max(0, number - STREET_BEFORE_NUMBER);
    const end = Math.min(text.length, number + 1 + STREET_AFTER_NUMBER);
    if (start <= to) to = Math.max(to, end);
    else {
      if (to > from) yield* search(from, to);
      from = start;
      to = end;
    }
  }
  if (to > from) yield* search(from, to);
}

/** Words ending in 道 that are not streets (知道3号 is "know the 3rd"): the character before 道. */
const NOT_A_STREET_BEFORE_DAO = new Set('知频通渠味难车赛轨管跑航隧栈坡步行街顺报说问讲写答称叫');
const BUILDING_ZH = /\d{1,3}(?:栋|幢|号楼)\d{1,2}单元\d{2,5}(?:室|号)?/g;
/** A rural address: the village, its group (组, 社, 队) and the house number (李庄村3组27号). */
const VILLAGE_ZH = /(?:(?![省市区县镇乡旗])[\u4e00-\u9fff]){1,4}村\d{1,3}(?:组|社|队)\d{1,4}号/g;
/** Street types, written out or abbreviated as addresses are (St, Rd, Ave, Blvd). */
const STREET_TYPES =
  'street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|court|terrace|crescent|highway|hwy|parkway|pkwy|quay|mews';
/** Street types French writes before the name (4521 rue Saint-Denis, Montréal). */
const STREET_TYPES_BEFORE = 'rue|chemin|boulevard|avenue';
const STREET_EN = new RegExp(
  `(?<![0-9a-z])\\d{1,5}[a-z]? (?:(?:[a-z0-9]+ ){1,4}(?:${STREET_TYPES})|(?:${STREET_TYPES_BEFORE}) [a-z][a-z-]+)(?![a-z])`,
  'g',
);
const STREET_WORD = new RegExp(`(?<![a-z])(?:${STREET_TYPES}|${STREET_TYPES_BEFORE})(?![a-z])`);
const HAS_DIGIT_OR_AT = /[0-9@]/;
/**
 * An e-mail address spelt out against scrapers: name at domain dot com, name(at)domain(dot)com,
 * name[at]domain[dot]com, name @ domain . com, and in Chinese chat 小老鼠 or 艾特 for @ and 点 (點)
 * for the dot. One domain label and a common top-level domain, so "arrives at 5 pm" or "at
 * checkout" never match.
 */
const EMAIL_SPELLED =
  /(?<![a-z0-9._%+-])[a-z0-9][a-z0-9._%+-]{0,63} ?(?:\(at\)|\[at\]| at |@|小老鼠|艾特) ?[a-z0-9-]{1,63} ?(?:\(dot\)|\[dot\]| dot |\.|点) ?(?:com|net|org|edu|gov|info|cn|hk|tw|uk|io|co|me)(?![a-z0-9])/g;
/** An @ with a space beside it: an address spelt out with spaces (name @ domain . com), looked for without a cue. */
const SPACED_AT = / @|@ /;
/** Words that stand before "at" in a sentence, never as a spelt-out e-mail's name (… and is at example dot com). */
const NOT_AN_EMAIL_NAME =
  /^(?:is|are|was|were|be|been|it|me|us|you|him|her|them|and|or|but|email|mail|e-mail|one|ends|starts)$/;
/** The separator of a spelt-out e-mail address: where its name ends. */
const SPELLED_AT = / ?(?:\(at\)|\[at\]| at |@|小老鼠|艾特) ?/;
/**
 * Characters that end what comes before a street name: the division it is in (北京市朝阳区|建国路)
 * and the words that introduce it (地址：|松仁路, 寄到|张江路). The street starts after the last one.
 */
const BEFORE_STREET = new Set('省市区县镇乡村旗的址是在到至往为于:： ');

const TW_LETTERS = 'abcdefghjklmnpqrstuvxywzio';

/** The check digit of a Taiwan national ID: the letter's two-digit code and the nine digits, weighted. */
export function validTaiwanId(value: string): boolean {
  const id = value.toLowerCase();
  if (!/^[a-z][12]\d{8}$/.test(id)) return false;
  const code = TW_LETTERS.indexOf(id[0]!) + 10;
  const weights = [8, 7, 6, 5, 4, 3, 2, 1, 1];
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  for (let i = 1; i < 10; i++) sum += (id.charCodeAt(i) - 48) * weights[i - 1]!;
  return sum % 10 === 0;
}

/** The check digit (MOD 11) of a Hong Kong identity card number, bracketed or not. */
export function validHongKongId(value: string): boolean {
  const id = value.toLowerCase().replace(/[() ]/g, '');
  const match = /^([a-z]{1,2})(\d{6})([0-9a])$/.exec(id);
  if (match === null) return false;
  const letters = match[1]!.length === 1 ? ` ${match[1]!}` : match[1]!;
  const value36 = (c: string) => (c === ' ' ? 36 : c.charCodeAt(0) - 87); // a = 10
  let sum = value36(letters[0]!) * 9 + value36(letters[1]!) * 8;
  for (let i = 0; i < 6; i++) sum += (match[2]!.charCodeAt(i) - 48) * (7 - i);
  const check = (11 - (sum % 11)) % 11;
  return match[3] === (check === 10 ? 'a' : String(check));
}

/** The Luhn check of a card number (ISO/IEC 7812), on its digits. */
export function validCardNumber(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  // 15 digits: American Express (34, 37).
  const amex = digits.length === 15 && (digits.startsWith('34') || digits.startsWith('37'));
  if (!amex && (digits.length < 16 || digits.length > 19)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Every datum in the folded text, without overlaps: where two candidates overlap, the one found
 * first in this order wins: ID card, bank card, e-mail, mobile, international, landline, local
 * mobile, address (a phone number inside an ID number is the ID number; 138…@qq.com is an e-mail).
 * `look.cards: false` / `look.local: false` / `look.regionalIds: false` skip the kinds that need a cue when the reply has none
 * (a megabyte of digits then costs no card or local-number candidates nobody would report).
 */
export function findPii(text: string, look: PiiLook = {}): PiiHit[] {
  return searchPii(text, look).hits;
}

/** Which kinds findPii looks for: see `findPii`. */
export interface PiiLook {
  local?: boolean;
  cards?: boolean;
  /** Look for e-mail addresses spelt out (name at domain dot com): the reply has those words. */
  spelled?: boolean;
  /**
   * Look for Taiwan and Hong Kong ID numbers, US Social Security and UK National Insurance
   * numbers (they need an owner cue, so only when there is one).
   */
  regionalIds?: boolean;
}

/** What a bounded search found. */
export interface PiiSearch {
  /** The data in `[0, through)` of the text, every one of them, sorted. */
  hits: PiiHit[];
  /**
   * Where the search stopped (in the folded text): the text's length, or, when a kind reached the
   * limit, an offset before which every datum is in `hits`. After it the text is unsearched.
   */
  through: number;
}

/**
 * `findPii`, stopping once one kind has `limit` data: the hits are then every datum before
 * `through`. A reply with thousands of phone numbers costs its first `limit` of them, not all.
 */
export function searchPii(text: string, look: PiiLook = {}, limit = Infinity): PiiSearch {
  const hits: PiiHit[] = [];
  let through = text.length;
  if (look.spelled !== true && !HAS_DIGIT_OR_AT.test(text) && !hasSpokenDigits(text))
    return { hits, through };
  let taken: Uint8Array | undefined;
  const free = (start: number, end: number) => {
    if (taken === undefined) return true;
    for (let i = start; i < end; i++) if (taken[i] === 1) return false;
    return true;
  };
  const keep = (hit: PiiHit) => {
    if (!free(hit.start, hit.end)) return;
    (taken ??= new Uint8Array(text.length)).fill(1, hit.start, hit.end);
    hits.push(hit);
  };
  /** Drops the data overlapping `[start, end)` (a number inside an e-mail address's name); where the first began. */
  const release = (start: number, end: number): number => {
    let first = start;
    for (let i = hits.length - 1; i >= 0; i--) {
      const hit = hits[i]!;
      if (hit.start < end && start < hit.end) {
        taken!.fill(0, hit.start, hit.end);
        hits.splice(i, 1);
        first = Math.min(first, hit.start);
      }
    }
    return first;
  };
  /** A kind that reached the limit at `end`: nothing after it is known to be complete. */
  const stopAt = (end: number) => {
    if (end < through) through = end;
  };
  const add = (
    kind: PiiKind,
    regex: RegExp,
    accept?: (value: string) => boolean,
    needs?: PiiHit['needs'],
  ) => {
    regex.lastIndex = 0;
    let found = 0;
    for (const m of text.matchAll(regex)) {
      if (accept !== undefined && !accept(m[0])) continue;
      const hit: PiiHit = { kind, start: m.index, end: m.index + m[0].length, value: m[0] };
      if (needs !== undefined) hit.needs = needs;
      keep(hit);
      if (++found >= limit) {
        stopAt(hit.end);
        break;
      }
    }
  };
  add('id-card', ID_CARD, validIdCard);
  // Taiwan and Hong Kong ID numbers have a weaker shape than the mainland's (no birth date) and
  // one check digit: a product code passes it one time in ten, so they need a cue (身分證字號).
  if (look.regionalIds !== false) {
    add('id-card', TW_ID, validTaiwanId, 'owner');
    add('id-card', HK_ID, validHongKongId, 'owner');
    add('id-card', US_SSN, undefined, 'owner');
    add('id-card', UK_NINO, undefined, 'owner');
  }
  add('bank-card', BANK_CARD_GROUPED, validCardNumber);
  if (look.cards !== false) add('bank-card', BANK_CARD, validCardNumber, 'card');
  if (text.includes('@')) {
    const emails = findEmails(text, limit);
    if (emails.length >= limit) stopAt(emails[emails.length - 1]!.end);
    for (const hit of emails) {
      const at = text.indexOf('@', hit.start);
      // A name glued after an ID or card number (110101…8515+name@qq.com) starts after it.
      let start = hit.start;
      while (taken !== undefined && start < hit.end && taken[start] === 1) start++;
      if (start > hit.start && start < at && isLocalCode(text.charCodeAt(start))) {
        keep({ kind: 'email', start, end: hit.end, value: text.slice(start, hit.end) });
        continue;
      }
      // A number that is the name, or its end (110101…8515@qq.com, abc110101…8515@qq.com): the
      // address is the datum. Masked as a number, its last digits would stay a name before the @.
      if (taken !== undefined && !free(hit.start, at)) {
        const from = Math.min(hit.start, release(hit.start, at));
        keep({ kind: 'email', start: from, end: hit.end, value: text.slice(from, hit.end) });
      } else keep(hit);
    }
  }
  if (look.spelled === true || SPACED_AT.test(text))
    add('email', EMAIL_SPELLED, (value) => !NOT_AN_EMAIL_NAME.test(value.split(SPELLED_AT)[0]!.trim()));
  const phones = findPhones(text, look.local !== false, limit);
  if (phones.length >= limit) stopAt(phones[phones.length - 1]!.end);
  for (const hit of phones) keep(hit);
  for (const hit of readBackPhones(text, look.local !== false)) keep(hit);
  // The address patterns run only on text that has their one required word.
  let streets = 0;
  for (const m of streetMatches(text)) {
    // The street starts after the division or the word that introduces it.
    const prefix = m[1]!;
    if (m[2] === '道' && NOT_A_STREET_BEFORE_DAO.has(prefix[prefix.length - 1]!)) continue;
    let skip = 0;
    for (let i = 0; i < prefix.length; i++) if (BEFORE_STREET.has(prefix[i]!)) skip = i + 1;
    const start = m.index + skip;
    const end = m.index + m[0].length;
    keep({ kind: 'address', start, end, value: m[0].slice(skip) });
    if (++streets >= limit) {
      stopAt(end);
      break;
    }
  }
  if (text.includes('单元')) add('address', BUILDING_ZH);
  if (text.includes('村')) add('address', VILLAGE_ZH);
  if (STREET_WORD.test(text)) add('address', STREET_EN);
  if (hits.length > 1) hits.sort((a, b) => a.start - b.start);
  if (through === text.length) return { hits, through };
  // A datum reaching past the stop is left to what comes after it, and the stop moves to its
  // start, so `through` never cuts a datum in two.
  let kept = hits.length;
  while (kept > 0 && hits[kept - 1]!.end > through) kept--;
  for (let i = kept; i < hits.length; i++) if (hits[i]!.start < through) through = hits[i]!.start;
  while (kept > 0 && hits[kept - 1]!.end > through) kept--;
  hits.length = kept;
  return { hits, through };
}

const isWordCode = (code: number) => isDigitCode(code) || isAsciiLetterCode(code);

const SPACE = 0x20;
const DASH = 0x2d;
const DOT = 0x2e;
const OPEN = 0x28;
const CLOSE = 0x29;
const PLUS = 0x2b;
/** Longest joint (` - `). */
const MAX_JOINT = 3;

/**
 * Whether `text[from, to)` may stand between two digit groups of one written phone number: a
 * space, a dash or a dot (646.555.0119, 133.0871.2264), and the brackets around an area code
 * (` `, `-`, `.`, ` - `, `(`, ` (`, `-(`, `)`, `) `, `)-`). Slashes, commas and colons may not.
 * Dates, times and amounts written with dots (2024.12.05, 12.30, 1.5) stay out by the groups'
 * lengths: after the first, a group of a number without a country code has three digits or more.
 */
function isJoint(text: string, from: number, to: number): boolean {
  const first = text.charCodeAt(from);
  if (to - from === 1)
    return first === SPACE || first === DASH || first === DOT || first === OPEN || first === CLOSE;
  const second = text.charCodeAt(from + 1);
  if (to - from === 2)
    return first === CLOSE
      ? second === SPACE || second === DASH
      : (first === SPACE || first === DASH) && second === OPEN;
  return first === SPACE && second === DASH && text.charCodeAt(from + 2) === SPACE;
}
const isJointCode = (code: number) =>
  code === SPACE || code === DASH || code === DOT || code === OPEN || code === CLOSE;

/** A phone number has 7 to 15 digits (ITU-T E.164) and is written in at most 5 groups. */
const MIN_PHONE_DIGITS = 7;
const MAX_PHONE_DIGITS = 15;
const MAX_GROUPS = 5;

/**
 * The parser's answers kept during one findPii call (a reply repeats its numbers), never across
 * calls: no customer's number stays in memory after the call. At most this many at once.
 */
const MAX_PARSED = 2048;

/**
 * Whether libphonenumber-js (min metadata) holds `digits` for a phone number: international
 * (`region` undefined, `digits` with the country code) or national in `region` (a trunk `0` kept).
 * `possible`: a number of a possible length for its country is enough (the writer said it is a
 * phone: a `+`, or a cue such as 您的电话); else only a valid one (in an allocated range).
 * The parser must read every digit as the number (it drops what it takes for a prefix otherwise).
 */
function validPhone(
  digits: string,
  region: CountryCode | undefined,
  parsed: Map<string, boolean>,
  possible: boolean,
): boolean {
  const key = `${region ?? '+'}${possible ? '~' : '='}${digits}`;
  let valid = parsed.get(key);
  if (valid === undefined) {
    const metadata = phoneMetadata();
    const number = parsePhoneNumberFromString(
      region === undefined ? `+${digits}` : digits,
      region === undefined ? {} : region,
      metadata,
    );
    valid =
      number !== undefined &&
      (possible ? number.isPossible() : number.isValid()) &&
      (region === undefined
        ? `${number.countryCallingCode}${number.nationalNumber}` === digits
        : // Regions that share a calling code share a numbering plan: a Guernsey range (07911…)
          // is a United Kingdom number as written, a Canadian one a North American one.
          number.countryCallingCode === getCountryCallingCode(region, metadata) &&
          number.nationalNumber === digits.replace(/^0/, ''));
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(key, valid);
  }
  return valid;
}

/**
 * A national number's regions and kind by its shape (digit count, first two digits, group
 * lengths), or undefined when no shape fits. Read from the groups before any string is built.
 */
function nationalShape(
  count: number,
  first: string,
  second: string,
  groups: number,
  firstLength: number,
  secondLength: number,
  bracketed: boolean,
): { regions: readonly CountryCode[]; kind: PiiKind; needs?: 'owner'; loose?: boolean } | undefined {
  // Mainland (1[3-9], 11 digits) and Taiwan (09, 10 digits) mobiles: the shape says enough, a
  // possible number with the country code is enough (prefixes are allocated before metadata knows).
  if (count === 11 && first === '1' && second >= '3' && !bracketed)
    return { regions: ['CN'], kind: 'mobile', loose: true };
  if (count === 10 && first === '0' && second === '9' && !bracketed)
    return { regions: ['TW'], kind: 'mobile', loose: true };
  // With a trunk 0 and an area code (2–4 digits, or one run): 0755-8888 6666, (02) 2345-6789.
  if (first === '0' && second !== '0' && count >= 9 && count <= 12 && (groups === 1 || firstLength <= 4))
    return { regions: ['CN', 'TW'], kind: 'landline' };
  // United Kingdom, with a trunk 0 and a five-digit first group: 07700 900123, 01632 960123.
  if (first === '0' && count === 11 && firstLength === 5 && groups === 2 && !bracketed)
    return { regions: ['GB'], kind: second === '7' ? 'mobile' : 'landline' };
  // North American: (212) 555-0147, 212-555-0147 (three groups, or the area code in brackets).
  if (
    count === 10 &&
    first >= '2' &&
    firstLength === 3 &&
    ((groups === 3 && secondLength === 3) || bracketed)
  )
    return { regions: ['US', 'CA'], kind: 'landline' };
  // Hong Kong, Macau and Singapore numbers without the country code (9123 4567, 2891 4402): the
  // customer's only when said. Fixed lines start with 2 or 3 in Hong Kong (28 in Macau, 6 in
  // Singapore), mobiles with 4–9.
  if (count === 8 && first >= '2' && !bracketed && (groups === 1 || firstLength === 4))
    return { regions: ['HK', 'MO', 'SG'], kind: first <= '3' ? 'landline' : 'mobile', needs: 'owner' };
  return undefined;
}

/**
 * Chinese numerals as a phone number is read out: 幺 for 1, 洞 for 0 and 拐 for 7 as on the phone or
 * the radio, 〇 and 零 for 0, and the financial capitals (壹贰叁…) written to get past a filter.
 * Traditional forms too: the rule's quick check reads the reply as written.
 */
const SPOKEN_DIGIT: Readonly<Record<string, string>> = {
  零: '0',
  〇: '0',
  洞: '0',
  一: '1',
  幺: '1',
  壹: '1',
  二: '2',
  贰: '2',
  貳: '2',
  三: '3',
  叁: '3',
  参: '3',
  參: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  陸: '6',
  七: '7',
  拐: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};
/** English digit words as a number is read out (oh seven seven double oh nine…), any case. */
const WORD_DIGIT: Readonly<Record<string, string>> = {
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};
const DIGIT_WORD = `(?:${Object.keys(WORD_DIGIT).join('|')})`;
const DIGIT_WORD_UNIT = `(?:(?:double|triple)[ -]?)?${DIGIT_WORD}`;
/**
 * Four or more digit words joined by spaces, dashes or commas (double oh, triple seven count as two
 * and three); what they spell must then be a phone to findPhones.
 */
const WORD_NUMBER = new RegExp(
  `(?<![a-z])${DIGIT_WORD_UNIT}(?:[ ,-]{1,3}${DIGIT_WORD_UNIT}){3,20}(?![a-z])`,
  'gi',
);
const WORD_REPEAT: Readonly<Record<string, number>> = { double: 2, triple: 3 };

/** The digits of a number read out in English words (double oh → 00). */
function wordsAsDigits(text: string): string {
  let digits = '';
  let repeat = 1;
  for (const written of text.split(/[ ,-]+/)) {
    const word = written.toLowerCase();
    if (word === '') continue;
    const times = WORD_REPEAT[word];
    if (times !== undefined) {
      repeat = times;
      continue;
    }
    digits += (WORD_DIGIT[word] ?? '').repeat(repeat);
    repeat = 1;
  }
  return digits;
}
const SPOKEN_CLASS = `[${Object.keys(SPOKEN_DIGIT).join('')}]`;
const SPOKEN_CHAR = new RegExp(SPOKEN_CLASS, 'g');
/** Seven or more Chinese numerals in a row, a space allowed between them: a number read out (一三八零零…). */
const SPOKEN_NUMERALS = `${SPOKEN_CLASS}(?: ?${SPOKEN_CLASS}){6,16}`;
const SPOKEN_NUMBER = new RegExp(SPOKEN_NUMERALS, 'g');
/** Seven or more single digits each followed by a space: a number read back digit by digit (1 3 8 0 0 …). */
const DIGIT_BY_DIGIT = /(?<![0-9])[0-9](?: [0-9]){6,16}(?![0-9])/g;

/** SPOKEN_NUMBER at the start of a text. */
const SPOKEN_NUMBER_FIRST = new RegExp(`^${SPOKEN_NUMERALS}`);

/**
 * Whether `text` starts with a number read out in Chinese numerals (SPOKEN_NUMBER's shape: seven
 * or more, single spaces between): an account or phone number written to get past a filter
 * (QQ 七六五四三二一, 微信号 幺三九 洞洞幺二 拐拐八五).
 */
export function startsWithSpokenNumber(text: string): boolean {
  return SPOKEN_NUMBER_FIRST.test(text);
}

/** Whether `text` has a number written in Chinese numerals or English digit words long enough to be a phone. */
export function hasSpokenDigits(text: string): boolean {
  const read = readSpoken(text);
  return (
    read === SPOKEN_RUN ||
    (read === DIGIT_WORD_LETTER && ((WORD_NUMBER.lastIndex = 0), WORD_NUMBER.test(text)))
  );
}

/** 1 for each Chinese numeral of SPOKEN_DIGIT. */
const SPOKEN_CODES = new Uint8Array(0x10000);
for (const numeral of Object.keys(SPOKEN_DIGIT)) SPOKEN_CODES[numeral.charCodeAt(0)] = 1;
const NOTHING_SPOKEN = 0;
/** The text has an e, an i or an o, which every digit word has. */
const DIGIT_WORD_LETTER = 1;
/** The text has a run of SPOKEN_NUMBER's shape (seven numerals or more, single spaces between). */
const SPOKEN_RUN = 2;

/**
 * One pass over the text's code units (every reply without a digit pays it): a regular expression
 * over the numerals' class cost 7× as much (0.44 vs 0.06 µs per real reply) once the class held
 * the capitals.
 */
function readSpoken(text: string): number {
  let run = 0;
  let letter = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (SPOKEN_CODES[code] === 1) {
      if (++run >= 7) return SPOKEN_RUN;
      continue;
    }
    // One space between two numerals keeps the run (一三八 零零一三 八零二五).
    if (code === 0x20 && run > 0 && SPOKEN_CODES[text.charCodeAt(i + 1)] === 1) continue;
    run = 0;
    const lower = code | 0x20;
    if (lower === 0x65 || lower === 0x69 || lower === 0x6f) letter = true;
  }
  return letter ? DIGIT_WORD_LETTER : NOTHING_SPOKEN;
}

/** `text` with its Chinese numerals as digits (一三八 → 138), or a number read out in English words as its digits. */
function spokenAsDigits(text: string): string {
  WORD_NUMBER.lastIndex = 0;
  if (WORD_NUMBER.test(text)) {
    WORD_NUMBER.lastIndex = 0;
    return text.replace(WORD_NUMBER, wordsAsDigits);
  }
  return text.replace(SPOKEN_CHAR, (c) => SPOKEN_DIGIT[c]!);
}

const READ_BACK = [SPOKEN_NUMBER, DIGIT_BY_DIGIT, WORD_NUMBER];

/**
 * Phone numbers read out — in Chinese numerals (一三八零零一三八零二五, 零九二八 七七六 一二三), digit by
 * digit (1 3 8 0 0 1 3 8 0 7 7) or in English words (oh seven seven double oh…) — as findPhones would
 * find the same digits written as one number.
 */
function readBackPhones(text: string, local: boolean): PiiHit[] {
  const hits: PiiHit[] = [];
  const read = readSpoken(text);
  // exec loops, not matchAll: matchAll copies its regular expression on every call.
  for (const re of READ_BACK) {
    if (re === SPOKEN_NUMBER ? read !== SPOKEN_RUN : re === WORD_NUMBER && read === NOTHING_SPOKEN) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const digits = re === WORD_NUMBER ? wordsAsDigits(m[0]) : spokenAsDigits(m[0]).replaceAll(' ', '');
      const [found] = findPhones(digits, local, 1);
      if (found === undefined || found.start !== 0 || found.end !== digits.length) continue;
      hits.push({ ...found, start: m.index, end: m.index + m[0].length, value: digits });
    }
  }
  return hits;
}

/**
 * Phone numbers as people write them: digit groups joined by a space, a dash or the brackets of an
 * area code, with an optional `+` and country code. The text is cut into runs of such groups in
 * one pass; inside a run, from each group, the longest span of at most five groups that has a
 * phone's shape (digit count, group lengths, leading digits) and that libphonenumber-js validates
 * is a number. At most five spans are tried per group, and only a span with a phone's shape reaches
 * the parser, so a megabyte of digits stays linear.
 */
function findPhones(text: string, local: boolean, limit: number): PiiHit[] {
  const hits: PiiHit[] = [];
  const n = text.length;
  // The groups of the current run not yet decided on (at most a few dozen: decided ones are dropped).
  const run: Run = { starts: [], ends: [], next: 0, parsed: new Map() };
  let i = 0;
  while (i < n && hits.length < limit) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    // A lone group too short for a phone (1好1好…, 3.5, 2024年) ends here without touching the run.
    let first = i;
    while (first < n && isDigitCode(text.charCodeAt(first))) first++;
    if (first - i < MIN_PHONE_DIGITS && (first >= n || !isJointCode(text.charCodeAt(first)))) {
      i = first;
      continue;
    }
    run.starts.length = 0;
    run.ends.length = 0;
    run.next = 0;
    let j = i;
    for (;;) {
      let k = j;
      while (k < n && isDigitCode(text.charCodeAt(k))) k++;
      run.starts.push(j);
      run.ends.push(k);
      i = k;
      phonesInRun(text, run, false, local, hits);
      if (hits.length >= limit) break;
      let m = k;
      while (m < n && m - k < MAX_JOINT && isJointCode(text.charCodeAt(m))) m++;
      if (m === k || m >= n || !isDigitCode(text.charCodeAt(m)) || !isJoint(text, k, m)) break;
      j = m;
    }
    phonesInRun(text, run, true, local, hits);
  }
  // The run read last may decide a few numbers past the limit at once.
  if (hits.length > limit) hits.length = limit;
  return hits;
}

interface Run {
  starts: number[];
  ends: number[];
  /** The first group no number has started at or covered yet. */
  next: number;
  /** See MAX_PARSED. */
  parsed: Map<string, boolean>;
}

/**
 * Decides, from each undecided group of a run, whether a number starts there: the longest span of
 * up to MAX_GROUPS groups that is one. Until the run is `complete`, only groups with MAX_GROUPS
 * groups after them are decided (a longer span may still come).
 */
function phonesInRun(text: string, run: Run, complete: boolean, local: boolean, hits: PiiHit[]): void {
  const { starts, ends } = run;
  const groups = starts.length;
  let a = run.next;
  while (a < groups && (complete || a + MAX_GROUPS <= groups)) {
    // The last group a number starting here could reach (at most 15 digits, the group lengths
    // and counts phoneAt allows), checked first so runs of short groups (1 2 3, 0-0-0) cost little.
    let last = a;
    let count = ends[a]! - starts[a]!;
    const coded =
      text.charCodeAt(starts[a]! - 1) === PLUS ||
      writtenCallingCode(text, starts[a]!, ends[a]!) !== undefined;
    for (let g = a + 1; g < groups && g < a + (coded ? MAX_GROUPS : 3); g++) {
      const length = ends[g]! - starts[g]!;
      // (+ 2: a 00 before a calling code is written but is no digit of the number.)
      if (count + length > MAX_PHONE_DIGITS + 2 || length < (coded ? (g === a + 1 ? 1 : 2) : 3)) break;
      count += length;
      last = g;
    }
    let found = false;
    for (let b = count < MIN_PHONE_DIGITS ? a - 1 : last; b >= a && !found; b--) {
      const hit = phoneAt(text, run, a, b, local);
      if (hit === undefined) continue;
      hits.push(hit);
      a = b + 1;
      found = true;
    }
    if (!found) a++;
  }
  // Drop decided groups now and then (amortised constant per group).
  if (a >= 64 && !complete) {
    starts.splice(0, a);
    ends.splice(0, a);
    a = 0;
  }
  run.next = a;
}

/**
 * Country calling codes of the markets huashu serves (mainland China, Taiwan, Hong Kong, Macau,
 * and the English-speaking ones), as people write them without a plus before a national number:
 * (852) 9123 4567, 886-912-345-678, 1-212-555-0147, 0086 138 0013 8000.
 */
const WRITTEN_CALLING_CODES: ReadonlySet<string> = new Set([
  '1',
  '44',
  '60',
  '61',
  '64',
  '65',
  '86',
  '852',
  '853',
  '886',
]);

/** The calling code a digit group stands for when written without a plus (`852`, `00852`), or undefined. */
function writtenCallingCode(text: string, start: number, end: number): string | undefined {
  if (end - start > 5) return undefined;
  const group = text.slice(start, end);
  const code = group.startsWith('00') ? group.slice(2) : group;
  return WRITTEN_CALLING_CODES.has(code) ? code : undefined;
}

/** Groups `a..b` of a run as a phone number, or undefined. */
function phoneAt(text: string, run: Run, a: number, b: number, local: boolean): PiiHit | undefined {
  const { starts, ends, parsed } = run;
  let start = starts[a]!;
  const end = ends[b]!;
  // Nothing glued after it (13812345678a; more digits would be in the run).
  if (end < text.length && isWordCode(text.charCodeAt(end))) return undefined;
  const bracketed = text.charCodeAt(start - 1) === OPEN && text.charCodeAt(ends[a]!) === CLOSE;
  if (bracketed) start--;
  const plus = text[start - 1] === '+';
  if (plus) start--;
  // Nothing glued before it: sf1234567890, a+86….
  if (start > 0 && isWordCode(text.charCodeAt(start - 1))) return undefined;
  // A calling code without the plus, as its own group: (852) 9123 4567, 886-912-345-678.
  const code = plus || a === b ? undefined : writtenCallingCode(text, starts[a]!, ends[a]!);
  const coded = plus || code !== undefined;
  // Without a country code, at most three groups: an area code and two parts.
  if (!coded && b - a >= 3) return undefined;
  let count = code === undefined ? 0 : code.length - (ends[a]! - starts[a]!);
  for (let g = a; g <= b; g++) {
    const length = ends[g]! - starts[g]!;
    // After the first group, groups of three digits or more (2024-05-12, 12 34 56 78 and 0-0-0
    // are no phones); with a country code, two (+44 20 7946 0958), and one for the area code
    // right after it (+61 2 9374 4000).
    if (g > a && length < (coded ? (g === a + 1 ? 1 : 2) : 3)) return undefined;
    count += length;
  }
  if (count < MIN_PHONE_DIGITS || count > MAX_PHONE_DIGITS) return undefined;
  // +86 138 0013 8000, and 86 13800138000 written without the plus.
  const first = text[starts[a]!]!;
  const second = text[starts[a]! + 1 === ends[a] ? starts[a + 1]! : starts[a]! + 1] ?? '';
  const mainland = count === 13 && (code === '86' || (first === '8' && second === '6' && !bracketed));
  const shape =
    coded || mainland
      ? undefined
      : nationalShape(
          count,
          first,
          second,
          b - a + 1,
          ends[a]! - starts[a]!,
          a < b ? ends[a + 1]! - starts[a + 1]! : 0,
          bracketed,
        );
  if (!coded && !mainland && (shape === undefined || (shape.needs === 'owner' && !local))) return undefined;
  const span = text.slice(start, end);
  // Brackets only around one group: (0755) 8888 6666, +1 (415) 555-0199.
  let open = 0;
  for (const char of span) {
    if (char === '(') open++;
    else if (char === ')' && --open < 0) return undefined;
  }
  if (open !== 0) return undefined;
  let digits = code ?? '';
  for (let g = code === undefined ? a : a + 1; g <= b; g++) digits += text.slice(starts[g], ends[g]);
  if (shape === undefined) {
    // Without the plus, nothing but the groups or a cue says it is a phone: a valid number
    // counts, a possible one only after a cue.
    if (
      (code === undefined && first === '0') ||
      (mainland && digits[2] !== '1') ||
      !validPhone(digits, undefined, parsed, plus || (mainland && code === undefined) || local)
    )
      return undefined;
    return { kind: mainland ? 'mobile' : 'phone', start, end, value: span };
  }
  // A mobile shape is checked with its country code: read nationally, 179… and 12593… are
  // taken for carrier-select prefixes and the number loses digits.
  const international =
    shape.loose === true ? (shape.regions[0] === 'CN' ? `86${digits}` : `886${digits.slice(1)}`) : '';
  if (
    shape.loose === true
      ? !validPhone(international, undefined, parsed, true)
      : !shape.regions.some((region) => validPhone(digits, region, parsed, local))
  )
    return undefined;
  const hit: PiiHit = { kind: shape.kind, start, end, value: span };
  if (shape.needs !== undefined) hit.needs = shape.needs;
  return hit;
}

/** `[a-z0-9.-]` by character code (a regex test per character costs more than the search). */
function isDomainCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2d;
}

/** `[a-z0-9._%+-]`. */
function isLocalCode(code: number): boolean {
  return isDomainCode(code) || code === 0x5f || code === 0x25 || code === 0x2b;
}

const DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/;

/** The end of the domain after the `@` at `at` (≤ 253 characters), trailing dots and dashes dropped, and its dots. */
function domainEnd(text: string, at: number): { end: number; dots: number } {
  let end = at + 1;
  let dots = 0;
  for (; end < text.length && end - at < 253; end++) {
    const code = text.charCodeAt(end);
    if (!isDomainCode(code)) break;
    if (code === 0x2e) dots++;
  }
  while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
  return { end, dots };
}

/**
 * E-mail addresses, found from each `@` outwards (bounded: local part ≤ 64, domain ≤ 253). Addresses
 * glued into a chain (a@b.cc@d.ee: the first domain's tail is the next one's name) are one datum,
 * masked up to its last `@`, so masking it leaves no address behind.
 */
function findEmails(text: string, limit: number): PiiHit[] {
  const hits: PiiHit[] = [];
  let at = text.indexOf('@');
  while (at >= 0 && hits.length < limit) {
    let start = at;
    while (start > 0 && at - start < 64 && isLocalCode(text.charCodeAt(start - 1))) start--;
    const domain = domainEnd(text, at);
    let end = domain.end;
    // A domain has a dot: most `@` in chat (@客服, a@) have none and skip the pattern test.
    if (start < at && domain.dots > 0 && DOMAIN.test(text.slice(at + 1, end))) {
      // Glued on while the next part is a domain too; the search then goes on after the chain,
      // so every character is read a bounded number of times.
      while (end < text.length && text.charCodeAt(end) === 0x40) {
        const next = domainEnd(text, end);
        if (next.dots === 0 || !DOMAIN.test(text.slice(end + 1, next.end))) break;
        end = next.end;
      }
      hits.push({ kind: 'email', start, end, value: text.slice(start, end) });
      at = text.indexOf('@', end);
    } else at = text.indexOf('@', at + 1);
  }
  return hits;
}

/** The text has an @, written or spelt out (at, (at), 小老鼠, 艾特): it may hold an e-mail address. */
export function mayHoldEmail(text: string): boolean {
  return SPELLED_AT.test(text);
}

/**
 * Whether folded `text` begins with an e-mail address (the one a channel word or its label
 * introduces: 我的邮箱是 li.kefu@163.com), as findPii finds it.
 */
export function startsWithEmail(text: string): boolean {
  const [hit] = findEmails(text, 1);
  if (hit !== undefined) return hit.start === 0;
  // Spelt out (chen.shop 小老鼠 gmail 点 com, ann @ proton . me), as searchPii finds one.
  EMAIL_SPELLED.lastIndex = 0;
  const spelled = EMAIL_SPELLED.exec(text);
  return (
    spelled !== null &&
    spelled.index === 0 &&
    !NOT_AN_EMAIL_NAME.test(spelled[0].split(SPELLED_AT)[0]!.trim())
  );
}

/** Format characters (zero-width space, joiners, direction marks) carry nothing and are dropped from a mask. */
const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;

/** The value in compatibility form: full-width and styled letters and digits as ASCII, invisibles dropped. */
function folded(value: string): string {
  // Printable ASCII (most replies) is its own compatibility form.
  return PRINTABLE_ASCII.test(value) ? value : value.normalize('NFKC').replace(INVISIBLE, '');
}
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The ASCII digits of a number as written (full-width ones too). */
function asciiDigits(value: string): string {
  return folded(value).replace(/[^0-9]/g, '');
}

/** The first user-perceived character of `text` (a letter with its combining marks, a whole emoji). */
let graphemes: Intl.Segmenter | undefined;
function firstGrapheme(text: string): string {
  if (typeof Intl.Segmenter === 'function') {
    const segmenter = (graphemes ??= new Intl.Segmenter());
    for (const { segment } of segmenter.segment(text)) return segment;
    return '';
  }
  const first = text.codePointAt(0);
  return first === undefined ? '' : String.fromCodePoint(first);
}

/**
 * The last four digits, and `keep` digits at the start when at least three stay hidden between
 * them: 138****5678 (11 digits), 091****5678 (10), ****4567 (8).
 */
function maskNumber(digits: string, keep: number): string {
  if (digits.length <= 4) return '****';
  const head = digits.length - 4 - keep >= 3 ? digits.slice(0, keep) : '';
  return `${head}****${digits.slice(-4)}`;
}

/**
 * The datum with everything that identifies someone hidden, from the text as written in the reply
 * (full-width, styled or zero-width-glued characters included; never splitting a surrogate pair):
 *
 * | kind | masked | |
 * |---|---|---|
 * | mobile | 138****5678, 091****5678, ****4567 | first three and last four digits (+86 dropped) |
 * | landline | 010-****5678, 0755-****6666, 212-****0147 | area code (as written, else by length) and last four digits |
 * | phone | +852 ****4567 | country code and last four digits |
 * | id-card | 1101**********002X, A1******89 | first and last four characters (18), else two |
 * | bank-card | 6222****0123 | first four and last four digits |
 * | email | z***@qq.com | first character of the name and the domain (a name of one or two characters: ***@qq.com) |
 * | address | 张江路**号, ** Baker Street | the street as written, every number `**` |
 *
 * Numbers and e-mail addresses come out in ASCII; addresses keep their script (松仁路**號).
 */
export function maskPii(kind: PiiKind, written: string): string {
  // A number read out in Chinese numerals (一三八…) is masked as its digits: 138****8025.
  const value =
    kind === 'mobile' || kind === 'landline' || kind === 'phone' ? spokenAsDigits(written) : written;
  switch (kind) {
    case 'mobile': {
      let digits = asciiDigits(value);
      if (digits.startsWith('0086')) digits = digits.slice(2);
      if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
      return maskNumber(digits, 3);
    }
    case 'landline': {
      const written = folded(value);
      const digits = asciiDigits(written);
      // The area code as written ((0755) 8888 6666, 02-2345-6789), else by length (01062345678).
      const group = /^\(?(\d{2,4})\)?[ -]?(?=\d)/.exec(written);
      const rest = digits.length - (group?.[1]?.length ?? 0);
      const area =
        group !== null && group[0] !== group[1] && rest >= 7
          ? group[1]!
          : digits.length > 8
            ? digits.slice(0, digits.length - (digits.length >= 11 ? 8 : 7))
            : '';
      return `${area}${area ? '-' : ''}****${digits.slice(-4)}`;
    }
    case 'phone': {
      const written = folded(value);
      // The country code with or without its plus: +852 9123 4567, (852) 9123 4567, 00852-….
      const country = /^(?:\+|\(|00)?(\d{1,3})\)?[ (-]/.exec(written)?.[1];
      const digits = asciiDigits(written);
      // The country code is shown only when at least three digits stay hidden (+610-0000 is 7 in all).
      const shown = country !== undefined && digits.length - country.length - 4 >= 3 ? `${country} ` : '';
      return `+${shown}****${digits.slice(-4)}`;
    }
    case 'id-card': {
      const id = folded(value)
        .replace(/[^0-9a-zA-Z]/g, '')
        .toUpperCase();
      // 18 characters (mainland) keep four at each end; the 8–10 of Taiwan and Hong Kong keep two.
      const keep = id.length >= 15 ? 4 : 2;
      return id.length < 6
        ? '*'.repeat(id.length)
        : `${id.slice(0, keep)}${'*'.repeat(id.length - 2 * keep)}${id.slice(-keep)}`;
    }
    case 'bank-card': {
      const digits = asciiDigits(value);
      return digits.length < 8 ? '****' : `${digits.slice(0, 4)}****${digits.slice(-4)}`;
    }
    case 'email': {
      const address = folded(value).toLowerCase();
      // Spelt out: no @ at all (name at domain dot com), or an @ set apart by spaces.
      const spelled = !address.includes('@') || SPACED_AT.test(address) ? SPELLED_AT.exec(address) : null;
      if (spelled !== null) {
        const name = address.slice(0, spelled.index);
        return `${name.length > 2 ? name[0]! : ''}***${address.slice(spelled.index)}`;
      }
      const at = address.lastIndexOf('@');
      if (at < 0) return '***';
      const name = address.slice(0, at);
      const ascii = PRINTABLE_ASCII.test(name);
      const shown =
        (ascii ? name.length : [...name].length) > 2 ? (ascii ? name[0]! : firstGrapheme(name)) : '';
      return `${shown}***${address.slice(at)}`;
    }
    case 'address':
      // Every number (full-width too) and a house letter after it (221B) becomes **.
      return value
        .replace(INVISIBLE, '')
        .replace(/\p{Nd}+(?:[a-zA-Zａ-ｚＡ-Ｚ](?![a-zA-Zａ-ｚＡ-Ｚ]))?/gu, '**');
  }
}

/**
 * The span as it may be shown where the reply itself is printed: `masked` when it has the span's
 * UTF-16 length (so every column after it stays true), else every letter, digit and symbol of the
 * span as `*` (one per UTF-16 unit, so a surrogate pair becomes `**`), spaces and punctuation kept.
 */
export function redactSpan(span: string, masked: string): string {
  if (masked.length === span.length && !/[\uD800-\uDFFF]/.test(masked)) return masked;
  let out = '';
  for (const char of span) out += /^[\s\p{P}]$/u.test(char) ? char : '*'.repeat(char.length);
  return out;
}

/** Digits of a phone number without a +86 country code, to compare with `facts.customer.phone`. */
export function phoneDigits(value: string): string {
  const digits = asciiDigits(value);
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
}

/**
 * Where the masking of an unread part that begins at `end` must start so that a datum the
 * boundary cuts is masked whole: when the unread part starts inside e-mail or numeric characters,
 * back over those right before `end` (`zhang.san|@qq.com`, `zhang.san@|qq.com`, `138|12345678`),
 * at most 2 × MAX_NAME (a name, its `@` and a domain); else at `end` (the boundary cuts nothing).
 */
export function unreadDataStart(text: string, end: number): number {
  if (end >= text.length || !isDataCode(text.charCodeAt(end))) return end;
  let start = end;
  while (start > 0 && end - start < 2 * MAX_NAME && isDataCode(text.charCodeAt(start - 1))) start--;
  return start;
}

/** A character of an e-mail address or a number: a name character, `@`, `＠` or a numeric unit. */
function isDataCode(code: number): boolean {
  return isNameCode(code) || isNumericUnit(code) || code === AT || code === WIDE_AT;
}

/** Whether maskUnsearched() would change `text`: it has a numeric character or an at sign. */
export function mayNeedMasking(text: string): boolean {
  return /[\p{N}@＠]/u.test(text);
}

/**
 * Text no search has read, masked wholesale: every numeric character (ASCII, full-width, ①) becomes `*` and
 * every e-mail name (the letters, digits and `._%+-` right before an `@` or `＠`) `***`. It masks
 * more than the data it holds, never less; one pass over the text.
 */
export function maskUnsearched(text: string): string {
  // A name of one character grows to three: at most twice the length.
  const out = new Uint16Array(text.length * 2 + 4);
  let size = 0;
  let lone = false;
  /** Where the run of name characters before `i` began, in the text. */
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === AT || code === WIDE_AT) {
      const name = Math.min(i - runStart, MAX_NAME);
      if (name > 0) {
        // Name characters are BMP and written one for one: the name is the last `name` units.
        size -= name;
        out[size++] = ASTERISK;
        out[size++] = ASTERISK;
        out[size++] = ASTERISK;
      }
      out[size++] = code;
      runStart = i + 1;
      continue;
    }
    if (!isNameCode(code)) runStart = i + 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        if (NUMERIC.test(text.slice(i, i + 2))) out[size++] = ASTERISK;
        else {
          out[size++] = code;
          out[size++] = next;
        }
        i++;
        runStart = i + 1;
        continue;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) lone = true;
    out[size++] = isNumericUnit(code) ? ASTERISK : code;
  }
  return decodeUnits(out, size, lone);
}

const AT = 0x40;
const WIDE_AT = 0xff20;
/** An e-mail name is at most 64 characters (RFC 5321). */
const MAX_NAME = 64;

/** A character of an e-mail name as written: ASCII or full-width letters and digits, `._%+-`. */
function isNameCode(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a) ||
    code === 0x2e ||
    code === 0x5f ||
    code === 0x25 ||
    code === 0x2b ||
    code === 0x2d
  );
}

/** Any numeric character: ASCII, full-width, other scripts' digits, circled and styled ones. */
const NUMERIC = /^\p{N}$/u;
const ASTERISK = 0x2a;
/** Per BMP code unit: 0 not known yet, 1 not numeric, 2 numeric. */
const numericUnits = new Uint8Array(0x10000);

function isNumericUnit(code: number): boolean {
  let known = numericUnits[code]!;
  if (known === 0) numericUnits[code] = known = NUMERIC.test(String.fromCharCode(code)) ? 2 : 1;
  return known === 2;
}
