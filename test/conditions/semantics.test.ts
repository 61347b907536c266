import { Engine, Operator } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../src/conditions/compile.js';
import { builtInOperators } from '../../src/conditions/operators.js';
import type { LeafCondition } from '../../src/conditions/types.js';
import { createTemplateCatalogue, type TemplateDefinitionInput } from '../../src/templates/index.js';
import { templateCompiler } from '../../src/templates/compiler.js';

/**
 * The condition language's truth table, operator × edge case. Each row's answer is asserted three
 * ways: json-rules-engine itself, the compiled evaluator (template `when` and rules alike), and — for
 * the three cases where the old template evaluator answered `false` — a template selected through
 * the catalogue.
 */

type Row = [
  operator: string,
  edge: string,
  leaf: LeafCondition,
  almanac: Record<string, unknown>,
  answer: boolean,
];

const leaf = (fact: string, operator: string, value: unknown, path?: string): LeafCondition =>
  path === undefined ? { fact, operator, value } : { fact, operator, value, path };

const TABLE: Row[] = [
  ['equal', 'same string', leaf('channel', 'equal', 'chat'), { channel: 'chat' }, true],
  ['equal', 'number vs numeric string (strict ===)', leaf('x', 'equal', 5), { x: '5' }, false],
  ['equal', 'missing fact vs null (undefined !== null)', leaf('x', 'equal', null), {}, false],
  ['equal', 'null fact vs null', leaf('x', 'equal', null), { x: null }, true],
  [
    'equal',
    'path on a scalar fact: the scalar passes through',
    leaf('channel', 'equal', 'chat', '$.x'),
    { channel: 'chat' },
    true,
  ],
  [
    'equal',
    'path on a null fact: null passes through',
    leaf('order', 'equal', null, '$.shipped'),
    { order: null },
    true,
  ],
  ['equal', 'path to a missing field', leaf('order', 'equal', true, '$.shipped'), { order: {} }, false],
  ['equal', 'path through null', leaf('order', 'equal', null, '$.a.b'), { order: { a: null } }, false],
  [
    'equal',
    'path into an array',
    leaf('analysis', 'equal', 'b', '$.signals[1]'),
    { analysis: { signals: ['a', 'b'] } },
    true,
  ],
  [
    'equal',
    'path `length` of an array',
    leaf('analysis', 'equal', 2, '$.signals.length'),
    { analysis: { signals: ['a', 'b'] } },
    true,
  ],
  [
    'equal',
    "path `length` of '' (jsonpath-plus: missing)",
    leaf('order', 'equal', 0, '$.status.length'),
    { order: { status: '' } },
    false,
  ],
  [
    'equal',
    'path index into a string',
    leaf('order', 'equal', 'p', '$.status[0]'),
    { order: { status: 'paid' } },
    true,
  ],
  [
    'equal',
    'fact reference as the value',
    leaf('channel', 'equal', { fact: 'order', path: '$.channel' }),
    { channel: 'chat', order: { channel: 'chat' } },
    true,
  ],
  ['equal', 'fact reference to a missing fact', leaf('x', 'equal', { fact: 'y' }), {}, true],
  ['notEqual', 'missing fact', leaf('order', 'notEqual', true, '$.shipped'), {}, true],
  [
    'in',
    'list holds the fact',
    leaf('responsibility', 'in', ['merchant', 'carrier']),
    { responsibility: 'merchant' },
    true,
  ],
  [
    'in',
    'string value: a substring search',
    leaf('responsibility', 'in', 'merchant,carrier'),
    { responsibility: 'merchant' },
    true,
  ],
  ['in', 'string value, missing fact: searches "undefined"', leaf('x', 'in', 'undefined'), {}, true],
  ['in', 'string value, number fact: searches "5"', leaf('x', 'in', 'a5'), { x: 5 }, true],
  ['in', 'list, number vs numeric string (strict)', leaf('x', 'in', ['5']), { x: 5 }, false],
  [
    'notIn',
    'string value without the fact',
    leaf('responsibility', 'notIn', 'merchant'),
    { responsibility: 'carrier' },
    true,
  ],
  [
    'notIn',
    'string value with the fact inside',
    leaf('responsibility', 'notIn', 'merchant'),
    { responsibility: 'merch' },
    false,
  ],
  [
    'contains',
    'list fact',
    leaf('analysis', 'contains', 'abuse', '$.signals'),
    { analysis: { signals: ['abuse'] } },
    true,
  ],
  [
    'contains',
    'string fact (not a list)',
    leaf('responsibility', 'contains', 'm'),
    { responsibility: 'merchant' },
    false,
  ],
  ['contains', 'missing fact', leaf('x', 'contains', 'm'), {}, false],
  ['doesNotContain', 'list fact without it', leaf('x', 'doesNotContain', 'm'), { x: ['a'] }, true],
  ['doesNotContain', 'missing fact (not a list)', leaf('x', 'doesNotContain', 'm'), {}, false],
  ['lessThan', 'numbers', leaf('x', 'lessThan', 5), { x: 3 }, true],
  ['lessThan', 'numeric string fact', leaf('x', 'lessThan', 5), { x: '3' }, true],
  [
    'lessThan',
    "'12abc': parseFloat passes, < compares NaN",
    leaf('x', 'lessThan', 20),
    { x: '12abc' },
    false,
  ],
  [
    'lessThan',
    'array of one number',
    leaf('analysis', 'lessThan', 10, '$.signals'),
    { analysis: { signals: ['5'] } },
    true,
  ],
  ['lessThan', 'array of two (compares "3,9")', leaf('x', 'lessThan', 5), { x: ['3', '9'] }, false],
  ['lessThan', 'empty array', leaf('x', 'lessThan', 5), { x: [] }, false],
  ['lessThan', 'null fact', leaf('x', 'lessThan', 5), { x: null }, false],
  ['lessThan', 'boolean fact', leaf('x', 'lessThan', 5), { x: true }, false],
  ['lessThan', 'missing fact', leaf('x', 'lessThan', 5), {}, false],
  ['lessThan', 'string value (JS coercion)', leaf('x', 'lessThan', '5'), { x: 3 }, true],
  ['lessThanInclusive', 'equal numbers', leaf('x', 'lessThanInclusive', 5), { x: 5 }, true],
  [
    'greaterThan',
    'numeric string fact',
    leaf('order', 'greaterThan', 5, '$.note'),
    { order: { note: '12' } },
    true,
  ],
  ['greaterThanInclusive', 'equal numbers', leaf('x', 'greaterThanInclusive', 0.8), { x: 0.8 }, true],
  ['intersects', 'shared element', leaf('x', 'intersects', ['b', 'c']), { x: ['a', 'b'] }, true],
  ['intersects', 'string fact', leaf('x', 'intersects', ['a']), { x: 'a' }, false],
  ['startsWith', 'prefix', leaf('x', 'startsWith', 'aftersale.'), { x: 'aftersale.refund' }, true],
  ['startsWith', 'number fact', leaf('x', 'startsWith', '5'), { x: 55 }, false],
  ['someFact:equal', 'one element equals', leaf('x', 'someFact:equal', 'b'), { x: ['a', 'b'] }, true],
  [
    'everyFact:greaterThan',
    'empty list: every holds',
    leaf('x', 'everyFact:greaterThan', 1),
    { x: [] },
    true,
  ],
  ['someValue:equal', 'one value equals', leaf('x', 'someValue:equal', ['a', 'b']), { x: 'b' }, true],
  ['not:in', 'negated string search', leaf('x', 'not:in', 'abc'), { x: 'b' }, false],
];

async function engineAnswer(condition: LeafCondition, almanac: Record<string, unknown>): Promise<boolean> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of builtInOperators().custom)
    engine.addOperator(new Operator(op.name, op.compare, op.validate));
  engine.addRule({ conditions: { all: [structuredClone(condition)] } as never, event: { type: 'holds' } });
  const { events } = await engine.run(structuredClone(almanac));
  return events.length > 0;
}

describe('operator × edge case: json-rules-engine, the compiled evaluator and the table agree', () => {
  it.each(TABLE)('%s, %s', async (_operator, _edge, condition, almanac, answer) => {
    expect(await engineAnswer(condition, almanac)).toBe(answer);
    expect(compileCondition({ all: [condition] })(almanac)).toBe(answer);
  });
});

/** The three cases where the old template evaluator (src/templates/condition.ts) answered `false`. */
describe('the three former divergences answer as json-rules-engine does', () => {
  const analysis = (signals: string[]) => ({
    intent: { id: 'other', confidence: 0.9 },
    language: { locale: 'zh-Hans' },
    signals: signals.map((id) => ({ id })),
  });
  const template = (when: unknown): TemplateDefinitionInput =>
    ({
      id: 'shop/probe',
      stage: 'answer',
      intents: [],
      channels: ['chat'],
      description: 'A probe.',
      variables: {},
      sources: { 'zh-Hans': '好的' },
      when,
    }) as TemplateDefinitionInput;
  const selected = (when: unknown, facts: Record<string, unknown>, signals: string[] = []) =>
    createTemplateCatalogue([template(when)], { templateCompiler })
      .select(analysis(signals), facts)
      .some((match) => match.id === 'shop/probe');

  const cases: Array<[string, LeafCondition, Record<string, unknown>, boolean]> = [
    [
      '`in` with a string value',
      leaf('responsibility', 'in', 'merchant or carrier'),
      { responsibility: 'merchant' },
      true,
    ],
    [
      '`in` with a string value, not found',
      leaf('responsibility', 'in', 'carrier only'),
      { responsibility: 'merchant' },
      false,
    ],
    ['a `path` on a scalar fact', leaf('channel', 'equal', 'chat', '$.name'), { channel: 'chat' }, true],
    [
      'a `path` on a scalar fact, other value',
      leaf('channel', 'equal', 'phone', '$.name'),
      { channel: 'chat' },
      false,
    ],
    [
      '`lessThan` on an array',
      leaf('analysis', 'lessThan', 10, '$.signals'),
      { analysis: { signals: ['5'] } },
      true,
    ],
    [
      '`lessThan` on an array, larger',
      leaf('analysis', 'lessThan', 1, '$.signals'),
      { analysis: { signals: ['5'] } },
      false,
    ],
  ];

  it.each(cases)('%s: compiled = json-rules-engine', async (_name, condition, almanac, answer) => {
    expect(await engineAnswer(condition, almanac)).toBe(answer);
    expect(compileCondition({ all: [condition] })(almanac)).toBe(answer);
  });

  it('`in` with a string value selects the template', () => {
    const when = { all: [leaf('responsibility', 'in', 'merchant or carrier')] };
    expect(selected(when, { responsibility: 'merchant' })).toBe(true);
    expect(selected(when, { responsibility: 'customer' })).toBe(false);
  });

  it('`lessThan` on an array selects the template', () => {
    const when = { all: [leaf('analysis', 'lessThan', 10, '$.signals')] };
    expect(selected(when, {}, ['5'])).toBe(true);
    expect(selected(when, {}, ['emotion.anger'])).toBe(false);
  });

  it('a `path` on a plain fact is refused in a template, as before: "channel" has no fields', () => {
    expect(() =>
      createTemplateCatalogue([template({ all: [leaf('channel', 'equal', 'chat', '$.name')] })], {
        templateCompiler,
      }),
    ).toThrow(/"channel" is a plain value: leave out "path"/);
  });
});
