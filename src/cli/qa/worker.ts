/**
 * The worker thread of `huashu qa --workers N` (built to dist/cli/qa-worker.js): checks whole
 * conversations sent in batches by the main thread, or whole partitions of a spilled export (read
 * from the spill file here, so the main thread never parses them). Each worker builds its checker
 * once, from the same options as the main thread.
 */
import Tinypool, { kTransferable, kValue, type Transferable } from 'tinypool';
import { installNativeInflate } from '../../node/native-inflate.js';
import { createTunedQa, type Qa, type QaTuning } from '../../qa/create.js';
import type { QaOptions } from '../../qa/options.js';
import { checkBatch, type CheckedBatch, type CheckTask } from './check-batch.js';
import type { WarmTask } from './checker.js';
import { checkPartition, type CheckedPartition, type PartitionTask } from './check-partition.js';

installNativeInflate();

let cached: { key: string; qa: Qa } | undefined;

/** A short conversation that makes a fresh checker build everything it builds on first use. */
const WARM_UP = [
  { conversationId: 'warm-up', role: 'customer', text: '你好，我的快递到哪了？', time: 0 },
  { conversationId: 'warm-up', role: 'agent', text: '您好，这边帮您查一下', time: 5 },
];

type Settings = { options: QaOptions; tuning: QaTuning };

export default function checkInWorker(task: ((CheckTask | PartitionTask) & Settings) | WarmTask): unknown {
  const key = JSON.stringify([task.options, task.tuning]);
  if (cached?.key !== key) cached = { key, qa: createTunedQa(task.options, task.tuning) };
  if ('warm' in task) {
    cached.qa.run(WARM_UP);
    return { summaries: [] };
  }
  const checked = 'blocks' in task ? checkPartition(cached.qa, task) : checkBatch(cached.qa, task);
  return typeof checked.json === 'string' ? movedAsBytes(checked, checked.json) : checked;
}

/**
 * The result with its JSON lines as UTF-8 bytes whose memory moves to the main thread: sent as a
 * string, every result was copied into the main thread's heap (two bytes a character for Chinese
 * text) only to be encoded for output there, and that garbage grew its heap by tens of MB. The
 * main thread writes the bytes as they are.
 */
function movedAsBytes(checked: CheckedBatch | CheckedPartition, json: string): unknown {
  const bytes = new TextEncoder().encode(json);
  const moved: Transferable = { [kTransferable]: bytes.buffer, [kValue]: { ...checked, json: bytes } };
  return Tinypool.move(moved);
}
