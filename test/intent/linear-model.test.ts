import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeatureFamily as F, FeatureList, type LinearFeatureSpec } from '../../src/intent/linear-features.js';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { intentLinearModel } from '../../src/generated/intent-linear.js';
import { stopWordKeys } from '../../src/intent/word-keys.js';
import { SpellingIndex } from '../../src/intent/spelling.js';
import {
  compactLinearModel,
  decodeLinearModel,
  decodeVarints,
  deflateLinearModel,
  packClassDeltas,
  encodeVarints,
  LinearModel,
  serializeLinearModel,
  type LinearModelParts,
  type SerializedLinearModel,
} from '../../src/intent/linear-model.js';

const SPEC: LinearFeatureSpec = { families: F.CharGrams | F.Length, maxNgram: 3, hashBits: 20 };

/** A model from a dense table: rows[f] = [[class, int8], …]. */
function partsOf(
  intents: string[],
  table: Map<number, Array<[number, number]>>,
  options: {
    scale?: number;
    bias?: number[];
    sqrtNorm?: boolean;
    temperature?: number;
    spellingWords?: string[];
  } = {},
): LinearModelParts {
  const keys = [...table.keys()].sort((a, b) => a - b);
  const offsets = [0];
  const classes: number[] = [];
  const weights: number[] = [];
  for (const key of keys) {
    for (const [c, w] of table.get(key) ?? []) {
      classes.push(c);
      weights.push(w);
    }
    offsets.push(classes.length);
  }
  return {
    intents,
    spec: SPEC,
    sqrtNorm: options.sqrtNorm ?? false,
    temperature: options.temperature ?? 1,
    scale: options.scale ?? 0.1,
    bias: options.bias ?? intents.map(() => 0),
    keys: Uint32Array.from(keys),
    offsets: Uint32Array.from(offsets),
    classes: Uint8Array.from(classes),
    weights: Int8Array.from(weights),
    spellingWords: options.spellingWords ?? [],
    stopWords: [],
  };
}

function list(keys: number[]): FeatureList {
  const out = new FeatureList();
  for (const key of keys) out.push(key);
  return out;
}

/** Reference scoring straight from the table. */
function reference(parts: LinearModelParts, keys: number[]): number[] {
  const sums = parts.intents.map(() => 0);
  for (const key of keys) {
    const f = Array.from(parts.keys).indexOf(key);
    if (f < 0) continue;
    for (let e = parts.offsets[f] ?? 0; e < (parts.offsets[f + 1] ?? 0); e++)
      sums[parts.classes[e] ?? 0] = (sums[parts.classes[e] ?? 0] ?? 0) + (parts.weights[e] ?? 0);
  }
  const x = parts.sqrtNorm && keys.length > 0 ? 1 / Math.sqrt(keys.length) : 1;
  return sums.map((s, c) => (parts.bias[c] ?? 0) + parts.scale * x * s);
}

const modelArbitrary = fc
  .record({
    intents: fc.integer({ min: 1, max: 40 }),
    rows: fc.array(
      fc.tuple(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: -127, max: 127 })), { maxLength: 6 })),
      { maxLength: 60 },
    ),
    scale: fc.double({ min: 1e-4, max: 2, noNaN: true }),
    sqrtNorm: fc.boolean(),
    bias: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 40, maxLength: 40 }),
  })
  .map(({ intents, rows, scale, sqrtNorm, bias }) => {
    const table = new Map<number, Array<[number, number]>>();
    for (const [key, entries] of rows)
      table.set(
        key >>> 0,
        entries.map(([c, w]) => [c % intents, w] as [number, number]),
      );
    const ids = Array.from({ length: intents }, (_, i) => `intent.${i}`);
    return partsOf(ids, table, {
      spellingWords: ['parcel', 'cancel'].slice(0, intents % 3),
      scale,
      sqrtNorm,
      bias: bias.slice(0, intents).map((b) => Math.round(b * 1e4) / 1e4),
    });
  });

describe('LinearModel', () => {
  it('serialize → JSON → decode scores exactly like the parts it came from', () => {
    fc.assert(
      fc.property(modelArbitrary, fc.array(fc.nat(), { maxLength: 30 }), (parts, probe) => {
        const json = JSON.parse(JSON.stringify(serializeLinearModel(parts))) as SerializedLinearModel;
        const decoded = LinearModel.decode(json);
        const direct = new LinearModel(parts);
        const keys = [...new Set([...probe, ...Array.from(parts.keys).slice(0, 10)])];
        const a = new Float64Array(parts.intents.length);
        const b = new Float64Array(parts.intents.length);
        const knownA = direct.score(list(keys), a);
        const knownB = decoded.score(list(keys), b);
        expect(knownB).toBe(knownA);
        expect(Array.from(b)).toEqual(Array.from(a));
        const expected = reference(parts, keys);
        expected.forEach((v, c) => expect(a[c]).toBeCloseTo(v, 9));
        // Each scored feature's weight per intent, read from the row found while scoring.
        direct.score(list(keys), a);
        keys.forEach((key, i) => {
          const f = Array.from(parts.keys).indexOf(key);
          for (let c = 0; c < parts.intents.length; c++) {
            const weights: number[] = [];
            if (f >= 0)
              for (let e = parts.offsets[f]!; e < parts.offsets[f + 1]!; e++)
                if (parts.classes[e] === c) weights.push(parts.weights[e]! * parts.scale);
            // (the generator may repeat an intent within a feature; a trained model never does)
            if (weights.length <= 1) expect(direct.weightOfScored(i, c)).toBe(weights[0] ?? 0);
          }
        });
        // Log-probabilities are the logarithms of the probabilities.
        const p = new Float64Array(parts.intents.length);
        const logP = new Float64Array(parts.intents.length);
        expect(direct.logProbabilities(a, logP)).toBe(direct.probabilities(a, p));
        p.forEach((v, c) => expect(Math.exp(logP[c]!)).toBeCloseTo(v, 12));
        expect(decoded.featureCount).toBe(parts.keys.length);
        expect(decoded.spellingWords).toEqual(parts.spellingWords);
      }),
    );
  });

  it('probabilities: a softmax of logits / temperature, summing to 1, best first', () => {
    const parts = partsOf(
      ['a', 'b', 'c'],
      new Map([
        [
          5,
          [
            [0, 100],
            [2, -50],
          ],
        ],
      ]),
      { temperature: 2, scale: 0.02 },
    );
    const model = new LinearModel(parts);
    const logits = new Float64Array(3);
    model.score(list([5, 999]), logits);
    expect(Array.from(logits)).toEqual([2, 0, -1]);
    const p = new Float64Array(3);
    expect(model.probabilities(logits, p)).toBe(0);
    const z = [1, 0, -0.5].map(Math.exp);
    const total = z.reduce((s, v) => s + v, 0);
    z.forEach((v, c) => expect(p[c]).toBeCloseTo(v / total, 12));
  });

  it('features count once per occurrence in the list; unknown features add nothing', () => {
    const model = new LinearModel(partsOf(['a', 'b'], new Map([[7, [[1, 10]]]]), { scale: 1 }));
    const logits = new Float64Array(2);
    expect(model.score(list([1, 2, 3]), logits)).toBe(0);
    expect(Array.from(logits)).toEqual([0, 0]);
    expect(model.score(list([7]), logits)).toBe(1);
    expect(Array.from(logits)).toEqual([0, 10]);
  });

  it('√ normalisation divides by the number of features in the message', () => {
    const model = new LinearModel(
      partsOf(['a', 'b'], new Map([[7, [[1, 12]]]]), { scale: 1, sqrtNorm: true }),
    );
    const logits = new Float64Array(2);
    model.score(list([7, 8, 9, 10]), logits);
    expect(logits[1]).toBeCloseTo(6, 12);
  });

  const good = serializeLinearModel(
    partsOf(
      ['a', 'b'],
      new Map([
        [3, [[0, 1]]],
        [9, [[1, -2]]],
      ]),
    ),
  );
  it.each<[string, Partial<SerializedLinearModel>]>([
    ['wrong format', { format: 'nb-1' as never }],
    ['no intents', { intents: [] }],
    ['bias of the wrong length', { bias: [0] }],
    ['zero temperature', { temperature: 0 }],
    ['negative scale', { scale: -1 }],
    [
      'an intent index out of range',
      {
        classes: serializeLinearModel(
          partsOf(
            ['a', 'b'],
            new Map([
              [3, [[5, 1]]],
              [9, [[1, -2]]],
            ]),
          ),
        ).classes,
      },
    ],
    [
      'entries that do not add up',
      {
        weights: serializeLinearModel(
          partsOf(
            ['a', 'b'],
            new Map([
              [
                3,
                [
                  [0, 1],
                  [1, 1],
                ],
              ],
              [9, [[1, -2]]],
            ]),
          ),
        ).weights,
      },
    ],
    ['truncated keys', { keys: '' }],
    [
      'more entries in a feature than a row counts',
      serializeLinearModel(
        partsOf(['a'], new Map([[3, Array.from({ length: 70_000 }, () => [0, 1] as [number, number])]])),
      ),
    ],
  ])('rejects a model with %s (INVALID_RULES)', (_, change) => {
    expect(() => decodeLinearModel({ ...good, ...change })).toThrow(
      expect.objectContaining({ code: 'INVALID_RULES' }),
    );
  });

  it('accepts the unchanged model', () => {
    expect(decodeLinearModel(good).keys).toEqual(Uint32Array.from([3, 9]));
  });

  it('serializing rejects unsorted keys', () => {
    const parts = partsOf(
      ['a'],
      new Map([
        [3, [[0, 1]]],
        [9, [[0, 1]]],
      ]),
    );
    expect(() => serializeLinearModel({ ...parts, keys: Uint32Array.from([9, 3]) })).toThrow();
  });
});

describe('LEB128', () => {
  it('round-trips any uint32 list', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff })), (values) => {
        expect(Array.from(decodeVarints(encodeVarints(values), values.length))).toEqual(values);
      }),
    );
  });
  it.each([
    [0, [0]],
    [127, [127]],
    [128, [0x80, 1]],
    [300, [0xac, 2]],
  ])('%i → %j', (value, bytes) => expect(Array.from(encodeVarints([value]))).toEqual(bytes));
});

describe('packed intent indices (the shipped model carries classDeltas)', () => {
  /** Features with ascending, distinct intent indices (0–255), as the serializer writes them. */
  const features = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }), {
    maxLength: 60,
  });

  /** A model of 256 intents whose feature k (key k + 1) has the intent indices of `rows[k]`. */
  const modelOf = (rows: number[][]) =>
    partsOf(
      Array.from({ length: 256 }, (_, i) => `intent.${i}`),
      new Map(rows.map((row, k) => [k + 1, row.map((c) => [c, 1] as [number, number])])),
    );

  it('round-trips any ascending per-feature indices, exactly (packed, then decoded)', () => {
    fc.assert(
      fc.property(features, (rows) => {
        const parts = modelOf(rows.map((row) => [...row].sort((a, b) => a - b)));
        const compact = compactLinearModel(serializeLinearModel(parts));
        expect(compact.classes).toBeUndefined();
        expect(decodeLinearModel(compact).classes).toEqual(parts.classes);
      }),
    );
  });

  it('refuses indices that do not ascend within a feature', () => {
    expect(() => packClassDeltas(Uint8Array.from([3, 3]), Uint32Array.from([0, 2]))).toThrow(/ascend/);
  });

  it.each([
    ['truncated', (packed: string) => packed.slice(0, 2), /truncated class deltas/],
    ['trailing', (packed: string) => `${packed}AAAA`, /trailing class deltas/],
  ])('refuses %s class deltas (INVALID_RULES)', (_, damage, message) => {
    const compact = compactLinearModel(serializeLinearModel(modelOf([[1, 40, 200]])));
    const damaged = { ...compact, classDeltas: damage(compact.classDeltas!) };
    expect(() => decodeLinearModel(damaged)).toThrow(message);
    expect(() => decodeLinearModel(damaged)).toThrow(expect.objectContaining({ code: 'INVALID_RULES' }));
  });

  it('the shipped model decodes to exactly the trained file (rules/intents/linear-model.json)', () => {
    const file = JSON.parse(
      readFileSync(new URL('../../rules/intents/linear-model.json', import.meta.url), 'utf8'),
    ) as SerializedLinearModel;
    const shipped = intentLinearModel();
    expect(shipped.classes).toBeUndefined();
    expect(shipped.classDeltas!.length).toBeLessThan(0.65 * file.classes!.length);
    expect(decodeLinearModel(shipped)).toEqual(decodeLinearModel(file));
    // Its binary fields and spelling words are deflated: the rest is the compact form of the file.
    expect(Object.keys(shipped.deflated!).sort()).toEqual([
      'classDeltas',
      'counts',
      'keys',
      'spellingWords',
      'weights',
    ]);
    const {
      keys: _k,
      counts: _c,
      weights: _w,
      classDeltas: _d,
      spellingWords: _s,
      deflated: _f,
      ...rest
    } = shipped;
    const {
      keys: _k2,
      counts: _c2,
      weights: _w2,
      classDeltas: _d2,
      spellingWords: _s2,
      ...compactRest
    } = compactLinearModel(file);
    expect(rest).toEqual(compactRest);
    expect(shipped.weights.length).toBeLessThan(0.8 * file.weights.length);
    expect(shipped.spellingWords.length).toBeLessThan(0.7 * file.spellingWords.length);
    expect(decodeLinearModel(shipped).spellingWords.join(' ')).toBe(file.spellingWords);
  });

  it('a deflated model decodes like the plain one, and a damaged one is a typed error', () => {
    const file = JSON.parse(
      readFileSync(new URL('../../rules/intents/linear-model.json', import.meta.url), 'utf8'),
    ) as SerializedLinearModel;
    const compact = compactLinearModel(file);
    const deflated = deflateLinearModel(compact, (bytes) => deflateRawSync(bytes));
    expect(decodeLinearModel(deflated)).toEqual(decodeLinearModel(compact));
    expect(() => decodeLinearModel({ ...deflated, weights: deflated.keys })).toThrow(
      expect.objectContaining({ code: 'INVALID_RULES' }),
    );
    expect(() => decodeLinearModel({ ...deflated, deflated: { ...deflated.deflated, keys: -1 } })).toThrow(
      /deflated\.keys must be a byte length/,
    );
    expect(() => decodeLinearModel({ ...deflated, spellingWords: 'not base85 "' })).toThrow(
      /spellingWords does not inflate/,
    );
    expect(() =>
      decodeLinearModel({ ...deflated, deflated: { ...deflated.deflated, spellingWords: 3 } }),
    ).toThrow(/spellingWords inflates to \d+ bytes, not 3/);
  });
});

describe('the spelling index built on first use', () => {
  it('corrects every word as the index built at once does', () => {
    const model = intentLinearModel();
    const words = [...decodeLinearModel(model).spellingWords];
    const stopWords = stopWordKeys(model.stopWords);
    const eager = SpellingIndex.fromWords(words, stopWords);
    const lazy = SpellingIndex.lazyFromWords(words, stopWords);
    // Vocabulary words with one letter dropped, doubled or changed, and unrelated letter runs.
    const word = fc.oneof(
      fc.tuple(fc.constantFrom(...words), fc.nat(), fc.constantFrom('', 'x', 'e')).map(([w, at, extra]) => {
        const i = at % (w.length + 1);
        return w.slice(0, i) + extra + w.slice(i + (extra === 'x' ? 1 : 0));
      }),
      fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 40 }),
    );
    let corrected = 0;
    fc.assert(
      fc.property(word, (w) => {
        const expected = eager.correct(w, 0, w.length);
        if (expected >= 0) corrected++;
        expect(lazy.correct(w, 0, w.length)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    expect(corrected).toBeGreaterThan(0);
  });
});
