/**
 * Vitest global setup: says once per run which real parts (Chromium, redis-server) this machine
 * lacks, so the skipped browser and Redis tests (test/helpers/external.ts) are not a silent surprise.
 */
import { CHROMIUM, partRequired, REDIS_SERVER } from '../helpers/external.js';

export default function setup(): void {
  for (const part of [CHROMIUM, REDIS_SERVER]) {
    if (part.executable() !== undefined) continue;
    const what = partRequired(part)
      ? `${part.requireVariable}=1: the tests that need it will FAIL.`
      : `the tests that need it are skipped (${part.install}; ${part.requireVariable}=1 makes them fail instead).`;
    process.stderr.write(`\nhuashu: no ${part.name} on this machine; ${what}\n\n`);
  }
}
