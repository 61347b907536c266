import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { parseSimplePath, resolveFactPath } from '../../src/conditions/fact-path.js';
import type { TopLevelCondition as TopCondition } from '../../src/conditions/types.js';
import { compileWhen, whenSchema as conditionSchema } from '../../src/templates/when.js';

const evaluateCondition = (condition: TopCondition, almanac: Record<string, unknown>) => compileWhen(condition)(almanac);
const resolvePath = (value: unknown, path: string) => resolveFactPath(value, parseSimplePath(path)!);

const facts = {
  order: { shipped: true, carrierScan: false, items: ['a', 'b'], total: 120, note: '12' },
  responsibility: 'merchant',
  analysis: { intent: 'order.ship_time', signals: ['emotion.anger'], confidence: 0.8 },
};

const CASES: Array<[string, TopCondition, boolean]> = [
  ['equal', { all: [{ fact: 'order', path: '$.shipped', operator: 'equal', value: true }] }, true],
  ['notEqual on a missing path', { all: [{ fact: 'order', path: '$.deliveryUncertain', operator: 'notEqual', value: true }] }, true],
  ['equal on a missing path', { all: [{ fact: 'order', path: '$.deliveryUncertain', operator: 'equal', value: true }] }, false],
  ['missing fact', { all: [{ fact: 'customer', path: '$.tier', operator: 'equal', value: 'gold' }] }, false],
  ['in', { any: [{ fact: 'responsibility', operator: 'in', value: ['merchant', 'carrier'] }] }, true],
  ['notIn', { all: [{ fact: 'responsibility', operator: 'notIn', value: ['customer'] }] }, true],
  ['contains', { all: [{ fact: 'analysis', path: '$.signals', operator: 'contains', value: 'emotion.anger' }] }, true],
  ['doesNotContain', { all: [{ fact: 'analysis', path: '$.signals', operator: 'doesNotContain', value: 'threat.legal' }] }, true],
  ['contains on a non-array', { all: [{ fact: 'responsibility', operator: 'contains', value: 'm' }] }, false],
  ['doesNotContain on a non-array', { all: [{ fact: 'responsibility', operator: 'doesNotContain', value: 'm' }] }, false],
  ['lessThan', { all: [{ fact: 'order', path: '$.total', operator: 'lessThan', value: 200 }] }, true],
  ['lessThanInclusive', { all: [{ fact: 'order', path: '$.total', operator: 'lessThanInclusive', value: 120 }] }, true],
  ['greaterThan', { all: [{ fact: 'order', path: '$.total', operator: 'greaterThan', value: 120 }] }, false],
  ['greaterThanInclusive', { all: [{ fact: 'analysis', path: '$.confidence', operator: 'greaterThanInclusive', value: 0.8 }] }, true],
  ['numeric string', { all: [{ fact: 'order', path: '$.note', operator: 'greaterThan', value: 5 }] }, true],
  ['numeric operator on a non-number', { all: [{ fact: 'responsibility', operator: 'greaterThan', value: 1 }] }, false],
  ['array index path', { all: [{ fact: 'order', path: '$.items[1]', operator: 'equal', value: 'b' }] }, true],
  ['not', { not: { fact: 'order', path: '$.carrierScan', operator: 'equal', value: true } }, true],
  [
    'nested all/any/not',
    {
      all: [
        { any: [{ fact: 'responsibility', operator: 'equal', value: 'customer' }, { fact: 'order', path: '$.shipped', operator: 'equal', value: true }] },
        { not: { all: [{ fact: 'order', path: '$.total', operator: 'lessThan', value: 0 }] } },
      ],
    },
    true,
  ],
  ['any of nothing true', { any: [{ fact: 'order', path: '$.shipped', operator: 'equal', value: false }] }, false],
];

describe('when conditions', () => {
  it.each(CASES)('%s', (_name, condition, expected) => {
    expect(conditionSchema.safeParse(condition).success).toBe(true);
    expect(evaluateCondition(condition, facts)).toBe(expected);
  });

  it.each(CASES)('agrees with json-rules-engine itself: %s', async (_name, condition, expected) => {
    const engine = new Engine([], { allowUndefinedFacts: true });
    engine.addRule({ conditions: condition as never, event: { type: 'fits' } });
    const { events } = await engine.run(structuredClone(facts));
    expect(events.length > 0).toBe(expected);
  });

  it.each([
    ['a leaf at the top', { fact: 'order', operator: 'equal', value: true }],
    ['an unknown fact', { all: [{ fact: 'weather', operator: 'equal', value: 'rain' }] }],
    ['an unknown operator', { all: [{ fact: 'order', path: '$.shipped', operator: 'is', value: true }] }],
    ['a bad path', { all: [{ fact: 'order', path: 'shipped', operator: 'equal', value: true }] }],
    ['an empty all', { all: [] }],
    ['an extra key', { all: [{ fact: 'order', path: '$.shipped', operator: 'equal', value: true, priority: 1 }] }],
    ['an object value', { all: [{ fact: 'order', operator: 'equal', value: { shipped: true } }] }],
  ])('rejects %s', (_name, condition) => {
    expect(conditionSchema.safeParse(condition).success).toBe(false);
  });

  it('paths read own properties only', () => {
    expect(resolvePath({ a: { b: 1 } }, '$.a.b')).toBe(1);
    expect(resolvePath({ a: {} }, '$.a.constructor')).toBeUndefined();
    expect(resolvePath({ a: null }, '$.a.b')).toBeUndefined();
    expect(resolvePath([1, [2, 3]], '$[1][0]')).toBe(2);
  });
});
