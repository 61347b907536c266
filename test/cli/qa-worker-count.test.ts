import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultWorkers, parseWorkers } from '../../src/cli/qa/checker.js';
import { UsageError } from '../../src/cli/usage-error.js';

describe('huashu qa --workers', () => {
  // Half the logical CPUs, at least one: a hyperthread adds little to a CPU-bound checker.
  it.each([
    [1, 1],
    [2, 1],
    [3, 1],
    [4, 2],
    [8, 4],
    [64, 32],
  ])('%i logical CPUs → %i threads by default', (cpus, threads) => {
    expect(defaultWorkers(cpus)).toBe(threads);
  });

  it('uses the default when the flag is absent', () => {
    expect(parseWorkers(undefined)).toBe(Math.max(1, Math.floor(availableParallelism() / 2)));
  });

  it.each([
    ['1', 1],
    ['2', 2],
    [' 3 ', 3],
    ['256', 256],
  ])('takes --workers %j as %i', (value, threads) => {
    expect(parseWorkers(value)).toBe(threads);
  });

  it.each(['0', '-1', '1.5', 'two', '', '257'])('refuses --workers %j with a usage error', (value) => {
    expect(() => parseWorkers(value)).toThrow(UsageError);
    expect(() => parseWorkers(value)).toThrow(/whole number from 1 to 256/);
  });
});
