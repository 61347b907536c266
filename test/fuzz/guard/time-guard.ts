import { Worker } from 'node:worker_threads';
import { TIMING_ATTEMPTS } from '../config.js';
import { bundleWorker, type Bundle } from './bundle.js';
import { threadCpuMs } from './cpu.js';
import type { CallReport, CallRequest, Timing, WorkerMessage } from './protocol.js';

/** One execution of a call in a worker. */
export type Attempt = (
  | { kind: 'report'; report: CallReport }
  | { kind: 'timeout'; reason: string }
  | { kind: 'crash'; error: string }
) & { cpuMs?: number };

/** What a generated input did: the broken invariants (none when it passed), timing and outcomes. */
export interface Verdict {
  violations: string[];
  /** The slowest timed call (fastest of the attempts when a call had to be measured again). */
  maxMs: number;
  /** Per timed call: what it threw or `ok`. */
  outcomes: string[];
  timedOut: boolean;
  /** CPU time the worker spent on this input, all attempts (0 where /proc is missing). */
  cpuMs: number;
}

interface Pending {
  resolve: (attempt: Attempt) => void;
  timer: NodeJS.Timeout;
  started: number;
}

/** A long-lived worker; `pending` is the call it runs now. */
class Slot {
  readonly worker: Worker;
  readonly ready: Promise<number>;
  /** The worker thread's kernel id, when the OS lets the guard read its CPU time. */
  tid: number | undefined;
  pending: Pending | undefined;
  /** The timed call the worker started last (for naming a hang). */
  current = '';
  dead = false;

  constructor(bundle: Bundle, onDeath: (slot: Slot, error: string) => void) {
    this.worker = new Worker(bundle.worker, {
      workerData: { bin: bundle.bin },
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
      stdout: true,
      stderr: true,
    });
    // natural and other dependencies may print; a worker's output is not the test's.
    this.worker.stdout.resume();
    this.worker.stderr.resume();
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'ready') {
          this.worker.off('message', onMessage);
          this.tid = message.tid;
          resolve(message.warmupMs);
        }
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', reject);
      this.worker.once('exit', (code) =>
        reject(new Error(`the fuzz worker exited with code ${code} while starting`)),
      );
    });
    this.ready.catch(() => undefined);
    this.worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') this.current = message.label;
      if (message.type !== 'report' || this.pending === undefined) return;
      const { resolve, timer } = this.pending;
      clearTimeout(timer);
      this.pending = undefined;
      resolve({ kind: 'report', report: message });
    });
    this.worker.on('error', (error) => onDeath(this, `the worker crashed: ${error.stack ?? error.message}`));
    this.worker.on('exit', (code) => onDeath(this, `the worker exited (code ${code})`));
  }
}

/**
 * The time guard: a small pool of long-lived workers that run the fuzz calls. A synchronous hang
 * cannot be interrupted inside its own thread, so the guard (this thread) arms a watchdog per call
 * and, when it fires, terminates the worker and starts another; the call counts as failed. A
 * worker whose global state a call changed (Object.prototype) is replaced the same way.
 */
export class TimeGuard {
  private readonly slots: Slot[] = [];
  private readonly idle: Slot[] = [];
  private readonly waiting: Array<(slot: Slot) => void> = [];
  private spare: Slot | undefined;
  private nextId = 1;
  private closed = false;
  /** Workers terminated because a call hung or changed global state. */
  replaced = 0;

  private constructor(
    private readonly bundle: Bundle,
    readonly budgetMs: number,
  ) {}

  /** Bundle huashu from src/ and start `workers` warm workers. */
  static async start(options: { budgetMs: number; workers?: number }): Promise<TimeGuard> {
    const guard = new TimeGuard(await bundleWorker(), options.budgetMs);
    const slots = Array.from({ length: Math.max(1, options.workers ?? 1) }, () => guard.spawn());
    await Promise.all(slots.map((slot) => slot.ready));
    for (const slot of slots) guard.release(slot);
    return guard;
  }

  private spawn(): Slot {
    const slot = new Slot(this.bundle, (dead, error) => this.onDeath(dead, error));
    this.slots.push(slot);
    return slot;
  }

  private onDeath(slot: Slot, error: string): void {
    if (slot.dead) return;
    slot.dead = true;
    if (slot.pending !== undefined) {
      const { resolve, timer } = slot.pending;
      clearTimeout(timer);
      slot.pending = undefined;
      resolve({ kind: 'crash', error });
    }
    if (slot === this.spare) this.spare = undefined;
    const index = this.idle.indexOf(slot);
    if (index !== -1) {
      this.idle.splice(index, 1);
      if (!this.closed) void this.replace(slot);
    }
  }

  private release(slot: Slot): void {
    if (this.closed) return;
    const next = this.waiting.shift();
    if (next !== undefined) next(slot);
    else this.idle.push(slot);
  }

  private acquire(): Promise<Slot> {
    const slot = this.idle.shift();
    if (slot !== undefined) return Promise.resolve(slot);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Terminate `slot` and put a warm worker in its place (the spare when one is ready). */
  private async replace(slot: Slot): Promise<void> {
    slot.dead = true;
    this.replaced++;
    const index = this.slots.indexOf(slot);
    if (index !== -1) this.slots.splice(index, 1);
    void slot.worker.terminate();
    if (this.closed) return;
    const next = this.spare ?? this.spawn();
    this.spare = undefined;
    try {
      await next.ready;
    } catch (error) {
      throw new Error(`could not start a fuzz worker: ${(error as Error).message}`, { cause: error });
    }
    // After one hang more are likely (shrinking replays it): keep a warm spare from now on.
    if (!this.closed) this.spare = this.spawn();
    this.release(next);
  }

  /**
   * Run one call once. The watchdog fires when the call has used `watchdogMs` of its thread's CPU
   * time (read from /proc every 20 ms; wall time where /proc is missing), or after a wall-time cap
   * for calls that wait (child processes).
   */
  async attempt(call: string, input: unknown, watchdogMs: number): Promise<Attempt> {
    const slot = await this.acquire();
    const request: CallRequest = { type: 'call', id: this.nextId++, call, input, budgetMs: this.budgetMs };
    const cpuAtStart = slot.tid === undefined ? undefined : threadCpuMs(slot.tid);
    slot.current = `${call} (before its first timed call)`;
    const attempt = await new Promise<Attempt>((resolve) => {
      const started = performance.now();
      const wallCapMs = cpuAtStart === undefined ? watchdogMs : Math.max(30_000, watchdogMs * 20);
      const fire = (reason: string) => {
        clearInterval(timer);
        slot.pending = undefined;
        resolve({ kind: 'timeout', reason });
      };
      const timer = setInterval(() => {
        const wall = performance.now() - started;
        const cpu = cpuAtStart === undefined || slot.tid === undefined ? undefined : threadCpuMs(slot.tid);
        if (cpu !== undefined && cpuAtStart !== undefined && cpu - cpuAtStart > watchdogMs)
          fire(
            `${slot.current}: no answer after ${(cpu - cpuAtStart).toFixed(0)} ms of CPU time (watchdog ${watchdogMs} ms)`,
          );
        else if (wall > wallCapMs) fire(`${slot.current}: no answer within ${wallCapMs} ms`);
      }, 20);
      slot.pending = { resolve, timer, started };
      try {
        slot.worker.postMessage(request);
      } catch (error) {
        clearInterval(timer);
        slot.pending = undefined;
        resolve({
          kind: 'crash',
          error: `the input cannot be sent to a worker: ${(error as Error).message}`,
        });
      }
    });
    const cpuAtEnd = slot.tid === undefined ? undefined : threadCpuMs(slot.tid);
    if (cpuAtEnd !== undefined && cpuAtStart !== undefined) attempt.cpuMs = cpuAtEnd - cpuAtStart;
    if (attempt.kind === 'report' && !attempt.report.tainted && !slot.dead) this.release(slot);
    else await this.replace(slot);
    return attempt;
  }

  /**
   * Run one call and judge it: its violations, or a timeout, or a call over its budget (measured
   * up to TIMING_ATTEMPTS times, the fastest counts).
   */
  async judge(call: string, input: unknown, watchdogMs: number): Promise<Verdict> {
    const fastest = new Map<string, Timing>();
    let outcomes: string[] = [];
    let cpuMs = 0;
    for (let attempt = 1; attempt <= TIMING_ATTEMPTS; attempt++) {
      const result = await this.attempt(call, input, watchdogMs);
      cpuMs += result.cpuMs ?? 0;
      if (result.kind === 'timeout')
        return {
          violations: [`${result.reason} (budget ${this.budgetMs} ms per call): the worker was terminated`],
          maxMs: watchdogMs,
          outcomes: ['timeout'],
          timedOut: true,
          cpuMs,
        };
      if (result.kind === 'crash')
        return {
          violations: [`${call}: ${result.error}`],
          maxMs: 0,
          outcomes: ['crash'],
          timedOut: false,
          cpuMs,
        };
      const { report } = result;
      outcomes = report.outcomes;
      const maxMs = Math.max(0, ...report.timings.map((t) => t.ms));
      if (report.violations.length > 0)
        return { violations: report.violations, maxMs, outcomes, timedOut: false, cpuMs };
      for (const timing of report.timings) {
        const best = fastest.get(timing.label);
        if (best === undefined || timing.ms < best.ms) fastest.set(timing.label, timing);
      }
      const over = report.timings.filter((t) => t.ms > t.limitMs);
      if (over.length === 0) return { violations: [], maxMs, outcomes, timedOut: false, cpuMs };
    }
    const slow = [...fastest.values()].filter((t) => t.ms > t.limitMs);
    return {
      violations: slow.map(
        (t) =>
          `${t.label} took ${t.ms.toFixed(0)} ms${t.clock === 'cpu' ? ' of CPU time' : ''}, over its budget of ${t.limitMs} ms (fastest of ${TIMING_ATTEMPTS} runs)`,
      ),
      maxMs: Math.max(0, ...[...fastest.values()].map((t) => t.ms)),
      outcomes,
      timedOut: false,
      cpuMs,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.slots, ...(this.spare === undefined ? [] : [this.spare])];
    for (const waiter of this.waiting.splice(0)) void waiter;
    await Promise.all(all.map((slot) => slot.worker.terminate().catch(() => undefined)));
  }
}
