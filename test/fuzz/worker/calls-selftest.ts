import { ownCpuMs } from '../guard/cpu.js';
import type { Call } from './shared.js';

/**
 * Calls that break each invariant on purpose, for the guard's own tests (test/fuzz/guard.test.ts):
 * a fuzz suite whose checks cannot fail would be worthless.
 */
export const selfTestCalls: Record<string, Call> = {
  /** Hangs (an endless synchronous loop) when `n >= at`. */
  'selftest.hang'({ input, probe }) {
    probe.call('hang', () => {
      if (Number(input.n) >= Number(input.at)) for (;;);
      return Number(input.n);
    });
  },
  /** Busy for `ms` milliseconds of CPU time: slower than the budget when `ms` is. */
  'selftest.slow'({ input, probe }) {
    probe.call('slow', () => {
      const clock = () => ownCpuMs() ?? performance.now();
      const end = clock() + Number(input.ms);
      while (clock() < end);
    });
  },
  /** Throws a TypeError, a well-formed HuashuError-like error, or nothing. */
  'selftest.throw'({ input, probe }) {
    probe.call('throw', () => {
      if (input.kind === 'TypeError') throw new TypeError('raw');
      if (input.kind === 'HuashuError')
        throw Object.assign(new Error('what to fix'), {
          name: 'HuashuError',
          code: 'INVALID_INPUT',
          issues: [],
        });
    });
  },
  /** Writes a key onto Object.prototype when `pollute` is true. */
  'selftest.pollute'({ input, probe }) {
    probe.call('pollute', () => {
      if (input.pollute === true) (Object.prototype as Record<string, unknown>)[String(input.key)] = true;
    });
  },
  /** Object.prototype has no own `key` (or its own toString, for "toString"). */
  'selftest.clean'({ input, probe }) {
    const key = String(input.key);
    const own = Object.getOwnPropertyDescriptor(Object.prototype, key);
    probe.check(
      key === 'toString' ? typeof own?.value === 'function' : own === undefined,
      () => `Object.prototype.${key} is ${String(own?.value)}`,
    );
    probe.check(
      ({} as Record<string, unknown>)[key] === (key === 'toString' ? Object.prototype.toString : undefined),
      () => `({}).${key} is polluted`,
    );
  },
  /** Reports a range `[start, end)` of a text of `length`. */
  'selftest.range'({ input, probe }) {
    probe.ranges('range', [['r', [input.start, input.end]]], Number(input.length));
  },
  /** Returns a different result each time. */
  'selftest.random'({ probe }) {
    probe.same('random', { value: Math.random() }, { value: Math.random() });
  },
  /** The materialised `text` has `length` characters and `pii` personal data pieces. */
  'selftest.text'({ input, probe, pii }) {
    probe.check(
      typeof input.text === 'string' && input.text.length === input.length,
      () => `text of length ${String((input.text as string)?.length)}`,
    );
    probe.check(pii.length === input.pii, () => `${pii.length} personal data pieces`);
  },
  /** The materialised `value` is nested `depth` levels deep (counted without recursion). */
  'selftest.deep'({ input, probe }) {
    let depth = 0;
    for (let node = input.value; typeof node === 'object' && node !== null && depth < 1e6; depth++)
      node = Array.isArray(node)
        ? node[0]
        : ((node as Record<string, unknown>).not ?? (node as Record<string, unknown>).a);
    probe.check(depth === input.depth, () => `nested ${depth} levels`);
  },
  /** The materialised `value` refers to itself under `key`, is frozen, or has no prototype. */
  'selftest.object'({ input, probe }) {
    const value = input.value as Record<string, unknown>;
    if (input.expect === 'cycle') probe.check(value.self === value, () => 'not cyclic');
    if (input.expect === 'frozen')
      probe.check(Object.isFrozen(value) && Object.isFrozen(value.a), () => 'not frozen');
    if (input.expect === 'null-prototype')
      probe.check(Object.getPrototypeOf(value) === null, () => 'has a prototype');
    if (input.expect === 'own __proto__')
      probe.check(
        Object.keys(value).includes('__proto__') && Object.getPrototypeOf(value) === Object.prototype,
        () => 'not an own key',
      );
    if (input.expect === 'function')
      probe.check(
        typeof value.f === 'function' && typeof value.s === 'symbol',
        () => 'no function or symbol',
      );
  },
  /** Changes its argument when `mutate` is true. */
  'selftest.mutate'({ input, probe }) {
    const arg = { list: [1, 2, 3] };
    probe.call('mutate', () => (input.mutate === true ? arg.list.push(4) : 0), { args: [arg] });
  },
};
