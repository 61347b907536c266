import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, LOCALE_CHOICES, readFragment, writeFragment } from '../../playground/src/state.js';
import { segment } from '../../playground/src/highlight.js';

const wellFormed = (value: string): boolean => {
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
};

const stateArbitrary = fc.record({
  text: fc.string({ unit: 'binary' }),
  prev: fc.string({ unit: 'grapheme' }),
  draft: fc.string({ unit: 'binary' }),
  facts: fc.json(),
  locale: fc.constantFrom(...LOCALE_CHOICES),
});

describe('playground state in the URL fragment', () => {
  it('reads back what it writes, for any text (CJK, &, =, +, %, #, emoji, lone surrogates aside)', () => {
    fc.assert(
      fc.property(stateArbitrary, (state) => {
        // encodeURIComponent cannot write a lone surrogate; the page's textareas cannot hold one either.
        fc.pre(Object.values(state).every(wellFormed));
        expect(readFragment(writeFragment(state))).toEqual(state);
      }),
    );
  });

  it.each([
    ['', EMPTY_STATE],
    ['#', EMPTY_STATE],
    ['#text=%E5%9C%A8%E5%90%97', { ...EMPTY_STATE, text: '在吗' }],
    ['text=a+b%2Bc', { ...EMPTY_STATE, text: 'a b+c' }],
    ['#draft=x&locale=zh-Hant&unknown=1', { ...EMPTY_STATE, draft: 'x', locale: 'zh-Hant' }],
    ['#locale=fr', EMPTY_STATE],
    ['#facts=%7B%22order%22%3A%7B%7D%7D&prev=hi', { ...EMPTY_STATE, facts: '{"order":{}}', prev: 'hi' }],
  ])('reads %j', (fragment, state) => {
    expect(readFragment(fragment)).toEqual(state);
  });

  it.each([
    [EMPTY_STATE, ''],
    [{ ...EMPTY_STATE, locale: 'en' as const }, '#locale=en'],
    [
      { ...EMPTY_STATE, text: '订单 #1 & 2', draft: '好=的' },
      '#text=%E8%AE%A2%E5%8D%95%20%231%20%26%202&draft=%E5%A5%BD%3D%E7%9A%84',
    ],
  ])('writes %j as %j (empty values and the auto locale left out)', (state, fragment) => {
    expect(writeFragment(state)).toBe(fragment);
  });
});

describe('highlight segments', () => {
  it('cuts at every mark boundary and keeps overlapping marks', () => {
    const parts = segment('abcdef', [
      { start: 1, end: 4, kind: 'a', label: 'A' },
      { start: 3, end: 5, kind: 'b', label: 'B' },
    ]);
    expect(parts.map((p) => [p.text, p.marks.map((m) => m.kind).join('+')])).toEqual([
      ['a', ''],
      ['bc', 'a'],
      ['d', 'a+b'],
      ['e', 'b'],
      ['f', ''],
    ]);
  });

  it('clips ranges to the text and drops empty ones', () => {
    const parts = segment('abc', [
      { start: -2, end: 1, kind: 'x', label: '' },
      { start: 2, end: 9, kind: 'y', label: '' },
      { start: 1, end: 1, kind: 'z', label: '' },
    ]);
    expect(parts.map((p) => [p.text, p.marks.map((m) => m.kind).join('+')])).toEqual([
      ['a', 'x'],
      ['b', ''],
      ['c', 'y'],
    ]);
  });

  it('always gives back the text, and each segment exactly the marks that cover it', () => {
    const markArbitrary = fc.record({
      start: fc.integer({ min: -3, max: 40 }),
      end: fc.integer({ min: -3, max: 40 }),
      kind: fc.constantFrom('evidence', 'signal', 'entity'),
      label: fc.constant(''),
    });
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.array(markArbitrary, { maxLength: 6 }), (text, marks) => {
        const parts = segment(text, marks);
        expect(parts.map((p) => p.text).join('')).toBe(text);
        let at = 0;
        for (const part of parts) {
          const covering = marks.filter(
            (m) => m.start <= at && m.end >= at + part.text.length && m.end > m.start,
          );
          expect(part.marks.map((m) => m.kind).sort()).toEqual(covering.map((m) => m.kind).sort());
          at += part.text.length;
        }
      }),
    );
  });
});
