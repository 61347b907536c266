import type { Entity } from '../analysis/types.js';
import type { NormalizedText } from '../normalize/index.js';
import { entityAt } from './candidates.js';
import { parseChineseNumeral } from './chinese-numerals.js';

// Numbers as they appear in dates: digits, Chinese numerals, or the source's [数字x] mask.
const N = String.raw`(\d{1,2}|[一二两三四五六七八九十]{1,3}|\[数字x\])`;
const ISO_DATE = /(?<!\d)(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?(?!\d)/g;
const ZH_MONTH_DAY = new RegExp(String.raw`(?<![\d.])${N}月(?:份)?${N}[日号]?`, 'g');
const ZH_MONTH = new RegExp(String.raw`(?<![\d.个])${N}月份?`, 'g');
// 5号 is a day; 5号电池, 5号楼, 38号 (a shoe size) are not.
const ZH_DAY = new RegExp(
  String.raw`(?<![\d.第])${N}[日号](?!电池|楼|线|门|店|仓|床|房|位|口|码|机|包|箱|色|字|链接|链|款|窗|台)`,
  'g',
);
const SLASH_DATE = /(?<![\d/.])(\d{1,2})\/(\d{1,2})(?![\d/]| ?[a-z])/g;
const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
const MONTH_NAME = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/;
const EN_MONTH_DAY = new RegExp(
  String.raw`\b(${MONTHS})\.? (\d{1,2})(?:st|nd|rd|th)?\b(?:,? (\d{4})\b)?`,
  'g',
);
const EN_DAY_MONTH = new RegExp(
  String.raw`\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?(${MONTHS})\b(?:,? (\d{4})\b)?`,
  'g',
);
const ZH_IN_DAYS = new RegExp(String.raw`(?<!\d)${N}天(后|之后|以后|前|之前|以前)`, 'g');
const EN_IN_DAYS =
  /\bin (\d{1,2}|one|two|three|four|five|six|seven|ten) (day|days|week|weeks)\b|\b(\d{1,2}|one|two|three|four|five|six|seven|ten) (day|days|week|weeks) ago\b/g;
const CLOCK = /(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])(?: ?(am|pm|a\.m\.|p\.m\.)(?![a-z]))?/g;
const EN_HOUR = /(?<![\d:])(\d{1,2}) ?(am|pm|a\.m\.|p\.m\.)(?![a-z])/g;
const ZH_PART =
  '(今天早上|今天上午|今天下午|今天晚上|明天早上|明天上午|明天下午|明天晚上|今早|今晚|明早|明晚|早上|上午|中午|下午|傍晚|晚上|凌晨)';
const ZH_CLOCK = new RegExp(
  String.raw`${ZH_PART}?${N}点(?:(\d{1,2}|[一二三四五六七八九十]{1,3})分|(半)|钟)?`,
  'g',
);

const EN_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  ten: 10,
};
const MONTH_INDEX = new Map<string, number>();
MONTHS.split('|').forEach((name) => {
  const full = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ];
  const index = full.findIndex((m) => m.startsWith(name.slice(0, 3)));
  MONTH_INDEX.set(name, index + 1);
});

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** A number written in digits or Chinese; NaN for the [数字x] mask. */
function numberOf(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  return parseChineseNumeral(text) ?? NaN;
}

function isMask(text: string | undefined): boolean {
  return text !== undefined && text.startsWith('[');
}

function dateOrMask(
  n: NormalizedText,
  start: number,
  end: number,
  parts: Array<string | undefined>,
  value: () => string | undefined,
): Entity | undefined {
  if (parts.some(isMask)) {
    return entityAt(n, start, end, 'date', n.text.slice(start, end), { placeholder: true });
  }
  const v = value();
  return v === undefined ? undefined : entityAt(n, start, end, 'date', v);
}

function validMonthDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function each(pattern: RegExp, text: string, visit: (m: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) visit(m);
}

const PM_PARTS = new Set([
  '下午',
  '傍晚',
  '晚上',
  '今晚',
  '明晚',
  '今天下午',
  '今天晚上',
  '明天下午',
  '明天晚上',
]);
const DAY_OF_PART: Record<string, string> = {
  今天早上: 'relative:0d ',
  今天上午: 'relative:0d ',
  今天下午: 'relative:0d ',
  今天晚上: 'relative:0d ',
  今早: 'relative:0d ',
  今晚: 'relative:0d ',
  明天早上: 'relative:+1d ',
  明天上午: 'relative:+1d ',
  明天下午: 'relative:+1d ',
  明天晚上: 'relative:+1d ',
  明早: 'relative:+1d ',
  明晚: 'relative:+1d ',
};

function clock(hour: number, minute: number): string | undefined {
  if (!(hour >= 0 && hour <= 24 && minute >= 0 && minute <= 59)) return undefined;
  return `${pad(hour % 24)}:${pad(minute)}`;
}

function meridiem(hour: number, suffix: string | undefined): number {
  if (suffix === undefined) return hour;
  const pm = suffix.startsWith('p');
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

/**
 * Dates and times written with numbers (2024-03-05, 3月5号, 5/3, March 5, 3天后, 10:30, 下午3点,
 * 3pm). Values need no clock: YYYY-MM-DD, --MM-DD, --MM, ---DD, relative:+3d, HH:MM, with the day
 * in front when the text gives one (明天下午3点 → relative:+1d 15:00). Words such as 明天 and 下周一
 * come from the phrase lexicon.
 */
export function dateCandidates(n: NormalizedText, digits: number, out: Entity[]): void {
  const text = n.text;
  const push = (e: Entity | undefined) => {
    if (e !== undefined) out.push(e);
  };
  if (digits >= 6) {
    each(ISO_DATE, text, (m) => {
      const [, y = '', mo = '', d = ''] = m;
      if (validMonthDay(Number(mo), Number(d)))
        push(
          entityAt(n, m.index, m.index + m[0].length, 'date', `${y}-${pad(Number(mo))}-${pad(Number(d))}`),
        );
    });
  }
  if (digits >= 2 && text.includes('/')) {
    each(SLASH_DATE, text, (m) => {
      const month = Number(m[1]);
      const day = Number(m[2]);
      if (validMonthDay(month, day))
        push(entityAt(n, m.index, m.index + m[0].length, 'date', `--${pad(month)}-${pad(day)}`));
    });
  }
  if (digits >= 3 && text.includes(':')) {
    each(CLOCK, text, (m) => {
      const value = clock(meridiem(Number(m[1]), m[3]), Number(m[2]));
      if (value !== undefined) push(entityAt(n, m.index, m.index + m[0].length, 'time', value));
    });
  }
  if (digits > 0 && text.includes('m')) {
    each(EN_HOUR, text, (m) => {
      const hour = Number(m[1]);
      const value = hour >= 1 && hour <= 12 ? clock(meridiem(hour, m[2]), 0) : undefined;
      if (value !== undefined) push(entityAt(n, m.index, m.index + m[0].length, 'time', value));
    });
  }
  if (digits > 0 && MONTH_NAME.test(text)) {
    each(EN_MONTH_DAY, text, (m) => {
      const month = MONTH_INDEX.get(m[1] ?? '') ?? 0;
      const day = Number(m[2]);
      if (validMonthDay(month, day)) {
        const value = m[3] ? `${m[3]}-${pad(month)}-${pad(day)}` : `--${pad(month)}-${pad(day)}`;
        push(entityAt(n, m.index, m.index + m[0].length, 'date', value));
      }
    });
    each(EN_DAY_MONTH, text, (m) => {
      const month = MONTH_INDEX.get(m[2] ?? '') ?? 0;
      const day = Number(m[1]);
      if (validMonthDay(month, day)) {
        const value = m[3] ? `${m[3]}-${pad(month)}-${pad(day)}` : `--${pad(month)}-${pad(day)}`;
        push(entityAt(n, m.index, m.index + m[0].length, 'date', value));
      }
    });
  }
  if (text.includes('月')) {
    each(ZH_MONTH_DAY, text, (m) => {
      const [, mo, d] = m;
      push(
        dateOrMask(n, m.index, m.index + m[0].length, [mo, d], () => {
          const month = numberOf(mo ?? '');
          const day = numberOf(d ?? '');
          return validMonthDay(month, day) ? `--${pad(month)}-${pad(day)}` : undefined;
        }),
      );
    });
    each(ZH_MONTH, text, (m) => {
      const [, mo] = m;
      push(
        dateOrMask(n, m.index, m.index + m[0].length, [mo], () => {
          const month = numberOf(mo ?? '');
          return month >= 1 && month <= 12 ? `--${pad(month)}` : undefined;
        }),
      );
    });
  }
  if (text.includes('日') || text.includes('号')) {
    each(ZH_DAY, text, (m) => {
      const [, d] = m;
      push(
        dateOrMask(n, m.index, m.index + m[0].length, [d], () => {
          const day = numberOf(d ?? '');
          return day >= 1 && day <= 31 ? `---${pad(day)}` : undefined;
        }),
      );
    });
  }
  if (text.includes('天')) {
    each(ZH_IN_DAYS, text, (m) => {
      const [, count, direction = ''] = m;
      const days = numberOf(count ?? '');
      if (!(days >= 1 && days <= 365)) return;
      const sign = direction.endsWith('后') ? '+' : '-';
      push(entityAt(n, m.index, m.index + m[0].length, 'date', `relative:${sign}${days}d`));
    });
  }
  if (text.includes('day') || text.includes('week')) {
    each(EN_IN_DAYS, text, (m) => {
      const ahead = m[1] !== undefined;
      const count = ahead ? (m[1] ?? '') : (m[3] ?? '');
      const unit = (ahead ? m[2] : m[4])?.startsWith('week') ? 'w' : 'd';
      const value = EN_NUMBERS[count] ?? Number(count);
      if (!(value >= 1 && value <= 365)) return;
      push(
        entityAt(n, m.index, m.index + m[0].length, 'date', `relative:${ahead ? '+' : '-'}${value}${unit}`),
      );
    });
  }
  if (text.includes('点')) {
    each(ZH_CLOCK, text, (m) => {
      const [, part, h = '', min, half] = m;
      const written = numberOf(h);
      // 一点 / 两点 also mean "a little" and "two points": a Chinese hour needs a part of the day
      // or 钟/分/半 after it.
      const chineseHour = !/^\d+$/.test(h);
      if (
        chineseHour &&
        part === undefined &&
        min === undefined &&
        half === undefined &&
        !m[0].endsWith('钟')
      )
        return;
      if (isMask(h)) {
        push(entityAt(n, m.index, m.index + m[0].length, 'time', m[0], { placeholder: true }));
        return;
      }
      let hour = written;
      if (part !== undefined && PM_PARTS.has(part) && hour < 12) hour += 12;
      if (part === '中午' && hour >= 1 && hour <= 2) hour += 12;
      const minute = half !== undefined ? 30 : min !== undefined ? numberOf(min) : 0;
      const value = clock(hour, minute);
      if (value === undefined) return;
      const day = part !== undefined ? (DAY_OF_PART[part] ?? '') : '';
      push(entityAt(n, m.index, m.index + m[0].length, 'time', `${day}${value}`));
    });
  }
}
