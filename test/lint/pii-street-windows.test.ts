import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streetMatches } from '../../src/lint/pii.js';

// The street regex as it was run before the windows: over the whole text.
const STREET_ZH_SOURCE = String.raw`([\u4e00-\u9fff]{1,6})(路|街|大道|道|巷|弄|胡同)(?:[一二三四五六七八九十]{1,3}段|\d{1,2}段)?(?:\d{1,4}巷)?(?:\d{1,4}弄)?\d{1,5}号(?:之\d{1,3})?(?:[\u4e00-\u9fff\d-]{0,12}?\d{1,5}(?:室|号|楼))?`;

function wholeText(text: string): Array<[number, string, string, string]> {
  return [...text.matchAll(new RegExp(STREET_ZH_SOURCE, 'g'))].map((m) => [m.index, m[0], m[1]!, m[2]!]);
}

function windowed(text: string): Array<[number, string, string, string]> {
  return [...streetMatches(text)].map((m) => [m.index, m[0], m[1]!, m[2]!]);
}

/** Pieces of addresses and of what surrounds them, so matches, near misses and long runs all occur. */
const piece = fc.constantFrom(
  '路',
  '街',
  '大道',
  '道',
  '巷',
  '弄',
  '胡同',
  '号',
  '之',
  '段',
  '室',
  '楼',
  '-',
  '一',
  '十',
  '二',
  '0',
  '1',
  '12',
  '188',
  '935',
  '12345',
  '123456',
  '文三',
  '张江',
  '中山',
  '知',
  '南山区',
  '广东省深圳市',
  '谢谢',
  '您好',
  ' ',
  '，',
  'a',
  'B',
);
const han = fc.constantFrom(...'文三张江中山知南北大道路街');
// fc.string over digit units, not fc.stringMatching (a new regex arbitrary per draw: 3,000 runs took 40 s).
const digits = (max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: max });
/** Something shaped like a street address, often almost one: each part may be missing or too long. */
const addressLike = fc
  .tuple(
    fc.array(han, { maxLength: 9 }).map((a) => a.join('')),
    fc.constantFrom('路', '街', '大道', '道', '巷', '弄', '胡同', ''),
    fc.constantFrom('', '一段', '十二段', '3段', '123段'),
    fc.oneof(
      fc.constant(''),
      digits(5).map((d) => `${d}巷`),
    ),
    fc.oneof(
      fc.constant(''),
      digits(5).map((d) => `${d}弄`),
    ),
    digits(6),
    fc.constantFrom('号', '号', '', '室'),
    fc.constantFrom('', '之2', '之1234', '2号楼301室', 'A座12楼', '-5号'),
  )
  .map((parts) => parts.join(''));
const run = fc.tuple(piece, fc.integer({ min: 1, max: 40 })).map(([p, n]) => p.repeat(n));
const text = fc
  .array(
    fc.oneof(
      { arbitrary: addressLike, weight: 4 },
      { arbitrary: piece, weight: 6 },
      { arbitrary: run, weight: 1 },
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('streetMatches: the street regex searched in windows around each house number', () => {
  it.each([
    ['上海市浦东新区张江路88号'],
    ['文化路一段188巷5弄3号之2 5楼'],
    ['广东省深圳市南山区文三路935号' + '謝謝'.repeat(1000)],
    ['中山大道88号，建国路1号2号楼301室，知道3号'],
    ['XX路YY路12号'],
    ['没有门牌号的路'],
    [''],
  ])('agrees with the whole-text search on %j', (sample) => {
    expect(windowed(sample)).toEqual(wholeText(sample));
  });

  it('agrees with the whole-text search on generated texts (same places, same groups)', () => {
    fc.assert(
      fc.property(text, (sample) => {
        expect(windowed(sample)).toEqual(wholeText(sample));
      }),
      { numRuns: 3000, seed: 20261204 },
    );
  });

  it('agrees on a megabyte of Han characters after one address', () => {
    const long = '广东省深圳市南山区文三路935号' + '謝'.repeat(1_000_000);
    expect(windowed(long)).toEqual(wholeText(long));
    expect(windowed(long)).toHaveLength(1);
  });
});
