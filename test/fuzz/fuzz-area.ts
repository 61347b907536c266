import { afterAll, beforeAll, expect, it } from 'vitest';
import { CI_RUNS, CI_SHRINK_LIMIT_MS, DEFAULT_BUDGET_MS, FUZZ_SEED } from './config.js';
import { TimeGuard } from './guard/time-guard.js';
import { PROPERTIES, type FuzzProperty } from './properties.js';
import { describeFailure, runUntilFailure, type RunOptions } from './runner.js';

export const CI_OPTIONS: RunOptions = {
  runs: CI_RUNS,
  seed: FUZZ_SEED,
  budgetMs: DEFAULT_BUDGET_MS,
  scale: 'ci',
  shrinkLimitMs: CI_SHRINK_LIMIT_MS,
};

/**
 * One `it` per property of an area, all on one time guard (one warm worker). A failure shows the
 * broken invariant, the shrunk input and the command that replays it.
 */
export function fuzzArea(area: FuzzProperty['area']): void {
  let guard: TimeGuard | undefined;
  beforeAll(async () => {
    guard = await TimeGuard.start({ budgetMs: CI_OPTIONS.budgetMs, workers: 1 });
  }, 120_000);
  afterAll(async () => {
    await guard?.close();
  });
  for (const property of PROPERTIES.filter((p) => p.area === area))
    it(property.name, async () => {
      const result = await runUntilFailure(guard!, property, CI_OPTIONS);
      if (result.failure !== undefined) expect.fail(describeFailure(property, result, CI_OPTIONS));
      expect(result.runs).toBe(Math.min(CI_OPTIONS.runs, property.maxRuns ?? CI_OPTIONS.runs));
    }, 120_000);
}
