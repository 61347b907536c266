/** Inputs at least this large (bytes) get a progress bar; unknown sizes get one after this many replies. */
export const PROGRESS_MIN_BYTES = 1 << 20;
export const PROGRESS_MIN_REPLIES = 20_000;
/** Redraw at most this often. */
const INTERVAL_MS = 100;
const BAR_WIDTH = 24;

export interface ProgressState {
  label: string;
  bytes: number;
  /** Total bytes, when the size is known. */
  totalBytes?: number;
  replies: number;
  elapsedMs: number;
}

/** One progress line (no line break): bar and percentage when the size is known, else a count. Pure. */
export function renderProgress(state: ProgressState): string {
  const replies = `${state.replies.toLocaleString('en-US')} replies`;
  const seconds = `${(state.elapsedMs / 1000).toFixed(1)} s`;
  if (state.totalBytes === undefined || state.totalBytes <= 0)
    return `huashu lint ${state.label}  ${replies}  ${seconds}`;
  const share = Math.min(1, state.bytes / state.totalBytes);
  const filled = Math.round(share * BAR_WIDTH);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
  const rate = state.elapsedMs > 0 ? state.bytes / state.elapsedMs : 0;
  const eta =
    rate > 0 && share < 1 ? `  ~${Math.ceil((state.totalBytes - state.bytes) / rate / 1000)} s left` : '';
  return `huashu lint ${state.label}  ${bar} ${(share * 100).toFixed(0).padStart(3)}%  ${replies}  ${seconds}${eta}`;
}

/**
 * A progress line on standard error, redrawn in place at most every 100 ms, and cleared at the end
 * so it never mixes with the report. Only shown on a terminal, for large inputs.
 */
export class ProgressBar {
  private bytes = 0;
  private replies = 0;
  private lastDraw = -Infinity;
  private drawn = false;
  private readonly started: number;

  constructor(
    private readonly stderr: { write(chunk: string): unknown },
    private readonly label: string,
    private readonly totalBytes: number | undefined,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  /** Whether an input of this size deserves a bar at all (unknown sizes are decided by reply count). */
  static wanted(isTTY: boolean | undefined, totalBytes: number | undefined): boolean {
    return isTTY === true && (totalBytes === undefined || totalBytes >= PROGRESS_MIN_BYTES);
  }

  addBytes(bytes: number): void {
    this.bytes += bytes;
  }

  tick(replies = 1): void {
    this.replies += replies;
    if (this.totalBytes === undefined && this.replies < PROGRESS_MIN_REPLIES) return;
    const now = this.now();
    if (now - this.lastDraw < INTERVAL_MS) return;
    this.lastDraw = now;
    this.drawn = true;
    const state: ProgressState = {
      label: this.label,
      bytes: this.bytes,
      replies: this.replies,
      elapsedMs: now - this.started,
      ...(this.totalBytes === undefined ? {} : { totalBytes: this.totalBytes }),
    };
    this.stderr.write(`\r${renderProgress(state)}\u001b[K`);
  }

  clear(): void {
    if (this.drawn) this.stderr.write('\r\u001b[K');
    this.drawn = false;
  }
}
