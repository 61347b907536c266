import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUZZ_SEED } from './config.js';
import { TimeGuard } from './guard/time-guard.js';
import type { FuzzProperty } from './properties.js';
import { runUntilFailure, type RunOptions } from './runner.js';

// The guard's own checks: each invariant the fuzz suite relies on is broken on purpose by a
// self-test call (test/fuzz/worker/calls-selftest.ts) and must be reported.

const BUDGET_MS = 100;
const OPTIONS: RunOptions = {
  runs: 200,
  seed: FUZZ_SEED,
  budgetMs: BUDGET_MS,
  scale: 'ci',
  shrinkLimitMs: 30_000,
};

let guard: TimeGuard;
beforeAll(async () => {
  guard = await TimeGuard.start({ budgetMs: BUDGET_MS, workers: 1 });
}, 120_000);
afterAll(async () => {
  await guard.close();
});

const selfTest = (call: string, arbitrary: fc.Arbitrary<unknown>): FuzzProperty => ({
  name: call,
  area: 'core',
  call,
  arbitrary: () => arbitrary,
  watchdog: 1,
});

describe('time guard', () => {
  it('terminates a hanging call, replaces the worker and shrinks the input to the smallest that hangs', async () => {
    const before = guard.replaced;
    const result = await runUntilFailure(
      guard,
      selfTest('selftest.hang', fc.record({ n: fc.integer({ min: 0, max: 8 }), at: fc.constant(3) })),
      OPTIONS,
    );
    expect(result.failure?.violations[0]).toMatch(
      /^hang: no answer after \d+ ms of CPU time \(watchdog 200 ms\) .* the worker was terminated$/,
    );
    expect(result.failure?.counterexample).toBe('{"n":3,"at":3}');
    expect(guard.replaced).toBeGreaterThan(before);
    // The replacement answers.
    expect((await guard.judge('selftest.hang', { n: 1, at: 3 }, 200)).violations).toEqual([]);
  }, 120_000);

  it('fails a call over its budget only when it is slow every time (fastest of three)', async () => {
    const slow = await guard.judge('selftest.slow', { ms: 250 }, 2_000);
    expect(slow.violations).toEqual([
      expect.stringMatching(
        /^slow took 2\d\d ms of CPU time, over its budget of 100 ms \(fastest of 3 runs\)$/,
      ),
    ]);
    expect((await guard.judge('selftest.slow', { ms: 5 }, 2_000)).violations).toEqual([]);
  });

  it.each([
    ['TypeError', [expect.stringMatching(/^throw threw TypeError: raw/)]],
    ['HuashuError', []],
    ['nothing', []],
  ])('classifies a thrown %s', async (kind, expected) => {
    expect((await guard.judge('selftest.throw', { kind }, 1_000)).violations).toEqual(expected);
  });

  it('reports a change of Object.prototype and puts the prototype back for the next call', async () => {
    const polluted = await guard.judge('selftest.pollute', { pollute: true, key: 'fuzzPolluted' }, 1_000);
    expect(polluted.violations).toEqual(['global state changed: Object.prototype: added fuzzPolluted']);
    expect((await guard.judge('selftest.clean', { key: 'fuzzPolluted' }, 1_000)).violations).toEqual([]);
    const changed = await guard.judge('selftest.pollute', { pollute: true, key: 'toString' }, 1_000);
    expect(changed.violations).toEqual(['global state changed: Object.prototype: changed toString']);
    expect((await guard.judge('selftest.clean', { key: 'toString' }, 1_000)).violations).toEqual([]);
  });

  it.each([
    [0, 0, 0, true],
    [2, 5, 5, true],
    [3, 2, 5, false],
    [0, 6, 5, false],
    [-1, 2, 5, false],
    [0.5, 2, 5, false],
    ['0', 2, 5, false],
  ])('range [%s, %s) of a text of length %s inside: %s', async (start, end, length, inside) => {
    const { violations } = await guard.judge('selftest.range', { start, end, length }, 1_000);
    expect(violations.length === 0).toBe(inside);
  });

  it('reports a result that differs between two calls with the same input', async () => {
    const { violations } = await guard.judge('selftest.random', {}, 1_000);
    expect(violations).toEqual(['random is not deterministic: the two results differ at $.value']);
  });

  it('reports a call that changes its argument', async () => {
    expect((await guard.judge('selftest.mutate', { mutate: true }, 1_000)).violations).toEqual([
      'mutate changed its argument at args[0].list[3]',
    ]);
    expect((await guard.judge('selftest.mutate', { mutate: false }, 1_000)).violations).toEqual([]);
  });

  it.each([
    [
      'a long run and personal data',
      'selftest.text',
      { text: { $text: ['亲', { r: 'ab', n: 10_000 }, { pii: '13812345678' }] }, length: 20_014, pii: 1 },
    ],
    [
      '10,000 nested conditions',
      'selftest.deep',
      { value: { $deep: 10_000, shape: 'not', leaf: 1 }, depth: 10_000 },
    ],
    [
      '10,000 nested arrays',
      'selftest.deep',
      { value: { $deep: 10_000, shape: 'array', leaf: 1 }, depth: 10_000 },
    ],
    ['a cycle', 'selftest.object', { value: { $cycle: { a: 1 }, key: 'self' }, expect: 'cycle' }],
    ['a frozen object', 'selftest.object', { value: { $frozen: { a: { b: 1 } } }, expect: 'frozen' }],
    [
      'a null-prototype object',
      'selftest.object',
      { value: { $nullproto: { a: 1 } }, expect: 'null-prototype' },
    ],
    [
      'an own __proto__ key',
      'selftest.object',
      { value: JSON.parse('{"__proto__": {"x": 1}}'), expect: 'own __proto__' },
    ],
    [
      'functions and symbols',
      'selftest.object',
      { value: { f: { $fn: 'true' }, s: { $sym: 'x' } }, expect: 'function' },
    ],
  ])('materialises generated inputs: %s', async (_what, call, input) => {
    expect((await guard.judge(call, input, 2_000)).violations).toEqual([]);
  });

  it('a wrong expectation about a materialised input is reported (the self-tests can fail)', async () => {
    const { violations } = await guard.judge(
      'selftest.text',
      { text: { $text: [{ r: 'ab', n: 3 }] }, length: 5, pii: 0 },
      1_000,
    );
    expect(violations).toEqual(['text of length 6']);
  });
});
