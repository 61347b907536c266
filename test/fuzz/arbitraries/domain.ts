import fc from 'fast-check';
import { record } from './hostile.js';
import { actionCatalogue } from '../../../src/generated/actions-catalogue.js';
import { builtInActionRules } from '../../../src/generated/actions-rules.js';
import { intentPatterns } from '../../../src/generated/intent-patterns.js';
import { builtInTemplateDefinitions } from '../../../src/generated/templates.js';
import { BUILT_IN_INTENT_IDS } from '../../../src/intent/ids.js';
import { CHANNELS, TEMPLATE_LOCALES, VARIABLE_TYPES } from '../../../src/templates/definition.js';
import type { Scale } from '../config.js';
import type { TextSpec } from '../worker/materialize.js';
import { hostileValue, mutated, objectFrom, PROTO_KEYS } from './hostile.js';
import { phone, shortText, textSpec } from './text.js';

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const optional = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) =>
  record(fields, { requiredKeys: [] });

export const INTENTS = [...BUILT_IN_INTENT_IDS, 'other', 'custom.intent'];
export const intentId = fc.constantFrom(...INTENTS);
export const channel = fc.constantFrom(...CHANNELS);
export const locale = fc.constantFrom(...TEMPLATE_LOCALES);
export const isoDate = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString());
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
const ENTITY_TYPES = [
  'order_id',
  'tracking_number',
  'phone',
  'amount',
  'date',
  'time',
  'size',
  'color',
  'name',
  'address',
  'link',
  'number',
];
const BUILTIN_TEMPLATES = builtInTemplateDefinitions();
const BUILTIN_ACTION_RULES = builtInActionRules();
const ACTION_IDS = actionCatalogue().actions.map((a) => a.id);

/** Facts as the schema allows them, with free text where it takes strings. */
export const facts = optional({
  channel,
  shop: optional({ name: shortText }),
  agent: optional({ id: shortText, name: shortText }),
  customer: optional({
    name: shortText,
    gender: fc.constantFrom('female', 'male', 'unknown'),
    tier: fc.constantFrom('vip', 'new', 'svip'),
    phone: fc.oneof(phone, shortText),
  }),
  order: optional({
    id: fc.oneof(fc.stringMatching(/^\d{6,19}$/), shortText),
    status: fc.constantFrom('paid', 'shipped', 'closed', 'refunding'),
    shipped: fc.boolean(),
    carrierScan: fc.boolean(),
    trackingNumber: fc.stringMatching(/^(SF|YT|JD)?\d{10,15}$/),
    carrier: fc.constantFrom('顺丰', '圆通', 'JD', 'EMS'),
    deliveryUncertain: fc.boolean(),
    promisedShipAt: isoDate,
    paidAt: isoDate,
  }),
  responsibility: fc.constantFrom('merchant', 'customer', 'carrier', 'unknown'),
  case: optional({ status: fc.constantFrom('open', 'pending', 'resolved', 'closed') }),
});

const role = fc.constantFrom('customer', 'agent', 'system');

/** The context of analyze(): the agent's last message, earlier turns, channel, repeat contacts. */
export const context = optional({
  previousAgentMessage: fc.oneof(shortText, fc.constant(null)),
  history: fc.array(
    optional({ role, text: shortText, at: fc.oneof(isoDate, fc.nat()) }).filter(
      (t) => 'role' in t && 'text' in t,
    ),
    { maxLength: 4 },
  ),
  channel,
  repeatContacts: fc.nat({ max: 20 }),
});

/** The context of lint(): facts, the conversation so far, the reply's locale. */
export const lintContext = optional({
  facts,
  conversation: fc.array(record({ role, text: shortText }), { maxLength: 4 }),
  locale,
});

/** An analysis as select() and recommend() read it, hand-made. */
export const analysisLike = record(
  {
    intent: record({ id: intentId, confidence: fc.double({ min: 0, max: 1, noNaN: true }) }),
    intents: fc.array(record({ id: intentId, confidence: fc.double({ min: 0, max: 1, noNaN: true }) }), {
      maxLength: 3,
    }),
    signals: fc.array(record({ id: fc.constantFrom(...SIGNALS) }), { maxLength: 3 }),
    entities: fc.array(
      optional({
        type: fc.constantFrom(...ENTITY_TYPES),
        value: shortText,
        placeholder: fc.boolean(),
      }).filter((e) => 'type' in e),
      { maxLength: 3 },
    ),
    risk: fc.constantFrom('low', 'medium', 'high'),
    language: record({ locale: fc.constantFrom('zh-Hans', 'zh-Hant', 'en', 'ja', 'und') }),
  },
  { requiredKeys: ['intent'] },
);

/** Hostile values with the keys that matter in each position (so corruptions land where code reads). */
export const hostile = hostileValue([
  'order',
  'customer',
  'facts',
  'text',
  'id',
  'intent',
  'all',
  'any',
  'not',
  'fact',
  'value',
  'rules',
  'packs',
  'variables',
  'example',
]);

// ---- template packs ----

const SEGMENTS = [...PROTO_KEYS, 'order', 'customer', 'x', 'name', 'delay', 'reason'];
/** A variable path, prototype keys included in every position. */
export const variablePath = fc.oneof(
  fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 3 }).map((s) => s.join('.')),
  // A prototype key first: what setPath-style writers turn into Object.prototype writes.
  fc
    .tuple(fc.constantFrom(...PROTO_KEYS), fc.constantFrom('isAdmin', 'x', 'prototype.polluted'))
    .map(([a, b]) => `${a}.${b}`),
);

/** An example that fits each variable type (a mismatch is one of the corruptions). */
const FITTING_EXAMPLE: Record<string, unknown> = {
  text: '示例',
  number: 3,
  amount: 12.5,
  date: '2024-05-20',
  phone: '13812345678',
  gender: 'female',
  list: ['a'],
  boolean: true,
};

const declaration = fc
  .tuple(fc.constantFrom(...VARIABLE_TYPES), fc.boolean(), fc.boolean())
  .chain(([type, optional, fitting]) =>
    (fitting
      ? fc.constant(FITTING_EXAMPLE[type])
      : fc.constantFrom<unknown>('示例', 3, true, ['a'], '2024-05-20')
    ).map((example) => ({
      type,
      optional,
      description: 'fuzz',
      example,
    })),
  );

/** Handlebars source: text, variable references, helpers, nested blocks (up to 10,000 deep). */
export function templateSource(scale: Scale): fc.Arbitrary<TextSpec> {
  const depth = scale === 'ci' ? 2_000 : 10_000;
  return fc.oneof(
    fc
      .array(
        fc.oneof(
          fc.constantFrom(
            '您好，',
            '亲，',
            'Hello ',
            '{{customer.name}}',
            '{{order.id}}',
            '{{#if order.shipped}}已发货{{else}}未发货{{/if}}',
            '{{this}}',
            '{{@channel}}',
            '{{> x}}',
            '{{{order.id}}}',
            '{{lookup order "id"}}',
            '{{#each x}}{{/each}}',
            '{{',
          ),
          variablePath.map((p) => `{{${p}}}`),
          shortText.map((t) => t.$text.filter((p) => typeof p === 'string').join('')),
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((parts) => ({ $text: parts })),
    fc
      .integer({ min: 1, max: depth })
      .map((n) => ({ $text: [{ r: '{{#if order.shipped}}', n }, '嵌套', { r: '{{/if}}', n }] })),
    textSpec(scale),
  );
}

/** A template definition: a built-in one with a new id, extra variables and source, maybe corrupted. */
export function templateDefinition(scale: Scale): fc.Arbitrary<unknown> {
  const base = fc
    .record({
      template: fc.constantFrom(...BUILTIN_TEMPLATES),
      id: fc.oneof(
        fc.constantFrom(...BUILTIN_TEMPLATES.map((t) => t.id)),
        fc.stringMatching(/^[a-z]{1,6}\/[a-z0-9-]{1,10}$/),
      ),
      variables: fc.array(fc.tuple(variablePath, declaration), { maxLength: 2 }),
      // Declared variables are used by the sources (else the template is refused before it is compiled).
      useVariables: fc.boolean(),
      source: maybe(templateSource(scale)),
      locale,
      when: maybe(
        fc.oneof(
          record({
            $deep: fc.integer({ min: 1, max: 10_000 }),
            shape: fc.constantFrom('not', 'all', 'any'),
            leaf: fc.constant({ fact: 'order', path: '$.shipped', operator: 'equal', value: true }),
          }),
          fc.constant({ all: [{ fact: 'order', path: '$.shipped', operator: 'equal', value: true }] }),
        ),
      ),
    })
    .map(({ template, id, variables, useVariables, source, locale: at, when }) => {
      const definition: Record<string, unknown> = { ...structuredClone(template), id };
      if (variables.length > 0) {
        definition.variables = objectFrom([...Object.entries(template.variables), ...variables]);
        if (useVariables)
          definition.sources = Object.fromEntries(
            Object.entries(template.sources).map(([at, text]) => [
              at,
              `${text}${variables.map(([path]) => ` {{${path}}}`).join('')}`,
            ]),
          );
      }
      if (source !== undefined) definition.sources = { [at]: source };
      if (when !== undefined) definition.when = when;
      return definition;
    });
  return mutated(base, hostile, 1);
}

/**
 * A built-in template with one more variable whose path goes through a prototype key
 * (`__proto__.isAdmin`), declared with a fitting example and used by every source: a pack that
 * only a writer that refuses such segments keeps from polluting Object.prototype.
 */
export const prototypePathTemplate: fc.Arbitrary<unknown> = fc
  .record({
    template: fc.constantFrom(...BUILTIN_TEMPLATES),
    first: fc.constantFrom(...PROTO_KEYS),
    rest: fc.constantFrom('isAdmin', 'x.y', 'prototype.polluted', 'toString'),
    type: fc.constantFrom(...VARIABLE_TYPES),
    conditional: fc.boolean(),
  })
  .map(({ template, first, rest, type, conditional }) => {
    const path = `${first}.${rest}`;
    const reference = conditional ? ` {{#if ${path}}}!{{/if}}` : ` {{${path}}}`;
    return {
      ...structuredClone(template),
      id: 'fuzz/prototype-path',
      variables: objectFrom([
        ...Object.entries(template.variables),
        [path, { type, example: FITTING_EXAMPLE[type] }],
      ]),
      sources: Object.fromEntries(
        Object.entries(template.sources).map(([at, text]) => [at, `${text}${reference}`]),
      ),
    };
  });

// ---- next-action rules ----

const leaf = record({
  fact: fc.constantFrom(
    'intent',
    'intents',
    'signals',
    'risk',
    'order',
    'case',
    'repeatContacts',
    'channel',
    'entities',
    'nosuchfact',
  ),
  operator: fc.constantFrom(
    'equal',
    'notEqual',
    'in',
    'contains',
    'greaterThanInclusive',
    'startsWith',
    'intersects',
    // Decorators of the one condition language (src/conditions/operators.ts).
    'someFact:equal',
    'everyValue:notEqual',
    'not:in',
    'swap:contains',
    'someFact:nosuchop',
    'nosuchop',
  ),
  value: fc.oneof(
    intentId,
    fc.nat({ max: 5 }),
    fc.constant(['high']),
    fc.constant(null),
    // A value read from another fact.
    fc.constantFrom({ fact: 'intent' }, { fact: 'order', path: '$.status' }, { fact: '__proto__' }),
  ),
  path: maybe(fc.constantFrom('$.shipped', '$.status', '$.__proto__', '$.constructor.prototype', '$[0]')),
});

/** A rule: a built-in one (maybe overridden) or a new one, conditions possibly 10,000 deep, corrupted. */
export const actionRule: fc.Arbitrary<unknown> = mutated(
  fc.oneof(
    fc.constantFrom(...BUILTIN_ACTION_RULES),
    record({
      name: fc.oneof(fc.stringMatching(/^fuzz\.[a-z]{1,8}$/), fc.constantFrom(...PROTO_KEYS)),
      priority: fc.integer({ min: 1, max: 100 }),
      conditions: fc.oneof(
        record({ all: fc.array(leaf, { minLength: 1, maxLength: 3 }) }),
        record({ any: fc.array(leaf, { minLength: 1, maxLength: 3 }) }),
        record({
          $deep: fc.integer({ min: 1, max: 10_000 }),
          shape: fc.constantFrom('not', 'all', 'any'),
          leaf,
        }),
      ),
      event: record({
        type: fc.constant('action'),
        params: record({ actions: fc.array(fc.constantFrom(...ACTION_IDS), { minLength: 1, maxLength: 2 }) }),
      }),
    }),
  ),
  hostile,
  2,
);

export const actionOptions = optional({
  rules: fc.array(actionRule, { maxLength: 3 }),
  disable: fc.array(
    fc.oneof(fc.constantFrom(...BUILTIN_ACTION_RULES.map((r) => r.name)), fc.constantFrom(...PROTO_KEYS)),
    { maxLength: 2 },
  ),
  operators: fc
    .array(
      fc.tuple(
        fc.constantFrom('startsWithAny', 'fuzzOp', ...PROTO_KEYS),
        fc.constantFrom({ $fn: 'true' }, { $fn: 'false' }),
      ),
      { maxLength: 2 },
    )
    .map(objectFrom),
});

// ---- lint phrase packs and options ----

const phraseWords = fc.constantFrom(
  '别烦我',
  '不归我管',
  '爱买不买',
  '稍等',
  '亲',
  'whatever',
  'go away',
  '(不|没)知道',
  '别…找我',
  '你(自己|)看',
  '[',
  '…',
  '(a|(b))',
);
export const phrasePack: fc.Arbitrary<unknown> = mutated(
  record({
    name: fc.oneof(fc.constant('shop'), fc.constantFrom(...PROTO_KEYS)),
    rule: maybe(fc.constantFrom('no-forbidden-phrase', 'no-overpromise', 'no-offplatform-contact')),
    phrases: fc.array(
      record(
        {
          patterns: fc.array(phraseWords, { minLength: 1, maxLength: 2 }),
          category: fc.constantFrom('custom', 'deflection', 'impatience'),
          examples: fc.array(phraseWords, { minLength: 1, maxLength: 2 }),
          role: fc.constantFrom('phrase', 'promise', 'contact', 'handle', '__proto__'),
          unlessPrecededBy: fc.array(phraseWords, { minLength: 1, maxLength: 2 }),
          maxGap: fc.integer({ min: 1, max: 40 }),
        },
        { requiredKeys: ['patterns', 'examples'] },
      ),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  hostile,
  2,
);

const RULE_IDS = [
  'no-forbidden-phrase',
  'shipping-wording',
  'no-overpromise',
  'no-pii-leak',
  'no-offplatform-contact',
  'greet-first',
  'apologize-on-complaint',
  'offer-further-help',
];
export const lintOptions: fc.Arbitrary<unknown> = mutated(
  optional({
    rules: fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...RULE_IDS), fc.constantFrom(...PROTO_KEYS)),
          fc.constantFrom('off', 'warn', 'error'),
        ),
        { maxLength: 3 },
      )
      .map(objectFrom),
    packs: fc.array(phrasePack, { maxLength: 2 }),
    allow: fc.array(fc.oneof(phraseWords, shortText), { maxLength: 3 }),
    messageLocale: locale,
  }),
  hostile,
  1,
);

// ---- intent options ----

/** User regexes, catastrophic ones included: each must run in linear time or be refused. */
export const REGEXES = [
  '(\\w+\\s?)*$',
  '(a+)+$',
  '^(a|aa)+$',
  '(.*a){12}',
  '(x+x+)+y',
  '退款',
  'refund|return',
  '[',
  '(?<x>a)\\k<x>',
  '\\p{Script=Han}+',
  '.*',
  '(?=a)*',
];

export const patternGroup = mutated(
  record(
    {
      intent: fc.oneof(intentId, fc.constantFrom(...PROTO_KEYS)),
      phrases: fc.array(fc.oneof(phraseWords, shortText), { minLength: 1, maxLength: 2 }),
      keywords: fc.array(fc.constantFrom('refund', 'ship*', '退', 'a'), { minLength: 1, maxLength: 2 }),
      regex: fc.array(fc.constantFrom(...REGEXES), { minLength: 1, maxLength: 2 }),
      exact: fc.array(fc.constantFrom('好的', 'ok'), { minLength: 1, maxLength: 1 }),
      negative: fc.array(fc.constantFrom('不', 'not'), { minLength: 1, maxLength: 1 }),
      weight: fc.double({ min: -20, max: 20, noNaN: true }),
    },
    { requiredKeys: ['intent'] },
  ),
  hostile,
  1,
);

const intentOptionsData: fc.Arbitrary<unknown> = mutated(
  optional({
    examples: fc.array(
      record({ text: shortText, intent: fc.oneof(intentId, fc.constantFrom(...PROTO_KEYS)) }),
      { maxLength: 3 },
    ),
    patterns: fc.array(fc.oneof(patternGroup, fc.constantFrom(...intentPatterns().groups.slice(0, 20))), {
      maxLength: 3,
    }),
    threshold: fc.double({ min: 0, max: 1, noNaN: true }),
    margin: fc.double({ min: 0, max: 1, noNaN: true }),
    exampleWeight: fc.double({ min: 0.1, max: 100, noNaN: true }),
  }),
  hostile,
  1,
);

/**
 * Intent options, half with `exampleModel` added after the mutations (the worker materialises the
 * marker; without it examples are refused): the naive Bayes path with user examples is fuzzed.
 */
export const intentOptions: fc.Arbitrary<unknown> = fc
  .tuple(intentOptionsData, fc.boolean())
  .map(([options, withModel]) =>
    withModel &&
    typeof options === 'object' &&
    options !== null &&
    !Array.isArray(options) &&
    Object.getPrototypeOf(options) === Object.prototype
      ? { ...(options as Record<string, unknown>), exampleModel: { $exampleModel: true } }
      : options,
  );

/**
 * createAssistant() options: mostly one subsystem's part (so that most assistants get built and
 * answer messages with the pack), else every part together, corrupted.
 */
export function assistantOptions(scale: Scale): fc.Arbitrary<unknown> {
  const templates = fc.array(templateDefinition(scale), { maxLength: 2 });
  // huashu/templates' compiler, materialised by the worker; without it packs are refused.
  const templateCompiler = fc.constant({ $templateCompiler: true });
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.oneof(
        record({ templates, templateCompiler }),
        record({ templates }),
        record({ intents: intentOptions }),
        record({ lint: lintOptions }),
        record({ actions: actionOptions }),
        record({ defaultLocale: locale, templates, templateCompiler }),
        record({ defaultLocale: locale, fallbackLocale: locale }),
      ),
    },
    {
      weight: 2,
      arbitrary: mutated(
        optional({
          defaultLocale: locale,
          fallbackLocale: locale,
          intents: intentOptions,
          templates,
          templateCompiler,
          actions: actionOptions,
          lint: lintOptions,
        }),
        hostile,
        1,
      ),
    },
  );
}
