/**
 * The worker thread of `huashu qa --workers N` (built to dist/cli/qa-worker.js): checks whole
 * conversations sent in batches by the main thread. Each worker builds its checker once, from the
 * same options as the main thread.
 */
import { createTunedQa, type Qa, type QaTuning } from '../../qa/create.js';
import type { QaOptions } from '../../qa/options.js';
import { checkBatch, type CheckedBatch, type CheckTask } from './check-batch.js';

let cached: { key: string; qa: Qa } | undefined;

export default function checkInWorker(
  task: CheckTask & { options: QaOptions; tuning: QaTuning },
): CheckedBatch {
  const key = JSON.stringify([task.options, task.tuning]);
  if (cached?.key !== key) cached = { key, qa: createTunedQa(task.options, task.tuning) };
  return checkBatch(cached.qa, task);
}
