import { TextDecoder } from 'node:util';
import { HuashuError } from '../../errors.js';

/** The encodings detected without `--encoding`; any WHATWG encoding label can be forced. */
export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** How the encoding of an input is told, for --help. */
export const ENCODING_HELP = `a byte-order mark first (UTF-8, UTF-16 LE/BE); else UTF-16 when the
                         first 64 KB has NUL bytes in every other position; else UTF-8 when
                         the first 64 KB is valid UTF-8; else GB18030 (a superset of GBK and
                         GB2312, Excel's default on Chinese Windows)`;

/** Bytes looked at before deciding (the start of a file; standard input is buffered up to this). */
export const SNIFF_BYTES = 1 << 16;

/**
 * A decoder for `encoding` (a WHATWG Encoding label: utf-8, gbk, gb18030, utf-16le, utf-16be, big5,
 * shift_jis, euc-kr, windows-1252…): Node's TextDecoder, backed by ICU. Throws `INVALID_OPTIONS`
 * for an unknown name, or when this Node.js was built without the full ICU data.
 */
export function createDecoder(encoding: string): TextDecoder {
  try {
    return new TextDecoder(encoding);
  } catch {
    const why = /^(utf-?8|unicode-1-1-utf-8)$/i.test(encoding)
      ? ''
      : ' (or this Node.js was built without full ICU: use an official Node.js build)';
    throw new HuashuError(
      'INVALID_OPTIONS',
      `--encoding ${encoding}: unknown encoding${why}; use utf-8, gbk, gb18030, utf-16le, utf-16be, big5 or another WHATWG encoding label`,
      { issues: [{ path: 'encoding', message: `unknown encoding "${encoding}"` }] },
    );
  }
}

/** A forced `--encoding` name, checked (see createDecoder). */
export function checkEncodingName(name: string): string {
  createDecoder(name);
  return name;
}

/** The byte-order mark at the start of `bytes`, if any, and its length. */
export function byteOrderMark(bytes: Uint8Array): { encoding: DetectedEncoding; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * UTF-16 without a byte-order mark: text in CSV/JSONL exports has ASCII delimiters, digits and
 * line breaks, whose high byte is 0. Says which half of the code units is mostly NUL.
 */
function utf16WithoutBom(bytes: Uint8Array): DetectedEncoding | undefined {
  const pairs = bytes.length >> 1;
  if (pairs < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNul += 1;
    if (bytes[i + 1] === 0) oddNul += 1;
  }
  if (oddNul >= pairs * 0.2 && evenNul <= pairs * 0.02) return 'utf-16le';
  if (evenNul >= pairs * 0.2 && oddNul <= pairs * 0.02) return 'utf-16be';
  return undefined;
}

/**
 * Is `bytes` valid UTF-8? A sequence cut by the end of the sample counts as valid unless `complete`
 * (the sample is the whole input).
 */
export function isValidUtf8(bytes: Uint8Array, complete: boolean): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    // Lead byte → continuation bytes and the smallest code point (no overlong forms).
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) return false;
    const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
    if (i + need >= n) {
      // The character is cut by the end of the sample.
      if (complete) return false;
      for (let k = i + 1; k < n; k++) if ((bytes[k]! & 0xc0) !== 0x80) return false;
      return true;
    }
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return false;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

/**
 * The encoding of an input from its first bytes: a byte-order mark, else UTF-16 by its NUL
 * pattern, else UTF-8 when the sample is valid UTF-8, else GB18030. `complete`: the sample is
 * the whole input (a multi-byte character cut at its end is then invalid).
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): DetectedEncoding {
  const bom = byteOrderMark(sample);
  if (bom !== undefined) return bom.encoding;
  const utf16 = utf16WithoutBom(sample);
  if (utf16 !== undefined) return utf16;
  return isValidUtf8(sample, complete) ? 'utf-8' : 'gb18030';
}

/**
 * Decode a byte stream in `encoding` as it arrives (TextDecoder in streaming mode: a character cut
 * between two chunks waits for its last byte). A leading byte-order mark is dropped; invalid bytes
 * become U+FFFD. Node's decoder rather than iconv-lite: it ships with Node (no 400 KB of tables in
 * the install), and iconv-lite 0.7.3 drops a character after a GB18030 emoji cut between chunks.
 */
export async function* decodeChunks(
  chunks: AsyncIterable<string | Uint8Array>,
  encoding: string,
): AsyncGenerator<string> {
  const decoder = createDecoder(encoding);
  let bytesPending = false;
  for await (const chunk of chunks) {
    let text: string;
    if (typeof chunk === 'string') {
      // Text already; bytes held back from before it (a cut character) end first.
      text = bytesPending ? decoder.decode() + chunk : chunk;
      bytesPending = false;
    } else {
      text = decoder.decode(chunk, { stream: true });
      bytesPending = true;
    }
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}
