/**
 * The worker thread of `huashu qa --workers N` (built to dist/cli/qa-worker.js): checks whole
 * conversations sent in batches by the main thread, or whole partitions of a spilled export (read
 * from the spill file here, so the main thread never parses them). Each worker builds its checker
 * once, from the same options as the main thread.
 */
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

export default function checkInWorker(
  task: ((CheckTask | PartitionTask) & Settings) | WarmTask,
): CheckedBatch | CheckedPartition {
  const key = JSON.stringify([task.options, task.tuning]);
  if (cached?.key !== key) cached = { key, qa: createTunedQa(task.options, task.tuning) };
  if ('warm' in task) {
    cached.qa.run(WARM_UP);
    return { summaries: [] };
  }
  return 'blocks' in task ? checkPartition(cached.qa, task) : checkBatch(cached.qa, task);
}
