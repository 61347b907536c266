import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTime } from '../../src/qa/time.js';

// readTime looks up midnight once per date instead of building a Date per turn. The reference
// below is the former fromParts, word for word: both must read every time the same.
function referenceFromParts(parts: Array<string | undefined>, offsetMinutes: number) {
  const [y, mo, d, h, mi, s, frac] = parts;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? '0');
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return undefined;
  const millis = frac === undefined ? 0 : Number(`0.${frac}`) * 1000;
  const local = Date.UTC(Number(y), month - 1, day, hour, minute, second) + millis;
  if (new Date(local).getUTCDate() !== day) return undefined;
  return {
    ms: local - offsetMinutes * 60_000,
    day: `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  };
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('readTime reads zone-less and zoned times as Date.UTC per turn did', () => {
  it('on generated date-times, valid and invalid, with and without fractions (property)', () => {
    const time = fc.record({
      year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1970, 2000, 2024, 2100)),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 24 }),
      minute: fc.integer({ min: 0, max: 60 }),
      second: fc.option(fc.integer({ min: 0, max: 61 }), { nil: undefined }),
      frac: fc.option(fc.stringMatching(/^\d{1,9}$/), { nil: undefined }),
      separator: fc.constantFrom('T', ' '),
      offset: fc.constantFrom(0, 480, -300, 345),
    });
    fc.assert(
      fc.property(time, (t) => {
        const clock = `${pad(t.hour, 2)}:${pad(t.minute, 2)}${
          t.second === undefined ? '' : `:${pad(t.second, 2)}${t.frac === undefined ? '' : `.${t.frac}`}`
        }`;
        const text = `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}${t.separator}${clock}`;
        const m = ISO.exec(text)!;
        const expected = referenceFromParts(m.slice(1, 8), t.offset);
        expect(readTime(text, t.offset)).toEqual(expected);
        // Twice: the second read comes from the per-date cache.
        expect(readTime(text, t.offset)).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['2024-02-29 23:59:60', 0],
    ['2024-02-28 23:59:60', 0],
    ['2024-12-31 23:59:60.5', 0],
    ['2023-02-29 10:00:00', 0],
    ['2024-02-31 00:00:00', 0],
    ['2024-04-30 23:59:59.999999999', 480],
    ['0099-01-01 00:00:00', 0],
    ['1960-06-30 23:59:59.999999999', 0],
    ['1969-12-31 23:59:59.9999', -300],
    ['2024-05-20T14:03:22+08:00', 0],
  ])('%s', (text, offset) => {
    const m = ISO.exec(text)!;
    const zone = m[8];
    const zoned = zone === undefined ? offset : zone === 'Z' ? 0 : Number(zone.slice(0, 3)) * 60;
    expect(readTime(text, offset)).toEqual(referenceFromParts(m.slice(1, 8), zoned));
  });
});
