import type { Qa } from '../../qa/create.js';
import type { QaConversation } from '../../qa/conversation.js';
import { checkBatch, type CheckedBatch } from './check-batch.js';
import { DEFAULT_MAX_LINE_LENGTH } from '../lint/source-lines.js';
import { readPartition, type PartitionBlocks } from './spill.js';
import { lineTooLongMessage, turnLineFromJson } from './turn-reader.js';
import { TurnSink, type SkippedTurn } from './turn-sink.js';

/** One partition of a spilled export to check: where its records are, and what to send back. */
export interface PartitionTask {
  spill: string;
  blocks: PartitionBlocks;
  keep: 'json' | 'objects';
  /** Send the grouped conversations back too (the HTML report shows the worst ones' turns). */
  conversations: boolean;
}

/** A checked partition: its batch, the lines it skipped (the first few, and how many), its conversations. */
export interface CheckedPartition extends CheckedBatch {
  skipped: SkippedTurn[];
  skippedCount: number;
  conversations?: QaConversation[];
}

/**
 * Read a partition's records back (`<input index>\t<line>\t<JSON>` per line, in input order),
 * parse and validate them as the in-memory path does, group them and check every conversation:
 * a whole partition holds whole conversations, so this is the same work, in one thread.
 */
export function checkPartition(qa: Qa, task: PartitionTask): CheckedPartition {
  const text = readPartition(task.spill, task.blocks);
  const grouper = qa.grouper();
  const sink = new TurnSink(grouper);
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const sourceEnd = text.indexOf('\t', start);
    const lineEnd = text.indexOf('\t', sourceEnd + 1);
    const source = Number(text.slice(start, sourceEnd));
    const line = Number(text.slice(sourceEnd + 1, lineEnd));
    // Lines routed as bytes were not measured in characters yet (the text reader's limit).
    if (end - lineEnd - 1 > DEFAULT_MAX_LINE_LENGTH)
      sink.skip(source, line, lineTooLongMessage(end - lineEnd - 1));
    else {
      const item = turnLineFromJson(line, text.slice(lineEnd + 1, end));
      if (item !== undefined) sink.add(source, item);
    }
    start = end + 1;
  }
  const conversations = [...grouper.drain()];
  return {
    ...checkBatch(qa, { conversations, keep: task.keep }),
    skipped: sink.skipped,
    skippedCount: sink.skippedCount,
    ...(task.conversations ? { conversations } : {}),
  };
}
