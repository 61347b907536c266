/**
 * Keys from data (template variables, condition paths, caller objects) must never reach an
 * object's prototype chain: `__proto__` writes the prototype, `constructor.prototype` reaches
 * Object.prototype, and every inherited name (`toString`, `valueOf`, …) reads a function when the
 * data leaves the key out. Packs naming them are rejected; objects built from data are created
 * with a null prototype, so a missed check still cannot pollute; reads take own properties only.
 */

/** Names that lead from a value to its prototype chain. Rejected in every path written from data. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor']);

/** The names every plain object inherits (Object.prototype's own properties), plus `prototype`. */
export const INHERITED_KEYS: ReadonlySet<string> = new Set([
  ...PROTOTYPE_KEYS,
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
]);

const hasOwnProperty = Object.prototype.hasOwnProperty;

export function hasOwn(value: object, key: PropertyKey): boolean {
  return hasOwnProperty.call(value, key);
}

/** An empty object with no prototype: writing any key, `__proto__` included, adds an own property. */
export function nullObject<T = unknown>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** `value[key]` when it is the value's own property, else undefined. */
export function ownValue(value: unknown, key: PropertyKey): unknown {
  if (value === null || value === undefined) return undefined;
  return hasOwnProperty.call(value, key) ? (value as Record<PropertyKey, unknown>)[key] : undefined;
}
