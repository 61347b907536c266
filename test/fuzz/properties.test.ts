import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as core from '../../src/index.js';
import * as node from '../../src/node/index.js';
import { CI_RUNS, CI_SHRINK_LIMIT_MS, DEFAULT_BUDGET_MS, FUZZ_SEED, CI_WORKERS } from './config.js';
import { TimeGuard } from './guard/time-guard.js';
import { PROPERTIES } from './properties.js';
import { describeFailure, runUntilFailure, type RunOptions } from './runner.js';

// Every property of test/fuzz/properties.ts with the fixed CI settings of test/fuzz/config.ts.
// A failure shows the broken invariant, the shrunk input and the command that replays it.

const OPTIONS: RunOptions = {
  runs: CI_RUNS,
  seed: FUZZ_SEED,
  budgetMs: DEFAULT_BUDGET_MS,
  scale: 'ci',
  shrinkLimitMs: CI_SHRINK_LIMIT_MS,
};

/** Exports that are not functions to fuzz, each with the reason. */
const NOT_FUZZED: Record<string, string> = {
  HuashuError: 'the error class itself',
};

describe('every exported function has a fuzz property', () => {
  const names = PROPERTIES.map((p) => p.name).join('\n');
  it.each([
    ...Object.entries(core).map(([name, value]) => ['huashu', name, value] as const),
    ...Object.entries(node).map(([name, value]) => ['huashu/node', name, value] as const),
  ])('%s %s', (_entry, name, value) => {
    if (typeof value !== 'function' || name in NOT_FUZZED) return;
    expect(names).toMatch(new RegExp(`\\b${name}\\(`));
  });
});

let guard: TimeGuard | undefined;
beforeAll(async () => {
  guard = await TimeGuard.start({ budgetMs: OPTIONS.budgetMs, workers: CI_WORKERS });
}, 120_000);
afterAll(async () => {
  await guard?.close();
});

for (const area of ['core', 'lint', 'templates', 'node', 'cli'] as const)
  describe.concurrent(`fuzz: ${area}`, () => {
    for (const property of PROPERTIES.filter((p) => p.area === area))
      it(
        property.name,
        async () => {
          const result = await runUntilFailure(guard!, property, OPTIONS);
          if (result.failure !== undefined) expect.fail(describeFailure(property, result, OPTIONS));
          expect(result.runs).toBe(Math.min(OPTIONS.runs, property.maxRuns ?? OPTIONS.runs));
        },
        180_000,
      );
  });
