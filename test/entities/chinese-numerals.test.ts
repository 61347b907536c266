import { describe, expect, it } from 'vitest';
import { parseChineseNumeral } from '../../src/entities/chinese-numerals.js';

describe('parseChineseNumeral', () => {
  const valid = [
    ['三', 3],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['一百二十', 120],
    ['一百零五', 105],
    ['三百五', 350],
    ['两千五', 2500],
    ['一千零一', 1001],
    ['三万五', 35000],
    ['一万零五十', 10050],
  ] as const;
  it.each(valid)('%s → %d', (text, value) => expect(parseChineseNumeral(text)).toBe(value));

  const invalid = ['', '二五', '三x', '一二三四五六七八九十百千'];
  it.each(invalid)('%j is not a numeral we read', (text) =>
    expect(parseChineseNumeral(text)).toBeUndefined(),
  );
});
