import { HuashuError } from '../../errors.js';
import { notTextReason } from './binary.js';
import { byteOrderMark, createDecoder, decodeChunks, detectEncoding, SNIFF_BYTES } from './encoding.js';

/** A decoded input: its text as it streams, and the encoding it was read in. */
export interface TextInput {
  encoding: string;
  chunks: AsyncIterable<string>;
  /**
   * The same input undecoded (read this or `chunks`, not both): for a reader that works on UTF-8
   * bytes itself. `sample()` is its first 64 KB (or all of it), decoded.
   */
  undecoded: { chunks: AsyncIterable<string | Uint8Array>; sample(): string };
}

function toBytes(chunk: string | Uint8Array): Uint8Array {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

/**
 * Open a byte stream as text: the first 64 KB are read (standard input is buffered up to that)
 * to reject files that are not text (an .xlsx, a PDF, an image, a binary: `IO` error saying what
 * to do) and to detect the encoding unless `encoding` forces one; then the stream is decoded as
 * it arrives, a character split between chunks included. Memory: the sample, then one chunk.
 * Chunks that arrive as strings are text already: after the sample they pass through undecoded
 * (a producer writing a character at a time costs no encode and decode per character).
 */
export async function openTextInput(
  source: AsyncIterable<string | Uint8Array>,
  display: string,
  encoding?: string,
): Promise<TextInput> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done === true) {
      done = true;
      break;
    }
    const bytes = toBytes(next.value);
    head.push(bytes);
    size += bytes.byteLength;
  }
  const sample = Buffer.concat(head);
  // Judged on exactly the first 64 KB, however the input was chunked (the last chunk read may
  // run past it): a file and the same bytes piped in get the same answer.
  const sniffed = sample.subarray(0, SNIFF_BYTES);
  const forcedUtf16 = encoding !== undefined && /^(utf-?16|ucs-?2)/i.test(encoding);
  const chosen = encoding ?? detectEncoding(sniffed, done && sniffed.byteLength === sample.byteLength);
  createDecoder(chosen); // fails now, with the reason, rather than mid-stream
  const utf16 =
    forcedUtf16 ||
    chosen.startsWith('utf-16') ||
    byteOrderMark(sniffed)?.encoding.startsWith('utf-16') === true;
  const reason = notTextReason(sniffed, utf16);
  if (reason !== undefined)
    throw new HuashuError('IO', `${display}: ${reason}`, {
      issues: [{ file: display, path: '', message: reason }],
    });

  // The sample, then the source's own iterator: no generator in between (one fewer await per chunk).
  let sampleGiven = sample.byteLength === 0;
  const rest: AsyncIterable<string | Uint8Array> = {
    [Symbol.asyncIterator]: () => ({
      next: async (): Promise<IteratorResult<string | Uint8Array>> => {
        if (!sampleGiven) {
          sampleGiven = true;
          return { done: false, value: sample };
        }
        return done ? { done: true, value: undefined } : iterator.next();
      },
    }),
  };
  return {
    encoding: chosen,
    chunks: decodeChunks(rest, chosen),
    undecoded: { chunks: rest, sample: () => createDecoder(chosen).decode(sniffed) },
  };
}
