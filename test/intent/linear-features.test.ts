import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HuashuError } from '../../src/errors.js';
import { stopWordKeys } from '../../src/intent/word-keys.js';
import {
  dataFlag,
  digitShape,
  FeatureFamily as F,
  FeatureList,
  lengthBucket,
  LinearFeatureExtractor,
  type LinearFeatureSpec,
} from '../../src/intent/linear-features.js';
import { PatternMatcher } from '../../src/intent/patterns.js';
import { buildSpellingPairs, SpellingIndex } from '../../src/intent/spelling.js';
import { normalize } from '../../src/normalize/index.js';

const TEXT = F.CharGrams | F.Words | F.Placeholders | F.DigitShape | F.Length | F.Punctuation;
const AGENT = F.AgentTurn | F.AgentGrams;

function names(
  spec: LinearFeatureSpec,
  text: string,
  agent: string | null = null,
  extractor?: LinearFeatureExtractor,
) {
  const x = extractor ?? new LinearFeatureExtractor(spec);
  const out = new FeatureList();
  out.names = [];
  x.extract(normalize(text).text, agent === null ? null : normalize(agent).text, out);
  expect(out.names).toHaveLength(out.count);
  return out.names;
}

function keys(x: LinearFeatureExtractor, text: string, agent: string | null = null): number[] {
  const out = new FeatureList();
  x.extract(normalize(text).text, agent === null ? null : normalize(agent).text, out);
  return Array.from(out.keys.subarray(0, out.count));
}

const spec = (families: number, maxNgram = 3, hashBits = 20): LinearFeatureSpec => ({
  families,
  maxNgram,
  hashBits,
});

describe('linear features: table of messages', () => {
  // [message, agent turn, families, features that must be there, features that must not, longest n-gram]
  const cases: Array<[string, string | null, number, string[], string[], number?]> = [
    [
      '我要退货',
      null,
      TEXT | AGENT,
      [
        'c:退',
        'c:^我',
        'c:退货',
        'c:要退货',
        'c:货$',
        'len:2',
        't:0',
        't:0|len:2',
        't:0|data:0',
        't:0|asks:0',
      ],
      ['c:我要退货', 'data:2'],
    ],
    // Spaces join chat lines: n-grams stay inside a line.
    ['在吗 退货', null, TEXT, ['c:在吗', 'c:吗$', 'c:^退'], ['c:吗退', 'c:在吗退']],
    // A bare order number after the agent asked for it: data only, turn "asked for data".
    [
      '[订单x]',
      '麻烦提供一下订单号',
      TEXT | AGENT,
      ['p:order', 'c:^<p1>', 'len:0', 'data:0', 't:3', 't:3|len:0', 't:3|data:1', 'a:订单', 'a:单号'],
      ['c:订', 's:订单'],
    ],
    // A short answer after a question; the agent's bigrams carry its topic.
    ['好的', '亲 是这个订单吗?', TEXT | AGENT, ['t:2', 't:2|len:1', 't:2|data:0', 'a:订单'], []],
    // An opening of the agent, and a request that asks.
    ['退款多久到账?', '您好 请问有什么可以帮您', TEXT | AGENT, ['t:5', 't:5|asks:1', 'q:?'], []],
    ['还有别的吗', '还有什么可以帮您的吗', TEXT | F.AgentTurn, ['t:4', 't:4|asks:1'], ['a:帮您']],
    // Agent bigrams crossed with the message's length.
    [
      '多久到',
      '您的退款已提交',
      TEXT | F.AgentTurn | F.AgentGramsByLength,
      ['a:退款|short', 't:1'],
      ['a:退款'],
    ],
    // Digits: one unit of their shape; a long run is an order-number-like shape.
    ['单号1234567890', null, TEXT, ['d:3', 'c:单号', 'c:号<d3>', 'c:<d3>$', 'data:1'], []],
    ['12', null, TEXT, ['d:0', 'len:0', 'data:0'], []],
    // English: stemmed words and bigrams; no character grams unless asked for.
    [
      'I want to cancel my orders!',
      null,
      TEXT,
      ['w:cancel', 'w:order', 'ww:order', 'q:!', 'len:3'],
      ['l:ca'],
    ],
    ['cancel', null, TEXT | F.LatinCharGrams, ['w:cancel', 'l:^c', 'l:can', 'l:l$'], []],
    // Emoji are units of their own.
    ['好的👌', null, TEXT, ['c:👌', 'c:的👌', 'c:好的👌'], []],
    // n-gram length.
    ['我要退货', null, TEXT, ['c:退货', 'c:货$'], ['c:要退货'], 2],
    ['我要退货', null, TEXT, ['c:退'], ['c:退货', 'c:^我'], 1],
    // Repeated n-grams count once.
    ['好好好好', null, TEXT, ['c:好', 'c:好好', 'c:好好好'], []],
  ];

  it.each(cases)('%s (agent: %s)', (text, agent, families, present, absent, maxNgram = 3) => {
    const found = names(spec(families, maxNgram), text, agent);
    for (const name of present) expect(found).toContain(name);
    for (const name of absent) expect(found).not.toContain(name);
    expect(new Set(found).size).toBe(found.length);
  });

  it('Intl.Segmenter words, outside placeholders', () => {
    const found = names(spec(TEXT | F.Segmenter), '我想申请退货 [订单x]');
    expect(found.some((n) => n.startsWith('s:'))).toBe(true);
    expect(found).not.toContain('s:订单');
  });

  it('pattern hits and the mask need a matcher, and use it', () => {
    expect(() => new LinearFeatureExtractor(spec(TEXT | F.Patterns))).toThrow(HuashuError);
    const matcher = new PatternMatcher(
      [{ id: 'refund.ask', intent: 'aftersale.refund', phrases: ['退款'] }],
      ['订单编号:'],
    );
    const x = new LinearFeatureExtractor(spec(TEXT | F.Patterns | F.Mask), { patterns: matcher });
    const found = names(x.spec, '订单编号:你好 我要退款', null, x);
    expect(found).toContain('g:refund.ask');
    expect(found).not.toContain('c:编号');
    expect(found).toContain('c:^你');
  });

  it('English stop words are skipped only with the StopWords family', () => {
    const stopWords = stopWordKeys(['i', 'want', 'to', 'my']);
    const on = new LinearFeatureExtractor(spec(TEXT | F.StopWords), { stopWords });
    const off = new LinearFeatureExtractor(spec(TEXT), { stopWords });
    expect(names(on.spec, 'i want to cancel my order', null, on)).not.toContain('w:want');
    expect(names(on.spec, 'i want to cancel my order', null, on)).toContain('ww:order');
    expect(names(off.spec, 'i want to cancel my order', null, off)).toContain('w:want');
  });

  it.each([
    ["i'm usually a m", 'w:m'],
    ['i’m usually a m', 'w:m'],
    ["we're here", 'w:re'],
    ["you'll see", 'w:ll'],
    ["i've got it", 'w:ve'],
    ["she'd like", 'w:d'],
    ["it's fine", 'w:s'],
  ])('the tail of a contraction is not a word: %j', (text, tail) => {
    const found = names(spec(F.Words), text);
    // "i'm usually a m": the m after the apostrophe is skipped, the standalone m is a word.
    expect(found.filter((n) => n === tail).length).toBe(text.endsWith(' m') ? 1 : 0);
  });

  it("n't stays a word: it carries the negation", () => {
    expect(names(spec(F.Words), "don't")).toContain('w:t');
    // Only the short grammatical tails: a longer word after an apostrophe is a word.
    expect(names(spec(F.Words), "6 o'clock")).toContain('w:clock');
  });

  it('misspelled English words get the features of the word they misspell', () => {
    const spelling = SpellingIndex.decode(buildSpellingPairs(new Map([['cancel', 10]]), new Set()));
    const x = new LinearFeatureExtractor(spec(F.Words), { spelling });
    expect(keys(x, 'cancle')).toEqual(keys(x, 'cancel'));
    expect(keys(x, 'refund')).not.toEqual(keys(x, 'cancel'));
  });

  it('a spelling index from a word list prefers the more frequent word', () => {
    // "parcel" and "pancel"… both one deletion from "parcl"; the word listed first wins.
    const spelling = SpellingIndex.fromWords(['parcel', 'cancel', 'refund'], new Set());
    const x = new LinearFeatureExtractor(spec(F.Words), { spelling });
    expect(keys(x, 'parcl')).toEqual(keys(x, 'parcel'));
    expect(keys(x, 'cancle')).toEqual(keys(x, 'cancel'));
    expect(keys(x, 'refnd')).toEqual(keys(x, 'refund'));
    expect(keys(x, 'zebra')).not.toEqual(keys(x, 'parcel'));
  });
});

describe('linear features: buckets', () => {
  it.each([
    [0, 0],
    [1, 1],
    [2, 1],
    [3, 2],
    [5, 2],
    [6, 3],
    [10, 3],
    [11, 4],
    [20, 4],
    [21, 5],
    [40, 5],
    [41, 6],
  ])('length %i → bucket %i', (size, bucket) => expect(lengthBucket(size)).toBe(bucket));
  it.each([
    [1, 0],
    [2, 0],
    [3, 1],
    [4, 1],
    [5, 2],
    [8, 2],
    [9, 3],
    [20, 3],
  ])('digit run of %i → shape %i', (length, shape) => expect(digitShape(length)).toBe(shape));
  it.each([
    [0, 0, 0],
    [0, 5, 0],
    [1, 0, 1],
    [2, 3, 2],
  ])('data %i, content %i → flag %i', (data, content, flag) => expect(dataFlag(data, content)).toBe(flag));
});

describe('linear features: properties', () => {
  const extractor = new LinearFeatureExtractor(spec(TEXT | AGENT | F.LatinCharGrams | F.Segmenter, 3, 18));

  it('any text: keys fit the hash bits, are unique, and repeat for the same input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.option(fc.string({ maxLength: 120 })), (text, agent) => {
        const a = keys(extractor, text, agent);
        for (const key of a) expect(key).toBeLessThan(1 << 18);
        expect(new Set(a).size).toBe(a.length);
        expect(keys(extractor, text, agent)).toEqual(a);
      }),
    );
  });

  it('the agent-turn cache never leaks one agent message into the next', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 60 }),
        fc.string({ maxLength: 60 }),
        (t, a, b) => {
          const fresh = (agent: string) => keys(new LinearFeatureExtractor(extractor.spec), t, agent);
          keys(extractor, t, a);
          expect(keys(extractor, t, b)).toEqual(fresh(b));
          expect(keys(extractor, t, a)).toEqual(fresh(a));
        },
      ),
      { numRuns: 50 },
    );
  });

  it.each([
    [{ families: TEXT, maxNgram: 3, hashBits: 8 }],
    [{ families: TEXT, maxNgram: 4, hashBits: 20 }],
    [{ families: -1, maxNgram: 3, hashBits: 20 }],
    [{ families: TEXT, maxNgram: 2.5, hashBits: 20 }],
  ])('rejects the spec %j with INVALID_OPTIONS', (bad) => {
    expect(() => new LinearFeatureExtractor(bad)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });
});
