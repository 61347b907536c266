import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRuleEvaluator } from '../../src/actions/evaluator.js';
import { createReferenceEngine } from '../../src/actions/reference-engine.js';
import type { Rule } from '../../src/actions/rule-schema.js';
import { builtInOperators, OperatorTable } from '../../src/conditions/operators.js';
import type { ConditionNode, TopLevelCondition } from '../../src/conditions/types.js';
import { builtInActionRules } from '../../src/generated/actions-rules.js';
import { createTemplateCatalogue, type TemplateDefinitionInput } from '../../src/templates/index.js';
import { checkWhenFacts, compileWhen, whenSchema } from '../../src/templates/when.js';
import { almanacArbitrary, TEMPLATE_TEST_OPERATORS, whenArbitrary } from '../conditions/arbitraries.js';
import { randomFactsArbitrary, randomRulesArbitrary, ruleFactsArbitrary } from './arbitraries.js';
import { templateCompiler } from '../../src/templates/compiler.js';

/**
 * The compiled evaluator against json-rules-engine itself: the same rules fire, their events come
 * out in the same order (priority sets, then the order the engine's promises settle in).
 */
describe('compiled evaluator ≡ json-rules-engine', () => {
  it('shipped rules: same events in the same order on 10,000 generated fact sets', async () => {
    const operators = new OperatorTable();
    const evaluator = createRuleEvaluator(builtInActionRules(), operators);
    expect(evaluator.engineOnly).toEqual([]);
    const engine = await createReferenceEngine(builtInActionRules(), operators);
    const factSets = fc.sample(ruleFactsArbitrary, { numRuns: 10_000, seed: 20240601 });
    let fired = 0;
    const firedRules = new Set<string>();
    for (const facts of factSets) {
      const mine = evaluator.run(facts);
      const reference = await engine.run(facts);
      const names = mine.map((r) => r.name);
      if (names.join() !== reference.names.join())
        expect({ facts, names }).toEqual({ facts, names: reference.names });
      expect(mine.map((r) => r.rule.event)).toEqual(reference.events);
      fired += names.length;
      for (const name of names) firedRules.add(name);
    }
    // The generated facts exercise the rules: every shipped rule fired at least once.
    expect([...firedRules].sort()).toEqual(
      builtInActionRules()
        .map((r) => r.name)
        .sort(),
    );
    expect(fired).toBeGreaterThan(30_000);
  });

  it('random rules (nesting, decorators, paths, fact references, custom operators) on random values', async () => {
    const operators = new OperatorTable();
    await fc.assert(
      fc.asyncProperty(
        randomRulesArbitrary,
        fc.array(randomFactsArbitrary, { minLength: 10, maxLength: 10 }),
        async (rules, factSets) => {
          const evaluator = createRuleEvaluator(rules, operators);
          const engine = await createReferenceEngine(rules, operators);
          for (const facts of factSets) {
            const reference = await engine.run(facts);
            expect(evaluator.run(facts).map((r) => r.name)).toEqual(reference.names);
          }
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('user operators behave alike in both, including ones that throw or answer non-booleans', async () => {
    const operators = new OperatorTable({
      lengthAtLeast: (fact: unknown, n: unknown) => typeof fact === 'string' && fact.length >= Number(n),
      truthy: (fact: unknown) => (fact ? 1 : 0) as unknown as boolean,
      explodes: () => {
        throw new Error('boom');
      },
    });
    const rules = [
      { name: 'len', conditions: { all: [{ fact: 'x', operator: 'lengthAtLeast', value: 2 }] } },
      { name: 'truthy', conditions: { all: [{ fact: 'x', operator: 'truthy', value: null }] } },
      {
        name: 'truthy-nested',
        conditions: { any: [{ all: [{ fact: 'x', operator: 'truthy', value: null }] }] },
      },
      { name: 'explodes', conditions: { not: { fact: 'x', operator: 'explodes', value: 1 } } },
    ].map((r) => ({ ...r, event: { type: 'action' as const, params: { actions: [r.name] } } }));
    const evaluator = createRuleEvaluator(rules, operators);
    const engine = await createReferenceEngine(rules, operators);
    for (const x of ['', 'a', 'abc', 0, 5, null, undefined, ['x', 'y']]) {
      const reference = await engine.run({ x });
      expect(evaluator.run({ x }).map((r) => r.name)).toEqual(reference.names);
    }
  });

  it('orders rules of one priority as the engine settles them, not as written', async () => {
    // A nested rule written first settles after a flat one written later.
    const rules = [
      {
        name: 'nested',
        conditions: {
          all: [
            {
              any: [
                { fact: 'x', operator: 'equal', value: 1 },
                { fact: 'y', operator: 'equal', value: 1 },
              ],
            },
            { fact: 'x', operator: 'equal', value: 1 },
          ],
        },
      },
      { name: 'flat', conditions: { all: [{ fact: 'x', operator: 'equal', value: 1 }] } },
      { name: 'path', conditions: { all: [{ fact: 'o', path: '$.a', operator: 'equal', value: 1 }] } },
      {
        name: 'high',
        priority: 2,
        conditions: { all: [{ any: [{ not: { fact: 'x', operator: 'equal', value: 2 } }] }] },
      },
    ].map((r) => ({ ...r, event: { type: 'action' as const, params: { actions: [r.name] } } }));
    const operators = new OperatorTable();
    const evaluator = createRuleEvaluator(rules, operators);
    const reference = await (await createReferenceEngine(rules, operators)).run({ x: 1, y: 1, o: { a: 1 } });
    expect(reference.names).toEqual(['high', 'flat', 'path', 'nested']);
    expect(evaluator.run({ x: 1, y: 1, o: { a: 1 } }).map((r) => r.name)).toEqual(reference.names);
  });
});

/** Each condition as a rule json-rules-engine runs: rule `w<i>` fires when condition i holds. */
function asRules(conditions: readonly TopLevelCondition[]): Rule[] {
  return conditions.map((conditions, i) => ({
    name: `w${i}`,
    conditions,
    event: { type: 'action' as const, params: { actions: ['case.record'] } },
  }));
}

function leaves(node: ConditionNode, out: Array<Extract<ConditionNode, { fact: string }>> = []) {
  if ('all' in node) node.all.forEach((c) => leaves(c, out));
  else if ('any' in node) node.any.forEach((c) => leaves(c, out));
  else if ('not' in node) leaves(node.not, out);
  else out.push(node);
  return out;
}

/**
 * Template `when` through the one compiled evaluator against json-rules-engine: generated
 * conditions (every operator, paths, literal values of each JSON kind, fact references) on hostile
 * almanacs (each fact missing, undefined, null, a scalar, a list or an object).
 */
describe('template `when` ≡ json-rules-engine', () => {
  it('20 generated conditions × 10,000 generated fact sets', async () => {
    const operators = new Set<string>();
    const kinds = new Set<string>();
    let factSets = 0;
    let holds = 0;
    let evaluations = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(whenArbitrary, { minLength: 20, maxLength: 20 }),
        fc.array(almanacArbitrary, { minLength: 20, maxLength: 20 }),
        async (whens, almanacs) => {
          for (const when of whens) {
            // Only valid template conditions: the catalogue would load each of them.
            expect(whenSchema.safeParse(when).success).toBe(true);
            expect(checkWhenFacts(when)).toEqual([]);
            for (const leaf of leaves(when)) {
              operators.add(leaf.operator);
              const value = leaf.value;
              kinds.add(
                Array.isArray(value)
                  ? 'list'
                  : value === null
                    ? 'null'
                    : typeof value === 'object'
                      ? 'fact reference'
                      : typeof value,
              );
              kinds.add(leaf.path === undefined ? 'no path' : 'path');
            }
          }
          const compiled = whens.map(compileWhen);
          const engine = await createReferenceEngine(asRules(whens), builtInOperators());
          for (const almanac of almanacs) {
            const expected = (await engine.run(almanac)).names.sort();
            const actual = compiled.flatMap((test, i) => (test(almanac) ? [`w${i}`] : [])).sort();
            if (actual.join() !== expected.join())
              expect({ almanac, whens, actual }).toEqual({ almanac, whens, actual: expected });
            factSets += 1;
            evaluations += whens.length;
            holds += actual.length;
          }
        },
      ),
      { numRuns: 500, seed: 20240610 },
    );
    expect(factSets).toBeGreaterThanOrEqual(10_000);
    expect([...operators].sort()).toEqual([...TEMPLATE_TEST_OPERATORS].sort());
    expect([...kinds].sort()).toEqual([
      'boolean',
      'fact reference',
      'list',
      'no path',
      'null',
      'number',
      'path',
      'string',
    ]);
    // Not vacuous: conditions hold and fail in good measure.
    expect(holds / evaluations).toBeGreaterThan(0.15);
    expect(holds / evaluations).toBeLessThan(0.85);
  });

  it('through the catalogue: select() picks exactly the condition-only templates json-rules-engine fires', async () => {
    const facts = fc.record(
      {
        channel: fc.constantFrom('chat', 'phone', 'email', 'social'),
        responsibility: fc.constantFrom('merchant', 'customer', 'carrier', 'unknown'),
        order: fc.record(
          {
            shipped: fc.boolean(),
            carrierScan: fc.boolean(),
            status: fc.constantFrom('paid', '5', 'shipped', ''),
          },
          { requiredKeys: [], noNullPrototype: true },
        ),
        customer: fc.record(
          { tier: fc.constantFrom('vip', '12abc', 'merchant') },
          { requiredKeys: [], noNullPrototype: true },
        ),
      },
      { requiredKeys: [], noNullPrototype: true },
    );
    const analysis = fc.record({
      intent: fc.record({
        id: fc.constantFrom('complaint', 'order.ship_time', '5'),
        confidence: fc.constantFrom(0, 0.5, 1),
      }),
      intents: fc.array(
        fc.record({ id: fc.constantFrom('complaint', '3', 'thanks'), confidence: fc.constantFrom(0.2, 0.9) }),
        { maxLength: 2 },
      ),
      signals: fc.array(fc.record({ id: fc.constantFrom('emotion.anger', '5', 'abuse') }), { maxLength: 2 }),
      entities: fc.array(fc.record({ type: fc.constantFrom('order_id', 'phone') }), { maxLength: 2 }),
      risk: fc.constantFrom('low', 'high', '1'),
      language: fc.record({ locale: fc.constantFrom('zh-Hans', 'en') }),
    });
    let selections = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(whenArbitrary, { minLength: 20, maxLength: 20 }),
        fc.array(fc.tuple(analysis, facts), { minLength: 20, maxLength: 20 }),
        async (whens, inputs) => {
          const templates: TemplateDefinitionInput[] = whens.map((when, i) => ({
            id: `diff/w${i}`,
            stage: 'answer',
            intents: [],
            channels: ['chat', 'phone', 'email', 'social'],
            description: 'differential',
            variables: {},
            sources: { 'zh-Hans': '好的' },
            when,
          }));
          const catalogue = createTemplateCatalogue(templates, { templateCompiler });
          const engine = await createReferenceEngine(asRules(whens), builtInOperators());
          for (const [a, f] of inputs) {
            const picked = catalogue
              .select(a, f)
              .filter((m) => m.id.startsWith('diff/'))
              .map((m) => m.id.slice('diff/'.length))
              .sort();
            // The almanac select() documents: the facts, plus `analysis`.
            const almanac = {
              ...f,
              analysis: {
                intent: a.intent.id,
                confidence: a.intent.confidence,
                intents: a.intents.map((i) => i.id),
                signals: a.signals.map((s) => s.id),
                entities: a.entities.map((e) => e.type),
                risk: a.risk,
                locale: a.language.locale,
              },
            };
            expect(picked).toEqual((await engine.run(almanac)).names.sort());
            selections += 1;
          }
        },
      ),
      { numRuns: 50, seed: 20240611 },
    );
    expect(selections).toBe(1_000);
  });
});
