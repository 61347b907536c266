import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant/index.js';
import { isHuashuError, type HuashuError } from '../../src/errors.js';
import { loadActionRules } from '../../src/node/actions.js';

const defect = { analysis: { intent: { id: 'aftersale.defect', confidence: 0.9 } } };
const ids = (r: { actions: Array<{ id: string }> }) => r.actions.map((a) => a.id);

function thrown(fn: () => unknown): HuashuError {
  try {
    fn();
  } catch (error) {
    if (isHuashuError(error)) return error;
    throw error;
  }
  throw new Error('expected a HuashuError');
}

const always = { all: [] };
const action = (...actions: unknown[]) => ({ type: 'action', params: { actions } });

describe('rule packs: add, override, disable', () => {
  it('adds a rule after the built-ins', () => {
    const assistant = createAssistant({
      actions: {
        rules: [
          {
            name: 'shop.vip-defect-call',
            priority: 65,
            conditions: {
              all: [
                { fact: 'intent', operator: 'equal', value: 'aftersale.defect' },
                { fact: 'customer', path: '$.tier', operator: 'equal', value: 'vip' },
              ],
            },
            event: action({ id: 'customer.call', params: { reason: 'proactive' } }),
          },
        ],
      },
    });
    expect(ids(assistant.recommend(defect))).toEqual([
      'customer.request_evidence',
      'check.batch_defect',
      'customer.request_return',
    ]);
    const vip = assistant.recommend({ ...defect, facts: { customer: { tier: 'vip' } } });
    expect(ids(vip)).toEqual([
      'customer.call',
      'customer.request_evidence',
      'check.batch_defect',
      'customer.request_return',
    ]);
    expect(vip.actions[0]).toMatchObject({
      rule: 'shop.vip-defect-call',
      priority: 65,
      params: { reason: 'proactive' },
    });
  });

  it('overrides a built-in by name, in its place', () => {
    const assistant = createAssistant({
      actions: {
        rules: [
          {
            name: 'aftersale.defect',
            priority: 60,
            conditions: { all: [{ fact: 'intents', operator: 'contains', value: 'aftersale.defect' }] },
            event: action(
              { id: 'customer.request_evidence', params: { kinds: ['photo'] } },
              'customer.request_return',
            ),
          },
        ],
      },
    });
    const result = assistant.recommend(defect);
    expect(ids(result)).toEqual(['customer.request_evidence', 'customer.request_return']);
    expect(result.actions[0]?.params).toEqual({ kinds: ['photo'] });
  });

  it('disables built-ins by name', () => {
    const assistant = createAssistant({ actions: { disable: ['aftersale.defect'] } });
    expect(ids(assistant.recommend(defect))).toEqual([]);
    expect(ids(createAssistant().recommend(defect))).toHaveLength(3);
  });

  it('custom operators work in pack rules', () => {
    const assistant = createAssistant({
      actions: {
        operators: {
          longerThan: (fact: unknown, n: unknown) => typeof fact === 'string' && fact.length > Number(n),
        },
        rules: [
          {
            name: 'shop.long-intent',
            conditions: { all: [{ fact: 'intent', operator: 'longerThan', value: 15 }] },
            event: action('case.record'),
          },
        ],
      },
    });
    expect(
      ids(assistant.recommend({ analysis: { intent: { id: 'order.shipping_delay', confidence: 1 } } })),
    ).toContain('case.record');
    expect(ids(assistant.recommend({ analysis: { intent: { id: 'ack', confidence: 1 } } }))).not.toContain(
      'case.record',
    );
  });

  it('fails with INVALID_RULES listing every problem, with its JSON path', () => {
    const error = thrown(() =>
      createAssistant({
        actions: {
          rules: [
            {
              name: 'a',
              conditions: { all: [{ fact: 'intnet', operator: 'equal', value: 'x' }] },
              event: action('case.record'),
            },
            { name: 'b', conditions: always, event: action('case.recrod') },
            {
              name: 'b',
              conditions: always,
              event: { type: 'reply', params: { templateId: 'situation/nope' } },
            },
          ],
          disable: ['no-such-rule', 'aftersale.defect'],
        },
      }),
    );
    expect(error.code).toBe('INVALID_RULES');
    expect(error.issues.map((i) => i.path)).toEqual([
      'actions.rules[0].conditions.all[0].fact',
      'actions.rules[1].event.params.actions[0]',
      'actions.rules[2].event.params.templateId',
      'actions.rules[2].name',
      'actions.disable[0]',
    ]);
    expect(error.message).toMatch(/5 problems/);
    expect(error.message).toMatch(/unknown template "situation\/nope"/);
  });

  it('rejects overriding and disabling the same rule, and custom operators named like built-ins', () => {
    const both = thrown(() =>
      createAssistant({
        actions: {
          rules: [{ name: 'aftersale.defect', conditions: always, event: action('case.record') }],
          disable: ['aftersale.defect'],
        },
      }),
    );
    expect(both.issues[0]?.message).toMatch(/both overridden and disabled/);
    const op = thrown(() => createAssistant({ actions: { operators: { equal: () => true } } }));
    expect(op.issues[0]?.path).toBe('actions.operators.equal');
  });

  it('rejects malformed options with INVALID_OPTIONS', () => {
    expect(thrown(() => createAssistant({ actions: { rules: 'x' as never } })).code).toBe('INVALID_OPTIONS');
    expect(thrown(() => createAssistant({ actions: { operators: { ok: 1 as never } } })).code).toBe(
      'INVALID_OPTIONS',
    );
    expect(thrown(() => createAssistant({ actions: { nope: true } as never })).code).toBe('INVALID_OPTIONS');
    const named = thrown(() =>
      createAssistant({ actions: { operators: { 'a-b': () => true, ok: 1 as never } } }),
    );
    expect(named.issues.map((i) => i.path)).toEqual(['actions.operators.a-b', 'actions.operators.ok']);
  });

  // zod's record refused an object with an own `constructor` function as not a plain object
  // ("expected record, received object"), though loadActionRules takes the same operators.
  it.each(['constructor', 'prototype', 'valueOf'])('takes a custom operator named %s', (name) => {
    const assistant = createAssistant({
      actions: {
        operators: { [name]: (fact: unknown, value: unknown) => fact === value },
        rules: [
          {
            name: 'shop.custom-operator',
            conditions: { all: [{ fact: 'intent', operator: name, value: 'invoice' }] },
            event: action('case.record'),
          },
        ],
      },
    });
    const ids = assistant.recommend({ text: '发票怎么开' }).actions.map((a) => a.id);
    expect(ids).toContain('case.record');
  });
});

describe('rules outside the compiled subset run through json-rules-engine', () => {
  const engineOnly = {
    rules: [
      {
        name: 'shop.any-status-closed',
        priority: 70,
        conditions: { all: [{ fact: 'order', path: '$..status', operator: 'equal', value: 'closed' }] },
        event: action('case.record'),
      },
    ],
  };

  it('recommend() says to use the async API; recommendAsync() runs them', async () => {
    const assistant = createAssistant({ actions: engineOnly });
    const error = thrown(() => assistant.recommend(defect));
    expect(error.code).toBe('INVALID_RULES');
    expect(error.message).toMatch(/shop\.any-status-closed.*recommendAsync/s);
    const result = await assistant.recommendAsync({ ...defect, facts: { order: { status: 'closed' } } });
    expect(ids(result)).toEqual([
      'case.record',
      'customer.request_evidence',
      'check.batch_defect',
      'customer.request_return',
    ]);
    const open = await assistant.recommendAsync({ ...defect, facts: { order: { status: 'paid' } } });
    expect(ids(open)).not.toContain('case.record');
  });

  it("{ engine: 'json-rules-engine' } runs every rule through the engine, which evaluates all of an all", async () => {
    let calls = 0;
    const assistant = createAssistant({
      actions: {
        operators: {
          counted: () => {
            calls += 1;
            return true;
          },
        },
        rules: [
          {
            name: 'shop.counted',
            conditions: {
              all: [
                { fact: 'intent', operator: 'equal', value: 'complaint' },
                { fact: 'intent', operator: 'counted', value: null },
              ],
            },
            event: action('case.record'),
          },
        ],
      },
    });
    const compiled = assistant.recommend(defect);
    expect(calls).toBe(0); // the compiled `all` stops at the first condition that fails
    const engine = await assistant.recommendAsync(defect, { engine: 'json-rules-engine' });
    expect(calls).toBe(1);
    expect(engine).toEqual(compiled);
    await expect(assistant.recommendAsync(defect, { engine: 'fast' as never })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('recommendAsync() equals recommend() for the compiled built-ins', async () => {
    const assistant = createAssistant();
    const input = {
      analysis: { intent: { id: 'complaint', confidence: 0.9 }, signals: [{ id: 'threat.media' }] },
    };
    expect(await assistant.recommendAsync(input)).toEqual(assistant.recommend(input));
  });
});

describe('huashu/node loadActionRules(dir)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huashu-actions-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (folder: string, name: string, content: unknown) => {
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, name), typeof content === 'string' ? content : JSON.stringify(content));
  };

  it('reads the rule files of a folder in name order, for createAssistant', () => {
    write('good', 'b.json', {
      rules: [{ name: 'shop.b', conditions: always, event: action('case.record') }],
    });
    write('good', 'a.json', { $schema: 'x', disable: ['aftersale.defect'] });
    write('good', 'rule.schema.json', { not: 'a rule file' });
    const pack = loadActionRules(join(dir, 'good'));
    expect(pack.disable).toEqual(['aftersale.defect']);
    expect(pack.rules.map((r) => r.name)).toEqual(['shop.b']);
    expect(ids(createAssistant({ actions: pack }).recommend(defect))).toEqual(['case.record']);
  });

  it('lists every problem of every file with the file name, in one INVALID_RULES', () => {
    write('bad', '1.json', '{ "rules": [ ');
    write('bad', '2.json', {
      rules: [
        { name: 'x', conditions: always, event: action('case.record') },
        {
          name: 'y',
          conditions: { all: [{ fact: 'risk', operator: 'equal', value: 'hi' }] },
          event: action('case.record'),
        },
      ],
    });
    write('bad', '3.json', {
      rules: [{ name: 'x', conditions: always, event: action('case.own') }],
      extra: 1,
    });
    const error = thrown(() => loadActionRules(join(dir, 'bad')));
    expect(error.code).toBe('INVALID_RULES');
    expect(error.issues.map((i) => [i.file?.split(/[\\/]/).pop(), i.path])).toEqual([
      ['1.json', ''],
      ['2.json', 'rules[1].conditions.all[0].value'],
      ['3.json', 'extra'],
      ['3.json', 'rules'],
    ]);
    expect(error.issues[0]?.message).toMatch(/invalid JSON/);
    expect(error.issues[3]?.message).toMatch(/also defined in/);
  });

  it('an absent folder is an IO error', () => {
    expect(thrown(() => loadActionRules(join(dir, 'missing'))).code).toBe('IO');
  });
});
