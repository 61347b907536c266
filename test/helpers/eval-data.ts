/**
 * The shared evaluation data (`../shared/eval/*.jsonl`, beside the repository, never copied into
 * it). On a fresh clone without it, the tests that measure on it are skipped — the run says so once
 * (test/setup/eval-data.ts) — unless `HUASHU_REQUIRE_EVAL=1` (CI sets it in .ci/run): then they fail.
 * Every test that reads the data goes through `describeWithEvalData`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

export const EVAL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'eval');

/** Whether the evaluation data must be present (CI): missing files fail instead of skipping. */
export const evalDataRequired = (): boolean => process.env.HUASHU_REQUIRE_EVAL === '1';

/** The path of an evaluation file (it may not exist: tests reach it only through `describeWithEvalData`). */
export function evalFile(name: string): string {
  return join(EVAL_DIR, name);
}

/** The named evaluation files that are not there. */
export function missingEvalFiles(names: readonly string[]): string[] {
  return names.filter((name) => !existsSync(evalFile(name)));
}

/**
 * `describe(title, body)` when every file in `files` is present; else skipped (silently: the run
 * reports the missing folder once), or — with HUASHU_REQUIRE_EVAL=1 — one failing test that names
 * the missing files.
 */
export function describeWithEvalData(title: string, files: readonly string[], body: () => void): void {
  const missing = missingEvalFiles(files);
  if (missing.length === 0) {
    describe(title, body);
  } else if (evalDataRequired()) {
    describe(title, () => {
      it('has its evaluation data', () => {
        throw new Error(
          `HUASHU_REQUIRE_EVAL=1 and ${missing.map((name) => evalFile(name)).join(', ')} ` +
            `${missing.length === 1 ? 'is' : 'are'} missing: put the shared evaluation data beside the repository (../shared/eval)`,
        );
      });
    });
  } else {
    describe.skip(title, body);
  }
}
