/**
 * Personal data in folded reply text (see `normalize`: lower case, half-width digits): full mobile
 * and landline numbers, mainland ID-card numbers (checksum verified), e-mail and street addresses.
 * Masked forms (138****5678, [电话x], z***@qq.com) have no full value and are not found.
 * Every pattern is bounded, so a megabyte of digits or letters stays linear.
 */
export type PiiKind = 'mobile' | 'landline' | 'id-card' | 'email' | 'address';

export interface PiiHit {
  kind: PiiKind;
  /** `[start, end)` in the folded text. */
  start: number;
  end: number;
  value: string;
}

/** Mainland mobiles (+86 optional) and Taiwan mobiles (09xx-xxx-xxx). */
const MOBILE =
  /(?<![0-9a-z])(?:(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}|09\d{2}[ -]?\d{3}[ -]?\d{3})(?![0-9a-z])/g;
const LANDLINE = /(?<![0-9a-z])(?:\(0[1-8]\d{1,2}\)|0[1-8]\d{1,2})[ -]?[2-9]\d{6,7}(?![0-9a-z])/g;
const ID_CARD =
  /(?<![0-9a-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dx](?![0-9a-z])/g;
const STREET_ZH =
  /[\u4e00-\u9fff]{1,6}(?:路|街|大道|巷|弄|胡同)\d{1,5}号(?:[\u4e00-\u9fff\d-]{0,12}?\d{1,5}(?:室|号|楼))?/g;
const BUILDING_ZH = /\d{1,3}(?:栋|幢|号楼)\d{1,2}单元\d{2,5}(?:室|号)?/g;
const STREET_EN =
  /(?<![0-9a-z])\d{1,5}[a-z]? (?:[a-z]+ ){1,4}(?:street|road|avenue|lane|drive|boulevard|court)(?![a-z])/g;
const HAS_DIGIT_OR_AT = /[0-9@]/;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10x98765432';

/** ISO 7064 MOD 11-2 check digit of a mainland resident ID number (GB 11643). */
export function validIdCard(value: string): boolean {
  if (value.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (value.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === value[17]!.toLowerCase();
}

export function findPii(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  if (!HAS_DIGIT_OR_AT.test(text)) return hits;
  const add = (kind: PiiKind, regex: RegExp, accept?: (value: string) => boolean) => {
    regex.lastIndex = 0;
    for (const m of text.matchAll(regex)) {
      if (accept !== undefined && !accept(m[0])) continue;
      hits.push({ kind, start: m.index, end: m.index + m[0].length, value: m[0] });
    }
  };
  add('id-card', ID_CARD, validIdCard);
  add('mobile', MOBILE);
  add('landline', LANDLINE);
  add('address', STREET_ZH);
  add('address', BUILDING_ZH);
  add('address', STREET_EN);
  // A loop, not push(...list): a megabyte of addresses would overflow the call stack.
  if (text.includes('@')) for (const hit of findEmails(text)) hits.push(hit);
  const ids = hits.filter((hit) => hit.kind === 'id-card');
  if (ids.length === 0) return hits;
  // A phone number inside an ID number is the ID number.
  const insideId = new Uint8Array(text.length);
  for (const id of ids) insideId.fill(1, id.start, id.end);
  return hits.filter((hit) => hit.kind === 'id-card' || insideId[hit.start] === 0);
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

/** E-mail addresses, found from each `@` outwards (bounded: local part ≤ 64, domain ≤ 253). */
function findEmails(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  let at = text.indexOf('@');
  while (at >= 0) {
    let start = at;
    while (start > 0 && at - start < 64 && isLocalCode(text.charCodeAt(start - 1))) start--;
    let end = at + 1;
    let dots = 0;
    for (; end < text.length && end - at < 253; end++) {
      const code = text.charCodeAt(end);
      if (!isDomainCode(code)) break;
      if (code === 0x2e) dots++;
    }
    while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
    // A domain has a dot: most `@` in chat (@客服, a@) have none and skip the pattern test.
    if (start < at && dots > 0 && DOMAIN.test(text.slice(at + 1, end)))
      hits.push({ kind: 'email', start, end, value: text.slice(start, end) });
    at = text.indexOf('@', at + 1);
  }
  return hits;
}

/**
 * The datum as written in the reply, with the middle hidden: 138****5678, 010-****5678,
 * 110***********123X, z***@qq.com, 建国路**号. Numbers come out in ASCII digits.
 */
export function maskPii(kind: PiiKind, value: string): string {
  switch (kind) {
    case 'mobile': {
      const digits = asciiDigits(value).slice(-11);
      return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
    }
    case 'landline': {
      const digits = asciiDigits(value);
      const area = digits.length > 8 ? digits.slice(0, digits.length - (digits.length >= 11 ? 8 : 7)) : '';
      return `${area}${area ? '-' : ''}****${digits.slice(-4)}`;
    }
    case 'id-card':
      return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
    case 'email': {
      const at = value.indexOf('@');
      return `${value[0]}***${value.slice(at)}`;
    }
    case 'address':
      return value.replace(/\p{Nd}/gu, '*');
  }
}

/** The digits of a number as written (full-width ones too), in ASCII. */
function asciiDigits(value: string): string {
  return value.normalize('NFKC').replace(/\D/g, '');
}

/** Digits of a phone number without a +86 country code, to compare with `facts.customer.phone`. */
export function phoneDigits(value: string): string {
  const digits = asciiDigits(value);
  return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
}
