/**
 * Where a JSON text breaks, told without quoting it: V8's messages for some mistakes repeat the
 * start of the text (`Unexpected token 'r', "root:x:0:0"... is not valid JSON`), which would put
 * a file's contents — a password file, a customer's message — into an error. JSON.parse stays the
 * judge of validity; this scanner only says where and why, in words of its own.
 */
import { isDigitCode } from '../text/char-class.js';

/** A JSON syntax problem: where (0-based offset, 1-based line and column in UTF-16 units) and why. */
export interface JsonSyntaxProblem {
  offset: number;
  line: number;
  column: number;
  reason: string;
}

type Expect = 'value' | 'value-or-]' | 'key-or-}' | 'key' | 'colon' | 'comma-or-close' | 'end';

const isWhitespace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
const isHex = (code: number) =>
  isDigitCode(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);

/**
 * Scan a string literal starting at the quote `from`; returns the offset after its closing quote,
 * or a problem. Linear.
 */
function scanString(text: string, from: number): number | { offset: number; reason: string } {
  let i = from + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return { offset: i, reason: 'a control character inside a string must be escaped' };
    if (code === 0x5c) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x75 /* u */) {
        for (let k = 2; k < 6; k++)
          if (!isHex(text.charCodeAt(i + k)))
            return i + k >= text.length
              ? { offset: text.length, reason: 'a string is never closed' }
              : { offset: i + k, reason: 'a \\u escape needs four hexadecimal digits' };
        i += 6;
        continue;
      }
      if (i + 1 >= text.length) return { offset: text.length, reason: 'a string is never closed' };
      if ('"\\/bfnrt'.includes(text[i + 1] ?? '')) {
        i += 2;
        continue;
      }
      return { offset: i + 1, reason: 'an invalid escape in a string' };
    }
    i += 1;
  }
  return { offset: text.length, reason: 'a string is never closed' };
}

/** Scan a number starting at `from`; returns the offset after it, or a problem. */
function scanNumber(text: string, from: number): number | { offset: number; reason: string } {
  let i = from;
  const bad = (at: number) =>
    at >= text.length
      ? { offset: text.length, reason: 'the text ends inside a number' }
      : { offset: at, reason: 'an invalid number' };
  if (text.charCodeAt(i) === 0x2d) i += 1;
  if (text.charCodeAt(i) === 0x30) i += 1;
  else if (isDigitCode(text.charCodeAt(i))) while (isDigitCode(text.charCodeAt(i))) i += 1;
  else return bad(i);
  if (text.charCodeAt(i) === 0x2e) {
    i += 1;
    if (!isDigitCode(text.charCodeAt(i))) return bad(i);
    while (isDigitCode(text.charCodeAt(i))) i += 1;
  }
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    i += 1;
    const sign = text.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i += 1;
    if (!isDigitCode(text.charCodeAt(i))) return bad(i);
    while (isDigitCode(text.charCodeAt(i))) i += 1;
  }
  return i;
}

const EXPECTED: Record<Expect, string> = {
  value: 'a value was expected',
  'value-or-]': "a value or ']' was expected",
  'key-or-}': "a property name in double quotes or '}' was expected",
  key: 'a property name in double quotes was expected',
  colon: "':' was expected after a property name",
  'comma-or-close': "',' or the closing bracket was expected",
  end: 'there is more text after the JSON value',
};

/** The first syntax problem of `text` as JSON, or undefined when it is valid JSON. Linear, iterative. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  const stack: number[] = []; // 0x5b [ or 0x7b {
  let expect = 'value' as Expect;
  let i = 0;
  const problem = (offset: number, reason: string): JsonSyntaxProblem => {
    let line = 1;
    let lineStart = 0;
    for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
      line += 1;
      lineStart = k + 1;
    }
    return { offset, line, column: offset - lineStart + 1, reason };
  };
  const afterValue = () => {
    expect = stack.length === 0 ? 'end' : 'comma-or-close';
  };
  for (;;) {
    while (i < text.length && isWhitespace(text.charCodeAt(i))) i += 1;
    if (i >= text.length) {
      if (expect === 'end') return undefined;
      return problem(text.length, text.trim() === '' ? 'the text is empty' : 'the text ends too early');
    }
    const code = text.charCodeAt(i);
    switch (expect) {
      case 'end':
        return problem(i, EXPECTED.end);
      case 'colon':
        if (code !== 0x3a) return problem(i, EXPECTED.colon);
        i += 1;
        expect = 'value';
        continue;
      case 'comma-or-close': {
        const open = stack[stack.length - 1];
        if (code === 0x2c) {
          i += 1;
          expect = open === 0x7b ? 'key' : 'value';
          continue;
        }
        if ((open === 0x5b && code === 0x5d) || (open === 0x7b && code === 0x7d)) {
          stack.pop();
          i += 1;
          afterValue();
          continue;
        }
        return problem(i, open === 0x5b ? "',' or ']' was expected" : "',' or '}' was expected");
      }
      case 'key-or-}':
      case 'key': {
        if (expect === 'key-or-}' && code === 0x7d) {
          stack.pop();
          i += 1;
          afterValue();
          continue;
        }
        if (code !== 0x22) return problem(i, EXPECTED[expect]);
        const end = scanString(text, i);
        if (typeof end !== 'number') return problem(end.offset, end.reason);
        i = end;
        expect = 'colon';
        continue;
      }
      case 'value':
      case 'value-or-]': {
        if (expect === 'value-or-]' && code === 0x5d) {
          stack.pop();
          i += 1;
          afterValue();
          continue;
        }
        if (code === 0x5b || code === 0x7b) {
          stack.push(code);
          i += 1;
          expect = code === 0x5b ? 'value-or-]' : 'key-or-}';
          continue;
        }
        let end: number | { offset: number; reason: string };
        if (code === 0x22) end = scanString(text, i);
        else if (code === 0x2d || isDigitCode(code)) end = scanNumber(text, i);
        else {
          const literal = ['true', 'false', 'null'].find((word) => word.charCodeAt(0) === code);
          if (literal === undefined) return problem(i, EXPECTED[expect]);
          let k = 1;
          while (k < literal.length && text.charCodeAt(i + k) === literal.charCodeAt(k)) k += 1;
          end =
            k === literal.length
              ? i + k
              : i + k >= text.length
                ? { offset: text.length, reason: 'the text ends too early' }
                : { offset: i + k, reason: 'an unknown word (JSON has true, false and null)' };
        }
        if (typeof end !== 'number') return problem(end.offset, end.reason);
        i = end;
        afterValue();
        continue;
      }
    }
  }
}

/**
 * `invalid JSON (line L, column C): why` for a file; `inline` (a JSONL line, a CSV cell):
 * `invalid JSON: why (column C)`, with the line too when the text has several.
 */
export function describeJsonProblem(found: JsonSyntaxProblem | undefined, inline = false): string {
  if (found === undefined) return 'invalid JSON';
  if (!inline) return `invalid JSON (line ${found.line}, column ${found.column}): ${found.reason}`;
  const where = found.line === 1 ? `column ${found.column}` : `line ${found.line}, column ${found.column}`;
  return `invalid JSON: ${found.reason} (${where})`;
}

/**
 * Parse JSON text (a leading BOM is ignored), or say where and why it is invalid, never quoting
 * it. `inline`: the text is a JSONL line or a cell, worded as describeJsonProblem says.
 */
export function parseJsonText(
  text: string,
  inline = false,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false, message: describeJsonProblem(findJsonSyntaxProblem(body), inline) };
  }
}
