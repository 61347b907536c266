import type { TemplateLocale } from './definition.js';

/** Two-character surnames: without them 欧阳娜娜 would become 欧女士. */
const COMPOUND_SURNAMES = new Set(
  (
    '欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 长孙 長孫 宇文 司徒 ' +
    '夏侯 令狐 端木 轩辕 軒轅 独孤 獨孤 南宫 南宮 西门 西門 百里 呼延 澹台 澹臺 公冶 太史 申屠 钟离 鍾離'
  ).split(' '),
);

/** A CJK ideograph (the blocks Chinese names use), without a Unicode-property regex per call. */
function isHan(codePoint: number): boolean {
  return (
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3134f)
  );
}

/** The family name: 王芳 → 王, 欧阳娜娜 → 欧阳, "Emily Chen" → Chen. */
export function surnameOf(name: string): string {
  const trimmed = name.trim();
  const first = trimmed.codePointAt(0) ?? 0;
  if (isHan(first)) {
    const two = trimmed.slice(0, 2);
    return COMPOUND_SURNAMES.has(two) && trimmed.length > 2 ? two : String.fromCodePoint(first);
  }
  const space = trimmed.search(/\s\S+$/);
  return space === -1 ? trimmed : trimmed.slice(space + 1);
}

const FALLBACK: Record<TemplateLocale, string> = { 'zh-Hans': '亲', 'zh-Hant': '親', en: 'customer' };

/**
 * How to address the customer: 王女士 / 王先生 / Ms Chen / Mr Chen when the name and gender are
 * known; otherwise the shops' 亲 (親) or, in English, "customer" (templates write "Dear {{honorific
 * customer}}"). An English full name without a gender is used as it is.
 */
export function honorific(name: unknown, gender: unknown, locale: TemplateLocale): string {
  const known = typeof name === 'string' && name.trim() !== '' ? name.trim() : undefined;
  if (known !== undefined && (gender === 'female' || gender === 'male')) {
    const surname = surnameOf(known);
    if (locale === 'en') return `${gender === 'female' ? 'Ms' : 'Mr'} ${surname}`;
    return `${surname}${gender === 'female' ? '女士' : '先生'}`;
  }
  if (known !== undefined && locale === 'en') return known;
  return FALLBACK[locale];
}
