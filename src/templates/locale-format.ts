import { FORMAT_CACHE_SIZE } from '../limits.js';
import { LruCache } from '../util/lru.js';
import type { TemplateLocale } from './definition.js';

/**
 * Dates, times, amounts and lists written the way each locale's shops write them:
 * 5月20日 / May 20, 5月20日 18:00 / May 20, 18:00, 25.50元 / ¥25.50, 1、… / 1. …
 * Formatters are built once per locale and time zone: Intl constructors are slow.
 */

const INTL_LOCALE: Record<TemplateLocale, string> = { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', en: 'en-US' };
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The shops' time zone: date-times are shown as the shop's staff and its customers read them. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function writeDate(locale: TemplateLocale, year: string, month: string, day: string, time: string): string {
  if (locale === 'en') {
    const date = `${month} ${day}${year ? `, ${year}` : ''}`;
    return time ? `${date}, ${time}` : date;
  }
  const date = `${year ? `${year}年` : ''}${month}月${day}日`;
  return time ? `${date} ${time}` : date;
}

// Keyed by the caller's time zone (Intl accepts any capitalisation of a zone): bounded.
const formatters = new LruCache<string, Intl.DateTimeFormat>(FORMAT_CACHE_SIZE);
const instants = new Map<string, string>();
/** Longer values (not a date a template shows) are formatted each time rather than cached. */
const CACHED_INSTANT_LENGTH = 40;

function formatter(locale: TemplateLocale, timeZone: string, withTime: boolean, withYear: boolean) {
  const key = `${locale}|${timeZone}|${withTime ? 't' : ''}${withYear ? 'y' : ''}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      timeZone,
      ...(withYear ? { year: 'numeric' } : {}),
      month: locale === 'en' ? 'long' : 'numeric',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    formatters.set(key, format);
  }
  return format;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A date (and time) value: ISO 8601 string or epoch milliseconds. `null`/`undefined` → ''. */
export function formatDate(
  value: unknown,
  locale: TemplateLocale,
  options: { timeZone: string; time: boolean; year: boolean },
): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && DATE_ONLY.test(value)) {
    // A bare date names a calendar day, not an instant: no time zone, no Intl needed.
    const month = Number(value.slice(5, 7));
    const day = String(Number(value.slice(8, 10)));
    const name = locale === 'en' ? MONTHS[month - 1] : String(month);
    if (name === undefined || month < 1) return value;
    return writeDate(locale, options.year ? value.slice(0, 4) : '', name, day, '');
  }
  const text = String(value);
  const key =
    text.length > CACHED_INSTANT_LENGTH
      ? undefined
      : `${locale}|${options.timeZone}|${options.time ? 't' : ''}${options.year ? 'y' : ''}|${text}`;
  const cached = key === undefined ? undefined : instants.get(key);
  if (cached !== undefined) return cached;
  const date = new Date(typeof value === 'number' ? value : String(value));
  if (Number.isNaN(date.getTime())) return String(value);
  const parts = formatter(locale, options.timeZone, options.time, options.year).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const written = writeDate(
    locale,
    options.year ? part('year') : '',
    part('month'),
    part('day'),
    options.time ? `${part('hour')}:${part('minute')}` : '',
  );
  // Intl's formatToParts costs microseconds; the same instants recur (a promised time, a due time).
  if (key !== undefined) {
    if (instants.size >= 1024) instants.clear();
    instants.set(key, written);
  }
  return written;
}

// Keyed by currency, which a template may take from a variable: bounded.
const groupers = new LruCache<string, Intl.NumberFormat>(FORMAT_CACHE_SIZE);

/** Money: 25.50元 / 1,299元 in Chinese, ¥25.50 in English; other currencies through Intl. */
export function formatAmount(value: unknown, locale: TemplateLocale, currency = 'CNY'): string {
  if (value === null || value === undefined || value === '') return '';
  const amount = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(amount)) return String(value);
  const digits = Number.isInteger(amount) ? 0 : 2;
  const key = `${locale}|${currency}|${digits}`;
  let format = groupers.get(key);
  if (format === undefined) {
    format =
      currency === 'CNY'
        ? new Intl.NumberFormat(INTL_LOCALE[locale], {
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          })
        : new Intl.NumberFormat(INTL_LOCALE[locale], {
            style: 'currency',
            currency,
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          });
    groupers.set(key, format);
  }
  const number = format.format(amount);
  if (currency !== 'CNY') return number;
  return locale === 'en' ? `¥${number}` : `${number}元`;
}

/** A numbered list, one item per line: 1、… in Chinese, 1. … in English. */
export function formatList(items: unknown, locale: TemplateLocale): string {
  if (!Array.isArray(items)) return items === null || items === undefined ? '' : String(items);
  const mark = locale === 'en' ? '. ' : '、';
  return items.map((item, i) => `${i + 1}${mark}${String(item)}`).join('\n');
}
