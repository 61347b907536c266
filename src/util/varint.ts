import { BASE85_ALPHABET } from './base85.js';

/**
 * Unsigned integers as plain ASCII, for the data the build step generates (src/generated/), in
 * base85.ts's alphabet (nothing a bundler escapes). A character of value below VARINT_ENDS ends a
 * number; one of VARINT_ENDS or more says "more follows". Read low digits first, a number is
 * `d0 + d1·S + d2·S² + …` with S = VARINT_STEP = 85 − VARINT_ENDS: 0–67 take one character,
 * 68–1,223 two, up to 20,875 three. Small numbers — counts, gaps between sorted values, small ids —
 * take one character; the split fits the automata's node streams (1/15 fewer characters than 5
 * bits and a "more" bit in base64url); decoding is one pass with no allocation per value.
 */
export const VARINT_ALPHABET = BASE85_ALPHABET;
/** Digits below this end a number. */
export const VARINT_ENDS = 68;
/** The weight of each further digit. */
export const VARINT_STEP = BASE85_ALPHABET.length - VARINT_ENDS;

/** Character code → its value in VARINT_ALPHABET, -1 for other characters. */
export const VARINT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < VARINT_ALPHABET.length; i++) VARINT_VALUE[VARINT_ALPHABET.charCodeAt(i)] = i;

/** Encode non-negative safe integers below 2^32. */
export function encodeVarints(values: Iterable<number>): string {
  let out = '';
  for (const value of values) {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff)
      throw new RangeError(`varint: ${value} is not an integer in [0, 2^32)`);
    let v = value;
    while (v >= VARINT_ENDS) {
      out += VARINT_ALPHABET[VARINT_ENDS + ((v - VARINT_ENDS) % VARINT_STEP)];
      v = Math.floor((v - VARINT_ENDS) / VARINT_STEP);
    }
    out += VARINT_ALPHABET[v];
  }
  return out;
}

/** Decode exactly `count` values; throws when the text holds more or fewer. */
export function decodeVarints(text: string, count: number): Uint32Array {
  const out = new Uint32Array(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    let value = 0;
    let scale = 1;
    let digit: number;
    do {
      digit = VARINT_VALUE[text.charCodeAt(at++)] ?? -1;
      if (digit < 0) throw new Error(`varint: not a varint character at ${at - 1}`);
      value += digit * scale;
      scale *= VARINT_STEP;
    } while (digit >= VARINT_ENDS);
    out[i] = value;
  }
  if (at !== text.length)
    throw new Error(`varint: ${text.length - at} characters left after ${count} values`);
  return out;
}

/** Zigzag: signed integers as unsigned ones (0, -1, 1, -2 … → 0, 1, 2, 3 …). */
export function zigzag(value: number): number {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}

export function unzigzag(value: number): number {
  return value % 2 === 1 ? -(value + 1) / 2 : value / 2;
}

/**
 * A set of BMP characters as the gaps between their sorted codes (`encodeCharSet`): a few ASCII
 * characters per Han character instead of a \u escape of six (bundlers write ASCII by default).
 */
export function encodeCharSet(chars: string): string {
  const codes = [...new Set(Array.from(chars, (c) => c.charCodeAt(0)))].sort((a, b) => a - b);
  return encodeVarints(codes.map((code, i) => code - (i === 0 ? 0 : (codes[i - 1] ?? 0))));
}

/** The characters of `encodeCharSet`, in code order. */
export function decodeCharSet(text: string, count: number): string {
  const codes = decodeVarints(text, count);
  let code = 0;
  for (let i = 0; i < count; i++) codes[i] = code += codes[i] ?? 0;
  return stringOfCodes(codes);
}

/**
 * The string of these UTF-16 codes, one `fromCharCode` per 4,096: fewer intermediate strings than
 * a character at a time, and far below any engine's limit on the number of arguments.
 */
function stringOfCodes(codes: Uint32Array): string {
  let out = '';
  for (let i = 0; i < codes.length; i += 4096)
    out += String.fromCharCode(...codes.subarray(i, Math.min(codes.length, i + 4096)));
  return out;
}

/**
 * Any string (UTF-16 code units, order kept) as the signed distances between consecutive codes:
 * 1–4 ASCII characters each (2.9 on average for the automata's alphabets, mostly Han characters
 * in first-appearance order) instead of the 6 of a bundler's \u escape.
 */
export function encodeCharString(chars: string): string {
  let previous = 0;
  return encodeVarints(
    Array.from({ length: chars.length }, (_, i) => {
      const code = chars.charCodeAt(i);
      const distance = zigzag(code - previous);
      previous = code;
      return distance;
    }),
  );
}

/** The `count` code units of `encodeCharString`. */
export function decodeCharString(text: string, count: number): string {
  const codes = decodeVarints(text, count);
  let code = 0;
  for (let i = 0; i < count; i++) codes[i] = code += unzigzag(codes[i] ?? 0);
  return stringOfCodes(codes);
}

/**
 * Pairs of BMP characters (from, to) with distinct `from`s, as two varint texts: the `from`s as
 * `encodeCharSet` writes them, and each `to` as its signed distance from its `from`.
 */
export function encodeCharPairs(pairs: ReadonlyArray<readonly [string, string]>): {
  from: string;
  to: string;
} {
  const sorted = [...pairs].sort((a, b) => a[0].charCodeAt(0) - b[0].charCodeAt(0));
  const from = sorted.map(([f]) => f).join('');
  if (new Set(from).size !== from.length) throw new RangeError('pairs: a character maps twice');
  return {
    from: encodeCharSet(from),
    to: encodeVarints(sorted.map(([f, t]) => zigzag(t.charCodeAt(0) - f.charCodeAt(0)))),
  };
}

/** The pairs of `encodeCharPairs` as one string: from, to, from, to … in code order of `from`. */
export function decodeCharPairs(from: string, to: string, count: number): string {
  const froms = decodeCharSet(from, count);
  const offsets = decodeVarints(to, count);
  let out = '';
  for (let i = 0; i < count; i++) {
    const code = froms.charCodeAt(i);
    out += froms[i]! + String.fromCharCode(code + unzigzag(offsets[i] ?? 0));
  }
  return out;
}
