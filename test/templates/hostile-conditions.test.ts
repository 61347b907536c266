import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant/index.js';
import { HuashuError } from '../../src/errors.js';
import { MAX_CONDITION_NODES } from '../../src/limits.js';
import { createTemplateCatalogue, type TemplateDefinitionInput } from '../../src/templates/index.js';
import { conditionTreeProblem } from '../../src/conditions/tree.js';
import { templateCompiler } from '../../src/templates/compiler.js';

/**
 * Condition trees as a hostile pack or caller could write them: every shape json-rules-engine's
 * syntax has and many it does not, nested deep, sharing subtrees and holding cycles. Templates'
 * `when` and next-action rules' `conditions` take them; the only way either may fail is a
 * HuashuError (no RangeError from a recursion, no TypeError from a cycle).
 */
const scalar = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(10n),
);
const fact = fc.oneof(
  fc.constantFrom('intent', 'signals', 'order', 'channel', 'customer', 'analysis', 'risk', '__proto__', 'constructor', 'toString'),
  scalar,
);
const path = fc.oneof(
  fc.constantFrom('$.shipped', '$.carrierScan', '$.__proto__.x', '$.constructor.prototype', '$..status', '$[0]', 'shipped', '$.toString'),
  fc.string({ maxLength: 8 }),
);
const leaf = fc.record(
  {
    fact,
    path,
    operator: fc.constantFrom('equal', 'notEqual', 'in', 'contains', 'lessThan', 'nope', 'matches'),
    value: fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.constant(null).map(() => ({ fact: 'order', path: '$.shipped' }))),
    priority: fc.integer({ min: -1, max: 3 }),
  },
  { requiredKeys: ['fact', 'operator'] },
);
/** Leaves both templates and rules accept, so that many trees load and are evaluated too. */
const validLeaf = fc
  .constantFrom(
    { fact: 'channel', operator: 'equal', value: 'chat' },
    { fact: 'channel', operator: 'in', value: ['chat', 'phone'] },
    { fact: 'order', path: '$.shipped', operator: 'equal', value: true },
    { fact: 'order', path: '$.carrierScan', operator: 'notEqual', value: true },
  )
  // A fresh copy each time: the twists below mutate trees, and constants are shared between runs.
  .map((value) => structuredClone(value));
const { node } = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 12, arbitrary: validLeaf },
    { weight: 1, arbitrary: leaf },
    { weight: 3, arbitrary: fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }) },
    { weight: 3, arbitrary: fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }) },
    { weight: 3, arbitrary: fc.record({ not: tie('node') }) },
    {
      weight: 1,
      arbitrary: fc.record({ all: fc.array(tie('node'), { maxLength: 2 }), any: fc.array(tie('node'), { maxLength: 2 }) }),
    },
    { weight: 1, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(tie('node'), { maxLength: 2 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 4 }), tie('node'), { maxKeys: 2 }) },
  ),
}));

function containers(root: unknown): object[] {
  const out: object[] = [];
  const seen = new Set<object>();
  const stack = [root];
  while (stack.length > 0 && out.length < 200) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    out.push(value);
    stack.push(...Object.values(value));
  }
  return out;
}

/** A tree, then made hostile: wrapped in a long chain, and given a cycle or a shared subtree. */
const hostileTree = fc
  .record({
    tree: node,
    wrap: fc.constantFrom('all', 'any', 'not'),
    chain: fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 8 }) },
      { weight: 1, arbitrary: fc.integer({ min: 25, max: 40 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 20_000 }) },
    ),
    twist: fc.constantFrom('none', 'none', 'none', 'cycle', 'share'),
    at: fc.nat(),
    back: fc.nat(),
  })
  .map(({ tree, wrap, chain, twist, at, back }) => {
    let root: unknown = { [wrap]: wrap === 'not' ? tree : [tree] };
    for (let i = 0; i < chain; i++) root = wrap === 'not' ? { not: root } : { [wrap]: [root] };
    if (twist === 'none') return root;
    const nodes = containers(root);
    const target = nodes[at % nodes.length] as Record<string, unknown> | unknown[];
    const other = twist === 'cycle' ? nodes[back % (at % nodes.length + 1)] : nodes[back % nodes.length];
    if (other !== undefined) {
      if (Array.isArray(target)) target.push(other);
      else if (Array.isArray(target.all)) target.all.push(other);
      else target.not = other;
    }
    return root;
  });

function onlyHuashuErrors(run: () => void, code: string): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof HuashuError)) throw error;
    expect(error.code).toBe(code);
    expect(error.issues.length).toBeGreaterThan(0);
  }
}

const template: Omit<TemplateDefinitionInput, 'when'> = {
  id: 'shop/hostile',
  stage: 'answer',
  intents: [],
  channels: ['chat'],
  description: 'A hostile when.',
  variables: {},
  sources: { 'zh-Hans': '好的' },
};
const analysis = { intent: { id: 'order.ship_time', confidence: 0.9 }, language: { locale: 'zh-Hans' } };
const facts = { channel: 'chat', order: { shipped: true, carrierScan: false } } as const;

describe('hostile condition trees', () => {
  it('the size check never throws and stops within its node budget', () => {
    fc.assert(
      fc.property(hostileTree, (tree) => {
        const problem = conditionTreeProblem(tree);
        if (problem !== undefined) expect(problem.message).toMatch(/MAX_CONDITION|contains itself/);
      }),
      { numRuns: 500, seed: 9 },
    );
  });

  it('a template `when`: a catalogue or INVALID_TEMPLATES, and select() works on what loads', () => {
    fc.assert(
      fc.property(hostileTree, (when) => {
        onlyHuashuErrors(() => {
          const catalogue = createTemplateCatalogue([{ ...template, when } as TemplateDefinitionInput], { templateCompiler });
          expect(Array.isArray(catalogue.select(analysis, facts))).toBe(true);
        }, 'INVALID_TEMPLATES');
      }),
      { numRuns: 300, seed: 9 },
    );
  });

  it('a next-action rule: an assistant or INVALID_RULES, and recommend() works on what loads', () => {
    const operators = { matches: () => true };
    fc.assert(
      fc.property(hostileTree, (conditions) => {
        onlyHuashuErrors(() => {
          const assistant = createAssistant({
            actions: {
              rules: [{ name: 'hostile', conditions, event: { type: 'action', params: { actions: ['case.record'] } } }],
              operators,
            },
          });
          expect(assistant.recommend({ analysis, facts }).actions).toBeDefined();
        }, 'INVALID_RULES');
      }),
      { numRuns: 150, seed: 9 },
    );
  });

  it('wide trees are refused by count before any recursive check', () => {
    const wide = { all: Array.from({ length: MAX_CONDITION_NODES * 50 }, () => ({ not: { fact: 'channel', operator: 'equal', value: 'chat' } })) };
    expect(conditionTreeProblem(wide)?.message).toMatch(/MAX_CONDITION_NODES/);
  });
});
