import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInTone } from '../../src/lint/built-in-data.js';
import { createLinter } from '../../src/lint/index.js';
import {
  decodeToneModel,
  forEachToneBucket,
  politeFrameOf,
  readTone,
  TONE_MODEL_FORMAT,
  type ToneModelData,
} from '../../src/lint/tone.js';
import { normalize } from '../../src/normalize/index.js';
import { decodeSmallInts, encodeSmallInts } from '../../src/util/base64.js';

const BITS = 16;

/** A text's UTF-16 code units (what the rule passes: the folded reply). */
function u(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

function bucketsOf(text: string): Set<number> {
  const out = new Set<number>();
  forEachToneBucket(u(text), BITS, (b) => out.add(b));
  return out;
}

/** A model whose only weight is on the n-grams of `rude` (each +1 × scale), flagged above 0.5. */
function modelFlagging(rude: string): ReturnType<typeof decodeToneModel> {
  const weights = new Int8Array(1 << BITS);
  // The marks around the text are not the rude words' own n-grams.
  const context = bucketsOf('');
  for (const b of bucketsOf(rude)) if (!context.has(b)) weights[b] = 1;
  const data: ToneModelData = {
    format: TONE_MODEL_FORMAT,
    bits: BITS,
    scale: 1,
    bias: 0,
    threshold: 0.5,
    weights: encodeSmallInts(weights),
  };
  return decodeToneModel(data);
}

describe('the tone model reads the normalised text', () => {
  it.each([
    ['digit runs read as one digit', '订单123到了', '订单98765到了'],
    // The fold makes every white-space run one space; the model reads what the fold gives.
    ['white-space runs read as one space', normalize('read  it\tnow').text, 'read it now'],
  ])('%s', (_name, a, b) => {
    expect(bucketsOf(a)).toEqual(bucketsOf(b));
  });

  it.each([
    ['您 and 你 are apart (the skeleton folds them)', '您看一下', '你看一下'],
    ['? and . are apart', '你看一下?', '你看一下.'],
    ['particles count', '看一下啊', '看一下'],
  ])('%s', (_name, a, b) => {
    expect(bucketsOf(a)).not.toEqual(bucketsOf(b));
  });

  it('refuses weights of the wrong size', () => {
    const data: ToneModelData = {
      format: TONE_MODEL_FORMAT,
      bits: BITS,
      scale: 1,
      bias: 0,
      threshold: 0,
      weights: encodeSmallInts(new Int8Array(10)),
    };
    expect(() => decodeToneModel(data)).toThrow(/10 weights for 65536 buckets/);
  });
});

describe('the weights as levels (one base64 digit each)', () => {
  it('give back every level in [-32, 31]', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -32, max: 31 })), (levels) => {
        const values = Int8Array.from(levels);
        expect(decodeSmallInts(encodeSmallInts(values))).toEqual(values);
      }),
    );
  });

  it.each([[-33], [32], [127], [-128]])('refuse %d, which one digit cannot hold', (level) => {
    expect(() => encodeSmallInts(Int8Array.of(0, level))).toThrow(RangeError);
  });
});

describe('readTone', () => {
  const model = modelFlagging('滚');

  it.each([
    ['one rude sentence among polite ones', '谢谢您的耐心。滚。祝您愉快', '滚。'],
    ['the rude word alone', '滚', '滚'],
    ['after a Latin sentence and a space', 'Thanks. 滚!', '滚!'],
  ])('points at the sentence that weighs most: %s', (_name, text, expected) => {
    const reading = readTone(model, u(text));
    expect(reading.rude).toBe(true);
    expect(text.slice(reading.start, reading.end)).toBe(expected);
  });

  it.each(['谢谢您的耐心。祝您愉快', '', '   '])('leaves %j', (text) => {
    expect(readTone(model, u(text)).rude).toBe(false);
  });

  it('counts an n-gram once per text (binary features)', () => {
    expect(readTone(model, u('好滚好滚好')).logit).toBe(readTone(model, u('好滚好')).logit);
  });

  it('reads only units[0, length)', () => {
    expect(readTone(model, u('谢谢您。滚'), 4).rude).toBe(false);
  });

  it('keeps its range inside any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('滚', '。', ' ', 'a', '1', '?', '您', '\u{1F600}') }),
        (text) => {
          const reading = readTone(model, u(text));
          expect(reading.start).toBeGreaterThanOrEqual(0);
          expect(reading.end).toBeLessThanOrEqual(text.length);
          expect(reading.start).toBeLessThanOrEqual(reading.end);
        },
      ),
    );
  });

  it('reads a long text in one linear pass', () => {
    const text = '谢谢您。'.repeat(30_000) + '滚。';
    const reading = readTone(model, u(text));
    expect(reading.rude).toBe(true);
    expect(text.slice(reading.start, reading.end)).toBe('滚。');
  });
});

describe('a polite frame clears the tone score', () => {
  const frame = politeFrameOf({ 'zh.polite': ['请问', '帮你'], 'en.polite': ['may i ask'] });
  it.each([
    ['请问您这边方便看一下吗', true],
    ['我帮您看一下', true],
    ['may i ask why?', true],
    ['you may ask anyone', false],
    ['你自己看', false],
  ])('%j: %s', (text, cleared) => {
    expect(frame.test(text)).toBe(cleared);
  });
});

describe('the shipped tone model in no-forbidden-phrase', () => {
  const linter = createLinter();
  const tone = (text: string) =>
    linter.lint(text).findings.filter((f) => f.ruleId === 'no-forbidden-phrase' && f.messageId === 'tone');

  it('is shipped', () => {
    expect(builtInTone()).not.toBeNull();
  });

  it('speaks only where the lists and the detectors are silent', () => {
    // A detector's shape: its finding, and no tone warning on top.
    const findings = linter
      .lint('你自己不会看详情页吗')
      .findings.filter((f) => f.ruleId === 'no-forbidden-phrase');
    expect(findings.map((f) => f.messageId)).toEqual(['rhetorical']);
  });

  it('is a warning', () => {
    expect(tone('自己动动手指查一下不就知道了').map((f) => f.severity)).toEqual(['warn']);
  });

  it('is cleared by a polite frame around the same words', () => {
    expect(tone('请问您方便自己动动手指查一下吗？')).toEqual([]);
  });
});

describe('readTone and forEachToneBucket read the same n-grams', () => {
  it('the logit is the bias plus the weights of the distinct buckets the trainer sees', () => {
    const weights = new Int8Array(1 << BITS);
    for (let i = 0; i < weights.length; i++) weights[i] = (((i * 2654435761) >>> 24) % 15) - 7;
    const model = decodeToneModel({
      format: TONE_MODEL_FORMAT,
      bits: BITS,
      scale: 0.25,
      bias: -1,
      threshold: 0,
      weights: encodeSmallInts(weights),
    });
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('你', '您', '?', '.', '。', ' ', '  ', '1', '23', 'a', 'B', '吗'),
        }),
        (text) => {
          let expected = 0;
          for (const b of bucketsOf(text)) expected += weights[b]!;
          expect(readTone(model, u(text)).logit).toBeCloseTo(-1 + expected * 0.25, 9);
        },
      ),
    );
  });
});
