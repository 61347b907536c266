import { describe, expect, it } from 'vitest';
import { indexCatalogue } from '../../src/actions/catalogue.js';
import { OperatorTable } from '../../src/conditions/operators.js';
import { checkRuleFile } from '../../src/actions/validate-rules.js';
import { createAssistant } from '../../src/assistant/index.js';
import { HuashuError } from '../../src/errors.js';
import { ACTION_CATALOGUE } from '../../src/generated/actions-catalogue.js';
import {
  MAX_CONDITION_DEPTH,
  MAX_CONDITION_NODES,
  MAX_CONDITION_VALUE_DEPTH,
  MAX_FACT_PATH_LENGTH,
} from '../../src/limits.js';

const context = {
  catalogue: indexCatalogue(ACTION_CATALOGUE, []),
  // A custom operator takes any JSON value, so nested values reach the checks.
  operators: new OperatorTable({ matches: () => true }),
};
const rule = (conditions: unknown) => ({
  name: 'r',
  conditions,
  event: { type: 'action', params: { actions: ['case.record'] } },
});
const leaf = { fact: 'intent', operator: 'equal', value: 'complaint' };
const check = (conditions: unknown) => checkRuleFile({ rules: [rule(conditions)] }, context, 'pack.json');

function notChain(depth: number): unknown {
  let node: unknown = leaf;
  for (let i = 1; i < depth; i++) node = { not: node };
  return node;
}
function anyChain(depth: number): unknown {
  let node: unknown = leaf;
  for (let i = 1; i < depth; i++) node = { any: [leaf, node] };
  return node;
}
function nestedValue(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('rule conditions: valid at the limit, INVALID_RULES one past it, with the path', () => {
  const cases: Array<[string, unknown, unknown, string, RegExp]> = [
    [
      'depth (not chain)',
      notChain(MAX_CONDITION_DEPTH),
      notChain(MAX_CONDITION_DEPTH + 1),
      `rules[0].conditions${'.not'.repeat(MAX_CONDITION_DEPTH)}`,
      /MAX_CONDITION_DEPTH/,
    ],
    [
      'depth (any chain)',
      anyChain(MAX_CONDITION_DEPTH),
      anyChain(MAX_CONDITION_DEPTH + 1),
      // The first node too deep in reading order: the `any[0]` leaf beside the innermost chain.
      `rules[0].conditions${'.any[1]'.repeat(MAX_CONDITION_DEPTH - 1)}.any[0]`,
      /MAX_CONDITION_DEPTH/,
    ],
    [
      'nodes',
      { all: Array.from({ length: MAX_CONDITION_NODES - 1 }, () => leaf) },
      { all: Array.from({ length: MAX_CONDITION_NODES }, () => leaf) },
      'rules[0].conditions',
      /MAX_CONDITION_NODES/,
    ],
    [
      'value depth',
      { all: [{ fact: 'intent', operator: 'matches', value: nestedValue(MAX_CONDITION_VALUE_DEPTH) }] },
      { all: [{ fact: 'intent', operator: 'matches', value: nestedValue(MAX_CONDITION_VALUE_DEPTH + 1) }] },
      `rules[0].conditions.all[0].value${'[0]'.repeat(MAX_CONDITION_VALUE_DEPTH)}`,
      /MAX_CONDITION_VALUE_DEPTH/,
    ],
    [
      'path length',
      {
        all: [
          { fact: 'order', path: `$..${'a'.repeat(MAX_FACT_PATH_LENGTH - 3)}`, operator: 'equal', value: 1 },
        ],
      },
      {
        all: [
          { fact: 'order', path: `$..${'a'.repeat(MAX_FACT_PATH_LENGTH - 2)}`, operator: 'equal', value: 1 },
        ],
      },
      'rules[0].conditions.all[0].path',
      /MAX_FACT_PATH_LENGTH/,
    ],
  ];

  it.each(cases)('%s', (_name, valid, invalid, path, message) => {
    const ok = check(valid);
    expect(ok.issues).toEqual([]);
    expect(ok.rules).toHaveLength(1);
    const bad = check(invalid);
    expect(bad.rules).toEqual([]);
    expect(bad.issues).toContainEqual({ file: 'pack.json', path, message: expect.stringMatching(message) });
  });

  it.each<[string, () => unknown, string, RegExp]>([
    [
      'a condition that is its own `not`',
      () => {
        const node: Record<string, unknown> = {};
        node.not = node;
        return { all: [node] };
      },
      'rules[0].conditions.all[0].not',
      /contains itself/,
    ],
    [
      'a list holding its parent',
      () => {
        const node: { any: unknown[] } = { any: [leaf] };
        node.any.push(node);
        return node;
      },
      'rules[0].conditions.any[1]',
      /contains itself/,
    ],
    [
      'a cyclic value',
      () => {
        const value: unknown[] = [];
        value.push(value);
        return { all: [{ fact: 'intent', operator: 'matches', value }] };
      },
      'rules[0].conditions.all[0].value[0]',
      /value contains itself/,
    ],
    [
      '100,000 nested nots',
      () => notChain(100_000),
      `rules[0].conditions${'.not'.repeat(MAX_CONDITION_DEPTH)}`,
      /MAX_CONDITION_DEPTH/,
    ],
  ])('%s: a typed issue, not a RangeError', (_name, make, path, message) => {
    const checked = check(make());
    expect(checked.rules).toEqual([]);
    expect(checked.issues).toEqual([{ file: 'pack.json', path, message: expect.stringMatching(message) }]);
  });

  it('through createAssistant({ actions }): INVALID_RULES naming the limit', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.not = cyclic;
    for (const conditions of [notChain(50_000), { all: [cyclic] }]) {
      let error: unknown;
      try {
        createAssistant({ actions: { rules: [rule(conditions)] } });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(HuashuError);
      expect((error as HuashuError).code).toBe('INVALID_RULES');
      expect((error as HuashuError).message).toMatch(/MAX_CONDITION_DEPTH|contains itself/);
    }
  });

  it('a value that cannot be written as JSON is reported, not thrown', () => {
    const checked = check({ all: [{ fact: 'intent', operator: 'equal', value: 10n }] });
    expect(checked.issues).toEqual([
      { file: 'pack.json', path: 'rules[0].conditions.all[0].value', message: 'expected a string, got 10n' },
    ]);
  });
});
