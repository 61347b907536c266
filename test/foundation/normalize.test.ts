import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, toOriginalRange } from '../../src/normalize/index.js';

describe('normalize: folding', () => {
  const cases = [
    { input: '請問什麼時候發貨', out: '请问什么时候发货', why: 'traditional → simplified' },
    { input: '裡面 著急', out: '里面 着急', why: 'Taiwan variant forms fold too' },
    { input: '这个么', out: '这个么', why: 'simplified characters are never re-folded (么 stays)' },
    { input: 'ＡＢＣ１２３', out: 'abc123', why: 'full-width → half-width, lower case' },
    { input: 'Hello WORLD', out: 'hello world', why: 'Latin case' },
    { input: '发\u200b货', out: '发货', why: 'zero-width space removed' },
    { input: '发\u0000货\u0007', out: '发货', why: 'control characters removed' },
    { input: '\ufeff你好', out: '你好', why: 'BOM removed' },
    { input: '  你好 \t\n 亲  ', out: '你好 亲', why: 'white space collapsed and trimmed' },
    { input: '你好　亲', out: '你好 亲', why: 'ideographic space is a space' },
    { input: '怎么还不发货！！！', out: '怎么还不发货!', why: 'repeated full-width punctuation collapses' },
    { input: '在吗？？？？', out: '在吗?', why: 'question marks collapse' },
    { input: '好的。。。', out: '好的。', why: 'ideographic full stops collapse' },
    { input: '!\u200b!', out: '!', why: 'a run broken only by a removed character still collapses' },
    { input: '! !', out: '! !', why: 'a run broken by a space is kept' },
    { input: '1000', out: '1000', why: 'repeated digits are not punctuation' },
    { input: '👍👍👍', out: '👍👍👍', why: 'emoji are kept as they are, repeats too' },
    { input: '👨‍👩‍👧 ok', out: '👨‍👩‍👧 ok', why: 'ZWJ inside an emoji sequence is kept' },
    { input: '👍🏻', out: '👍🏻', why: 'skin-tone modifier kept' },
    { input: '❤️', out: '❤️', why: 'BMP emoji with variation selector kept' },
    { input: '𠀋𝐀', out: '𠀋𝐀', why: 'astral characters kept intact' },
    { input: 'ﬁne', out: 'fine', why: 'NFKC ligature expands' },
    { input: '', out: '', why: 'empty' },
  ] as const;

  it.each(cases)('$why: $input', ({ input, out }) => {
    expect(normalize(input).text).toBe(out);
  });

  it('maps folded ranges back to the original characters', () => {
    const n = normalize('亲，請問什麼時候發貨？？？');
    const at = n.text.indexOf('发货');
    const [start, end] = toOriginalRange(n, at, at + 2);
    expect(n.original.slice(start, end)).toBe('發貨');
    const q = n.text.indexOf('?');
    expect(n.original.slice(...toOriginalRange(n, q, q + 1))).toBe('？？？');
  });

  it('maps an expanded character (ligature) back to the one original character', () => {
    const n = normalize('a ﬁ b');
    const at = n.text.indexOf('fi');
    expect(n.original.slice(...toOriginalRange(n, at, at + 2))).toBe('ﬁ');
  });

  it('maps astral characters to both of their code units', () => {
    const n = normalize('x😀y');
    expect(n.original.slice(...toOriginalRange(n, 1, 3))).toBe('😀');
  });
});

describe('normalize: properties', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 100 }),
    fc.string({
      unit: fc.constantFrom(...'请問發貨！？ 　\u200b\u200d👍🏻ＡaZ。.,~\ud800\udc00'.split('')),
      maxLength: 60,
    }),
  );

  it('never throws, and every folded character maps inside the original', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const n = normalize(text);
        expect(n.starts.length).toBe(n.text.length);
        expect(n.ends.length).toBe(n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          const start = n.starts[i] ?? -1;
          const end = n.ends[i] ?? -1;
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(text.length);
          if (i > 0) expect(start).toBeGreaterThanOrEqual(n.starts[i - 1] ?? 0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normalize(text).text;
        expect(normalize(once).text).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('toOriginalRange stays inside the original for any range', () => {
    fc.assert(
      fc.property(anyText, fc.nat(300), fc.nat(300), (text, a, b) => {
        const n = normalize(text);
        const [start, end] = toOriginalRange(n, Math.min(a, b), Math.max(a, b));
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeGreaterThanOrEqual(start);
        expect(end).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 300 },
    );
  });

  it('handles lone surrogates and a 1 MB string', () => {
    expect(normalize('\ud800').text).toBe('\ud800');
    expect(normalize('a\udc00b').text).toBe('a\udc00b');
    const big = '亲，請問 ABC！！ 👍 '.repeat(80_000);
    expect(big.length).toBeGreaterThan(1_000_000);
    const n = normalize(big);
    expect(n.text.length).toBeGreaterThan(500_000);
    expect(n.ends[n.ends.length - 1]).toBeLessThanOrEqual(big.length);
  });

  // This test used to assert the coercion (normalize(12345).text === '12345'): issue 9 item 7 makes
  // a non-string an INVALID_INPUT instead of a silently folded "null" or "12345".
  it('refuses non-strings with INVALID_INPUT instead of coercing them', () => {
    for (const value of [12345, null, undefined, {}, ['a']])
      expect(() => normalize(value as unknown as string)).toThrowError(
        expect.objectContaining({ code: 'INVALID_INPUT' }) as Error,
      );
  });
});

describe('normalize: emoji sequences', () => {
  it('every astral pictograph and emoji modifier lies in U+1F000–U+1FFFF (the cached range)', async () => {
    const { isAstralPictographic } = await import('../../src/normalize/normalize.js');
    const property = /\p{Extended_Pictographic}|\p{Emoji_Modifier}/u;
    for (let cp = 0x10000; cp <= 0x10ffff; cp++) {
      const expected = property.test(String.fromCodePoint(cp));
      if (expected !== isAstralPictographic(cp))
        expect([cp.toString(16), isAstralPictographic(cp)]).toEqual([cp.toString(16), expected]);
    }
  });

  it('keeps a ZWJ after an astral emoji, drops it after a letter, in long runs too', () => {
    expect(normalize('👨‍👩‍👧'.repeat(3000)).text).toBe('👨‍👩‍👧'.repeat(3000));
    expect(normalize('a\u200d'.repeat(3000)).text).toBe('a'.repeat(3000));
  });
});
