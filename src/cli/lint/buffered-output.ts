/** Output is written in chunks of about this many characters (or bytes). */
const FLUSH_AT = 1 << 16;

type StreamEvent = 'drain' | 'close' | 'error';
type Writable = {
  write(chunk: string | Uint8Array): unknown;
  once?: (event: StreamEvent, listener: () => void) => unknown;
  removeListener?: (event: StreamEvent, listener: () => void) => unknown;
  /** Node streams: true once the stream is closed or failed (the reader went away). */
  destroyed?: boolean;
};

/**
 * Collects output into large writes (a million tiny writes cost more than the linting) and waits
 * for `drain` when the stream asks, so a slow reader downstream never makes output pile up in memory.
 * A stream that closes or fails instead of draining ends the wait: a reader that went away never
 * leaves the run hanging.
 */
export class BufferedOutput {
  /**
   * What is collected, in order: text (consecutive appends joined into one string) and UTF-8
   * bytes as they came (`huashu qa`'s worker threads send their results so).
   */
  private chunks: Array<string | Uint8Array> = [];
  private size = 0;

  constructor(private readonly stream: Writable) {}

  append(chunk: string | Uint8Array): void {
    const last = this.chunks.length - 1;
    if (typeof chunk === 'string' && typeof this.chunks[last] === 'string') this.chunks[last] += chunk;
    else this.chunks.push(chunk);
    this.size += chunk.length;
  }

  /** Write what has been collected once it is large enough (call between batches). */
  async drain(): Promise<void> {
    if (this.size >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    const chunks = this.chunks;
    this.chunks = [];
    this.size = 0;
    for (const chunk of chunks) {
      if (chunk.length === 0) continue;
      if (this.closed()) return;
      const ok = this.stream.write(chunk);
      if (ok === false && !this.closed()) await this.writable();
    }
  }

  private closed(): boolean {
    return this.stream.destroyed === true;
  }

  /** Until the stream drains, closes or fails; the listeners are removed again. */
  private writable(): Promise<void> {
    const { stream } = this;
    const { once, removeListener } = stream;
    if (typeof once !== 'function') return Promise.resolve();
    const events: StreamEvent[] = ['drain', 'close', 'error'];
    return new Promise<void>((resolve) => {
      const done = () => {
        if (typeof removeListener === 'function')
          for (const event of events) removeListener.call(stream, event, done);
        resolve();
      };
      for (const event of events) once.call(stream, event, done);
    });
  }
}
