import { afterAll, expect } from 'vitest';

/**
 * Registered in vitest.config.ts `setupFiles`: runs before each test file, so every file is
 * checked on its own. It records the built-in prototypes as they are before the file's imports
 * run, and fails the file when any own property was added, removed or redefined by the end:
 * a pack or input that pollutes a prototype (issue 9's `__proto__.isAdmin`) cannot pass unseen.
 */
const GUARDED: ReadonlyArray<[string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];

function describeProperty(descriptor: PropertyDescriptor): string {
  const flags = `${descriptor.enumerable ? 'e' : '-'}${descriptor.configurable ? 'c' : '-'}${descriptor.writable ? 'w' : '-'}`;
  return 'value' in descriptor ? `value:${typeof descriptor.value}:${flags}` : `accessor:${flags}`;
}

interface Snapshot {
  prototype: object | null;
  extensible: boolean;
  /** Own key → descriptor, compared by identity of values and accessors. */
  properties: Map<PropertyKey, PropertyDescriptor>;
}

function snapshot(target: object): Snapshot {
  const properties = new Map<PropertyKey, PropertyDescriptor>();
  for (const key of Reflect.ownKeys(target))
    properties.set(key, Object.getOwnPropertyDescriptor(target, key)!);
  return {
    prototype: Object.getPrototypeOf(target) as object | null,
    extensible: Object.isExtensible(target),
    properties,
  };
}

function differences(name: string, before: Snapshot, target: object): string[] {
  const after = snapshot(target);
  const out: string[] = [];
  if (after.prototype !== before.prototype) out.push(`${name}: its prototype was replaced`);
  if (after.extensible !== before.extensible) out.push(`${name}: extensibility changed`);
  for (const [key, descriptor] of after.properties) {
    const old = before.properties.get(key);
    if (old === undefined) {
      out.push(`${name}.${String(key)} was added (${describeProperty(descriptor)})`);
    } else if (
      old.value !== descriptor.value ||
      old.get !== descriptor.get ||
      old.set !== descriptor.set ||
      old.writable !== descriptor.writable ||
      old.enumerable !== descriptor.enumerable ||
      old.configurable !== descriptor.configurable
    ) {
      out.push(
        `${name}.${String(key)} was changed (${describeProperty(old)} → ${describeProperty(descriptor)})`,
      );
    }
  }
  for (const key of before.properties.keys()) {
    if (!after.properties.has(key)) out.push(`${name}.${String(key)} was removed`);
  }
  return out;
}

const snapshots = GUARDED.map(([name, target]) => [name, target, snapshot(target)] as const);

afterAll(() => {
  const changed = snapshots.flatMap(([name, target, before]) => differences(name, before, target));
  expect(changed, 'built-in prototypes changed during this test file').toEqual([]);
});

/** For the guard's own test: the differences so far, without failing. */
export function prototypeChanges(): string[] {
  return snapshots.flatMap(([name, target, before]) => differences(name, before, target));
}
