/**
 * Worst case: analyze, lint, reply and render on hostile 100 KB and 1 MB inputs (the kinds of
 * test/reliability/worst-case-inputs.ts), ms per call (fastest of 3 warm runs) and the ratio.
 * Goals are judged on CPU time (this process's user + system time): on a machine shared with
 * other jobs, wall-clock time mostly counts the waits for a core; on an idle one the two agree.
 * Goals: 1 MB ≤ 100 ms per call, 1 MB ≤ 12 × 100 KB. Measures the built package (dist/), as an
 * application runs it; `npm run bench` builds it first.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Assistant } from '../src/assistant/index.js';
import {
  cpuClock,
  fastest,
  WORST_CASE_KINDS,
  worstCaseCalls,
} from '../test/reliability/worst-case-inputs.js';
import { fmt, type Row, type Suite } from './harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SMALL = 100_000;
const LARGE = 1_000_000;
const GOAL_MS = 100;
const GOAL_RATIO = 12;

async function builtAssistant(): Promise<{ assistant: Assistant; from: string }> {
  const dist = join(root, 'dist/index.js');
  if (existsSync(dist)) {
    const built = (await import(pathToFileURL(dist).href)) as { createAssistant: () => Assistant };
    return { assistant: built.createAssistant(), from: 'dist' };
  }
  const { createAssistant } = await import('../src/assistant/index.js');
  return { assistant: createAssistant(), from: 'src (run npm run build to measure dist)' };
}

export const worstCaseSuite: Suite = {
  name: 'worst-case',
  async run(): Promise<Row[]> {
    const { assistant, from } = await builtAssistant();
    const calls = worstCaseCalls(assistant);
    const rows: Row[] = [];
    let worstMs = 0;
    let worstRatio = 0;
    for (const kind of WORST_CASE_KINDS) {
      const small = kind.make(SMALL);
      const large = kind.make(LARGE);
      for (const [name, call] of Object.entries(calls)) {
        fastest(call, small, 2);
        fastest(call, large, 1);
        const smallMs = fastest(call, small, 3, cpuClock);
        const largeMs = fastest(call, large, 3, cpuClock);
        const largeWallMs = fastest(call, large, 2);
        const ratio = largeMs / Math.max(smallMs, 0.2);
        worstMs = Math.max(worstMs, largeMs);
        worstRatio = Math.max(worstRatio, ratio);
        rows.push({
          input: kind.name,
          call: name,
          '100 KB CPU ms': fmt(smallMs),
          '1 MB CPU ms': fmt(largeMs),
          ratio: fmt(ratio, 1),
          '1 MB wall ms': fmt(largeWallMs),
          goal: largeMs <= GOAL_MS && ratio <= GOAL_RATIO ? 'met' : 'MISSED',
        });
      }
    }
    rows.push({
      input: `worst of all (${from}, load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`,
      call: '',
      '1 MB CPU ms': fmt(worstMs),
      ratio: fmt(worstRatio, 1),
      goal: `1 MB ≤ ${GOAL_MS} ms, ratio ≤ ${GOAL_RATIO}`,
    });
    return rows;
  },
};
