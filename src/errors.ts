import * as z from 'zod/mini';
// Named imports, not `z.core.…`: reading zod's `core` namespace as a value keeps all of it in bundles.
import { $ZodError } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';

/** Stable error codes. Callers switch on `code`; messages may change wording between versions. */
export type HuashuErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_OPTIONS'
  | 'INVALID_RULES'
  | 'INVALID_TEMPLATES'
  | 'UNKNOWN_TEMPLATE'
  | 'MISSING_VARIABLE'
  | 'TEMPLATE_ERROR'
  | 'MISSING_PEER_DEPENDENCY'
  | 'USAGE'
  | 'IO';

/** One problem found while validating input, options or a data pack. */
export interface HuashuIssue {
  /** The file the problem is in, for packs loaded from disk. */
  file?: string;
  /** JSON path to the offending value, e.g. `intents.examples[3].text`. */
  path: string;
  message: string;
}

export class HuashuError extends Error {
  override readonly name = 'HuashuError';
  readonly code: HuashuErrorCode;
  readonly issues: readonly HuashuIssue[];

  constructor(
    code: HuashuErrorCode,
    message: string,
    options: { issues?: readonly HuashuIssue[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

export function isHuashuError(value: unknown): value is HuashuError {
  return value instanceof HuashuError;
}

/** `a.b[2].c` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function issuesFromZod(error: z.core.$ZodError, prefix = '', file?: string): HuashuIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    const full = prefix && path ? `${prefix}.${path}` : prefix || path;
    return file === undefined
      ? { path: full, message: issue.message }
      : { file, path: full, message: issue.message };
  });
}

export function describeIssues(issues: readonly HuashuIssue[]): string {
  return issues
    .map((i) => `${i.file ? `${i.file}: ` : ''}${i.path ? `${i.path}: ` : ''}${i.message}`)
    .join('\n  ');
}

let englishMessages = false;

/**
 * `schema.safeParse(value)` that never throws: zod 4 runs a string's length checks on any value with
 * a `length` (an object `{ length: { toString: 'x' } }` throws a TypeError inside zod). Such a value
 * fails as one issue at the top, not as a crash. Every parse of huashu goes through here, so this is
 * where zod/mini (which carries no messages of its own) gets zod's English messages, on first use.
 */
export function safeParse<T extends z.core.$ZodType>(
  schema: T,
  value: unknown,
): z.core.util.SafeParseResult<z.output<T>> {
  if (!englishMessages) {
    z.config(en());
    englishMessages = true;
  }
  try {
    return z.safeParse(schema, value);
  } catch (error) {
    const message = `a value that cannot be read (${error instanceof Error ? error.message : String(error)}): give plain JSON data (strings, numbers, lists, objects)`;
    return {
      success: false,
      error: new $ZodError([{ code: 'custom', path: [], message, input: value }]) as z.core.$ZodError<
        z.output<T>
      >,
    };
  }
}

/**
 * Parse `value` with `schema` or throw a HuashuError with every problem listed.
 * `what` names the input in the message, e.g. "analyze(text)".
 */
export function parseOrThrow<T extends z.core.$ZodType>(
  schema: T,
  value: unknown,
  code: HuashuErrorCode,
  what: string,
): z.output<T> {
  const result = safeParse(schema, value);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error);
  throw new HuashuError(code, `Invalid ${what}:\n  ${describeIssues(issues)}`, { issues });
}
