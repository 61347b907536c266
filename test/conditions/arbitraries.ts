import fc from 'fast-check';
import type { ConditionNode, TopLevelCondition } from '../../src/conditions/types.js';
import { factsSchema } from '../../src/facts.js';
import { ANALYSIS_FACT_FIELDS, CONDITION_FACTS } from '../../src/templates/when.js';

/**
 * Template `when` conditions and almanacs for the differential test against json-rules-engine.
 * Conditions are valid template conditions (the test asserts it): the template facts, a known
 * first field, every operator (json-rules-engine's, huashu's, decorated), literal values of every
 * JSON kind and fact references. Almanacs are hostile: each fact may be missing, undefined, null,
 * a scalar, a list or an object, so paths run on objects, arrays, scalars and nothing.
 */

/** Values that make the loose cases show: substrings, numeric strings, "undefined", 0 and "". */
const SCALARS = [
  '',
  'a',
  'ab',
  'chat',
  'merchant',
  'merch',
  '5',
  '12abc',
  'undefined',
  'null',
  0,
  1,
  5,
  3.5,
  -1,
  true,
  false,
  null,
];
const scalar = fc.constantFrom(...SCALARS);
const list = fc.array(scalar, { maxLength: 3 });

/** The first-level fields of each template fact: a path's first step is one of them. */
const FIELDS: Record<string, readonly string[]> = Object.fromEntries(
  CONDITION_FACTS.map((fact) => {
    if (fact === 'analysis') return [fact, ANALYSIS_FACT_FIELDS];
    const schema = (factsSchema.shape as Record<string, { def?: { innerType?: { shape?: object } } }>)[fact];
    const shape = schema?.def?.innerType?.shape;
    return [fact, shape ? Object.keys(shape) : []];
  }),
);
const OBJECT_FACTS = CONDITION_FACTS.filter((fact) => (FIELDS[fact] ?? []).length > 0);
const PLAIN_FACTS = CONDITION_FACTS.filter((fact) => (FIELDS[fact] ?? []).length === 0);

/** After the known field: nothing, an index, a property of the field's value, `length`, a bracket step. */
const SUFFIXES = ['', '', '[0]', '[1]', '.length', '.x', "['x']", '[0][0]'];

const pathFor = (fact: string): fc.Arbitrary<string | undefined> => {
  const fields = FIELDS[fact] ?? [];
  if (fields.length === 0) return fc.constantFrom(undefined, undefined, '$');
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(undefined, '$') },
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.constantFrom(...fields), fc.constantFrom(...SUFFIXES), fc.boolean())
        .map(([field, suffix, bracket]) => (bracket ? `$['${field}']${suffix}` : `$.${field}${suffix}`)),
    },
  );
};

const factAndPath = fc
  .constantFrom(...CONDITION_FACTS)
  .chain((fact) => pathFor(fact).map((path) => ({ fact, path })));

const factReference = factAndPath.map(({ fact, path }) => (path === undefined ? { fact } : { fact, path }));

/** Operators by what their value must be (see src/conditions/checks.ts). */
const SEARCH_OPERATORS = ['in', 'notIn', 'not:in', 'someFact:in', 'everyFact:notIn'];
const LIST_OPERATORS = [
  'intersects',
  'someValue:equal',
  'everyValue:notEqual',
  'someValue:greaterThan',
  'someFact:intersects',
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
  'not:lessThan',
  'someFact:startsWith',
];
/** Every operator the generated conditions use: the test checks each one occurs. */
export const TEMPLATE_TEST_OPERATORS = [...SEARCH_OPERATORS, ...LIST_OPERATORS, ...OTHER_OPERATORS];

const withPath = <T extends object>(leaf: T, path: string | undefined) =>
  path === undefined ? leaf : { ...leaf, path };

const leaf: fc.Arbitrary<ConditionNode> = fc.oneof(
  fc
    .record({
      target: factAndPath,
      operator: fc.constantFrom(...SEARCH_OPERATORS),
      value: fc.oneof(list, fc.constantFrom('merchant', 'chat', 'ab', 'undefined', '512abc', '')),
    })
    .map(({ target, operator, value }) => withPath({ fact: target.fact, operator, value }, target.path)),
  fc
    .record({ target: factAndPath, operator: fc.constantFrom(...LIST_OPERATORS), value: list })
    .map(({ target, operator, value }) => withPath({ fact: target.fact, operator, value }, target.path)),
  fc
    .record({
      target: factAndPath,
      operator: fc.constantFrom(...OTHER_OPERATORS),
      value: fc.oneof(
        { weight: 4, arbitrary: scalar },
        { weight: 1, arbitrary: list },
        { weight: 2, arbitrary: factReference },
      ),
    })
    .map(({ target, operator, value }) => withPath({ fact: target.fact, operator, value }, target.path)),
);

const { node } = fc.letrec<{ node: ConditionNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: leaf },
    { weight: 1, arbitrary: fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ not: tie('node') }) },
  ),
}));

/** A template `when`: `all`, `any` or `not` at the top. */
export const whenArbitrary: fc.Arbitrary<TopLevelCondition> = fc.oneof(
  fc.record({ all: fc.array(node, { minLength: 1, maxLength: 3 }) }),
  fc.record({ any: fc.array(node, { minLength: 1, maxLength: 3 }) }),
  fc.record({ not: node }),
);

// Plain objects only: facts reach the evaluators through zod, which builds ordinary objects.
const plain = { noNullPrototype: true } as const;

/** A field's value: scalars, lists (of scalars or objects), objects, or nothing. */
const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 2, arbitrary: list },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.record({ x: scalar }, { ...plain, requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(list, fc.record({ x: scalar }, plain)), { maxLength: 2 }) },
);

const factValue = (fact: string): fc.Arbitrary<unknown> => {
  const fields = FIELDS[fact] ?? [];
  const object =
    fields.length === 0
      ? fc.constant({ x: 'chat' })
      : fc.dictionary(fc.constantFrom(...fields, 'x'), fieldValue, { maxKeys: 5, noNullPrototype: true });
  return fc.oneof(
    { weight: fields.length === 0 ? 1 : 6, arbitrary: object },
    { weight: fields.length === 0 ? 6 : 2, arbitrary: scalar },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: list },
  );
};

/**
 * An almanac as select() builds it — the facts plus `analysis` — with each fact possibly missing
 * (no key), undefined, null, a scalar, a list or an object.
 */
export const almanacArbitrary: fc.Arbitrary<Record<string, unknown>> = fc.record(
  Object.fromEntries(CONDITION_FACTS.map((fact) => [fact, factValue(fact)])) as Record<
    string,
    fc.Arbitrary<unknown>
  >,
  { requiredKeys: [], noNullPrototype: true },
);

export { OBJECT_FACTS, PLAIN_FACTS };
