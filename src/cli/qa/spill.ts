import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bytes a partition gathers before they are written out as one block. */
const BLOCK_BYTES = 1 << 15;

/** Where a partition's records sit in the spill file: byte offset and length of each written block. */
export type PartitionBlocks = Array<[offset: number, length: number]>;

/**
 * The records of a large export, routed by conversation into partitions and kept on disk, so that
 * memory holds one partition at a time, not the export. One temporary file for all partitions:
 * each partition gathers its records as UTF-8 in a buffer of its own and appends the buffer as one
 * block when it is full; the file remembers where each partition's blocks are. A record is one
 * line: an ASCII prefix, then the record's text.
 */
export class SpillFile {
  readonly path: string;
  private readonly dir: string;
  private fd: number;
  private size = 0;
  private readonly buffers: Array<Buffer | undefined>;
  private readonly used: Int32Array;
  private readonly blocks: PartitionBlocks[];

  constructor(readonly partitions: number) {
    this.dir = mkdtempSync(join(tmpdir(), 'huashu-qa-'));
    this.path = join(this.dir, 'turns.spill');
    this.fd = openSync(this.path, 'w+');
    // `| head` ends the process with process.exit (src/cli/bin.ts), past every finally block: the
    // file goes then too.
    process.on('exit', this.removeAtExit);
    this.buffers = new Array<Buffer | undefined>(partitions).fill(undefined);
    this.used = new Int32Array(partitions);
    this.blocks = Array.from({ length: partitions }, () => []);
  }

  /** Add a record to `partition`: `prefix` (ASCII) then `text`, a line without its terminator. */
  add(partition: number, prefix: string, text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const most = prefix.length + text.length * 3 + 1;
    const buffer = this.room(partition, most);
    if (buffer === undefined) {
      this.writeBlock(partition, Buffer.from(`${prefix}${text}\n`, 'utf8'));
      return;
    }
    let at = this.used[partition]!;
    at += buffer.write(prefix, at, 'latin1');
    at += buffer.write(text, at, 'utf8');
    buffer[at++] = 0x0a;
    this.used[partition] = at;
  }

  /** As `add`, with the text given as UTF-8 bytes `bytes[start, end)`. */
  addBytes(partition: number, prefix: string, bytes: Uint8Array, start: number, end: number): void {
    const buffer = this.room(partition, prefix.length + (end - start) + 1);
    if (buffer === undefined) {
      this.writeBlock(
        partition,
        Buffer.concat([Buffer.from(prefix, 'latin1'), bytes.subarray(start, end), Buffer.from('\n')]),
      );
      return;
    }
    let at = this.used[partition]!;
    at += buffer.write(prefix, at, 'latin1');
    buffer.set(bytes.subarray(start, end), at);
    at += end - start;
    buffer[at++] = 0x0a;
    this.used[partition] = at;
  }

  /** Write what is still gathered; then the partitions' blocks are final. */
  finish(): PartitionBlocks[] {
    for (let p = 0; p < this.partitions; p++) this.flush(p);
    return this.blocks;
  }

  /** Delete the file (and its folder). Safe to call twice. */
  remove(): void {
    process.off('exit', this.removeAtExit);
    if (this.fd !== -1) closeSync(this.fd);
    this.fd = -1;
    rmSync(this.dir, { recursive: true, force: true });
  }

  private readonly removeAtExit = (): void => this.remove();

  /** The partition's buffer with `bytes` free (flushed first if need be); undefined when a record is larger than a buffer. */
  private room(partition: number, bytes: number): Buffer | undefined {
    if (bytes > BLOCK_BYTES) {
      this.flush(partition);
      return undefined;
    }
    let buffer = this.buffers[partition];
    if (buffer === undefined) buffer = this.buffers[partition] = Buffer.allocUnsafe(BLOCK_BYTES);
    else if (this.used[partition]! + bytes > BLOCK_BYTES) this.flush(partition);
    return buffer;
  }

  private flush(partition: number): void {
    const used = this.used[partition]!;
    if (used === 0) return;
    this.writeBlock(partition, this.buffers[partition]!.subarray(0, used));
    this.used[partition] = 0;
  }

  private writeBlock(partition: number, bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length)
      done += writeSync(this.fd, bytes, done, bytes.length - done, this.size + done);
    this.blocks[partition]!.push([this.size, bytes.length]);
    this.size += bytes.length;
  }
}

/** The text of one partition: its blocks read back from the spill file (by any thread). */
export function readPartition(path: string, blocks: PartitionBlocks): string {
  const total = blocks.reduce((sum, [, length]) => sum + length, 0);
  const bytes = Buffer.allocUnsafe(total);
  const fd = openSync(path, 'r');
  try {
    let at = 0;
    for (const [offset, length] of blocks) {
      let done = 0;
      while (done < length) {
        const n = readSync(fd, bytes, at + done, length - done, offset + done);
        if (n === 0) throw new Error(`huashu qa: the spill file ${path} ended early`);
        done += n;
      }
      at += length;
    }
  } finally {
    closeSync(fd);
  }
  return bytes.toString('utf8');
}
