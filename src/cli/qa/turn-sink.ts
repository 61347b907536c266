import { HuashuError } from '../../errors.js';
import type { Qa } from '../../qa/create.js';
import type { TurnLine } from './turn-reader.js';

/** A line of an export that was not scored: which input (its index), which line, and why. */
export interface SkippedTurn {
  source: number;
  line: number;
  message: string;
}

/** The first lines skipped are kept with their reason (and shown); the rest are only counted. */
export const SKIPPED_KEPT = 20;

/**
 * Adds read turn lines to a grouper and keeps account of the ones it cannot take (malformed lines,
 * invalid records): the same in the main thread and in a thread that checks a spilled partition.
 */
export class TurnSink {
  readonly skipped: SkippedTurn[] = [];
  skippedCount = 0;

  constructor(private readonly grouper: ReturnType<Qa['grouper']>) {}

  add(source: number, item: TurnLine): void {
    if (item.kind === 'malformed') {
      this.skip(source, item.line, item.message);
      return;
    }
    try {
      this.grouper.add(item.value, `line ${item.line}`);
    } catch (error) {
      if (!(error instanceof HuashuError)) throw error;
      this.skip(
        source,
        item.line,
        error.issues.map((i) => `${i.path.replace(/^line \d+\.?/, '') || 'record'}: ${i.message}`).join('; '),
      );
    }
  }

  skip(source: number, line: number, message: string): void {
    this.skippedCount += 1;
    if (this.skipped.length < SKIPPED_KEPT) this.skipped.push({ source, line, message });
  }
}
