import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fails any test file that leaves Object/Array/Function/String.prototype changed (issue 9).
    setupFiles: ['test/setup/prototype-guard.ts'],
    // Says once when ../shared/eval, Chromium or redis-server is missing (their tests are skipped,
    // or fail under HUASHU_REQUIRE_EVAL / HUASHU_REQUIRE_BROWSER / HUASHU_REQUIRE_REDIS=1).
    globalSetup: ['test/setup/eval-data.ts', 'test/setup/external.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
