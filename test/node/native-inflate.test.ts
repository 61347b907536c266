import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { installNativeInflate } from '../../src/node/native-inflate.js';
import { inflateRaw, unpackJson } from '../../src/util/packed-json.js';
import { encodeBase85 } from '../../src/util/base85.js';

// The Node entries unpack the generated data with zlib instead of fflate (src/node/native-inflate.ts):
// the bytes must be the same, for any data, with or without the inflated length.
describe('zlib inflates what fflate inflates', () => {
  const samples = fc.oneof(
    fc.uint8Array({ maxLength: 4000 }),
    fc.string({ maxLength: 2000 }).map((text) => new TextEncoder().encode(text)),
    fc.constant(
      new TextEncoder().encode(
        JSON.stringify({ 亲: '您好', list: Array.from({ length: 500 }, (_, i) => i) }),
      ),
    ),
  );

  it('on random data and on text, before and after installNativeInflate()', () => {
    const deflated = fc.sample(samples, { numRuns: 120, seed: 20261206 }).map((bytes) => ({
      bytes,
      packed: deflateRawSync(bytes),
    }));
    const withFflate = deflated.map(({ packed, bytes }) => [
      inflateRaw(packed),
      inflateRaw(packed, bytes.length),
    ]);
    installNativeInflate();
    deflated.forEach(({ packed, bytes }, i) => {
      // As plain byte arrays: zlib gives a Buffer, fflate a Uint8Array.
      expect(new Uint8Array(inflateRaw(packed))).toEqual(new Uint8Array(withFflate[i]![0]!));
      expect(new Uint8Array(inflateRaw(packed, bytes.length))).toEqual(new Uint8Array(withFflate[i]![1]!));
      expect(new Uint8Array(inflateRaw(packed))).toEqual(new Uint8Array(bytes));
    });
  });

  it('unpacks a packed JSON value through zlib once installed', () => {
    installNativeInflate();
    const value = { phrases: ['仓库已发货', '亲，请稍等'], weights: [1, -2, 3] };
    const utf8 = new TextEncoder().encode(JSON.stringify(value));
    expect(unpackJson(encodeBase85(deflateRawSync(utf8)), utf8.length)).toEqual(value);
  });

  it('refuses data that does not inflate, as fflate does', () => {
    installNativeInflate();
    expect(() => inflateRaw(new Uint8Array([0xff, 0xff, 0xff, 0x00]))).toThrow();
  });
});
