import fc from 'fast-check';
import type { RuleFacts } from '../../src/actions/rule-facts.js';
import type { ConditionNode, Rule, TopLevelCondition } from '../../src/actions/rule-schema.js';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';

const SIGNALS = [
  'emotion.anger',
  'emotion.urgency',
  'threat.bad_review',
  'threat.complaint_channel',
  'threat.media',
  'threat.legal',
  'abuse',
  'repeat_contact',
];
const ENTITIES = ['order_id', 'tracking_number', 'phone', 'amount', 'date', 'size', 'color'];
const INTENTS = [...BUILT_IN_INTENT_IDS, 'custom.intent'];

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const subset = (values: readonly string[]) => fc.subarray([...values], { maxLength: 4 });

/** Rule facts as viewMessage makes them, over every value the shipped rules test (and more). */
export const ruleFactsArbitrary: fc.Arbitrary<RuleFacts> = fc
  .record({
    intent: fc.constantFrom(...INTENTS),
    extra: subset(INTENTS),
    intentConfidence: fc.constantFrom(0, 0.2, 0.49, 0.5, 0.51, 0.59, 0.6, 0.8, 1),
    inScopeConfidence: fc.constantFrom(0, 0.1, 0.19, 0.2, 0.5, 0.9),
    asks: fc.boolean(),
    notUnderstood: fc.boolean(),
    wishes: fc.boolean(),
    mentionsPurchase: fc.boolean(),
    declines: fc.boolean(),
    signals: subset(SIGNALS),
    risk: fc.constantFrom('low', 'medium', 'high') as fc.Arbitrary<RuleFacts['risk']>,
    entities: subset(ENTITIES),
    repeatContacts: fc.nat({ max: 4 }),
    channel: fc.constantFrom('chat', 'phone', 'email', 'social') as fc.Arbitrary<RuleFacts['channel']>,
    locale: fc.constantFrom('zh-Hans', 'zh-Hant', 'en') as fc.Arbitrary<RuleFacts['locale']>,
    order: maybe(
      fc.record(
        {
          shipped: fc.boolean(),
          carrierScan: fc.boolean(),
          deliveryUncertain: fc.boolean(),
          overdue: fc.boolean(),
          status: fc.constantFrom('paid', 'shipped', 'closed'),
        },
        { requiredKeys: [] },
      ),
    ),
    case: maybe(
      fc.record(
        { status: fc.constantFrom('open', 'pending', 'resolved', 'closed') as fc.Arbitrary<'open'> },
        { requiredKeys: [] },
      ),
    ),
    responsibility: maybe(
      fc.constantFrom('merchant', 'customer', 'carrier', 'unknown') as fc.Arbitrary<'merchant'>,
    ),
    customer: maybe(fc.record({ tier: fc.constantFrom('vip', 'new') }, { requiredKeys: [] })),
  })
  .map(({ extra, ...facts }) => ({
    ...facts,
    intents: [facts.intent, ...extra.filter((id) => id !== facts.intent)],
    shop: undefined,
    agent: undefined,
  }));

// ---- random rules, valid per the rule checker, for the evaluator's differential test ----

const FACTS = ['x', 'y', 'list', 'obj'] as const;
const SCALARS = [0, 1, 2, 3.5, '1', '12abc', 'a', 'ab', '', true, false, null];
const scalar = fc.constantFrom(...SCALARS);

/** Values the random facts take: scalars, lists, nested objects. */
export const factValueArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  scalar,
  fc.constant(undefined),
  fc.array(scalar, { maxLength: 3 }),
  fc.record(
    { a: scalar, b: fc.array(scalar, { maxLength: 2 }) },
    { requiredKeys: [], noNullPrototype: true },
  ),
  fc.record(
    { a: fc.record({ b: scalar }, { requiredKeys: [], noNullPrototype: true }) },
    { requiredKeys: [], noNullPrototype: true },
  ),
);

// Every fact is present (its value may be undefined), as in the rule facts recommend() builds: the
// engine skips a path's extra tick for a fact that was never given. Plain objects only: facts reach
// the evaluator through zod, which builds ordinary objects (a null-prototype object makes
// json-rules-engine's number check throw, a different code path).
export const randomFactsArbitrary = fc.record(
  { x: factValueArbitrary, y: factValueArbitrary, list: factValueArbitrary, obj: factValueArbitrary },
  { noNullPrototype: true },
);

const LIST_OPERATORS = [
  'in',
  'notIn',
  'intersects',
  'someValue:equal',
  'everyValue:notEqual',
  'not:in',
  'someFact:not:in',
];
const OTHER_OPERATORS = [
  'equal',
  'notEqual',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'startsWith',
  'someFact:equal',
  'everyFact:greaterThan',
  'not:contains',
];
const PATHS = ['$.a', '$.b[0]', "$['a']", '$.a.b', '$'];

const leafArbitrary: fc.Arbitrary<ConditionNode> = fc.oneof(
  fc.record(
    {
      fact: fc.constantFrom(...FACTS),
      operator: fc.constantFrom(...LIST_OPERATORS),
      value: fc.array(scalar, { maxLength: 3 }),
      path: fc.constantFrom(...PATHS),
    },
    { requiredKeys: ['fact', 'operator', 'value'] },
  ),
  fc.record(
    {
      fact: fc.constantFrom(...FACTS),
      operator: fc.constantFrom(...OTHER_OPERATORS),
      value: fc.oneof(
        scalar,
        fc.record(
          { fact: fc.constantFrom(...FACTS), path: fc.constantFrom(...PATHS) },
          { requiredKeys: ['fact'] },
        ),
      ),
      path: fc.constantFrom(...PATHS),
    },
    { requiredKeys: ['fact', 'operator', 'value'] },
  ),
);

const { condition } = fc.letrec<{ condition: ConditionNode }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArbitrary,
    fc.record({ all: fc.array(tie('condition'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('condition') }),
  ),
}));

const topLevel: fc.Arbitrary<TopLevelCondition> = fc.oneof(
  fc.record({ all: fc.array(condition, { maxLength: 4 }) }),
  fc.record({ any: fc.array(condition, { minLength: 1, maxLength: 4 }) }),
  fc.record({ not: condition }),
);

/** A list of rules with distinct names, priorities 1–3, random conditions. */
export const randomRulesArbitrary: fc.Arbitrary<Rule[]> = fc
  .array(fc.record({ priority: fc.integer({ min: 1, max: 3 }), conditions: topLevel }), {
    minLength: 1,
    maxLength: 12,
  })
  .map((specs) =>
    specs.map((spec, i) => ({
      name: `rule-${i}`,
      priority: spec.priority,
      conditions: spec.conditions,
      event: { type: 'action' as const, params: { actions: [`a${i}`] } },
    })),
  );
