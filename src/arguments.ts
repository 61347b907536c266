import { HuashuError, type HuashuErrorCode } from './errors.js';

/**
 * Argument checks of the public functions: a `typeof` test on the fast path, and on failure a
 * `HuashuError` naming the function, the parameter and what to pass. The bad value is described by
 * its type and size, never quoted (it may be a customer's message or a megabyte of text).
 */

/** What a value is, for an error message: `null`, `a number (42)`, `an array of 3 items`, `a string of 5 characters`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'string':
      return `a string of ${value.length} character${value.length === 1 ? '' : 's'}`;
    case 'number':
      return Number.isFinite(value) ? `a number (${value})` : `a number (${String(value)})`;
    case 'bigint':
      return 'a bigint';
    case 'boolean':
      return `a boolean (${String(value)})`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      return 'an object';
  }
}

/**
 * The error for a bad argument: `Invalid normalize(text): expected the text as a string, got null.`
 * `call` names the function and its parameters with the bad one, `path` the parameter.
 */
export function invalidArgument(
  code: HuashuErrorCode,
  call: string,
  path: string,
  expected: string,
  value: unknown,
): HuashuError {
  const message = `expected ${expected}, got ${describeValue(value)}`;
  return new HuashuError(code, `Invalid ${call}: ${message}.`, { issues: [{ path, message }] });
}

/** `value` when it is a string; else `INVALID_INPUT` saying what to pass. */
export function expectString(value: unknown, call: string, path: string, expected: string): string {
  if (typeof value === 'string') return value;
  throw invalidArgument('INVALID_INPUT', call, path, expected, value);
}

/** A plain object (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Longest id quoted whole in a message; a longer one (a caller's mistake, or an attack) is cut. */
const QUOTED_ID = 80;

/** An id as a message quotes it: `"greet-first"`, or its start and length when it is long. */
export function quoteId(id: string, quotes = true): string {
  if (id.length <= QUOTED_ID) return quotes ? `"${id}"` : id;
  // Cut at a code point: never half a surrogate pair.
  const cut = /[\uD800-\uDBFF]/.test(id[QUOTED_ID - 1]!) ? QUOTED_ID - 1 : QUOTED_ID;
  const shown = `${id.slice(0, cut)}… (${id.length} characters)`;
  return quotes ? `"${shown}"` : shown;
}
