import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxProblem, parseJsonText } from '../../src/node/json-text.js';

/** V8's verdict, and its position when its message gives one. */
function v8(text: string): { valid: boolean; position?: number } {
  try {
    JSON.parse(text);
    return { valid: true };
  } catch (error) {
    const position = /at position (\d+)/.exec((error as Error).message)?.[1];
    return position === undefined ? { valid: false } : { valid: false, position: Number(position) };
  }
}

/** Valid JSON with a few characters cut, inserted or swapped: the mistakes people make. */
const mangled = fc
  .tuple(
    fc.json(),
    fc.array(
      fc.tuple(fc.nat(), fc.constantFrom('', ',', '"', ':', '}', ']', '{', '[', 'x', '\u0001', '\\')),
      {
        maxLength: 3,
      },
    ),
  )
  .map(([json, edits]) => {
    let text = json;
    for (const [at, insert] of edits) {
      const i = text.length === 0 ? 0 : at % (text.length + 1);
      text = insert === '' ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + insert + text.slice(i);
    }
    return text;
  });

describe('findJsonSyntaxProblem', () => {
  it('property: finds a problem exactly when JSON.parse throws, at the position V8 names when it names one', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), mangled, fc.string({ maxLength: 40 })), (text) => {
        const verdict = v8(text);
        const found = findJsonSyntaxProblem(text);
        expect(found === undefined).toBe(verdict.valid);
        if (found !== undefined) {
          expect(found.offset).toBeGreaterThanOrEqual(0);
          expect(found.offset).toBeLessThanOrEqual(text.length);
          if (verdict.position !== undefined) expect(found.offset).toBe(verdict.position);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['{"a":1,}', 1, 8, 'a property name in double quotes was expected'],
    ['{\n  "a": [1, 2\n', 3, 1, 'the text ends too early'],
    ['{"a" 1}', 1, 6, "':' was expected after a property name"],
    ['"abc', 1, 5, 'a string is never closed'],
    ['[1] x', 1, 5, 'there is more text after the JSON value'],
    ['{"a":"\u0001"}', 1, 7, 'a control character inside a string must be escaped'],
    ['', 1, 1, 'the text is empty'],
    ['{"a":tru}', 1, 9, 'an unknown word (JSON has true, false and null)'],
    ['root:x:0:0:root:/root:/bin/bash', 1, 1, 'a value was expected'],
    ['[01]', 1, 3, "',' or ']' was expected"],
    ['{"a":"\\x"}', 1, 8, 'an invalid escape in a string'],
    ['-', 1, 2, 'the text ends inside a number'],
  ])('%j → line %i, column %i: %s', (text, line, column, reason) => {
    expect(findJsonSyntaxProblem(text)).toMatchObject({ line, column, reason });
  });

  it('deep nesting is scanned without recursion', () => {
    const deep = '['.repeat(200_000);
    expect(findJsonSyntaxProblem(deep)).toMatchObject({
      offset: deep.length,
      reason: 'the text ends too early',
    });
  });
});

describe('parseJsonText', () => {
  it('parses valid JSON, a BOM ignored', () => {
    expect(parseJsonText('\ufeff{"a":[1,true]}')).toEqual({ ok: true, value: { a: [1, true] } });
  });

  it('a file says line and column; a JSONL line or a cell says the column', () => {
    expect(parseJsonText('{\n "a": }')).toEqual({
      ok: false,
      message: 'invalid JSON (line 2, column 7): a value was expected',
    });
    expect(parseJsonText('{"a": }', true)).toEqual({
      ok: false,
      message: 'invalid JSON: a value was expected (column 7)',
    });
  });

  it('property: the message never repeats the text (V8 quotes the start of it)', () => {
    // Characters our own wording never uses, so any one of them in a message came from the text.
    const foreign = fc.constantFrom(...'甲乙丙丁ωжЖ😀'.split(/(?:)/u));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(foreign, fc.constantFrom('{', '}', '"', ':', ',', '[', ']', ' ', '1')), {
          minLength: 1,
          maxLength: 40,
        }),
        (pieces) => {
          const text = pieces.join('');
          const result = parseJsonText(text);
          if (result.ok) return;
          expect(result.message).not.toMatch(/[甲乙丙丁ωжЖ]|😀/u);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
