import { describe, expect, it } from 'vitest';
import { prototypeChanges } from '../setup/prototype-guard.js';

// The guard (test/setup/prototype-guard.ts) fails a test file whose prototypes differ at its end;
// these cases show it sees each kind of change. Each restores what it changed before the end.
describe('the prototype guard', () => {
  it('sees nothing when nothing changed', () => {
    expect(prototypeChanges()).toEqual([]);
  });

  it.each<[string, () => void, () => void, RegExp]>([
    [
      'a property added to Object.prototype',
      () =>
        Object.defineProperty(Object.prototype, 'isAdmin', {
          value: true,
          configurable: true,
          writable: true,
        }),
      () => delete (Object.prototype as Record<string, unknown>).isAdmin,
      /^Object\.prototype\.isAdmin was added/,
    ],
    [
      'a method replaced on Array.prototype',
      () => {
        const original = Array.prototype.includes;
        Array.prototype.includes = function () {
          return true;
        };
        restoreIncludes = () => (Array.prototype.includes = original);
      },
      () => restoreIncludes(),
      /^Array\.prototype\.includes was changed/,
    ],
    [
      'a property removed from String.prototype',
      () => {
        const descriptor = Object.getOwnPropertyDescriptor(String.prototype, 'at')!;
        delete (String.prototype as unknown as Record<string, unknown>).at;
        restoreAt = () => Object.defineProperty(String.prototype, 'at', descriptor);
      },
      () => restoreAt(),
      /^String\.prototype\.at was removed/,
    ],
    [
      'a symbol added to Function.prototype',
      () => Object.defineProperty(Function.prototype, probe, { value: 1, configurable: true }),
      () => delete (Function.prototype as unknown as Record<symbol, unknown>)[probe],
      /^Function\.prototype\.Symbol\(probe\) was added/,
    ],
  ])('sees %s', (_name, change, restore, message) => {
    change();
    try {
      expect(prototypeChanges()).toEqual([expect.stringMatching(message)]);
    } finally {
      restore();
    }
    expect(prototypeChanges()).toEqual([]);
  });
});

const probe = Symbol('probe');
let restoreIncludes = () => {};
let restoreAt = () => {};
