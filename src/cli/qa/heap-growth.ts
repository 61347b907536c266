import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets a heap grow past what its last full collection kept, in percent, while
 * `huashu qa` runs. V8's default factor reaches 4 (300 %) for a thread that allocates fast, and a
 * QA thread does: it makes every conversation's result and drops it at once, so each thread's heap
 * swelled to ~90 MB around ~20 MB of live data. At 50 %, on 1,000,000 turns (bench/qa-export.ts,
 * alternating runs): `--workers 2` peak RSS 384–396 → 264–276 MB, `--workers 1` 276–279 → 191–193
 * MB; the price is CPU for the extra full collections (user time 45–56 → 57–61 s with two
 * workers). 20 % saved no more memory and cost more collections. See
 * docs/guide/score-conversations.md#large-exports.
 */
export const QA_HEAP_GROWING_PERCENT = 50;

/**
 * Sets V8's `--heap-growing-percent` for the whole process, worker threads included (V8 reads it at
 * every collection, so it takes effect at once), unless the user set it themselves in the node
 * flags or NODE_OPTIONS. A collector setting: it changes when memory is reclaimed, never a result.
 */
export function limitHeapGrowth(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  const given = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  if (given.some((flag) => /^--heap[-_]growing[-_]percent\b/.test(flag))) return false;
  setFlagsFromString(`--heap-growing-percent=${QA_HEAP_GROWING_PERCENT}`);
  return true;
}
