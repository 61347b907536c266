/**
 * Worst-case battery: every per-message entry point stays linear on hostile input. Timed unit
 * tests are flaky on a shared machine, so this asserts a ratio of CPU times (500 KB may cost at most 16× what
 * 50 KB costs; linear is 10×, quadratic 100×), on the fastest of several warm runs, re-measured
 * before failing. The absolute figure (1 MB ≤ 100 ms) is checked by `npm run bench -- worst-case`.
 */
import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant/index.js';
import { HuashuError } from '../../src/errors.js';
import { MAX_LINTED_CHARS } from '../../src/limits.js';
import { MAX_ANALYSED_CHARS } from '../../src/normalize/window.js';
import { cpuClock, fastest, WORST_CASE_KINDS, worstCaseCalls } from './worst-case-inputs.js';

const assistant = createAssistant();
const calls = worstCaseCalls(assistant);
// 50 KB → 500 KB: the same tenfold step as the bench's 100 KB → 1 MB (linear 10×, quadratic
// 100×) at half the CI time; the 1 MB figures themselves are the bench's (npm run bench -- worst-case).
const SMALL = 50_000;
const LARGE = 500_000;
/**
 * The goal is 12× (linear is 10×, quadratic 100×), which `npm run bench -- worst-case`
 * reports. Here, on a shared CI machine, garbage collection during the 1 MB run alone has pushed a
 * linear path to 15.6× (lint on capitals, 6.6 → 102.6 ms): 16× still fails anything quadratic.
 */
const MAX_RATIO = 16;
/** Below this, a time is noise: a ratio is taken against at least this much. */
const FLOOR_MS = 0.2;

/**
 * CPU time at `small` and `large`: after a warm-up that lets the JIT settle, the two are timed in
 * turn (so both see the same load from other processes), keeping the fastest of each; at least
 * 2 rounds, up to 15 while over the ratio — noise only ever makes a ratio look worse.
 */
function ratio(call: (text: string) => unknown, small: string, large: string, maxRatio: number) {
  fastest(call, small, 3);
  fastest(call, large, 1);
  let smallMs = Infinity;
  let largeMs = Infinity;
  for (let round = 0; round < 15; round++) {
    smallMs = Math.min(smallMs, fastest(call, small, 1, cpuClock));
    largeMs = Math.min(largeMs, fastest(call, large, 1, cpuClock));
    if (round >= 1 && largeMs / Math.max(smallMs, FLOOR_MS) <= maxRatio) break;
  }
  return { smallMs, largeMs, ratio: largeMs / Math.max(smallMs, FLOOR_MS) };
}

function outcome(call: (text: string) => unknown, text: string): string {
  try {
    call(text);
    return 'ok';
  } catch (error) {
    return error instanceof HuashuError ? `HuashuError ${error.code}` : `raw ${String(error)}`;
  }
}

describe('worst-case battery: 500 KB costs at most 16× 50 KB (goal 12× at 1 MB, see the bench)', () => {
  for (const kind of WORST_CASE_KINDS) {
    describe(kind.name, () => {
      const small = kind.make(SMALL);
      const large = kind.make(LARGE);
      for (const [name, call] of Object.entries(calls)) {
        it(`${name}: throws nothing but HuashuError, and stays linear`, () => {
          expect(outcome(call, large)).not.toMatch(/^raw /);
          const measured = ratio(call, small, large, MAX_RATIO);
          expect(measured.ratio, JSON.stringify(measured)).toBeLessThanOrEqual(MAX_RATIO);
        });
      }
    });
  }
});

describe('worst-case battery: linear inside the analysed window too', () => {
  // analyze() reads the first MAX_ANALYSED_CHARS folded characters. 4 KB → 32 KB is 8× the text:
  // linear work costs 8×, up to ~3× more per character once buffers leave the CPU caches and
  // the garbage collector promotes them; quadratic work costs 64×.
  const small = 4_096;
  const large = MAX_ANALYSED_CHARS;
  for (const kind of WORST_CASE_KINDS) {
    it(`analyze: ${kind.name}`, () => {
      const measured = ratio(calls.analyze!, kind.make(small), kind.make(large), 32);
      expect(measured.ratio, JSON.stringify(measured)).toBeLessThanOrEqual(32);
    });
  }
});

describe('worst-case battery: lint stays linear inside its window', () => {
  // lint() reads the first MAX_LINTED_CHARS characters, so the 50 KB → 500 KB step above is only
  // 2× of read text for it: a tenth of its window → its window is its tenfold step (linear 10×,
  // quadratic 100×).
  const window = MAX_LINTED_CHARS;
  for (const kind of WORST_CASE_KINDS) {
    it(`lint: ${kind.name}`, () => {
      const measured = ratio(calls.lint!, kind.make(window / 10), kind.make(window), MAX_RATIO);
      expect(measured.ratio, JSON.stringify(measured)).toBeLessThanOrEqual(MAX_RATIO);
    });
  }
});

describe('worst-case battery: results stay inside the text', () => {
  it.each(WORST_CASE_KINDS.map((k) => [k.name, k] as const))('%s', (_, kind) => {
    const text = kind.make(LARGE);
    const analysis = assistant.analyze(text);
    const ranges = [
      ...analysis.entities.map((e) => e.range),
      ...analysis.signals.flatMap((s) => s.evidence.map((e) => e.range)),
      ...analysis.intents.flatMap((i) => i.evidence.flatMap((e) => (e.range ? [e.range] : []))),
      ...assistant.lint(text).findings.map((f) => f.range),
    ];
    for (const [start, end] of ranges) {
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeGreaterThanOrEqual(start);
      expect(end).toBeLessThanOrEqual(text.length);
    }
  });
});
