/** A turn's time, read: the instant, and the calendar date it falls on for per-day figures. */
export interface TurnTime {
  /** Epoch milliseconds. */
  ms: number;
  /** `YYYY-MM-DD` in the time zone the time was written in (or `utcOffsetMinutes` for epoch times). */
  day: string;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const SLASHED = /^(\d{4})\/(\d{1,2})\/(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
const DIGITS = /^\d{10}(?:\d{3})?$/;

/** `+08:00`, `+0800`, `+08`, `Z` → minutes east of UTC; undefined when it is not an offset. */
export function parseUtcOffset(text: string): number | undefined {
  if (/^z$/i.test(text) || text === 'UTC') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (m === null) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? '0');
  if (Number(m[2]) > 14 || Number(m[3] ?? '0') > 59) return undefined;
  return m[1] === '-' ? -minutes : minutes;
}

function dayAt(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Midnight UTC of a calendar date and its `YYYY-MM-DD`, by the date as written (`2024-05-20`). */
interface DateStart {
  ms: number;
  day: string;
  /** The date exists (not 2024-02-31): Date.UTC did not roll it into the next month. */
  valid: boolean;
}

/** A few thousand dates at most: exports span days to years. Cleared when full. */
const dateStarts = new Map<string, DateStart>();

function dateStart(y: string, mo: string, d: string): DateStart {
  const key = `${y}-${mo}-${d}`;
  let start = dateStarts.get(key);
  if (start === undefined) {
    const month = Number(mo);
    const day = Number(d);
    const ms = Date.UTC(Number(y), month - 1, day);
    start = {
      ms,
      day: `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      valid: new Date(ms).getUTCDate() === day,
    };
    if (dateStarts.size >= 4096) dateStarts.clear();
    dateStarts.set(key, start);
  }
  return start;
}

const DAY_MS = 86_400_000;

function fromParts(parts: string[], offsetMinutes: number): TurnTime | undefined {
  const [y, mo, d, h, mi, s, frac] = parts as [string, string, string, string, string, string?, string?];
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? '0');
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return undefined;
  const millis = frac === undefined ? 0 : Number(`0.${frac}`) * 1000;
  // Date.UTC(y, m, d, h, mi, s) is midnight's Date.UTC(y, m, d) plus the whole milliseconds of the
  // time of day, exactly (integers far below 2^53), so midnight is looked up once per date. The
  // date is kept when the instant, as Date truncates it, is before the next midnight (23:59:60 and
  // a fraction rounding up to midnight are not): what new Date(local).getUTCDate() said.
  const start = dateStart(y, mo, d);
  if (!start.valid) return undefined; // 2024-02-31
  const local = start.ms + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  if (Math.trunc(local) >= start.ms + DAY_MS) return undefined;
  return { ms: local - offsetMinutes * 60_000, day: start.day };
}

/**
 * Read a time as exports write it: ISO 8601 with an offset or `Z`; a zone-less `2024-05-20 14:03:22`
 * or `2024/05/20 14:03:22` (the shop's local time: `utcOffsetMinutes`); epoch milliseconds or
 * seconds (a number, or digits). Undefined when it is none of these.
 */
export function readTime(value: string | number, utcOffsetMinutes: number): TurnTime | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    const ms = value < 100_000_000_000 ? value * 1000 : value;
    if (ms > 8.64e15) return undefined;
    return { ms, day: dayAt(ms, utcOffsetMinutes) };
  }
  const text = value.trim();
  if (DIGITS.test(text)) return readTime(Number(text), utcOffsetMinutes);
  const iso = ISO.exec(text);
  if (iso !== null) {
    const zone = iso[8];
    const offset =
      zone === undefined ? utcOffsetMinutes : parseUtcOffset(zone.length === 3 ? `${zone}:00` : zone);
    if (offset === undefined) return undefined;
    return fromParts(iso.slice(1, 8), offset);
  }
  const slashed = SLASHED.exec(text);
  if (slashed !== null) return fromParts(slashed.slice(1, 8), utcOffsetMinutes);
  return undefined;
}
