import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { Qa, QaTuning } from '../../qa/create.js';
import type { QaConversation } from '../../qa/conversation.js';
import type { QaOptions } from '../../qa/options.js';
import { UsageError } from '../usage-error.js';
import { checkBatch, type CheckedBatch } from './check-batch.js';
import { checkPartition, type CheckedPartition, type PartitionTask } from './check-partition.js';

/** Conversations per batch sent to a worker: large enough that messaging is a small share. */
const BATCH = 250;

/**
 * The young generation of a checking thread, MB. Without a limit V8 takes 48 here, which let each
 * thread's heap hold ~40 MB more garbage for no speed. `--workers 2` on 1,000,000 turns
 * (bench/qa-export.ts), three alternating runs each: peak RSS 499–511 MB with 48 (as with no
 * limit), 410–437 with 12, 408–431 with 6; wall medians 26.6, 26.2 and 27.8 s (spread ±5 s on this
 * machine). A young-generation limit cannot fail a task: what outlives a scavenge moves to the old
 * generation, which keeps V8's own limit.
 */
const WORKER_YOUNG_GENERATION_MB = 12;

/**
 * `--workers`: a whole number ≥ 1; default half the logical CPUs (at least 1), as ESLint's
 * `--concurrency auto`: Node cannot tell a physical core from a hyperthread, and a checking thread
 * is CPU-bound. On this project's 2-vCPU machine two threads were 4 % faster than one for 45 % more
 * CPU and 43 % more memory (200,000 turns, three alternating pairs: 5.66–5.84 s, 251 MB vs
 * 5.85–6.14 s, 176 MB; docs/guide/score-conversations.md).
 */
export function defaultWorkers(logicalCpus = availableParallelism()): number {
  return Math.max(1, Math.floor(logicalCpus / 2));
}

export function parseWorkers(value: string | undefined): number {
  if (value === undefined) return defaultWorkers();
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > 256)
    throw new UsageError(`--workers takes a whole number from 1 to 256, not "${value}"`);
  return Number(value);
}

/**
 * Where the worker script is: beside the built CLI (dist/cli/qa-worker.js, also when this code is
 * in a shared chunk in dist/), or the source when running from src/ through tsx.
 */
function workerFile(): string | undefined {
  const candidates = [
    './qa-worker.js',
    './cli/qa-worker.js',
    '../cli/qa-worker.js',
    '../qa/worker.ts',
    './worker.ts',
  ];
  for (const candidate of candidates) {
    const url = new URL(candidate, import.meta.url);
    if (!existsSync(fileURLToPath(url))) continue;
    // The TypeScript source loads in a thread only under a TypeScript loader (tsx passes its
    // --import on to threads); elsewhere (vitest's in-process runs) the batches stay in this thread.
    if (url.pathname.endsWith('.ts') && !process.execArgv.some((arg) => arg.includes('tsx')))
      return undefined;
    return url.href;
  }
  throw new Error(
    `huashu qa: the worker script is missing beside ${import.meta.url} (rebuild: npm run build)`,
  );
}

/** What the threads are started with: the checker's options, the same in every thread. */
export interface CheckerOptions {
  qaOptions: QaOptions;
  tuning?: QaTuning;
  workers: number;
}

/**
 * The checking threads of `--workers N` (N ≥ 2), started before the export is read: each builds
 * its checker (phrase automata, intent model) while the main thread reads and groups, instead of
 * after. Undefined with one worker (the main thread checks) or where no worker script can load.
 */
export interface Checkers {
  pool: Tinypool;
  /** The warm-up tasks; awaited before the pool is closed. */
  warming: Promise<unknown>;
  close(): Promise<void>;
}

export function startCheckers(options: CheckerOptions): Checkers | undefined {
  const filename = options.workers <= 1 ? undefined : workerFile();
  if (filename === undefined) return undefined;
  const pool = new Tinypool({
    filename,
    minThreads: options.workers,
    maxThreads: options.workers,
    idleTimeout: 1000,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  const warm: WarmTask = { warm: true, options: options.qaOptions, tuning: options.tuning ?? {} };
  const warming = Promise.allSettled(Array.from({ length: options.workers }, () => pool.run(warm)));
  return {
    pool,
    warming,
    close: async () => {
      await warming;
      await pool.destroy();
    },
  };
}

/** A task that only builds the worker's checker and reads one short conversation with it. */
export interface WarmTask {
  warm: true;
  options: QaOptions;
  tuning: QaTuning;
}

/**
 * Check conversations in batches, in order: in this thread without `checkers` (one worker), else
 * through their pool, each batch of whole conversations going to one thread. `onBatch` gets the
 * checked batches in input order. The caller closes the checkers.
 */
export async function checkConversations(
  conversations: Iterable<QaConversation>,
  options: CheckerOptions & { qa: Qa; keep: 'json' | 'objects'; checkers: Checkers | undefined },
  onBatch: (batch: CheckedBatch) => void | Promise<void>,
): Promise<void> {
  const batches = (function* () {
    let batch: QaConversation[] = [];
    for (const conversation of conversations) {
      batch.push(conversation);
      if (batch.length === BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  })();
  await runInOrder(
    batches,
    options,
    (batch) => checkBatch(options.qa, { conversations: batch, keep: options.keep }),
    (batch) => ({ conversations: batch, keep: options.keep }),
    onBatch,
  );
}

/**
 * Check the partitions of a spilled export, in partition order: each is read, grouped and checked
 * whole by one thread (this one without `checkers`). The caller closes the checkers.
 */
export async function checkPartitions(
  tasks: Iterable<PartitionTask>,
  options: CheckerOptions & { qa: Qa; checkers: Checkers | undefined },
  onPartition: (partition: CheckedPartition) => void | Promise<void>,
): Promise<void> {
  await runInOrder(
    tasks,
    options,
    (task) => checkPartition(options.qa, task),
    (task) => task,
    onPartition,
  );
}

/**
 * Runs `tasks` in this thread (`here`) or through the checkers' pool (`toPool` builds the message),
 * handing the results to `onResult` in task order. At most 2 × workers tasks are in flight, so
 * memory holds a few results, never all of them.
 */
async function runInOrder<T, R>(
  tasks: Iterable<T>,
  options: CheckerOptions & { checkers: Checkers | undefined },
  here: (task: T) => R,
  toPool: (task: T) => object,
  onResult: (result: R) => void | Promise<void>,
): Promise<void> {
  if (options.checkers === undefined) {
    for (const task of tasks) await onResult(here(task));
    return;
  }
  const { pool } = options.checkers;
  const inFlight: Array<Promise<R>> = [];
  try {
    for (const task of tasks) {
      inFlight.push(
        pool.run({
          ...toPool(task),
          options: options.qaOptions,
          tuning: options.tuning ?? {},
        }) as Promise<R>,
      );
      if (inFlight.length >= options.workers * 2) await onResult(await inFlight.shift()!);
    }
    while (inFlight.length > 0) await onResult(await inFlight.shift()!);
  } finally {
    for (const pending of inFlight) pending.catch(() => undefined); // after a failure: not left unhandled
  }
}
