import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Signal } from '../../src/analysis/types.js';
import type { Context } from '../../src/context.js';
import { normalize } from '../../src/normalize/index.js';
import { extractSignals } from '../../src/signals/index.js';

// Free text as users type it: any UTF-16 (lone surrogates included), graphemes, and strings built
// from the phrase vocabulary so the matcher, the negation walk and the regexes really run.
const vocabulary = fc.constantFrom(
  '差评',
  '不会',
  '给',
  '12315',
  '投诉',
  '律师',
  '小红书',
  '发到',
  '曝光',
  '傻逼',
  '急',
  '不',
  '！',
  '？',
  '!',
  '第三次问',
  '了',
  '又来问',
  "won't",
  ' ',
  'bad review',
  'SUE',
  'WHERE IS MY',
  'again',
  '氣死',
  '１２３',
  '[订单x]',
);
const phraseSoup = fc.array(vocabulary, { maxLength: 30 }).map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  phraseSoup,
);
const anyContext: fc.Arbitrary<Context | undefined> = fc.option(
  fc.record({
    history: fc.array(
      fc.record({
        role: fc.constantFrom('customer', 'agent', 'system') as fc.Arbitrary<'customer' | 'agent' | 'system'>,
        text: anyText,
      }),
      { maxLength: 5 },
    ),
    repeatContacts: fc.nat({ max: 5 }),
  }),
  { nil: undefined },
);

function checkWellFormed(text: string, signals: Signal[]): void {
  const ids = signals.map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (let i = 1; i < signals.length; i++)
    expect(signals[i - 1]!.score).toBeGreaterThanOrEqual(signals[i]!.score);
  for (const signal of signals) {
    expect(signal.score).toBeGreaterThan(0);
    expect(signal.score).toBeLessThanOrEqual(1);
    for (const { text: cited, range } of signal.evidence) {
      expect(range[0]).toBeGreaterThanOrEqual(0);
      expect(range[0]).toBeLessThanOrEqual(range[1]);
      expect(range[1]).toBeLessThanOrEqual(text.length);
      expect(cited).toBe(text.slice(range[0], range[1]));
    }
  }
}

describe('extractSignals: properties', () => {
  it('never throws, and every signal is well-formed with ranges inside the text', () => {
    fc.assert(
      fc.property(anyText, anyContext, (text, context) => {
        checkWellFormed(text, extractSignals(normalize(text), context));
      }),
      { numRuns: 400 },
    );
  });

  it('full-width and half-width spellings raise the same signals', () => {
    const ascii = fc
      .array(
        fc.constantFrom(
          'bad review',
          'sue',
          'lawyer',
          'not',
          ' ',
          '!',
          '?',
          'urgent',
          'again',
          '12315',
          'idiot',
          'ok',
        ),
        { maxLength: 12 },
      )
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(ascii, (text) => {
        const wide = text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        const ids = (t: string) =>
          extractSignals(normalize(t))
            .map((s) => s.id)
            .sort();
        expect(ids(wide)).toEqual(ids(text));
      }),
      { numRuns: 200 },
    );
  });

  it('stays bounded on a megabyte of hostile text', () => {
    const megabyte = (unit: string) => unit.repeat(Math.ceil((1 << 20) / unit.length)).slice(0, 1 << 20);
    for (const unit of ['急', '不会给差评', '发到微博!?', '\ud800', 'WHERE IS MY ']) {
      const text = megabyte(unit);
      const signals = extractSignals(normalize(text), { history: [{ role: 'customer', text }] });
      checkWellFormed(text, signals);
      for (const signal of signals) expect(signal.evidence.length).toBeLessThanOrEqual(16);
    }
  });

  it('survives lone surrogates next to phrases', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(vocabulary, fc.constantFrom('\ud800', '\udfff', '\ud83d')), { maxLength: 20 }),
        (parts) => {
          const text = parts.join('');
          checkWellFormed(text, extractSignals(normalize(text)));
        },
      ),
    );
  });
});
