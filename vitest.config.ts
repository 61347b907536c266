import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fails any test file that leaves Object/Array/Function/String.prototype changed (issue 9).
    setupFiles: ['test/setup/prototype-guard.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
