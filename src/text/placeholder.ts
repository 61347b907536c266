/**
 * The masks anonymised chat exports put in place of personal data — `[订单x]`, `[金额x]`,
 * `[ORDERID_10312864]` — read in folded or original text. The intent features read them as
 * tokens, language detection blanks them, the entities report them.
 */
import { isAsciiLetterCode, isDigitCode, isHanCode } from './char-class.js';

/** Kinds of masked placeholders, e.g. `[订单x]` → Order. */
export const enum PlaceholderKind {
  Other = 0,
  Order = 1,
  Amount = 2,
  Date = 3,
  Time = 4,
  Name = 5,
  Address = 6,
  Phone = 7,
  Link = 8,
  Site = 9,
  Number = 10,
  Email = 11,
  Id = 12,
  Organisation = 13,
}

const PLACEHOLDER_NAMES: ReadonlyArray<[string, PlaceholderKind]> = [
  ['订单', PlaceholderKind.Order],
  ['orderid', PlaceholderKind.Order],
  ['金额', PlaceholderKind.Amount],
  ['日期', PlaceholderKind.Date],
  ['时间', PlaceholderKind.Time],
  ['姓名', PlaceholderKind.Name],
  ['地址', PlaceholderKind.Address],
  ['电话', PlaceholderKind.Phone],
  ['链接', PlaceholderKind.Link],
  ['站点', PlaceholderKind.Site],
  ['数字', PlaceholderKind.Number],
  ['邮箱', PlaceholderKind.Email],
  ['身份证号', PlaceholderKind.Id],
  ['组织机构', PlaceholderKind.Organisation],
];

// Kind of the placeholder `placeholderEnd` last recognised (saves returning an object per call).
let placeholderKind: PlaceholderKind = PlaceholderKind.Other;

/** The placeholder at `at` in folded text, e.g. `[订单x]` → `{ end, kind: Order }`, or null. */
export function readPlaceholder(text: string, at: number): { end: number; kind: PlaceholderKind } | null {
  const end = placeholderEnd(text, at);
  return end < 0 ? null : { end, kind: placeholderKind };
}

/**
 * Like `readPlaceholder` without allocating: the index after the placeholder at `at`, or -1; its
 * kind is then `lastPlaceholderKind()`.
 */
export function placeholderAt(text: string, at: number): number {
  return placeholderEnd(text, at);
}

/** Kind of the placeholder the last successful `placeholderAt` call found. */
export function lastPlaceholderKind(): PlaceholderKind {
  return placeholderKind;
}

/**
 * `[name x]` placeholders of anonymised exports (`[订单x]`, `[ORDERID_3]` folded to `[orderid_3]`).
 * Returns the index after the closing bracket, or -1; sets `placeholderKind`.
 */
function placeholderEnd(text: string, at: number): number {
  if (text.charCodeAt(at) !== 0x5b) return -1;
  // [orderid_10312864]: the longest mask an export writes (a name and up to 14 digits).
  const limit = Math.min(text.length, at + 26);
  let close = -1;
  for (let i = at + 1; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x5d) {
      close = i;
      break;
    }
    if (code === 0x5b || code === 0x20) return -1;
  }
  if (close < at + 3) return -1;
  const last = text.charCodeAt(close - 1);
  // Either case: language detection reads the original text ([ORDERID_3], [订单X]).
  const masked = (last | 0x20) === 0x78 /* x */ || isDigitCode(last);
  if (!masked) return -1;
  placeholderKind = PlaceholderKind.Other;
  for (const [name, kind] of PLACEHOLDER_NAMES) {
    if (text.startsWith(name, at + 1)) {
      placeholderKind = kind;
      break;
    }
  }
  // A bare `[x]` or `[12]` is not a placeholder; a name is required.
  const first = text.charCodeAt(at + 1);
  if (placeholderKind === PlaceholderKind.Other && !(isHanCode(first) || isAsciiLetterCode(first | 0x20)))
    return -1;
  return close + 1;
}
