/** One line of an input, with where it sits in the decoded text. */
export interface SourceLine {
  /** The line without its terminator. */
  text: string;
  /** 1-based line number. */
  line: number;
  /** 0-based UTF-16 offset of the line's first character in the decoded input (a BOM is not counted). */
  offset: number;
  /** `\n`, `\r\n`, or '' for a last line without one. */
  terminator: '\n' | '\r\n' | '';
}

/**
 * Cuts text that arrives in pieces into lines, keeping only the unfinished last line between
 * pieces. `\n` and `\r\n` end a line (a lone `\r` does not, as in most tools); a leading BOM is dropped.
 */
export class LineSplitter {
  private pending = '';
  private line = 1;
  private offset = 0;
  private started = false;

  push(text: string): SourceLine[] {
    let data = this.pending + text;
    if (!this.started && data !== '') {
      this.started = true;
      if (data.charCodeAt(0) === 0xfeff) data = data.slice(1);
    }
    const batch: SourceLine[] = [];
    let start = 0;
    for (let end = data.indexOf('\n'); end !== -1; end = data.indexOf('\n', start)) {
      const crlf = end > start && data.charCodeAt(end - 1) === 13;
      batch.push({
        text: data.slice(start, crlf ? end - 1 : end),
        line: this.line,
        offset: this.offset,
        terminator: crlf ? '\r\n' : '\n',
      });
      this.offset += end + 1 - start;
      this.line += 1;
      start = end + 1;
    }
    this.pending = data.slice(start);
    return batch;
  }

  /** The last line, when the input does not end with a line break. */
  finish(): SourceLine[] {
    if (this.pending === '') return [];
    const last: SourceLine = { text: this.pending, line: this.line, offset: this.offset, terminator: '' };
    this.offset += this.pending.length;
    this.line += 1;
    this.pending = '';
    return [last];
  }
}

/**
 * Split a byte or text stream into lines as it arrives, one batch per chunk, so a million lines
 * cost a few thousand awaits, not a million. Invalid UTF-8 becomes U+FFFD. `onBytes` is told the
 * size of each chunk (for the progress bar).
 */
export async function* readLineBatches(
  chunks: AsyncIterable<string | Uint8Array>,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<SourceLine[]> {
  // ignoreBOM: the splitter drops it, for text chunks too.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const splitter = new LineSplitter();
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
export function splitLines(text: string): SourceLine[] {
  const splitter = new LineSplitter();
  return [...splitter.push(text), ...splitter.finish()];
}
