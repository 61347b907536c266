import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fails any test file that leaves Object/Array/Function/String.prototype changed (issue 9).
    setupFiles: ['test/setup/prototype-guard.ts'],
    // Says once when ../shared/eval, Chromium or redis-server is missing (their tests are skipped,
    // or fail under HUASHU_REQUIRE_EVAL / HUASHU_REQUIRE_BROWSER / HUASHU_REQUIRE_REDIS=1).
    globalSetup: ['test/setup/eval-data.ts', 'test/setup/external.ts'],
    // Two test files at a time even on a 2-core machine (vitest's default there is one): many
    // files wait on child processes, Chromium, redis-server or npm; the timed checks measure CPU
    // time, not wall time.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
