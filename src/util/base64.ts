/** Typed arrays as base64, so generated modules stay compact and load without parsing number lists. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Little-endian bytes of a typed array, base64-encoded (no padding). */
export function encodeBase64(view: ArrayBufferView): string {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]!;
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]!;
  }
  return out;
}

/**
 * Small integers in [-32, 31], one base64 digit each (the value + 32). For arrays of a few distinct
 * values (quantised weights): deflated, one character per value costs about a fifth less than
 * their bytes in base64, whose digits cut across the values.
 */
export function encodeSmallInts(values: Int8Array): string {
  let out = '';
  for (const value of values) {
    if (value < -32 || value > 31) throw new RangeError(`${value} is outside [-32, 31]`);
    out += ALPHABET[value + 32]!;
  }
  return out;
}

/** The values of `encodeSmallInts`'s output (a character outside the alphabet reads as -32). */
export function decodeSmallInts(text: string): Int8Array {
  const values = new Int8Array(text.length);
  for (let i = 0; i < text.length; i++) values[i] = (LOOKUP[text.charCodeAt(i)] ?? 0) - 32;
  return values;
}

/** The bytes of `encodeBase64`'s output (length must match the original byte length). */
export function decodeBase64(text: string): Uint8Array {
  const length = Math.floor((text.length * 3) / 4);
  const bytes = new Uint8Array(length);
  let o = 0;
  let i = 0;
  for (; i + 3 < text.length; i += 4) {
    const n =
      ((LOOKUP[text.charCodeAt(i)] ?? 0) << 18) |
      ((LOOKUP[text.charCodeAt(i + 1)] ?? 0) << 12) |
      ((LOOKUP[text.charCodeAt(i + 2)] ?? 0) << 6) |
      (LOOKUP[text.charCodeAt(i + 3)] ?? 0);
    bytes[o++] = n >>> 16;
    bytes[o++] = (n >>> 8) & 255;
    bytes[o++] = n & 255;
  }
  const rest = text.length - i;
  if (rest >= 2) {
    const n =
      ((LOOKUP[text.charCodeAt(i)] ?? 0) << 18) |
      ((LOOKUP[text.charCodeAt(i + 1)] ?? 0) << 12) |
      (rest === 3 ? (LOOKUP[text.charCodeAt(i + 2)] ?? 0) << 6 : 0);
    bytes[o] = n >>> 16;
    if (rest === 3) bytes[o + 1] = (n >>> 8) & 255;
  }
  return bytes;
}

export function decodeUint32(text: string): Uint32Array {
  const bytes = decodeBase64(text);
  return new Uint32Array(bytes.buffer, 0, bytes.length >> 2);
}

export function decodeUint16(text: string): Uint16Array {
  const bytes = decodeBase64(text);
  return new Uint16Array(bytes.buffer, 0, bytes.length >> 1);
}
