import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateRanges } from '../../../src/cli/formatters/location.js';
import { linted } from './fixtures.js';

describe('locateRanges', () => {
  it('verbatim reply: columns count UTF-16 units from the origin, lines advance on \\n', () => {
    const reply = '亲，您好\n包裹已发货';
    const entry = linted(reply, [], { origin: { line: 7, column: 3, offset: 100 } });
    const start = reply.indexOf('已发货');
    expect(locateRanges(entry, [[start, start + 3]])).toEqual([
      {
        start: { line: 8, column: 3, offset: 100 + start },
        end: { line: 8, column: 6, offset: 103 + start },
      },
    ]);
    expect(locateRanges(entry, [[0, 1]])[0]?.start).toEqual({ line: 7, column: 3, offset: 100 });
  });

  it('without an origin: line 1, column 1, no offset', () => {
    expect(locateRanges(linted('abc', []), [[1, 2]])).toEqual([
      { start: { line: 1, column: 2 }, end: { line: 1, column: 3 } },
    ]);
  });

  it('JSON string: escapes take their raw width, \\n stays on the line', () => {
    const reply = 'a"b\n中😀已发货';
    const raw = JSON.stringify(reply).slice(1, -1); // a\"b\n中😀已发货
    const entry = linted(reply, [], {
      origin: { line: 3, column: 12, offset: 50, encoding: 'json-string', raw },
    });
    const start = reply.indexOf('已发货');
    const [span] = locateRanges(entry, [[start, start + 3]]);
    const rawStart = raw.indexOf('已发货');
    expect(span).toEqual({
      start: { line: 3, column: 12 + rawStart, offset: 50 + rawStart },
      end: { line: 3, column: 15 + rawStart, offset: 53 + rawStart },
    });
  });

  it('JSON string with \\u escapes: one escape is one character of the reply', () => {
    const reply = '已发货';
    const raw = '\\u5df2\\u53d1\\u8d27';
    const entry = linted(reply, [], {
      origin: { line: 1, column: 1, offset: 0, encoding: 'json-string', raw },
    });
    expect(locateRanges(entry, [[1, 3]])).toEqual([
      { start: { line: 1, column: 7, offset: 6 }, end: { line: 1, column: 19, offset: 18 } },
    ]);
  });

  it('quoted CSV field: "" is one quote and line breaks move to the next line', () => {
    const reply = 'say "hi"\n已发货';
    const raw = 'say ""hi""\n已发货';
    const entry = linted(reply, [], {
      origin: { line: 2, column: 5, offset: 20, encoding: 'csv-quoted', raw },
    });
    const start = reply.indexOf('已发货');
    expect(
      locateRanges(entry, [
        [start, start + 3],
        [4, 8],
      ]),
    ).toEqual([
      { start: { line: 3, column: 1, offset: 20 + 11 }, end: { line: 3, column: 4, offset: 20 + 14 } },
      { start: { line: 2, column: 9, offset: 24 }, end: { line: 2, column: 15, offset: 30 } },
    ]);
  });

  it('clamps ranges outside the reply instead of throwing', () => {
    const [span] = locateRanges(linted('abc', []), [[-5, 99]]);
    expect(span).toEqual({ start: { line: 1, column: 1 }, end: { line: 1, column: 4 } });
  });

  const rangeOf = (text: string) =>
    fc
      .tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length }))
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]);

  it('property: the raw JSON text at the located offsets decodes to the range of the reply', () => {
    fc.assert(
      fc.property(
        fc
          .string({ unit: 'binary', maxLength: 60 })
          .chain((reply) => fc.tuple(fc.constant(reply), rangeOf(reply))),
        ([reply, [start, end]]) => {
          const raw = JSON.stringify(reply).slice(1, -1);
          const entry = linted(reply, [], {
            origin: { line: 1, column: 1, offset: 0, encoding: 'json-string', raw },
          });
          const [span] = locateRanges(entry, [[start, end]]);
          const slice = raw.slice(span?.start.offset, span?.end.offset);
          expect(JSON.parse(`"${slice}"`)).toBe(reply.slice(start, end));
          expect(span?.start.column).toBe((span?.start.offset ?? 0) + 1);
        },
      ),
    );
  });

  it('property: the raw CSV text at the located offsets decodes to the range of the reply', () => {
    fc.assert(
      fc.property(
        fc
          .string({ unit: 'binary', maxLength: 60 })
          .chain((reply) => fc.tuple(fc.constant(reply), rangeOf(reply))),
        ([reply, [start, end]]) => {
          const raw = reply.replace(/"/g, '""');
          const entry = linted(reply, [], {
            origin: { line: 1, column: 1, offset: 0, encoding: 'csv-quoted', raw },
          });
          const [span] = locateRanges(entry, [[start, end]]);
          const slice = raw.slice(span?.start.offset, span?.end.offset);
          expect(slice.replace(/""/g, '"')).toBe(reply.slice(start, end));
          const before = raw.slice(0, span?.start.offset);
          expect(span?.start.line).toBe(before.split('\n').length);
          expect(span?.start.column).toBe(before.length - before.lastIndexOf('\n'));
        },
      ),
    );
  });
});
