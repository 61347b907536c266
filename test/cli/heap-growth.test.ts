import { beforeEach, describe, expect, it, vi } from 'vitest';

const setFlagsFromString = vi.fn();
vi.mock('node:v8', () => ({ setFlagsFromString }));
const { limitHeapGrowth, QA_HEAP_GROWING_PERCENT } = await import('../../src/cli/qa/heap-growth.js');

describe('limitHeapGrowth (huashu qa keeps each thread heap near its live size)', () => {
  beforeEach(() => setFlagsFromString.mockClear());

  it.each([
    ['no node flags', [], undefined],
    ['other flags', ['--enable-source-maps', '--max-old-space-size=4096'], '--no-warnings'],
  ])('sets --heap-growing-percent with %s', (_name, execArgv, nodeOptions) => {
    expect(limitHeapGrowth(execArgv, nodeOptions)).toBe(true);
    expect(setFlagsFromString).toHaveBeenCalledExactlyOnceWith(
      `--heap-growing-percent=${QA_HEAP_GROWING_PERCENT}`,
    );
  });

  it.each([
    ['in the node flags', ['--heap-growing-percent=0'], undefined],
    ['with underscores', ['--heap_growing_percent=300'], undefined],
    ['in NODE_OPTIONS', [], '--max-old-space-size=512 --heap-growing-percent=10'],
  ])('leaves the user setting alone when given %s', (_name, execArgv, nodeOptions) => {
    expect(limitHeapGrowth(execArgv, nodeOptions)).toBe(false);
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });
});
