import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIMPLIFIED_ONLY, T2S_PAIRS, TRADITIONAL_ONLY } from '../../src/generated/hanzi.js';
import { normalize } from '../../src/normalize/index.js';
import {
  decodeCharPairs,
  decodeCharSet,
  decodeCharString,
  decodeVarints,
  encodeCharPairs,
  encodeCharSet,
  encodeCharString,
  encodeVarints,
  VARINT_ALPHABET,
  VARINT_ENDS,
  VARINT_STEP,
} from '../../src/util/varint.js';

/** Only characters of the varint alphabet (base85.ts's: nothing a bundler escapes). */
const asVarintText = (text: string): boolean => [...text].every((c) => VARINT_ALPHABET.includes(c));

/** BMP characters other than surrogates (what the hanzi tables hold). */
const bmp = fc
  .integer({ min: 1, max: 0xffff })
  .filter((code) => code < 0xd800 || code > 0xdfff)
  .map((code) => String.fromCharCode(code));

describe('varints', () => {
  it('round-trip any uint32 list, as ASCII', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff })), (values) => {
        const text = encodeVarints(values);
        expect(asVarintText(text)).toBe(true);
        expect(Array.from(decodeVarints(text, values.length))).toEqual(values);
      }),
    );
  });

  it('take one character below VARINT_ENDS, two below ENDS + ENDS·STEP, and so on', () => {
    expect(VARINT_ENDS + VARINT_STEP).toBe(85);
    const limit2 = VARINT_ENDS + VARINT_ENDS * VARINT_STEP;
    for (const [value, length] of [
      [0, 1],
      [VARINT_ENDS - 1, 1],
      [VARINT_ENDS, 2],
      [limit2 - 1, 2],
      [limit2, 3],
      [0xffffffff, 8],
    ] as const) {
      const text = encodeVarints([value]);
      expect([value, text.length]).toEqual([value, length]);
      expect(Array.from(decodeVarints(text, 1))).toEqual([value]);
    }
  });

  it('refuse text with a character outside the alphabet, or too few or too many values', () => {
    expect(() => decodeVarints('"', 1)).toThrow(/not a varint character/);
    expect(() => decodeVarints(encodeVarints([1, 2]), 1)).toThrow(/left after/);
    expect(() => decodeVarints(encodeVarints([1]), 2)).toThrow(/not a varint character/);
  });

  it('a character set comes back sorted by code, each character once', () => {
    fc.assert(
      fc.property(fc.array(bmp, { maxLength: 200 }), (chars) => {
        const unique = [...new Set(chars)].sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0)).join('');
        expect(decodeCharSet(encodeCharSet(chars.join('')), unique.length)).toBe(unique);
      }),
    );
  });

  it('character pairs come back in code order of their first character', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(bmp, bmp), { selector: ([from]) => from, maxLength: 200 }),
        (pairs) => {
          const { from, to } = encodeCharPairs(pairs);
          const expected = [...pairs]
            .sort((a, b) => a[0].charCodeAt(0) - b[0].charCodeAt(0))
            .map(([f, t]) => f + t)
            .join('');
          expect(decodeCharPairs(from, to, pairs.length)).toBe(expected);
        },
      ),
    );
  });

  it('any string comes back as it was (order, repeats, surrogate halves), as ASCII', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: fc.constantFrom('话', '术', 'a', '😀') }),
        (a, b) => {
          for (const chars of [a, b]) {
            const text = encodeCharString(chars);
            expect(asVarintText(text)).toBe(true);
            expect(decodeCharString(text, chars.length)).toBe(chars);
          }
        },
      ),
    );
  });

  it('refuses a character mapped twice', () => {
    expect(() =>
      encodeCharPairs([
        ['髮', '发'],
        ['髮', '法'],
      ]),
    ).toThrow(/maps twice/);
  });
});

describe('the generated hanzi tables (decoded at import)', () => {
  it('fold traditional to simplified and tell the scripts apart', () => {
    expect(T2S_PAIRS.length).toBeGreaterThan(4000);
    expect(T2S_PAIRS.length % 2).toBe(0);
    expect(normalize('發貨了嗎？還沒收到').text).toBe('发货了吗?还没收到');
    expect(TRADITIONAL_ONLY).toContain('貨');
    expect(SIMPLIFIED_ONLY).toContain('货');
    // Both sets are sorted, without repeats (as encodeCharSet writes them).
    for (const set of [TRADITIONAL_ONLY, SIMPLIFIED_ONLY])
      for (let i = 1; i < set.length; i++) expect(set.charCodeAt(i)).toBeGreaterThan(set.charCodeAt(i - 1));
  });
});
