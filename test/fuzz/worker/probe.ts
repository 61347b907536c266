import { isDeepStrictEqual } from 'node:util';
import { ownCpuMs } from '../guard/cpu.js';
import { parentPort } from 'node:worker_threads';
import type { ProgressMessage, Timing } from '../guard/protocol.js';

/** Tell the guard which call starts (a hang is then named by it). */
function progress(label: string): void {
  parentPort?.postMessage({ type: 'progress', label } satisfies ProgressMessage);
}

/** Options of one timed call. */
export interface CallOptions {
  /** Budget multiplier: building an assistant from packs is not a per-message call. Default 1. */
  factor?: number;
  /** Any throw is a violation (valid input must not be refused), not only a non-HuashuError one. */
  strict?: boolean;
  /** Arguments that must come back unchanged (compared with a structured clone taken before). */
  args?: readonly unknown[];
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** `HuashuError:CODE` for a well-formed HuashuError (checked by shape: it crosses realms), else undefined. */
export function huashuCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
  if (name !== 'HuashuError' || typeof code !== 'string' || code === '') return undefined;
  if (typeof message !== 'string' || message.trim() === '') return undefined;
  return code;
}

/** One line about a thrown value: its type, message and where it came from. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `threw a non-Error value: ${String(error).slice(0, 200)}`;
  const frames = (error.stack ?? '').split('\n').slice(1);
  // The library's frame, else the harness's (a failure of the fuzz call itself).
  const frame =
    frames.find((line) => /src[\\/]/.test(line)) ?? frames.find((line) => /test[\\/]fuzz/.test(line));
  const where =
    frame === undefined
      ? ''
      : ` (${frame
          .trim()
          .replace(/^at /, '')
          .replace(/.*[\\/]((src|test)[\\/])/, '$1')
          .replace(/\)$/, '')})`;
  const code = (error as { code?: unknown }).code;
  return `${error.name}${typeof code === 'string' ? `[${code}]` : ''}: ${error.message.slice(0, 300)}${where}`;
}

function cloneOrUndefined(value: unknown): { value: unknown } | undefined {
  try {
    return { value: structuredClone(value) };
  } catch {
    return undefined;
  }
}

const deepEqual = (a: unknown, b: unknown): boolean => {
  try {
    return isDeepStrictEqual(a, b);
  } catch {
    return true; // too deep to compare: not reported
  }
};

/**
 * The first path where two values differ, or undefined. Objects are compared by their own
 * enumerable properties, not their prototypes (a structured clone of a null-prototype object has
 * Object.prototype); below 60 levels nothing is reported.
 */
export function firstDifference(
  a: unknown,
  b: unknown,
  path = '$',
  depth = 0,
  seen = new Set<unknown>(),
): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return path;
  if (depth > 60 || seen.has(a)) return undefined;
  if (Array.isArray(a) !== Array.isArray(b)) return path;
  if (a instanceof Map || a instanceof Set || a instanceof Date || ArrayBuffer.isView(a))
    return deepEqual(a, b) ? undefined : path;
  seen.add(a);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const inA = Object.prototype.hasOwnProperty.call(a, key);
    const inB = Object.prototype.hasOwnProperty.call(b, key);
    const at = Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`;
    if (inA !== inB) return at;
    const inner = firstDifference(
      Object.getOwnPropertyDescriptor(a, key)?.value,
      Object.getOwnPropertyDescriptor(b, key)?.value,
      at,
      depth + 1,
      seen,
    );
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/** A range `[start, end)` of a text of `length` UTF-16 units: integers, 0 ≤ start ≤ end ≤ length. */
export function rangeInside(range: unknown, length: number): boolean {
  if (!Array.isArray(range) || range.length !== 2) return false;
  const [start, end] = range as [unknown, unknown];
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    (start as number) >= 0 &&
    (start as number) <= (end as number) &&
    (end as number) <= length
  );
}

/**
 * What one execution of a fuzz call observed: the time of each public call, what it threw, and
 * the invariants it broke. Calls report through it; the worker sends the result to the guard.
 */
export class Probe {
  readonly timings: Timing[] = [];
  readonly violations: string[] = [];
  readonly outcomes: string[] = [];

  constructor(readonly budgetMs: number) {}

  private settle<T>(label: string, outcome: Outcome<T>, options: CallOptions, before: unknown): Outcome<T> {
    if (outcome.ok) this.outcomes.push('ok');
    else {
      const code = huashuCode(outcome.error);
      this.outcomes.push(code === undefined ? 'other error' : `HuashuError:${code}`);
      if (code === undefined) this.fail(`${label} threw ${describeError(outcome.error)}`);
      else if (options.strict === true)
        this.fail(
          `${label} refused valid input: [${code}] ${(outcome.error as Error).message.slice(0, 300)}`,
        );
    }
    if (options.args !== undefined && before !== undefined) {
      const where = firstDifference((before as { value: unknown }).value, options.args);
      if (where !== undefined) this.fail(`${label} changed its argument at ${where.replace(/^\$/, 'args')}`);
    }
    return outcome;
  }

  private timed(label: string, options: CallOptions, wallMs: number, cpuMs: number | undefined): void {
    const limitMs = this.budgetMs * (options.factor ?? 1);
    if (cpuMs === undefined) this.timings.push({ label, ms: wallMs, clock: 'wall', wallMs, limitMs });
    else this.timings.push({ label, ms: cpuMs, clock: 'cpu', wallMs, limitMs });
  }

  /** Run one public call, timed; a throw other than HuashuError is a violation. */
  call<T>(label: string, fn: () => T, options: CallOptions = {}): Outcome<T> {
    const before = options.args === undefined ? undefined : cloneOrUndefined(options.args);
    let outcome: Outcome<T>;
    progress(label);
    const cpu = ownCpuMs();
    const start = performance.now();
    try {
      outcome = { ok: true, value: fn() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    const wall = performance.now() - start;
    const cpuEnd = ownCpuMs();
    this.timed(label, options, wall, cpu === undefined || cpuEnd === undefined ? undefined : cpuEnd - cpu);
    return this.settle(label, outcome, options, before);
  }

  async callAsync<T>(label: string, fn: () => Promise<T>, options: CallOptions = {}): Promise<Outcome<T>> {
    const before = options.args === undefined ? undefined : cloneOrUndefined(options.args);
    let outcome: Outcome<T>;
    progress(label);
    const cpu = ownCpuMs();
    const start = performance.now();
    try {
      outcome = { ok: true, value: await fn() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    const wall = performance.now() - start;
    const cpuEnd = ownCpuMs();
    this.timed(label, options, wall, cpu === undefined || cpuEnd === undefined ? undefined : cpuEnd - cpu);
    return this.settle(label, outcome, options, before);
  }

  fail(message: string): void {
    if (this.violations.length < 20) this.violations.push(message);
  }

  check(condition: boolean, message: () => string): void {
    if (!condition) this.fail(message());
  }

  /** Every range lies inside a text of `length`: `[label, range]` pairs. */
  ranges(what: string, ranges: Iterable<readonly [string, unknown]>, length: number): void {
    for (const [label, range] of ranges)
      if (!rangeInside(range, length)) {
        this.fail(`${what}: ${label} range ${JSON.stringify(range)} is outside its text (length ${length})`);
        return;
      }
  }

  /** Two results of the same input are equal. */
  same(label: string, first: unknown, second: unknown): void {
    const where = firstDifference(first, second);
    if (where !== undefined) this.fail(`${label} is not deterministic: the two results differ at ${where}`);
  }
}
