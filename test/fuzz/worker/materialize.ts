/**
 * Generated inputs cross the worker boundary as structured-cloneable data with a few markers the
 * worker turns into the values they stand for. Markers keep counterexamples short and readable
 * (`{ r: 'a', n: 20000 }` rather than 20,000 letters), let fast-check shrink sizes and depths as
 * numbers, and carry what structured cloning cannot: functions, symbols, cycles, frozen objects.
 */

import { exampleModel } from '../../../src/intent/example-model.js';
import { templateCompiler } from '../../../src/templates/compiler.js';

/** A piece of generated text: literal, a unit repeated `n` times, or personal data (padded by spaces). */
export type Piece = string | { r: string; n: number } | { pii: string };

export interface TextSpec {
  $text: Piece[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

// Null prototype, looked up by own keys only: a generated name such as "__proto__" is not a key
// of it (a plain object gave Object.prototype, which a `$frozen` around it then froze).
export const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = Object.assign(Object.create(null), {
  true: () => true,
  false: () => false,
  undefined: () => undefined,
  identity: (value: unknown) => value,
  object: () => ({}),
  string: () => 'x',
  number: () => 42,
});

/** Deep nesting built iteratively, so materialising it cannot overflow the stack. */
type DeepShape = 'not' | 'all' | 'any' | 'object' | 'array';

export function textOf(pieces: readonly Piece[]): string {
  let text = '';
  // Mutations may corrupt a spec: anything that is not a well-formed piece is left out.
  for (const piece of pieces as readonly unknown[]) {
    if (typeof piece === 'string') text += piece;
    else if (!isObject(piece)) continue;
    else if (typeof piece.pii === 'string') text += ` ${piece.pii} `;
    else if (typeof piece.r === 'string' && Number.isInteger(piece.n) && (piece.n as number) >= 0)
      text += piece.r.repeat(Math.min(piece.n as number, 2_000_000));
  }
  return text;
}

/**
 * Every object and array in a value, each once, in document order; `visit` returning false skips
 * what is inside one. Iterative: generated values nest 10,000 deep.
 */
function eachObject(value: unknown, visit: (object: Record<string, unknown>) => boolean): void {
  const seen = new Set<unknown>();
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (!isObject(next) || seen.has(next)) continue;
    seen.add(next);
    if (!visit(next)) continue;
    const keys = Object.keys(next);
    for (let i = keys.length - 1; i >= 0; i--) pending.push(next[keys[i]!]);
  }
}

/** The personal data pieces of every `$text` in a value. */
export function piiOf(value: unknown, found: string[] = []): string[] {
  eachObject(value, (object) => {
    if (!Array.isArray((object as Partial<TextSpec>).$text)) return true;
    for (const piece of (object as unknown as TextSpec).$text)
      if (isObject(piece) && 'pii' in piece) found.push((piece as { pii: string }).pii);
    return false;
  });
  return found;
}

function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The deepest value a `$deep` marker builds (the arbitraries ask for at most this many levels). */
const MAX_DEEP = 10_000;

function deep(shape: DeepShape, depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) {
    if (shape === 'not') value = { not: value };
    else if (shape === 'all') value = { all: [value] };
    else if (shape === 'any') value = { any: [value] };
    else if (shape === 'object') value = { a: value };
    else value = [value];
  }
  return value;
}

/** Freeze a value and everything under it. */
function deepFreeze(value: unknown): void {
  eachObject(value, (object) => {
    Object.freeze(object);
    return true;
  });
}

/** The value a generated input stands for. */
export function materialize(value: unknown): unknown {
  if (!isObject(value)) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(materialize(value[i]));
    return out;
  }
  if (value instanceof Uint8Array || value instanceof Map || value instanceof Set || value instanceof Date)
    return value;
  const marker = value as Record<string, unknown>;
  if (Array.isArray(marker.$text)) return textOf(marker.$text as Piece[]);
  if (typeof marker.$fn === 'string')
    return Object.hasOwn(FUNCTIONS, marker.$fn) ? FUNCTIONS[marker.$fn] : FUNCTIONS.identity;
  if (typeof marker.$sym === 'string') return Symbol(marker.$sym);
  // huashu/intent's exampleModel, an object of functions.
  if (marker.$exampleModel === true) return exampleModel;
  // huashu/templates' templateCompiler, likewise.
  if (marker.$templateCompiler === true) return templateCompiler;
  if (typeof marker.$deep === 'number')
    // Capped: a mutation can put any number in the marker (2 ** 31 levels never finish building).
    return deep(
      marker.shape as DeepShape,
      Math.min(marker.$deep, MAX_DEEP),
      materialize(marker.leaf ?? null),
    );
  if ('$cycle' in marker) {
    const target = materialize(marker.$cycle);
    // A frozen target (a cycle around `$frozen`) cannot take the back reference: it stays as it is.
    if (isObject(target) && Object.isExtensible(target))
      define(target, typeof marker.key === 'string' ? marker.key : 'self', target);
    return target;
  }
  if ('$nullproto' in marker) {
    const source = materialize(marker.$nullproto);
    const out = Object.create(null) as Record<string, unknown>;
    if (isObject(source)) for (const key of Object.keys(source)) define(out, key, source[key]);
    return out;
  }
  if ('$frozen' in marker) {
    const target = materialize(marker.$frozen);
    deepFreeze(target);
    return target;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(marker)) define(out, key, materialize(marker[key]));
  return out;
}
