/**
 * The fuzz suite's fixed settings, in one place: CI runs `test/fuzz/*.test.ts` with these; the long
 * run (`npm run fuzz -- --runs N [--seed S] [--budget-ms B]`) overrides runs, seed and budget.
 */

/** The seed of every CI property: a failure in CI replays exactly with `npm run fuzz -- --seed 20250609`. */
export const FUZZ_SEED = 20250609;

/** Per-call time budget in milliseconds: a public call slower than this (×its factor) fails. */
export const DEFAULT_BUDGET_MS = 100;

/**
 * Text sizes: CI keeps generated texts around 10 KB so the whole suite runs in well under a
 * minute; the long run goes up to 1 MB (the issue's worst case).
 */
export type Scale = 'ci' | 'long';
export const MAX_TEXT_LENGTH: Record<Scale, number> = { ci: 10_000, long: 1_000_000 };

/** Runs per property in CI (a property may ask for fewer when one call costs a process spawn). */
export const CI_RUNS = 40;

/** Fuzz workers in CI: one per core of the 2-core CI machine. */
export const CI_WORKERS = 2;

/** Time CI spends shrinking one failing property before it reports the smallest input so far. */
export const CI_SHRINK_LIMIT_MS = 5_000;

/**
 * A call slower than its budget is measured again (up to this many times in all) and the fastest
 * time counts: a shared 2-core machine pauses threads for tens of milliseconds now and then, a
 * slow algorithm is slow every time.
 */
export const TIMING_ATTEMPTS = 3;
