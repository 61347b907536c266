/**
 * Bytes as text for the packed data of the generated modules (src/util/packed-json.ts): every 4
 * bytes as 5 characters of an 85-character alphabet (6.4 bits a character; base64 carries 6), so
 * the packed tables take 1/16 less room in every bundle. Like Ascii85 (big-endian groups; a last
 * group of 1–3 bytes takes 2–4 characters), with another alphabet: printable ASCII without the
 * characters a string literal, an HTML inline script, a `data:` URL or a minifier would have to
 * escape or could misread (quotes, backtick, backslash, `$`, `<`, `>`, `&`, `%`), so a bundler
 * copies the text byte for byte.
 */
export const BASE85_ALPHABET =
  '!#()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~';

/** Character code → digit; 128 for a character outside the alphabet. */
const DIGIT = new Uint8Array(128).fill(128);
for (let i = 0; i < BASE85_ALPHABET.length; i++) DIGIT[BASE85_ALPHABET.charCodeAt(i)] = i;

// 85^4 … 85^1: the weights of a group's first four digits.
const P4 = 52200625;
const P3 = 614125;
const P2 = 7225;

export function encodeBase85(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const digits = new Array<string>(5);
  for (let i = 0; i < bytes.length; i += 4) {
    const n = Math.min(4, bytes.length - i);
    let value = 0;
    for (let k = 0; k < 4; k++) value = value * 256 + (k < n ? (bytes[i + k] ?? 0) : 0);
    for (let k = 4; k >= 0; k--) {
      digits[k] = BASE85_ALPHABET[value % 85]!;
      value = Math.floor(value / 85);
    }
    chunks.push(n === 4 ? digits.join('') : digits.slice(0, n + 1).join(''));
  }
  return chunks.join('');
}

/** The bytes of `encodeBase85`'s text; throws on text it cannot have written. */
export function decodeBase85(text: string): Uint8Array {
  const rest = text.length % 5;
  if (rest === 1) throw new RangeError('base85: a text of 5n + 1 characters');
  const full = text.length - rest;
  const bytes = new Uint8Array((full / 5) * 4 + (rest === 0 ? 0 : rest - 1));
  let invalid = 0;
  let o = 0;
  for (let i = 0; i < full; i += 5) {
    const d0 = DIGIT[text.charCodeAt(i)] ?? 128;
    const d1 = DIGIT[text.charCodeAt(i + 1)] ?? 128;
    const d2 = DIGIT[text.charCodeAt(i + 2)] ?? 128;
    const d3 = DIGIT[text.charCodeAt(i + 3)] ?? 128;
    const d4 = DIGIT[text.charCodeAt(i + 4)] ?? 128;
    invalid |= d0 | d1 | d2 | d3 | d4;
    // Below 85^5 < 2^33: exact in a double; `>>>` takes it modulo 2^32 (checked just after).
    const value = d0 * P4 + d1 * P3 + d2 * P2 + d3 * 85 + d4;
    if (value > 0xffffffff) invalid |= 128;
    bytes[o] = value >>> 24;
    bytes[o + 1] = value >>> 16;
    bytes[o + 2] = value >>> 8;
    bytes[o + 3] = value;
    o += 4;
  }
  if (rest > 0) {
    // The missing digits read as the largest (84): the value then still starts with the bytes.
    let value = 0;
    for (let k = 0; k < 5; k++) {
      const d = k < rest ? (DIGIT[text.charCodeAt(full + k)] ?? 128) : 84;
      invalid |= d;
      value = value * 85 + d;
    }
    if (value > 0xffffffff) invalid |= 128;
    for (let k = 0; k < rest - 1; k++) bytes[o + k] = value >>> (24 - 8 * k);
  }
  if (invalid & 128) throw new RangeError('base85: not text encodeBase85 writes');
  return bytes;
}
