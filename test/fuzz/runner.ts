import fc from 'fast-check';
import type { Scale } from './config.js';
import type { TimeGuard, Verdict } from './guard/time-guard.js';
import type { FuzzProperty } from './properties.js';

export interface RunOptions {
  runs: number;
  seed: number;
  budgetMs: number;
  scale: Scale;
  /** Time spent shrinking a failure before the smallest counterexample so far is reported. */
  shrinkLimitMs: number;
  /** Replay one counterexample: fast-check's path of a reported failure. */
  path?: string;
}

export interface PropertyResult {
  name: string;
  runs: number;
  failures: number;
  timeouts: number;
  /** The slowest timed call of any run, in milliseconds, and that run's input. */
  maxMs: number;
  slowest: string;
  /** CPU time the workers spent on this property's inputs (shrinking included). */
  cpuMs: number;
  /** How the timed calls ended: `ok`, `HuashuError:<code>`, `other error`, `timeout`. */
  outcomes: Record<string, number>;
  /** Failures by kind, each with the first input that showed it (not shrunk). */
  kinds: Array<{ kind: string; count: number; example: string; violation: string; run: number }>;
  /** The first failure, shrunk: input, what broke, how to replay it. */
  failure?: { runs: number; counterexample: string; violations: string[]; path: string; shrinks: number };
  wallMs: number;
}

export const watchdogMs = (property: FuzzProperty, budgetMs: number) => property.watchdog * budgetMs + 100;

const runsOf = (property: FuzzProperty, runs: number) =>
  Math.max(1, Math.min(runs, property.maxRuns ?? runs));

class Stats {
  runs = 0;
  failures = 0;
  timeouts = 0;
  maxMs = 0;
  cpuMs = 0;
  slowest = '';
  outcomes: Record<string, number> = {};
  /** Failures by kind (the violation with its numbers and quoted text blanked), with a first input. */
  kinds = new Map<string, { count: number; example: string; violation: string; run: number }>();

  add(verdict: Verdict, input: unknown, run = -1): void {
    this.runs++;
    this.cpuMs += verdict.cpuMs;
    if (verdict.violations.length > 0) this.failures++;
    if (verdict.timedOut) this.timeouts++;
    for (const violation of verdict.violations.slice(0, 3)) {
      const kind = violation
        .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
        .replace(/\d+/g, '#')
        .replace(/:\s.*$/s, '')
        .slice(0, 120);
      const known = this.kinds.get(kind);
      if (known === undefined)
        this.kinds.set(kind, { count: 1, example: fc.stringify(input).slice(0, 600), violation, run });
      else known.count++;
    }
    if (verdict.maxMs > this.maxMs) {
      this.maxMs = verdict.maxMs;
      this.slowest = fc.stringify(input).slice(0, 2000);
    }
    for (const outcome of verdict.outcomes) this.outcomes[outcome] = (this.outcomes[outcome] ?? 0) + 1;
  }
}

class PropertyFailure extends Error {
  constructor(readonly violations: string[]) {
    super(violations.join('\n'));
  }
}

/** Search for the first failing input, shrink it within `shrinkLimitMs`, and return the details. */
async function firstFailure(
  guard: TimeGuard,
  property: FuzzProperty,
  options: RunOptions,
  parameters: fc.Parameters<[unknown]>,
  stats?: Stats,
): Promise<PropertyResult['failure']> {
  let failedAt: number | undefined;
  let lastViolations: string[] = [];
  const details = await fc.check(
    fc.asyncProperty(property.arbitrary(options.scale), async (input) => {
      // Past the shrink deadline candidates are not run: fast-check then keeps the smallest failure so far.
      if (failedAt !== undefined && performance.now() - failedAt > options.shrinkLimitMs) return true;
      const verdict = await guard.judge(property.call, input, watchdogMs(property, options.budgetMs));
      stats?.add(verdict, input);
      if (verdict.violations.length === 0) return true;
      failedAt ??= performance.now();
      lastViolations = verdict.violations;
      throw new PropertyFailure(verdict.violations);
    }),
    { seed: options.seed, ...parameters },
  );
  if (!details.failed) return undefined;
  const error = details.errorInstance;
  return {
    runs: details.numRuns,
    counterexample: fc.stringify(details.counterexample?.[0]),
    violations:
      error instanceof PropertyFailure
        ? error.violations
        : lastViolations.length > 0
          ? lastViolations
          : [String(error)],
    path: details.counterexamplePath ?? '',
    shrinks: details.numShrinks,
  };
}

/**
 * CI: run until the first failure and shrink it (fast-check's usual run). The result has the
 * shrunk counterexample, or no failure.
 */
export async function runUntilFailure(
  guard: TimeGuard,
  property: FuzzProperty,
  options: RunOptions,
): Promise<PropertyResult> {
  const started = performance.now();
  const stats = new Stats();
  const failure = await firstFailure(
    guard,
    property,
    options,
    options.path === undefined
      ? { numRuns: runsOf(property, options.runs) }
      : { path: options.path, numRuns: 1 },
    stats,
  );
  return {
    name: property.name,
    ...summary(stats),
    ...(failure === undefined ? {} : { failure }),
    wallMs: performance.now() - started,
  };
}

function summary(stats: Stats) {
  const { runs, failures, timeouts, maxMs, slowest, outcomes, cpuMs } = stats;
  const kinds = [...stats.kinds.entries()]
    .map(([kind, v]) => ({ kind, ...v }))
    .sort((a, b) => b.count - a.count);
  return { runs, failures, timeouts, maxMs, slowest, outcomes, kinds, cpuMs };
}

/**
 * The long run: all `runs` inputs are tried (failures counted, not stopping at the first), then
 * the first failing input is replayed by its path and shrunk.
 */
export async function runAll(
  guard: TimeGuard,
  property: FuzzProperty,
  options: RunOptions,
): Promise<PropertyResult> {
  if (options.path !== undefined) return runUntilFailure(guard, property, options);
  const started = performance.now();
  const stats = new Stats();
  let firstFailing: number | undefined;
  let index = 0;
  await fc.check(
    fc.asyncProperty(property.arbitrary(options.scale), async (input) => {
      const verdict = await guard.judge(property.call, input, watchdogMs(property, options.budgetMs));
      stats.add(verdict, input, index);
      if (verdict.violations.length > 0) firstFailing ??= index;
      index++;
      return true;
    }),
    { seed: options.seed, numRuns: runsOf(property, options.runs) },
  );
  const replayed =
    firstFailing === undefined
      ? undefined
      : await firstFailure(guard, property, options, { path: String(firstFailing), numRuns: 1 });
  const result = summary(stats);
  // A failure the replay does not show again passes only when it was a time overrun (a shared
  // machine can stall a thread); a throw or a wrong answer that comes and goes is a bug itself.
  const flaky = result.kinds.filter((k) => !isTimeOverrun(k.violation));
  const failure =
    replayed ??
    (flaky.length === 0
      ? undefined
      : {
          runs: firstFailing! + 1,
          counterexample: flaky[0]!.example,
          violations: [`${flaky[0]!.violation} (not shown again when replayed: nondeterministic)`],
          path: String(firstFailing),
          shrinks: 0,
        });
  return {
    name: property.name,
    ...result,
    ...(failure === undefined ? {} : { failure }),
    wallMs: performance.now() - started,
  };
}

/** A violation that says a call was over its CPU budget or did not answer in time. */
export function isTimeOverrun(violation: string): boolean {
  return /of CPU time, over its budget|no answer after/.test(violation);
}

/** A failure as the test report shows it: what broke, the shrunk input, how to replay. */
export function describeFailure(property: FuzzProperty, result: PropertyResult, options: RunOptions): string {
  const failure = result.failure!;
  const input =
    failure.counterexample.length > 3000
      ? `${failure.counterexample.slice(0, 3000)}… (${failure.counterexample.length} characters)`
      : failure.counterexample;
  return [
    `${property.name} failed on run ${failure.runs} (then ${failure.shrinks} shrinks):`,
    ...failure.violations.map((v) => `  - ${v}`),
    `input: ${input}`,
    `replay: npm run fuzz -- --only "${property.name}" --seed ${options.seed} --scale ${options.scale} --budget-ms ${options.budgetMs} --path "${failure.path}"`,
  ].join('\n');
}
