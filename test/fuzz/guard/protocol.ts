/** Messages between the time guard (parent) and a fuzz worker. Everything here is structured-cloneable. */

export interface CallRequest {
  type: 'call';
  id: number;
  /** A key of the worker's call table (test/fuzz/worker/calls.ts). */
  call: string;
  /** The generated input, with markers (`$text`, `$fn`, …) the worker turns into values. */
  input: unknown;
  /** The per-call budget in milliseconds; each timed call is held to `budgetMs × its factor`. */
  budgetMs: number;
}

export interface Timing {
  label: string;
  /** The call's CPU time (its thread's) where the OS tells it, else its wall time. */
  ms: number;
  clock: 'cpu' | 'wall';
  wallMs: number;
  /** This call's limit: budgetMs × its factor. */
  limitMs: number;
}

export interface CallReport {
  type: 'report';
  id: number;
  /** Every timed public call of this execution. */
  timings: Timing[];
  /** Broken invariants (wrong error type, range outside its text, prototype changed, …). */
  violations: string[];
  /** What was thrown by the calls, for statistics: `HuashuError:INVALID_INPUT`, `ok`. */
  outcomes: string[];
  /** The worker's global state changed and could not be restored: the guard replaces it. */
  tainted: boolean;
}

export interface ReadyMessage {
  type: 'ready';
  warmupMs: number;
  /** The worker thread's kernel id: the guard's watchdog reads its CPU time. */
  tid: number | undefined;
}

/** Sent before each timed call, so a hang can be named by the call that hung. */
export interface ProgressMessage {
  type: 'progress';
  label: string;
}

export type WorkerMessage = CallReport | ReadyMessage | ProgressMessage;
