import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/analysis/types.js';
import { extractEntities } from '../../src/entities/index.js';
import { normalize } from '../../src/normalize/index.js';

// Free text, plus strings assembled from the pieces entities are made of, so every extractor runs.
const pieces = fc.constantFrom(
  '订单号',
  '快递单号',
  '顺丰',
  'sf',
  '138',
  '1234',
  '5678',
  '****',
  '-',
  ' ',
  ':',
  '¥',
  '$',
  '元',
  '块',
  '5',
  '12.50',
  '3月',
  '5号',
  '下周一',
  '明天',
  '下午',
  '3点',
  'XL',
  'M',
  '码',
  '38',
  '175/92A',
  '红色',
  '[订单x]',
  '[数字x]',
  'order #',
  'tracking number',
  'https://a.b/c',
  'March',
  'tomorrow',
  '3pm',
  '五十',
  '一点',
  '\ud800',
);
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')),
);

function checkWellFormed(text: string, entities: Entity[]): void {
  let lastEnd = 0;
  for (const entity of entities) {
    const [start, end] = entity.range;
    expect(start).toBeGreaterThanOrEqual(lastEnd); // in text order, never overlapping
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(text.length);
    expect(entity.text).toBe(text.slice(start, end));
    expect(entity.value).not.toBe('');
    if (entity.type === 'phone') expect(entity.masked).toMatch(/\*/);
    if (entity.type === 'amount' && !entity.placeholder) {
      expect(entity.value).toMatch(/^\d+\.\d{2} [A-Z]{3}$/);
      expect(entity.value.endsWith(entity.currency ?? '?')).toBe(true);
    }
    lastEnd = end;
  }
}

describe('extractEntities: properties', () => {
  it('never throws; entities are in order, disjoint, inside the text and quote it exactly', () => {
    fc.assert(
      fc.property(anyText, fc.option(anyText, { nil: undefined }), (text, previous) => {
        const context = previous === undefined ? undefined : { previousAgentMessage: previous };
        checkWellFormed(text, extractEntities(normalize(text), context));
      }),
      { numRuns: 500 },
    );
  });

  it('the same message in full-width gives the same entity values', () => {
    const ascii = fc
      .array(
        fc.constantFrom(
          'order #',
          '12345678',
          'tracking number',
          'sf123456789012',
          '$20',
          'size 9',
          ' ',
          'black',
          '3pm',
        ),
        {
          maxLength: 10,
        },
      )
      .map((parts) => parts.join(' '));
    fc.assert(
      fc.property(ascii, (text) => {
        const wide = text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        const values = (t: string) => extractEntities(normalize(t)).map((e) => `${e.type}=${e.value}`);
        expect(values(wide)).toEqual(values(text));
      }),
      { numRuns: 200 },
    );
  });

  it('stays bounded on a megabyte of hostile text', () => {
    const megabyte = (unit: string) => unit.repeat(Math.ceil((1 << 20) / unit.length)).slice(0, 1 << 20);
    for (const unit of ['1月1号 ', '¥1 订单号', '1234567890', '\udc00[数字x]', 'XL https://x.y/']) {
      const text = megabyte(unit);
      checkWellFormed(text, extractEntities(normalize(text)));
    }
  });
});
