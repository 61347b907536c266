import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../src/util/base64.js';
import { extractFeatures, FeatureBuffer } from '../../src/intent/features.js';
import { stemLength, stopWordKeys, wordKey } from '../../src/intent/word-keys.js';
import { PlaceholderKind, readPlaceholder } from '../../src/text/placeholder.js';
import { KeyIndex } from '../../src/intent/key-index.js';
import {
  countFeatures,
  deserializeCounts,
  NaiveBayes,
  serializeNaiveBayes,
} from '../../src/intent/naive-bayes.js';
import { compactText, PatternMatcher } from '../../src/intent/patterns.js';
import {
  buildSpellingPairs,
  encodeWordCounts,
  MAX_CORRECTED_LENGTH,
  SpellingIndex,
  spellingPairsOfWordCounts,
} from '../../src/intent/spelling.js';
import { normalize } from '../../src/normalize/index.js';

describe('base64', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(Array.from(decodeBase64(encodeBase64(bytes)))).toEqual(Array.from(bytes));
      }),
    );
  });
});

describe('KeyIndex', () => {
  it('finds every key it was built with, and nothing else', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(), { maxLength: 300 }), fc.nat(), (keys, probe) => {
        const index = new KeyIndex(keys);
        keys.forEach((key, i) => expect(index.get(key)).toBe(i));
        expect(index.get(probe)).toBe(keys.indexOf(probe));
      }),
    );
  });

  it('keys over the whole unsigned 32-bit range map to the given values', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 300 }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (keys, probe) => {
          const values = keys.map((_, i) => 7 * i + 3);
          const index = new KeyIndex(keys, values);
          keys.forEach((key, i) => expect(index.get(key)).toBe(values[i]));
          const at = keys.indexOf(probe);
          expect(index.get(probe)).toBe(at < 0 ? -1 : values[at]);
        },
      ),
    );
  });
});

describe('features', () => {
  const keysOf = (text: string) => {
    const buffer = new FeatureBuffer();
    extractFeatures(normalize(text).text, null, buffer);
    return Array.from(buffer.keys.subarray(0, buffer.count));
  };

  it('traditional and full-width text gives the same features as simplified', () => {
    expect(keysOf('請問什麼時候發貨？')).toEqual(keysOf('请问什么时候发货?'));
    expect(keysOf('ＯＫ 謝謝')).toEqual(keysOf('ok 谢谢'));
  });

  it.each([
    ['[订单x]', PlaceholderKind.Order, 5],
    ['[金额x]元', PlaceholderKind.Amount, 5],
    ['[orderid_12]', PlaceholderKind.Order, 12],
    ['[数字x]', PlaceholderKind.Number, 5],
    ['[邮箱x]', PlaceholderKind.Email, 5],
  ])('reads the placeholder %s', (text, kind, end) => {
    expect(readPlaceholder(text, 0)).toEqual({ kind, end });
  });

  it.each(['[x]', '[12]', '[ 订单x]', '[订单', '订单x]', '[订单]'])(
    'does not read %s as a placeholder',
    (text) => {
      expect(readPlaceholder(text, 0)).toBeNull();
    },
  );

  it('splits clauses at punctuation and at spaces next to Chinese, not between English words', () => {
    const buffer = new FeatureBuffer();
    extractFeatures(normalize('在吗 我要退货，顺便开发票').text, null, buffer);
    expect(buffer.segmentCount).toBe(3);
    extractFeatures('i want to cancel my order', null, buffer);
    expect(buffer.segmentCount).toBe(1);
    extractFeatures('where is it? i need it today', null, buffer);
    expect(buffer.segmentCount).toBe(2);
    expect(Array.from(buffer.questions.subarray(0, 2))).toEqual([1, 0]);
  });

  it('counts content: Han characters and words, not placeholders or digits', () => {
    const buffer = new FeatureBuffer();
    extractFeatures('[订单x] 123456', null, buffer);
    expect([buffer.contentSize, buffer.dataTokens]).toEqual([0, 2]);
    extractFeatures('好的 ok', null, buffer);
    expect([buffer.contentSize, buffer.dataTokens]).toEqual([3, 0]);
  });

  it.each([
    ['cancel', 'cancel'],
    ['cancelled', 'cancel'],
    ['cancelling', 'cancel'],
    ['shipping', 'ship'],
    ['deliveries', 'deliver'],
    ['delivery', 'deliver'],
    ['addresses', 'addres'],
    ['refunds', 'refund'],
    ['buy', 'buy'],
  ])('stems %s to %s', (word, stem) => {
    expect(word.slice(0, stemLength(word, 0, word.length))).toBe(stem);
  });

  it('skips stop words, so the words around them become a bigram', () => {
    const stop = stopWordKeys(['my']);
    const withStop = new FeatureBuffer();
    extractFeatures('cancel my order', null, withStop, stop);
    const plain = new FeatureBuffer();
    extractFeatures('cancel order', null, plain);
    expect(Array.from(withStop.keys.subarray(0, withStop.count))).toEqual(
      Array.from(plain.keys.subarray(0, plain.count)),
    );
  });
});

describe('naive Bayes counts', () => {
  it('serialise and deserialise to the same counts', () => {
    const counts = countFeatures([
      { keys: [1, 2, 70000], intent: 'a', weight: 1 },
      { keys: [2, 3], intent: 'b', weight: 200 },
      { keys: [3, 4000000000], intent: 'c', weight: 2 },
    ]);
    const settings = { alpha: 0.5, temperature: 1, priorWeight: 0, patternScale: 1 };
    const back = deserializeCounts(serializeNaiveBayes(counts, settings, '', []));
    expect(back.intents).toEqual(counts.intents);
    for (const field of ['docCounts', 'keys', 'offsets', 'classes', 'counts'] as const) {
      expect(back[field].constructor).toBe(counts[field].constructor);
      expect(Array.from(back[field])).toEqual(Array.from(counts[field]));
    }
  });

  it('user documents add to the shipped counts: new intents, new features, same old ones', () => {
    const base = countFeatures([
      { keys: [1, 2], intent: 'a', weight: 1 },
      { keys: [2, 3], intent: 'b', weight: 1 },
    ]);
    const more = countFeatures([{ keys: [3, 9, 9], intent: 'c', weight: 3 }], base);
    expect(more.intents).toEqual(['a', 'b', 'c']);
    expect(Array.from(more.docCounts)).toEqual([1, 1, 3]);
    const model = new NaiveBayes(more, { alpha: 0.5, temperature: 1, priorWeight: 0, patternScale: 1 });
    // Feature 9 was seen (once, repeats ignored) with c only: it speaks for c.
    expect(model.contribution(model.index.get(9), 2)).toBeGreaterThan(0);
    expect(model.contribution(model.index.get(9), 0)).toBeLessThan(0);
  });
});

describe('patterns', () => {
  const matcher = new PatternMatcher(
    [
      {
        id: 'cancel',
        intent: 'order.cancel',
        phrases: ['取消订单', 'cancel*'],
        negative: ['取消订单的原因'],
      },
      { id: 'hi', intent: 'greeting', exact: ['你好', 'hi'] },
      { id: 'ship', intent: 'order.ship_time', keywords: ['ship'], regex: ['几天.{0,2}到'] },
    ],
    ['订单金额:'],
  );
  const fired = (text: string) => {
    matcher.match(normalize(text).text);
    return Array.from(
      matcher.fired.subarray(0, matcher.firedCount),
      (g) => `${matcher.groups[g]!.id}:${matcher.hitFactors[g]}`,
    );
  };

  it.each([
    ['帮我取消订單', ['cancel:1']],
    ['取消订单的原因是什么', []],
    ['I want to CANCEL', ['cancel:1']],
    ['cancelling please', ['cancel:1']],
    ['uncancelled', []],
    ['你好！', ['hi:2']],
    ['你好 我要取消订单', ['cancel:1']],
    ['do you ship abroad', ['ship:0.5']],
    ['shipping', []],
    ['大概几天能到', ['ship:1']],
    ['hihi', []],
  ])('%s fires %j', (text, expected) => {
    expect(fired(text).sort()).toEqual([...expected].sort());
  });

  it('masks noise literals and maps ranges to the folded text', () => {
    matcher.match('订单金额:[金额x] 取消订单');
    expect(matcher.masked).toBe(true);
    expect(Array.from(matcher.mask.subarray(0, 5))).toEqual([1, 1, 1, 1, 1]);
    const g = matcher.fired[0]!;
    expect([matcher.hitStarts[g], matcher.hitEnds[g]]).toEqual([11, 15]);
  });

  it('compactText drops spaces and punctuation only', () => {
    expect(compactText('好的 ! ok…')).toBe('好的ok');
  });
});

describe('spelling: the shipped words rebuild the very pairs', () => {
  const word = fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
    minLength: 1,
    maxLength: 14,
  });
  it('any word counts, in any order, with or without stop words', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(word, fc.integer({ min: 1, max: 100_000 })), { selector: ([w]) => w }),
        fc.boolean(),
        (entries, withStopWords) => {
          const words = new Map(entries);
          const stopWords = new Set(
            withStopWords ? entries.slice(0, 3).map(([w]) => wordKey(w, 0, stemLength(w, 0, w.length))) : [],
          );
          expect(encodeBase64(spellingPairsOfWordCounts(encodeWordCounts(words), stopWords))).toBe(
            buildSpellingPairs(words, stopWords),
          );
        },
      ),
    );
  });

  it('refuses a word the folded text cannot hold', () => {
    expect(() => encodeWordCounts(new Map([['two words', 1]]))).toThrow(/not a folded Latin word/);
  });
});

describe('spelling normalisation', () => {
  const index = SpellingIndex.decode(
    buildSpellingPairs(
      new Map([
        ['cancel', 10],
        ['refund', 8],
        ['invoice', 5],
        ['address', 5],
      ]),
      new Set(),
    ),
  );
  const correct = (word: string) => index.correct(word, 0, word.length);

  it.each([
    ['cancle', 'cancel'],
    ['cancdling', 'cancel'],
    ['refnd', 'refund'],
    ['refuund', 'refund'],
    ['invoce', 'invoice'],
    ['adress', 'address'],
  ])('%s → %s', (typo, word) => {
    expect(correct(typo)).toBe(wordKey(word, 0, stemLength(word, 0, word.length)));
  });

  it.each(['weather', 'cat', 'bananas'])('leaves %s alone', (word) => {
    expect(correct(word)).toBe(-1);
  });

  it('corrects words up to MAX_CORRECTED_LENGTH letters, never a longer run (not a word)', () => {
    const longWord = `${'ab'.repeat((MAX_CORRECTED_LENGTH - 6) / 2)}refund`;
    expect(longWord.length).toBe(MAX_CORRECTED_LENGTH);
    const longIndex = SpellingIndex.decode(buildSpellingPairs(new Map([[longWord, 5]]), new Set()));
    const key = wordKey(longWord, 0, stemLength(longWord, 0, longWord.length));
    const typo = longWord.slice(0, 10) + longWord.slice(11); // one letter missing
    expect(longIndex.correct(typo, 0, typo.length)).toBe(key);
    // One letter too many is one deletion away too, but the run is longer than a word can be.
    const tooLong = `${longWord}s`.replace('refunds', 'refundx');
    expect(tooLong.length).toBe(MAX_CORRECTED_LENGTH + 1);
    expect(longIndex.correct(tooLong, 0, tooLong.length)).toBe(-1);
  });
});

describe('AutomatonScanner', () => {
  it("reports exactly the library's matchInText matches, in order", async () => {
    const { AutomatonScanner, createAutomaton } = await import('../../src/text/automaton.js');
    const literals = ['退货', '退货地址', '货', '发票', 'he', 'she', 'his', 'hers', '在吗', '吗', 'ab', 'b'];
    const automaton = createAutomaton(literals);
    const scanner = AutomatonScanner.of(automaton)!;
    expect(scanner).not.toBeNull();
    const pieces = fc.constantFrom(...literals, '退', '地', 'x', ' ', '🙂', 'hershe', '發');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')),
        ),
        (text) => {
          const ours: Array<{ begin: number; end: number; keyword: string }> = [];
          scanner.scan(text, (_, begin, end, keyword) => ours.push({ begin, end, keyword }));
          expect(ours).toEqual(automaton.matchInText(text));
        },
      ),
    );
  });
});
