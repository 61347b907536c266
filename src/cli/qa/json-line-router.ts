import { byteOrderMark } from '../input/encoding.js';
import { DEFAULT_MAX_LINE_LENGTH } from '../lint/source-lines.js';
import { partitionOfLineBytes } from './partition-route.js';
import type { SpillFile } from './spill.js';

/** Bytes of a line beyond which it is too long whatever it holds (a UTF-16 code unit is at most 3 bytes). */
const MAX_LINE_BYTES = DEFAULT_MAX_LINE_LENGTH * 3;

/**
 * Routes a UTF-8 JSONL export into a spill file as bytes, never decoding it: lines are cut at `\n`
 * (a `\r` before it is dropped, a leading byte-order mark too, as the text reader does), each line
 * goes to its conversation's partition with its input index and line number. The threads that
 * check a partition decode and parse it. A line too long to be a turn in any encoding is not kept:
 * `onTooLong` hears of it (with its length in UTF-16 code units, as the text reader counts).
 */
export class JsonLineRouter {
  private line = 0;
  private readonly carry: Buffer[] = [];
  private carryBytes = 0;
  /** The current line is too long: its bytes are counted, not kept. */
  private skipping = false;
  private skippedUnits = 0;
  /** The input's first bytes until there are three: whether it opens with a byte-order mark. */
  private head: Buffer | undefined = Buffer.alloc(0);

  constructor(
    private readonly spill: SpillFile,
    private readonly source: number,
    private readonly onTooLong: (line: number, units: number) => void,
  ) {}

  push(chunk: Uint8Array): void {
    let bytes = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.head !== undefined) {
      bytes = Buffer.concat([this.head, bytes]);
      if (bytes.length < 3) {
        this.head = bytes;
        return;
      }
      this.head = undefined;
      const bom = byteOrderMark(bytes);
      this.scan(bytes, bom?.encoding === 'utf-8' ? bom.length : 0);
    } else this.scan(bytes, 0);
  }

  private scan(bytes: Buffer, start: number): void {
    for (;;) {
      const newline = bytes.indexOf(0x0a, start);
      const end = newline === -1 ? bytes.length : newline;
      if (this.skipping) this.skippedUnits += utf16Units(bytes, start, end);
      else if (this.carryBytes + (end - start) > MAX_LINE_BYTES) {
        this.skipping = true;
        this.skippedUnits =
          this.carry.reduce((n, b) => n + utf16Units(b, 0, b.length), 0) + utf16Units(bytes, start, end);
        this.carry.length = 0;
        this.carryBytes = 0;
      } else if (newline === -1) {
        if (end > start) {
          this.carry.push(Buffer.from(bytes.subarray(start, end))); // the chunk's memory may be reused
          this.carryBytes += end - start;
        }
      } else if (this.carryBytes > 0) {
        this.carry.push(bytes.subarray(start, end));
        this.routeCarry();
      } else this.route(bytes, start, end);
      if (newline === -1) return;
      if (this.skipping) this.endSkip();
      start = newline + 1;
    }
  }

  /** The input ended: its last line, when it has no line break. */
  end(): void {
    if (this.head !== undefined) {
      const head = this.head;
      this.head = undefined;
      this.scan(head, 0);
    }
    if (this.skipping) this.endSkip();
    else if (this.carryBytes > 0) this.routeCarry();
  }

  /** The line gathered across chunks, routed whole. */
  private routeCarry(): void {
    const line = Buffer.concat(this.carry);
    this.carry.length = 0;
    this.carryBytes = 0;
    this.route(line, 0, line.length);
  }

  private endSkip(): void {
    this.line += 1;
    this.skipping = false;
    this.onTooLong(this.line, this.skippedUnits);
  }

  private route(bytes: Buffer, start: number, end: number): void {
    this.line += 1;
    if (end > start && bytes[end - 1] === 0x0d) end -= 1;
    const partition = partitionOfLineBytes(bytes, start, end, this.spill.partitions);
    this.spill.addBytes(partition, `${this.source}\t${this.line}\t`, bytes, start, end);
  }
}

/** UTF-16 code units of UTF-8 bytes: one per character, two for one beyond U+FFFF. */
function utf16Units(bytes: Uint8Array, start: number, end: number): number {
  let units = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  return units;
}
