import { describe, expect, it } from 'vitest';
import { checkCondition } from '../../src/conditions/checks.js';
import { compileCondition } from '../../src/conditions/compile.js';
import { formatPath, HuashuError } from '../../src/errors.js';
import { MAX_CONDITION_DEPTH } from '../../src/limits.js';
import { checkWhenFacts, whenSchema } from '../../src/templates/when.js';

/** Every problem of a template `when`: the schema's, then the facts' (as validate.ts runs them). */
function whenProblems(when: unknown): Array<{ path: string; message: string }> {
  const parsed = whenSchema.safeParse(when);
  if (!parsed.success)
    return parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
  return checkWhenFacts(parsed.data).map((i) => ({ path: formatPath(i.path), message: i.message }));
}

const all = (...leaves: unknown[]) => ({ all: leaves });

describe('template `when`: the one language, over the template facts', () => {
  it.each<[string, unknown]>([
    ['equal on a field', all({ fact: 'order', path: '$.shipped', operator: 'equal', value: true })],
    ['`in` with a list', all({ fact: 'responsibility', operator: 'in', value: ['merchant'] })],
    [
      '`in` with a string (json-rules-engine searches it)',
      all({ fact: 'responsibility', operator: 'in', value: 'merchant' }),
    ],
    ['a bracket path', all({ fact: 'order', path: "$['shipped']", operator: 'equal', value: true })],
    [
      'a path below a field',
      all({ fact: 'analysis', path: '$.signals[0]', operator: 'equal', value: 'abuse' }),
    ],
    [
      'a fact reference',
      all({ fact: 'channel', operator: 'equal', value: { fact: 'analysis', path: '$.locale' } }),
    ],
    [
      "huashu's operators",
      all({ fact: 'analysis', path: '$.signals', operator: 'intersects', value: ['abuse'] }),
    ],
    [
      'a decorated operator',
      all({ fact: 'analysis', path: '$.intents', operator: 'someFact:startsWith', value: 'order.' }),
    ],
    [
      'a name and a top-level priority (json-rules-engine ignores them here)',
      { all: [{ fact: 'channel', operator: 'equal', value: 'chat' }], name: 'n', priority: 2 },
    ],
    [
      'an untyped comparison (the values of template facts are not type-checked)',
      all({ fact: 'order', path: '$.shipped', operator: 'lessThan', value: 'x' }),
    ],
  ])('accepts %s', (_name, when) => {
    expect(whenProblems(when)).toEqual([]);
  });

  it.each<[string, unknown, string, RegExp]>([
    [
      'full JSONPath (no engine to fall back on)',
      all({ fact: 'order', path: '$..shipped', operator: 'equal', value: true }),
      'all[0].path',
      /evaluated by json-rules-engine only/,
    ],
    [
      'a nested priority',
      all({ fact: 'order', path: '$.shipped', operator: 'equal', value: true, priority: 2 }),
      'all[0].priority',
      /leave out "priority"/,
    ],
    ['an empty all', { all: [] }, 'all', /empty "all" is always true/],
    ['a nested empty all', { any: [{ all: [] }] }, 'any[0].all', /empty "all" is always true/],
    ['an empty any', { any: [] }, 'any', /empty "any" is always true/],
    [
      'an unknown fact',
      all({ fact: 'intent', operator: 'equal', value: 'x' }),
      'all[0].fact',
      /unknown fact "intent"; facts: channel, shop/,
    ],
    [
      'an unknown field',
      all({ fact: 'customer', path: '$.tierr', operator: 'equal', value: 'vip' }),
      'all[0].path',
      /"customer" has no "\$\.tierr": no field "tierr" \(did you mean "tier"\?\)/,
    ],
    [
      'a path on a plain fact',
      all({ fact: 'channel', path: '$.x', operator: 'equal', value: 'chat' }),
      'all[0].path',
      /plain value/,
    ],
    [
      '`in` with a number (json-rules-engine would throw)',
      all({ fact: 'channel', operator: 'in', value: 5 }),
      'all[0].value',
      /needs a list as its value \(or a string/,
    ],
    [
      '`intersects` with a string',
      all({ fact: 'analysis', path: '$.signals', operator: 'intersects', value: 'abuse' }),
      'all[0].value',
      /needs a list/,
    ],
    [
      '`someValue:` with a scalar',
      all({ fact: 'channel', operator: 'someValue:equal', value: 'chat' }),
      'all[0].value',
      /needs a list/,
    ],
    [
      '`someValue:in` with a number inside',
      all({ fact: 'channel', operator: 'someValue:in', value: [['chat'], 5] }),
      'all[0].value',
      /needs a list/,
    ],
    [
      'an object literal',
      all({ fact: 'order', operator: 'equal', value: { shipped: true } }),
      'all[0].value',
      /expected a string, a number, true, false, null or a list/,
    ],
    [
      'a fact reference for `in`',
      all({ fact: 'channel', operator: 'in', value: { fact: 'analysis' } }),
      'all[0].value',
      /literal list/,
    ],
    [
      'a fact reference to an unknown fact',
      all({ fact: 'channel', operator: 'equal', value: { fact: 'locale' } }),
      'all[0].value.fact',
      /unknown fact "locale"/,
    ],
    [
      'the swap decorator',
      all({ fact: 'channel', operator: 'swap:equal', value: 'chat' }),
      'all[0].operator',
      /swap/,
    ],
    [
      'an unknown operator',
      all({ fact: 'channel', operator: 'equals', value: 'chat' }),
      'all[0].operator',
      /unknown operator "equals" \(did you mean "equal"\?\): the operator must be one of equal, notEqual/,
    ],
  ])('refuses %s', (_name, when, path, message) => {
    expect(whenProblems(when)).toContainEqual({ path, message: expect.stringMatching(message) });
  });
});

describe('checkCondition without fact specs (any fact name)', () => {
  it('checks the shape, operators and values, not the facts', () => {
    expect(checkCondition(all({ fact: 'anything', path: '$.a[0]', operator: 'equal', value: 1 }))).toEqual(
      [],
    );
    expect(checkCondition(all({ fact: '', operator: 'equal', value: 1 }))).toEqual([
      { path: ['all', 0, 'fact'], message: 'expected a fact name (a non-empty string)' },
    ]);
  });

  it('full JSONPath is an engine-only part unless compiledOnly', () => {
    const when = all({ fact: 'order', path: '$..status', operator: 'equal', value: 'x' });
    expect(checkCondition(when)).toEqual([]);
    expect(checkCondition(when, { compiledOnly: true })).toHaveLength(1);
  });

  it('size and cycles are checked first and alone', () => {
    const node: Record<string, unknown> = {};
    node.not = node;
    expect(checkCondition({ all: [node, { fact: 1 }] })).toEqual([
      { path: ['all', 0, 'not'], message: expect.stringMatching(/contains itself/) },
    ]);
  });
});

describe('compileCondition validates what it compiles', () => {
  it.each<[string, unknown, RegExp]>([
    ['a leaf at the top', { fact: 'x', operator: 'equal', value: 1 }, /top level/],
    ['an unknown operator', all({ fact: 'x', operator: 'nope', value: 1 }), /unknown operator "nope"/],
    [
      'full JSONPath',
      all({ fact: 'x', path: '$..a', operator: 'equal', value: 1 }),
      /evaluated by json-rules-engine only/,
    ],
    [
      'a deep tree',
      (() => {
        let node: unknown = { fact: 'x', operator: 'equal', value: 1 };
        for (let i = 0; i < MAX_CONDITION_DEPTH + 5; i++) node = { not: node };
        return node;
      })(),
      /MAX_CONDITION_DEPTH/,
    ],
    ['not an object', 'all', /expected a condition object/],
  ])('%s: INVALID_INPUT with the problem', (_name, condition, message) => {
    let error: unknown;
    try {
      compileCondition(condition);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HuashuError);
    expect((error as HuashuError).code).toBe('INVALID_INPUT');
    expect((error as HuashuError).issues.map((i) => i.message).join('\n')).toMatch(message);
  });

  it('an empty all or any holds, as in json-rules-engine', () => {
    expect(compileCondition({ all: [] })({})).toBe(true);
    expect(compileCondition({ any: [{ all: [] }] })({})).toBe(true);
  });
});
