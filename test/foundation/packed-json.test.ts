import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonExpression } from '../../scripts/data/packed-json.js';
import { unpackJson } from '../../src/util/packed-json.js';

/** Evaluates what a generated module writes: `unpackJson("…", n)` or `JSON.parse("…")`. */
function evaluate(expression: string): unknown {
  const packed = /^unpackJson\(("(?:[^"\\]|\\.)*"), (\d+)\)$/.exec(expression);
  if (packed) return unpackJson(JSON.parse(packed[1]!) as string, Number(packed[2]));
  const parsed = /^JSON\.parse\(("(?:[^"\\]|\\.)*")\)$/.exec(expression);
  if (parsed) return JSON.parse(JSON.parse(parsed[1]!) as string);
  throw new Error(`neither form: ${expression.slice(0, 40)}`);
}

describe('packed JSON of the generated data modules', () => {
  it.each([
    [
      'Chinese phrase lists pack',
      { phrases: Array.from({ length: 200 }, (_, i) => `亲，您的订单${i}已经发货了哦`) },
      true,
    ],
    ['emoji and astral characters pack', { text: '😀𠮷'.repeat(400) }, true],
    ['a short value stays JSON', { a: 1 }, false],
    ['an incompressible base64 table stays JSON', { table: randomAscii(4000) }, false],
  ])('%s', (_name, value, packs) => {
    const { expression, packed } = jsonExpression(value);
    expect(packed).toBe(packs);
    expect(evaluate(expression)).toEqual(value);
  });

  it('round-trips any JSON value, in either form', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 30 }), (value, repeat) => {
        // Repeated, so some values are large and compressible enough to pack.
        const input = Array.from({ length: repeat }, () => value);
        expect(evaluate(jsonExpression(input).expression)).toEqual(JSON.parse(JSON.stringify(input)));
      }),
      { numRuns: 300 },
    );
    // Zopfli packs each run's larger values: ~27 s on this machine alone, 66 s under a second suite.
  }, 180_000);
  // Without TextDecoder (a bare JavaScript engine): test/packaging runs the browser bundles in a
  // vm context with no built-ins at all.
});

function randomAscii(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let state = 12345;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out += alphabet[state >>> 26];
  }
  return out;
}
