/** Output is written in chunks of about this many characters. */
const FLUSH_AT = 1 << 16;

type Writable = { write(chunk: string): unknown; once?: (event: 'drain', listener: () => void) => unknown };

/**
 * Collects output into large writes (a million tiny writes cost more than the linting) and waits
 * for `drain` when the stream asks, so a slow reader downstream never makes output pile up in memory.
 */
export class BufferedOutput {
  private buffer = '';

  constructor(private readonly stream: Writable) {}

  append(text: string): void {
    this.buffer += text;
  }

  /** Write what has been collected once it is large enough (call between batches). */
  async drain(): Promise<void> {
    if (this.buffer.length >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer === '') return;
    const chunk = this.buffer;
    this.buffer = '';
    const ok = this.stream.write(chunk);
    const once = this.stream.once;
    if (ok === false && typeof once === 'function')
      await new Promise<void>((resolve) => once.call(this.stream, 'drain', resolve));
  }
}
