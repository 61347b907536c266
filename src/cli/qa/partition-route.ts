/**
 * Which partition a turn goes to when `huashu qa` spills a large export to disk (see spill.ts):
 * every turn of a conversation must land in the same partition, so the partition is a hash of the
 * conversation id exactly as the grouper will key it (`String(record.conversationId)`), taken over
 * the id's UTF-8 bytes.
 *
 * The main thread only routes; the threads that check a partition parse and validate its lines.
 * So the id of a JSONL line is read without parsing the line where that is exact: a line that opens
 * with `{"conversationId":"…"` (the first key; a string without escapes, of ASCII in the byte
 * reader) and names the key once. Any other line is parsed; a line that is not a record with an id
 * goes to partition 0, where the checking thread reports it as the in-memory path would.
 */

/** Partitions of a spilled export: enough that one is a few MB even for tens of millions of turns. */
export const SPILL_PARTITIONS = 256;

const FAST_ID = /^\{\s*"conversationId"\s*:\s*"([^"\\]*)"/;
const KEY = '"conversationId"';

/** The conversation id of a JSONL turn line, as the grouper will read it; undefined when it has none. */
export function conversationIdOfLine(line: string): string | undefined {
  const fast = FAST_ID.exec(line);
  if (fast !== null && line.indexOf(KEY, fast[0].length) === -1) return fast[1];
  let value: unknown;
  try {
    value = JSON.parse(line.charCodeAt(0) === 0xfeff ? line.slice(1) : line);
  } catch {
    return undefined;
  }
  return conversationIdOfRecord(value);
}

/** The conversation id of a parsed record (a CSV row, a JSON object); undefined when it has none. */
export function conversationIdOfRecord(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as { conversationId?: unknown }).conversationId;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The partition of a conversation id: FNV-1a over its UTF-8 bytes, modulo `partitions`. */
export function partitionOf(id: string | undefined, partitions: number): number {
  if (id === undefined) return 0;
  let hash = FNV_OFFSET;
  const byte = (b: number) => (hash = Math.imul(hash ^ b, FNV_PRIME));
  for (let i = 0; i < id.length; i++) {
    let code = id.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < id.length) {
      const low = id.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd; // a lone surrogate, as UTF-8 encoders write it
    if (code < 0x80) byte(code);
    else if (code < 0x800) {
      byte(0xc0 | (code >> 6));
      byte(0x80 | (code & 63));
    } else if (code < 0x10000) {
      byte(0xe0 | (code >> 12));
      byte(0x80 | ((code >> 6) & 63));
      byte(0x80 | (code & 63));
    } else {
      byte(0xf0 | (code >> 18));
      byte(0x80 | ((code >> 12) & 63));
      byte(0x80 | ((code >> 6) & 63));
      byte(0x80 | (code & 63));
    }
  }
  return (hash >>> 0) % partitions;
}

const FAST_PREFIX = Buffer.from('{"conversationId":"', 'latin1');
const KEY_BYTES = Buffer.from(KEY, 'latin1');

/**
 * The partition of a JSONL line given as UTF-8 bytes `bytes[start, end)`: the byte reader's
 * `conversationIdOfLine` and `partitionOf` in one, hashing the id's bytes where they are plain
 * ASCII (so they are its UTF-8 whatever the rest of the line holds), else decoding the line.
 */
export function partitionOfLineBytes(bytes: Buffer, start: number, end: number, partitions: number): number {
  const from = start + FAST_PREFIX.length;
  if (
    end - start > FAST_PREFIX.length &&
    bytes.compare(FAST_PREFIX, 0, FAST_PREFIX.length, start, from) === 0
  ) {
    let hash = FNV_OFFSET;
    let i = from;
    for (; i < end; i++) {
      const b = bytes[i]!;
      if (b === 0x22 || b === 0x5c || b >= 0x80) break;
      hash = Math.imul(hash ^ b, FNV_PRIME);
    }
    if (i < end && bytes[i] === 0x22 && bytes.subarray(i, end).indexOf(KEY_BYTES) === -1)
      return (hash >>> 0) % partitions;
  }
  return partitionOf(conversationIdOfLine(bytes.toString('utf8', start, end)), partitions);
}
