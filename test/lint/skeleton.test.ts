/**
 * The linter reads a reply in one pass (fold as normalize() does, then skeletonise, into reused
 * scratch arrays). It must give exactly what normalize() followed by the two-step skeleton gives:
 * the same folded text and offsets, skeleton, breaks and mapping, on any string.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInReader } from '../../src/lint/built-in-data.js';
import {
  foldedHasDigitOrAt,
  skeletonLength,
  SkeletonScratch,
  skeletonToOriginal,
  type Skeleton,
  type SkeletonAlphabet,
} from '../../src/lint/skeleton.js';
import { normalize } from '../../src/normalize/index.js';
import { referenceSkeleton } from './skeleton-reference.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const alphabet = JSON.parse(
  readFileSync(join(root, 'rules', 'lint', 'skeleton.json'), 'utf8'),
) as SkeletonAlphabet;
const reader = builtInReader();

/** Pieces that exercise every branch of the fold and the skeleton. */
const PIECES = [
  ...'亲呢啊吧哦呀哈啦嘛喔噢耶您你們親爱自母相探好的在问题已发货仓库喽啰罗佬囉'.split(''),
  ...'abcXYZ019０１９ＡＢ'.split(''),
  ...'。.!?;,，、：:；！？…~～-‐‑—_/'.split(''),
  ' ',
  '  ',
  '\u3000',
  '\t',
  '\n',
  "'",
  '’',
  '%',
  '%%',
  '..',
  '3.5',
  '3 .5',
  '3..5',
  '.5',
  '@',
  '＠',
  '﹫',
  '①',
  '²',
  '⑴',
  'ﬁ',
  '㈠',
  '\u200b',
  '\u200d',
  '\ufe0f',
  '☀',
  '👨‍👩‍👧',
  '👍🏻',
  '\ud83d',
  '\ude00',
  'x\ud800y',
  '亲爱的',
  '母亲',
  '亲，',
  '亲亲',
  "don't",
  'I DON’T know',
  '+',
  '➕',
  '🐧',
  '☎️',
  '☎',
  'а',
  'і',
  'ο',
  'ᴡʜ',
  'whаts',
  'νικε',
  '📱',
  '✉️',
  '86',
];

const textArbitrary = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);

function expectSameAsReference(skeleton: Skeleton, text: string): void {
  const reference = referenceSkeleton(text, alphabet);
  expect(skeleton.original).toBe(text);
  expect(skeleton.text).toBe(reference.text);
  expect(skeletonLength(skeleton)).toBe(reference.text.length);
  expect(Array.from(skeleton.breaks)).toEqual(reference.breaks);
  expect(Array.from(skeleton.toNormalized)).toEqual(reference.toNormalized);
  const { normalized } = reference;
  expect(Array.from(skeleton.starts)).toEqual(reference.toNormalized.map((i) => normalized.starts[i]));
  expect(Array.from(skeleton.ends)).toEqual(reference.toNormalized.map((i) => normalized.ends[i]));
  expect(skeleton.normalized.text).toBe(normalized.text);
  expect(Array.from(skeleton.normalized.starts)).toEqual(Array.from(normalized.starts));
  expect(Array.from(skeleton.normalized.ends)).toEqual(Array.from(normalized.ends));
  expect(foldedHasDigitOrAt(skeleton)).toBe(/[0-9@]/.test(normalized.text));
}

describe('the one-pass reader', () => {
  it('equals normalize() + the two-step skeleton on any string', () => {
    fc.assert(
      fc.property(textArbitrary, (text) => expectSameAsReference(reader.skeletonOf(text), text)),
      { numRuns: 3000 },
    );
  });

  it('equals it on the adversarial replies, read one after another into one scratch', () => {
    const scratch = new SkeletonScratch();
    const dir = join(root, 'test', 'lint', 'adversarial');
    const texts = readdirSync(dir)
      .filter((name) => name.endsWith('.jsonl'))
      .flatMap((name) =>
        readFileSync(join(dir, name), 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => (JSON.parse(line) as { text: string }).text),
      );
    expect(texts.length).toBeGreaterThan(500);
    for (const text of texts) expectSameAsReference(reader.read(text, scratch), text);
  });

  it('equals it on long texts, with and without lone surrogates (decoded natively or not)', () => {
    for (const text of [
      '好'.repeat(100) + '\ud800' + '亲，已发货'.repeat(40),
      '\udc00'.repeat(70),
      '您好 ABC １２３ '.repeat(30),
      '👨‍👩‍👧'.repeat(50),
      // Symbols read as words longer than themselves (☎ → 电话): the skeleton outgrows the text.
      '☎'.repeat(100) + '加我微信',
      '✈'.repeat(70) + ' 加我 ✉ abc',
    ])
      expectSameAsReference(reader.skeletonOf(text), text);
  });

  it('keeps a skeleton right after its scratch was read into again', () => {
    const scratch = new SkeletonScratch();
    const first = reader.read('您 好，亲！已发货 100% 纯棉', scratch);
    const second = reader.read('这个找售后去吧', scratch);
    expectSameAsReference(first, '您 好，亲！已发货 100% 纯棉');
    expectSameAsReference(second, '这个找售后去吧');
  });

  it('gives a huge reply its arrays and does not keep them for the next reply', () => {
    const scratch = new SkeletonScratch();
    const huge = '已发货，'.repeat(50_000);
    const skeleton = reader.read(huge, scratch);
    expect(skeletonLength(skeleton)).toBe(150_000);
    expect(skeletonToOriginal(skeleton, 0, 3)).toEqual([0, 3]);
    reader.read('好的', scratch);
    expect(scratch.codes.length).toBeLessThan(1000);
  });

  it('finds a digit or an @ wherever folding makes one', () => {
    const cases: Array<[string, boolean]> = [
      ['没有数字', false],
      ['订单１２３', true],
      ['第①件', true],
      ['a＠b', true],
      ['a﹫b', true],
      ['＃％', false],
      ['🄁', false],
    ];
    for (const [text, expected] of cases) {
      expect(foldedHasDigitOrAt(reader.skeletonOf(text)), text).toBe(expected);
      expect(/[0-9@]/.test(normalize(text).text), text).toBe(expected);
    }
  });
});
