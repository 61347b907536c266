import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRuleEvaluator } from '../../src/actions/evaluator.js';
import { OperatorTable } from '../../src/actions/operators.js';
import { createReferenceEngine } from '../../src/actions/reference-engine.js';
import { builtInActionRules } from '../../src/generated/actions-rules.js';
import { randomFactsArbitrary, randomRulesArbitrary, ruleFactsArbitrary } from './arbitraries.js';

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
