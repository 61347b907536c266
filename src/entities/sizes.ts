import type { Entity } from '../analysis/types.js';
import type { NormalizedText } from '../normalize/index.js';
import { entityAt } from './candidates.js';

// On folded text. Letter sizes, optionally followed by 码/号 (XL码, M号).
// Not inside a longer Latin word, accented letters included (the M of Müller, the s of façades).
const LETTER_SIZE =
  /(?<![\p{Script=Latin}0-9'’&])(xxxl|xxl|xl|xxs|xs|[2-6]xl|s|m|l)(码|号)?(?![\p{Script=Latin}0-9'’&])/gu;
const SHOE_SIZE = /(?<![\d.])(\d{2}(?:\.5)?)(码|号)/g;
const HEIGHT_CHEST = /(?<![\d/])(1[2-9]\d|2[01]\d)\/(\d{2,3})([a-c])?(?![\d/a-z])/g;
const EN_SIZE = /\b(?:size|sz|eu|uk) ?(\d{1,2}(?:\.5)?)\b/g;
const ZH_SIZE_CUE = /(?:尺码|码数|鞋码|尺寸)(?:是|为|:)? ?(\d{2,3}(?:\.5)?)(?!\d)/g;

const LETTER_VALUE: Record<string, string> = { '2xl': 'XXL', '3xl': 'XXXL' };

/**
 * Clothing and shoe sizes: XL, M码, 38码, 175/92A, size 9, 尺码42. A lone S, M or L counts only
 * when written in capitals or followed by 码/号, so "i'm" or a stray letter is no size.
 */
export function sizeCandidates(n: NormalizedText, out: Entity[]): void {
  const text = n.text;
  LETTER_SIZE.lastIndex = 0;
  for (let m = LETTER_SIZE.exec(text); m !== null; m = LETTER_SIZE.exec(text)) {
    const [whole, letters = '', suffix] = m;
    if (letters.length === 1 && suffix === undefined) {
      const start = n.starts[m.index] ?? 0;
      const written = n.original.charCodeAt(start);
      const upper = written >= 0x41 && written <= 0x5a ? true : written >= 0xff21 && written <= 0xff3a;
      if (!upper) continue;
    }
    const value = LETTER_VALUE[letters] ?? letters.toUpperCase();
    out.push(entityAt(n, m.index, m.index + whole.length, 'size', value));
  }
  if (!/\d/.test(text)) return;
  SHOE_SIZE.lastIndex = 0;
  for (let m = SHOE_SIZE.exec(text); m !== null; m = SHOE_SIZE.exec(text)) {
    const [whole, size = '', mark] = m;
    const value = Number(size);
    // 5号 is a date; a shoe or trouser size written with 号 is 32 or more. 码 is always a size.
    if (mark === '号' && value < 32) continue;
    if (value < 20 || value > 52) continue;
    out.push(entityAt(n, m.index, m.index + whole.length, 'size', size));
  }
  HEIGHT_CHEST.lastIndex = 0;
  for (let m = HEIGHT_CHEST.exec(text); m !== null; m = HEIGHT_CHEST.exec(text)) {
    out.push(entityAt(n, m.index, m.index + m[0].length, 'size', m[0].toUpperCase()));
  }
  EN_SIZE.lastIndex = 0;
  for (let m = EN_SIZE.exec(text); m !== null; m = EN_SIZE.exec(text)) {
    const region = m[0].startsWith('eu') ? 'EU ' : m[0].startsWith('uk') ? 'UK ' : '';
    out.push(entityAt(n, m.index, m.index + m[0].length, 'size', `${region}${m[1] ?? ''}`));
  }
  ZH_SIZE_CUE.lastIndex = 0;
  for (let m = ZH_SIZE_CUE.exec(text); m !== null; m = ZH_SIZE_CUE.exec(text)) {
    out.push(entityAt(n, m.index, m.index + m[0].length, 'size', m[1] ?? ''));
  }
}
