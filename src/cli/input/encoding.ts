import iconv from 'iconv-lite';
import { HuashuError } from '../../errors.js';

/** The encodings detected without `--encoding`; any name iconv-lite knows can be forced. */
export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** How the encoding of an input is told, for --help. */
export const ENCODING_HELP = `a byte-order mark first (UTF-8, UTF-16 LE/BE); else UTF-16 when the
                         first 64 KB has NUL bytes in every other position; else UTF-8 when
                         the first 64 KB is valid UTF-8; else GB18030 (a superset of GBK and
                         GB2312, Excel's default on Chinese Windows)`;

/** Bytes looked at before deciding (the start of a file; standard input is buffered up to this). */
export const SNIFF_BYTES = 1 << 16;

/** A forced `--encoding` name, checked: iconv-lite's names (utf8, gbk, gb18030, utf16le, big5, …). */
export function checkEncodingName(name: string): string {
  if (!iconv.encodingExists(name))
    throw new HuashuError(
      'INVALID_OPTIONS',
      `--encoding ${name}: unknown encoding; use utf-8, gbk, gb18030, utf-16le, utf-16be, big5 or another name iconv-lite knows`,
      { issues: [{ path: 'encoding', message: `unknown encoding "${name}"` }] },
    );
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
 * How many bytes at the start of `bytes` make whole GB18030 characters: ASCII is one byte, a lead
 * byte 0x81–0xFE starts a two-byte character, or a four-byte one when its second byte is a digit.
 */
export function wholeGb18030Length(bytes: Uint8Array): number {
  let i = 0;
  for (;;) {
    const b = bytes[i];
    if (b === undefined) return i;
    const size =
      b < 0x81 || b === 0xff
        ? 1
        : bytes[i + 1] === undefined
          ? 2
          : bytes[i + 1]! >= 0x30 && bytes[i + 1]! <= 0x39
            ? 4
            : 2;
    if (i + size > bytes.length) return i;
    i += size;
  }
}

const isGb18030 = (encoding: string) =>
  /^(gb-?18030|gbk|cp936|windows-?936|gb-?2312|euc-?cn)$/i.test(encoding);

/**
 * Decode a byte stream in `encoding` as it arrives: a character cut between two chunks waits for
 * its last byte. A leading byte-order mark is dropped; invalid bytes become U+FFFD.
 * GB18030: iconv-lite 0.7.3 drops a character when a chunk begins with the last byte of a
 * four-byte character outside the BMP (an emoji), so the bytes of a character cut at the end of a
 * chunk are held here and given with the next chunk: the decoder only ever sees whole characters.
 */
export async function* decodeChunks(
  chunks: AsyncIterable<Uint8Array>,
  encoding: string,
): AsyncGenerator<string> {
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  const whole = isGb18030(encoding);
  let held: Buffer | undefined;
  for await (const chunk of chunks) {
    let bytes = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (whole) {
      if (held !== undefined) bytes = Buffer.concat([held, bytes]);
      const length = wholeGb18030Length(bytes);
      held = length === bytes.length ? undefined : Buffer.from(bytes.subarray(length));
      bytes = bytes.subarray(0, length);
    }
    const text = decoder.write(bytes);
    if (text !== '') yield text;
  }
  const rest = (held === undefined ? '' : decoder.write(held)) + (decoder.end() ?? '');
  if (rest !== '') yield rest;
}
