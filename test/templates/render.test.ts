import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HuashuError } from '../../src/errors.js';
import { createTemplateCatalogue } from '../../src/templates/index.js';
import { renderOptionsSchema } from '../../src/templates/catalogue.js';
import { builtinTemplates } from '../../src/templates/builtin.js';
import { sharedTemplateEnvironment } from '../../src/templates/environment.js';
import { createTemplateRunner } from '../../src/templates/runtime.js';
import { compileVariables, variablesSchema } from '../../src/templates/variables.js';
import { VARIABLE_TYPES, type VariableDeclaration } from '../../src/templates/definition.js';
import { thrown } from '../helpers/thrown.js';

const catalogue = createTemplateCatalogue();


describe('render', () => {
  it('fills the variables and the honorific', () => {
    expect(
      catalogue.render('shipping/carrier-shipped', {
        customer: { name: '李雷', gender: 'male' },
        order: { carrier: '中通快递', trackingNumber: '75312345678901' },
      }),
    ).toBe(
      '李先生，您的订单已经发货啦，由中通快递配送，运单号是75312345678901，您可以随时在订单详情里查看物流进度~ 收到后有任何问题请随时联系我们。',
    );
  });

  it('accepts the whole facts object as variables and ignores what the template does not use', () => {
    const facts = {
      channel: 'chat',
      shop: { name: '花间' },
      customer: { name: 'Emily Chen', gender: 'female', phone: '13812345678', tier: 'gold' },
      order: { id: '1', shipped: true, carrierScan: true, carrier: 'SF Express', trackingNumber: 'SF9' },
      responsibility: 'merchant',
    };
    expect(catalogue.render('shipping/carrier-shipped', facts, { locale: 'en' })).toMatch(
      /^Dear Ms Chen, good news — your order has shipped with SF Express\. The tracking number is SF9,/,
    );
  });

  it('customer text in a variable is never compiled: {{evil}} and friends come out verbatim', () => {
    for (const evil of ['{{evil}}', '{{#each x}}{{/each}}', '{{> partial}}', '{{constructor.constructor "alert(1)"}}', '&<>"\'`=']) {
      const text = catalogue.render('answer/order.special_request', { request: { details: evil } });
      expect(text).toContain(`（${evil}）`);
    }
  });

  it('a missing variable throws MISSING_VARIABLE naming the template and the variable', () => {
    const error = thrown(() => catalogue.render('shipping/carrier-shipped', { order: { carrier: 'SF' } }, { locale: 'en' }));
    expect(error.code).toBe('MISSING_VARIABLE');
    expect(error.message).toContain('"shipping/carrier-shipped"');
    expect(error.message).toContain('"order.trackingNumber"');
    expect(error.issues.map((i) => i.path)).toEqual(['order.trackingNumber']);
  });

  it('a missing parent object lists every required variable under it', () => {
    const error = thrown(() => catalogue.render('shipping/carrier-shipped', {}));
    expect(error.code).toBe('MISSING_VARIABLE');
    expect(error.issues.map((i) => i.path)).toEqual(['order.carrier', 'order.trackingNumber']);
  });

  it('optional variables may be left out: the honorific falls back to 亲 / customer', () => {
    expect(catalogue.render('situation/anything-else')).toBe('亲，请问您还有什么需要帮助的吗？');
    expect(catalogue.render('situation/anything-else', {}, { locale: 'zh-Hant' })).toBe('親，請問您還有什麼需要幫助的嗎？');
    expect(catalogue.render('situation/anything-else', { customer: null }, { locale: 'en' })).toBe(
      'Dear customer, is there anything else I can help you with?',
    );
  });

  it.each([
    ['order.carrier', { order: { carrier: 5, trackingNumber: 'x' } }],
    ['order.trackingNumber', { order: { carrier: 'SF', trackingNumber: ['x'] } }],
    ['customer.gender', { customer: { gender: 'woman' }, order: { carrier: 'SF', trackingNumber: 'x' } }],
    ['order', { order: 'SF' }],
  ])('a variable of the wrong type (%s) throws INVALID_INPUT with its path', (path, vars) => {
    const error = thrown(() => catalogue.render('shipping/carrier-shipped', vars as never));
    expect(error.code).toBe(path === 'order' ? 'INVALID_INPUT' : 'INVALID_INPUT');
    expect(error.issues.map((i) => i.path)).toContain(path);
  });

  it('an unknown id throws UNKNOWN_TEMPLATE and suggests the nearest id', () => {
    const error = thrown(() => catalogue.render('shipping/warehouse-dispached', {}));
    expect(error.code).toBe('UNKNOWN_TEMPLATE');
    expect(error.message).toContain('Did you mean "shipping/warehouse-dispatched"?');
    expect(thrown(() => catalogue.render('zzz', {})).message).not.toContain('Did you mean');
  });

  it.each([
    [{ locale: 'fr' }, 'locale'],
    [{ channel: 'fax' }, 'channel'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ colour: 'red' }, ''],
  ])('bad options %j throw INVALID_INPUT', (options, path) => {
    const error = thrown(() => catalogue.render('opening/chat', {}, options as never));
    expect(error.code).toBe('INVALID_INPUT');
    if (path) expect(error.issues.map((i) => i.path)).toContain(path);
  });

  it.each([[null], [[]], ['text'], [42]])('variables that are not an object (%j) throw INVALID_INPUT', (vars) => {
    expect(thrown(() => catalogue.render('opening/chat', vars as never)).code).toBe('INVALID_INPUT');
  });

  it('a non-string id throws INVALID_INPUT', () => {
    expect(thrown(() => catalogue.render(42 as never, {})).code).toBe('INVALID_INPUT');
  });

  it('a template used on a channel it is not written for throws INVALID_INPUT', () => {
    const error = thrown(() => catalogue.render('opening/hotline', { shop: { name: 'A' }, agent: { id: '1' } }, { channel: 'chat' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('phone');
    expect(catalogue.render('opening/hotline', { shop: { name: 'A' }, agent: { id: '1' } }, { channel: 'phone' })).toContain('工号1');
  });

  it('date-times follow the time zone option; bare dates never shift', () => {
    const vars = { followUp: { dueAt: '2025-05-20T10:00:00Z' } };
    expect(catalogue.render('situation/cannot-answer-now', vars)).toContain('5月20日 18:00前');
    expect(catalogue.render('situation/cannot-answer-now', vars, { timeZone: 'America/New_York', locale: 'en' })).toContain(
      'by May 20, 06:00.',
    );
    const restock = { item: { name: 'A', spec: 'B', restockAt: '2025-06-01' } };
    expect(catalogue.render('answer/product.stock-restock', restock, { timeZone: 'America/Los_Angeles' })).toContain('6月1日');
  });
});

describe('property: arbitrary customer strings come out verbatim', () => {
  it('any string as a text variable appears exactly once, unchanged', () => {
    // An empty string is no details: the reply asks for them instead (test/templates/never-empty).
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), fc.constantFrom('zh-Hans', 'zh-Hant', 'en'), (details, locale) => {
        const text = catalogue.render('answer/order.special_request', { request: { details } }, { locale });
        const before = catalogue.render('answer/order.special_request', { request: { details: '\u0000' } }, { locale });
        expect(text).toBe(before.split('\u0000').join(details));
      }),
      { numRuns: 300 },
    );
  });

  it('template-like and full-unicode strings never throw and never get expanded', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.stringMatching(/^(\{\{[#/>!&^]?[a-z. "]{0,12}\}\}|[^{}]){0,12}$/)),
        (carrier) => {
          const text = catalogue.render('shipping/carrier-shipped', { order: { carrier, trackingNumber: 'T1' } });
          expect(text).toContain(`由${carrier}配送`);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('property: any input gives text or a HuashuError, never a crash', () => {
  const ids = [...new Set(catalogue.list().map((e) => e.id))];
  it('arbitrary ids, variables and options', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...ids), fc.string()),
        fc.oneof(fc.object(), fc.anything()),
        fc.oneof(fc.constant(undefined), fc.record({ locale: fc.constantFrom('zh-Hans', 'en', 'x') }), fc.anything()),
        (id, vars, options) => {
          try {
            expect(typeof catalogue.render(id, vars as never, options as never)).toBe('string');
          } catch (error) {
            expect(error).toBeInstanceOf(HuashuError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('property: render options are accepted exactly when the zod schema accepts them', () => {
  it('random option objects', () => {
    const value = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom('zh-Hans', 'zh-Hant', 'en', 'fr', 'chat', 'phone', 'fax', 'Asia/Shanghai', 'Europe/Paris', 'Mars/Base'),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ locale: value, channel: value, timeZone: value, other: value }, { requiredKeys: [] }),
          fc.anything(),
        ),
        (options) => {
          let rendered = true;
          try {
            catalogue.render('situation/anything-else', {}, options as never);
          } catch (error) {
            expect((error as HuashuError).code).toBe('INVALID_INPUT');
            rendered = false;
          }
          expect(rendered).toBe(options === undefined || renderOptionsSchema.safeParse(options).success);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('the fast variable check agrees with the zod schema', () => {
  const declarations: Record<string, VariableDeclaration> = Object.fromEntries(
    VARIABLE_TYPES.map((type, i) => [`v.${type}`, { type, optional: i % 2 === 0, example: '' } as VariableDeclaration]),
  );
  declarations['top'] = { type: 'text', example: 'x' };
  const prepare = compileVariables(declarations);
  const schema = variablesSchema(declarations);
  const leaf = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.string(),
    fc.constantFrom('female', 'male', 'unknown', '13812345678', '2025-05-20', '2024-02-29', '2023-02-29', '2025-05-20T18:00:00+08:00', '2025-05-20T18:00', '2025-13-01', '2025-05-20T25:00:00Z'),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.array(fc.integer(), { maxLength: 2 }),
  );
  const vars = fc.record(
    {
      top: leaf,
      v: fc.oneof(fc.constant(undefined), fc.constant(null), fc.string(), fc.record(Object.fromEntries(VARIABLE_TYPES.map((t) => [t, leaf])), { requiredKeys: [] })),
    },
    { requiredKeys: [] },
  );

  it('accepts exactly what zod accepts, with the same values', () => {
    fc.assert(
      fc.property(vars, (input) => {
        const fast = prepare(input as Record<string, unknown>);
        const slow = schema.safeParse(input);
        expect(fast !== undefined).toBe(slow.success);
        if (fast !== undefined && slow.success) {
          const data = slow.data as Record<string, Record<string, unknown>>;
          expect(fast.top).toEqual(data.top);
          for (const type of VARIABLE_TYPES) expect((fast.v as Record<string, unknown>)[type]).toEqual(data.v?.[type]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the fast handlebars call renders exactly as the ordinary one', () => {
  it('for every built-in template and locale', () => {
    const env = sharedTemplateEnvironment();
    const run = createTemplateRunner(env);
    for (const template of builtinTemplates()) {
      for (const [locale, fn] of Object.entries(template.compiled)) {
        const entry = catalogue.get(template.definition.id, locale as never)!;
        const context = compileVariables(template.definition.variables)(entry.example as Record<string, unknown>)!;
        const data = { locale: locale as never, channel: null, timeZone: 'Asia/Shanghai' };
        expect(run(fn, context, data)).toBe(fn(context, { data }));
      }
    }
  });
});
