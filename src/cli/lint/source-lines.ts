/** Longest line kept, in UTF-16 code units, unless `--max-line-length` says otherwise. */
export const DEFAULT_MAX_LINE_LENGTH = 1_000_000;

/** One line of an input, with where it sits in the decoded text. */
export interface SourceLine {
  /** The line without its terminator ('' for a line that was too long). */
  text: string;
  /** 1-based line number. */
  line: number;
  /** 0-based UTF-16 offset of the line's first character in the decoded input (a BOM is not counted). */
  offset: number;
  /** `\n`, `\r\n`, or '' for a last line without one. */
  terminator: '\n' | '\r\n' | '';
  /**
   * Set when the line is longer than the limit: its length. Its text was not kept (memory stays
   * bounded however long it is), so it is reported as malformed and skipped.
   */
  tooLong?: number;
}

/**
 * Cuts text that arrives in pieces into lines. Each piece is scanned once: the unfinished last
 * line is kept as a list of pieces and joined once, when its line break arrives, so time is linear
 * in the input. A line longer than `maxLength` is not kept at all: only its length is counted, and
 * it comes out as a `tooLong` line. `\n` and `\r\n` end a line (a lone `\r` does not, as in most
 * tools); a leading BOM is dropped.
 */
export class LineSplitter {
  /** Pieces of the unfinished line (empty once it is known to be too long). */
  private parts: string[] = [];
  private partsLength = 0;
  private tooLong = false;
  /** The last character of the unfinished line, for a `\r\n` split across pieces. */
  private lastChar = -1;
  private line = 1;
  private offset = 0;
  private started = false;

  constructor(private readonly maxLength = DEFAULT_MAX_LINE_LENGTH) {}

  push(piece: string): SourceLine[] {
    let text = piece;
    if (!this.started && text !== '') {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const batch: SourceLine[] = [];
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      const crlf = end > start ? text.charCodeAt(end - 1) === 13 : this.lastChar === 13;
      const length = this.partsLength + end - start;
      const textLength = crlf ? length - 1 : length;
      const terminator = crlf ? '\r\n' : '\n';
      if (this.tooLong || textLength > this.maxLength) {
        batch.push({ text: '', line: this.line, offset: this.offset, terminator, tooLong: textLength });
      } else {
        const joined =
          this.parts.length === 0 ? text.slice(start, end) : this.parts.join('') + text.slice(start, end);
        batch.push({
          text: crlf ? joined.slice(0, -1) : joined,
          line: this.line,
          offset: this.offset,
          terminator,
        });
      }
      this.offset += length + 1;
      this.line += 1;
      this.parts = [];
      this.partsLength = 0;
      this.tooLong = false;
      this.lastChar = -1;
      start = end + 1;
    }
    if (start < text.length) {
      const rest = start === 0 ? text : text.slice(start);
      this.partsLength += rest.length;
      this.lastChar = rest.charCodeAt(rest.length - 1);
      // One more than the limit may still end in the \r of a \r\n.
      if (this.tooLong || this.partsLength > this.maxLength + 1) {
        this.tooLong = true;
        this.parts = [];
      } else this.parts.push(rest);
    }
    return batch;
  }

  /** The last line, when the input does not end with a line break. */
  finish(): SourceLine[] {
    if (this.partsLength === 0) return [];
    const length = this.partsLength;
    const last: SourceLine =
      this.tooLong || length > this.maxLength
        ? { text: '', line: this.line, offset: this.offset, terminator: '', tooLong: length }
        : { text: this.parts.join(''), line: this.line, offset: this.offset, terminator: '' };
    this.offset += length;
    this.line += 1;
    this.parts = [];
    this.partsLength = 0;
    this.tooLong = false;
    this.lastChar = -1;
    return [last];
  }
}

/**
 * Split a byte or text stream into lines as it arrives, one batch per chunk, so a million lines
 * cost a few thousand awaits, not a million. Invalid UTF-8 becomes U+FFFD. `onBytes` is told the
 * size of each chunk (for the progress bar). Lines over `maxLineLength` come out as `tooLong`.
 */
export async function* readLineBatches(
  chunks: AsyncIterable<string | Uint8Array>,
  onBytes?: (bytes: number) => void,
  maxLineLength = DEFAULT_MAX_LINE_LENGTH,
): AsyncGenerator<SourceLine[]> {
  // ignoreBOM: the splitter drops it, for text chunks too.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const splitter = new LineSplitter(maxLineLength);
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    onBytes?.(typeof chunk === 'string' ? chunk.length : chunk.byteLength);
    const batch = splitter.push(text);
    if (batch.length > 0) yield batch;
  }
  const last = [...splitter.push(decoder.decode()), ...splitter.finish()];
  if (last.length > 0) yield last;
}

/** Every line of a text at once. */
export function splitLines(text: string, maxLineLength = DEFAULT_MAX_LINE_LENGTH): SourceLine[] {
  const splitter = new LineSplitter(maxLineLength);
  return [...splitter.push(text), ...splitter.finish()];
}
