import fc from 'fast-check';
import { shortText } from './text.js';

/** fast-check's record, always with Object.prototype (null-prototype objects are generated on purpose only). */
export const record: typeof fc.record = ((model: never, constraints?: object) =>
  fc.record(model, { ...constraints, noNullPrototype: true } as never)) as typeof fc.record;

/** Keys that reach a prototype when an object is written through a path or merged naively. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** An object with own properties (`__proto__` included) defined, never assigned. */
export function objectFrom(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries)
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Values of the wrong type for anything: null, numbers, arrays, symbols, bigint, functions. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    true,
    false,
    0,
    -0,
    NaN,
    Infinity,
    -Infinity,
    -1,
    1.5,
    2 ** 53,
    2 ** 31,
    '',
    ' ',
    1n,
    -1n,
  ),
  fc.constantFrom(...PROTO_KEYS, 'toString', 'valueOf'),
  fc.constantFrom({ $sym: 'x' }, { $fn: 'true' }, { $fn: 'identity' }, { $fn: 'undefined' }),
  fc.constantFrom<unknown>(
    [],
    [null],
    [[]],
    {},
    { length: 1 },
    new Date(0),
    new Map([['a', 1]]),
    new Set([1]),
  ),
);

const keyOf = (plausible: readonly string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...PROTO_KEYS), weight: 2 },
    { arbitrary: fc.constantFrom(...(plausible.length > 0 ? plausible : ['a'])), weight: 3 },
    { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
  );

/** The payload a prototype key carries: what would pollute if it were merged. */
export const pollutingObject = fc.constantFrom<unknown>(
  { polluted: true },
  { isAdmin: true, toString: 'x' },
  { prototype: { polluted: true } },
  objectFrom([['__proto__', { polluted: true }]]),
);

/**
 * Any value: wrong types, short texts, arrays and objects keyed by prototype keys and plausible
 * keys, deeply nested (up to 10,000 levels), cyclic, null-prototype and frozen objects.
 */
export function hostileValue(plausibleKeys: readonly string[] = []): fc.Arbitrary<unknown> {
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: wrongType, weight: 4 },
      { arbitrary: shortText, weight: 2 },
      { arbitrary: pollutingObject, weight: 1 },
      { arbitrary: fc.array(tie('value'), { maxLength: 3 }), weight: 1 },
      {
        arbitrary: fc.array(fc.tuple(keyOf(plausibleKeys), tie('value')), { maxLength: 3 }).map(objectFrom),
        weight: 2,
      },
      {
        arbitrary: record({
          $deep: fc.integer({ min: 1, max: 10_000 }),
          shape: fc.constantFrom('not', 'all', 'any', 'object', 'array'),
          leaf: fc.constantFrom<unknown>(null, 1, { fact: 'order', operator: 'equal', value: 1 }),
        }),
        weight: 1,
      },
      {
        arbitrary: record({
          $cycle: fc.constant({ a: 1 }),
          key: fc.constantFrom('self', 'all', 'not', '__proto__'),
        }),
        weight: 1,
      },
      { arbitrary: tie('value').map(($nullproto) => ({ $nullproto })), weight: 1 },
      { arbitrary: tie('value').map(($frozen) => ({ $frozen })), weight: 1 },
    ),
  }));
  return value;
}

type Path = Array<string | number>;

/** Paths of every object and array inside `value` (the root included), in document order. */
function containers(value: unknown, path: Path = [], out: Path[] = [], depth = 0): Path[] {
  if (typeof value !== 'object' || value === null || depth > 12) return out;
  out.push(path);
  for (const key of Object.keys(value))
    containers(
      (value as Record<string, unknown>)[key],
      [...path, Array.isArray(value) && /^\d+$/.test(key) ? Number(key) : key],
      out,
      depth + 1,
    );
  return out;
}

function at(value: unknown, path: Path): unknown {
  let node = value;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key as string];
  }
  return node;
}

function define(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export interface Mutation {
  /** Which container (index into the document-order list, modulo its length). */
  at: number;
  op: 'set' | 'delete' | 'proto' | 'append';
  /** Which key of the container (modulo the number of keys), for set and delete. */
  key: number;
  value: unknown;
}

/** Apply mutations to a deep copy of `base` (a JSON-like value). */
export function applyMutations(base: unknown, mutations: readonly Mutation[]): unknown {
  const copy = structuredClone(base);
  for (const { value: generated, ...mutation } of mutations) {
    // A copy: fast-check reuses generated values while shrinking, they must never be changed.
    const value = structuredClone(generated);
    const paths = containers(copy);
    if (paths.length === 0) return value;
    const target = at(copy, paths[mutation.at % paths.length]!) as Record<string, unknown> | undefined;
    if (typeof target !== 'object' || target === null) continue;
    const keys = Object.keys(target);
    const key = keys.length === 0 ? undefined : keys[mutation.key % keys.length]!;
    // Arrays get no named keys: an own `constructor` on an array breaks every built-in array method.
    if (mutation.op === 'proto') {
      if (!Array.isArray(target)) define(target, PROTO_KEYS[mutation.key % PROTO_KEYS.length]!, value);
    } else if (mutation.op === 'append') {
      if (Array.isArray(target)) target.push(value);
      else define(target, `extra${mutation.key % 3}`, value);
    } else if (key === undefined) continue;
    else if (mutation.op === 'delete') {
      if (Array.isArray(target) && /^\d+$/.test(key)) Array.prototype.splice.call(target, Number(key), 1);
      else delete target[key];
    } else define(target, key, value);
  }
  return copy;
}

/**
 * A valid value with a few targeted corruptions: a field set to a hostile value or deleted, a
 * prototype key added, an element appended. Shrinks towards fewer, simpler corruptions.
 */
export function mutated<T>(
  base: fc.Arbitrary<T>,
  values: fc.Arbitrary<unknown>,
  maxMutations = 3,
): fc.Arbitrary<unknown> {
  const mutation: fc.Arbitrary<Mutation> = record({
    at: fc.nat({ max: 1000 }),
    op: fc.constantFrom('set', 'delete', 'proto', 'append'),
    key: fc.nat({ max: 1000 }),
    value: values,
  });
  return fc
    .tuple(base, fc.array(mutation, { maxLength: maxMutations }))
    .map(([value, mutations]) => applyMutations(value, mutations));
}
