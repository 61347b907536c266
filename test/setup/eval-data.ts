/**
 * Vitest global setup: says once per run when the shared evaluation data is missing, so the
 * skipped measurements (test/helpers/eval-data.ts) are not a silent surprise.
 */
import { existsSync } from 'node:fs';
import { EVAL_DIR, evalDataRequired } from '../helpers/eval-data.js';

export default function setup(): void {
  if (existsSync(EVAL_DIR)) return;
  const what = evalDataRequired()
    ? 'HUASHU_REQUIRE_EVAL=1: the tests that measure on it will FAIL.'
    : 'the tests that measure on it are skipped (HUASHU_REQUIRE_EVAL=1 makes them fail instead).';
  process.stderr.write(`\nhuashu: no evaluation data at ${EVAL_DIR}; ${what}\n\n`);
}
