import { transformSync } from 'esbuild';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE85_ALPHABET, decodeBase85, encodeBase85 } from '../../src/util/base85.js';

/** Deterministic bytes (a linear congruential generator), so a failure names its input. */
function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

describe('base85 (the packed data of the generated modules)', () => {
  it('has 85 distinct printable ASCII characters in code order', () => {
    expect(BASE85_ALPHABET).toHaveLength(85);
    expect(new Set(BASE85_ALPHABET).size).toBe(85);
    const codes = Array.from(BASE85_ALPHABET, (c) => c.charCodeAt(0));
    for (const code of codes) expect(code >= 0x21 && code <= 0x7e).toBe(true);
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
  });

  it('leaves out every character a string literal, an inline script or a data: URL would escape', () => {
    for (const forbidden of ['"', "'", '\\', '`', '$', '<', '>', '&', '%', ' ', '\n', '\t'])
      expect(BASE85_ALPHABET).not.toContain(forbidden);
  });

  it('round-trips random bytes of every length 0–300, 5 characters per 4 bytes', () => {
    for (let length = 0; length <= 300; length++)
      for (const seed of [1, length * 7919 + 3]) {
        const bytes = randomBytes(length, seed);
        const text = encodeBase85(bytes);
        expect(text.length).toBe(Math.floor(length / 4) * 5 + (length % 4 === 0 ? 0 : (length % 4) + 1));
        expect(decodeBase85(text)).toEqual(bytes);
      }
  });

  it('round-trips the extremes of a group (all zero, all 0xff bytes)', () => {
    for (let length = 0; length <= 12; length++)
      for (const fill of [0, 0xff]) {
        const bytes = new Uint8Array(length).fill(fill);
        expect(decodeBase85(encodeBase85(bytes))).toEqual(bytes);
      }
  });

  it('round-trips any byte array and writes only alphabet characters', () => {
    const inAlphabet = new RegExp(`^[${BASE85_ALPHABET.replace(/[\]\\^-]/g, '\\$&')}]*$`);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const text = encodeBase85(bytes);
        expect(inAlphabet.test(text)).toBe(true);
        expect(decodeBase85(text)).toEqual(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects text it cannot have written', () => {
    expect(() => decodeBase85('abcdef')).toThrow(RangeError); // 5n + 1 characters
    expect(() => decodeBase85('ab"de')).toThrow(RangeError); // outside the alphabet
    expect(() => decodeBase85('ab中de')).toThrow(RangeError);
    expect(() => decodeBase85('~~~~~')).toThrow(RangeError); // above 2^32 - 1
    expect(() => decodeBase85('~~~~')).toThrow(RangeError);
  });

  it('survives esbuild minification byte for byte, in any format', () => {
    const text = encodeBase85(randomBytes(4000, 42)) + BASE85_ALPHABET;
    for (const format of ['iife', 'esm', 'cjs'] as const) {
      const { code } = transformSync(`globalThis.packed = ${JSON.stringify(text)};`, {
        minify: true,
        format,
      });
      expect(code).toContain(`"${text}"`);
    }
  });
});
