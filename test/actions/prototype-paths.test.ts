import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant/index.js';
import { indexCatalogue } from '../../src/actions/catalogue.js';
import { compileCondition } from '../../src/conditions/compile.js';
import { OperatorTable } from '../../src/conditions/operators.js';
import { checkRuleFile } from '../../src/actions/validate-rules.js';
import { HuashuError } from '../../src/errors.js';
import { ACTION_CATALOGUE } from '../../src/generated/actions-catalogue.js';
import { prototypeChanges } from '../setup/prototype-guard.js';

const context = { catalogue: indexCatalogue(ACTION_CATALOGUE, []), operators: new OperatorTable() };
const rule = (
  conditions: unknown,
  event: unknown = { type: 'action', params: { actions: ['case.record'] } },
) => ({
  name: 'r',
  conditions,
  event,
});
const leaf = (extra: Record<string, unknown>) => rule({ all: [extra] });

function expectProcessClean(): void {
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  expect(prototypeChanges()).toEqual([]);
  expect(createAssistant().render('opening/chat')).toMatch(/您好/);
}

describe('rule packs naming inherited properties are rejected, each at its path', () => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    [
      'fact __proto__',
      leaf({ fact: '__proto__', operator: 'equal', value: 1 }),
      'rules[0].conditions.all[0].fact',
      /unknown fact "__proto__"/,
    ],
    [
      'fact constructor',
      leaf({ fact: 'constructor', operator: 'equal', value: 1 }),
      'rules[0].conditions.all[0].fact',
      /unknown fact "constructor"/,
    ],
    [
      'fact toString',
      leaf({ fact: 'toString', operator: 'equal', value: 1 }),
      'rules[0].conditions.all[0].fact',
      /unknown fact "toString"/,
    ],
    [
      'path $.__proto__.isAdmin',
      leaf({ fact: 'order', path: '$.__proto__.isAdmin', operator: 'equal', value: true }),
      'rules[0].conditions.all[0].path',
      /"__proto__" in a path names a property every object inherits/,
    ],
    [
      'path $.constructor.prototype',
      leaf({ fact: 'order', path: '$.constructor.prototype', operator: 'equal', value: true }),
      'rules[0].conditions.all[0].path',
      /"constructor"/,
    ],
    [
      "path $['__proto__']",
      leaf({ fact: 'order', path: "$['__proto__']", operator: 'equal', value: true }),
      'rules[0].conditions.all[0].path',
      /"__proto__"/,
    ],
    [
      'full JSONPath $..constructor',
      leaf({ fact: 'order', path: '$..constructor', operator: 'equal', value: true }),
      'rules[0].conditions.all[0].path',
      /"constructor"/,
    ],
    [
      'filter script',
      leaf({ fact: 'order', path: '$[?(@.constructor)]', operator: 'equal', value: true }),
      'rules[0].conditions.all[0].path',
      /"constructor"/,
    ],
    [
      'path $.hasOwnProperty',
      leaf({ fact: 'order', path: '$.hasOwnProperty', operator: 'equal', value: true }),
      'rules[0].conditions.all[0].path',
      /"hasOwnProperty"/,
    ],
    [
      'a fact reference with an inherited path',
      leaf({ fact: 'intent', operator: 'equal', value: { fact: 'order', path: '$.__proto__' } }),
      'rules[0].conditions.all[0].value.path',
      /"__proto__"/,
    ],
    [
      'a fact reference to an inherited fact',
      leaf({ fact: 'intent', operator: 'equal', value: { fact: 'valueOf' } }),
      'rules[0].conditions.all[0].value.fact',
      /unknown fact "valueOf"/,
    ],
    [
      'an action param named constructor',
      rule(
        { all: [] },
        {
          type: 'action',
          params: { actions: [{ id: 'sla.reply_within', params: { hours: 4, constructor: 1 } }] },
        },
      ),
      'rules[0].event.params.actions[0]',
      /takes no param "constructor"/,
    ],
  ];

  it.each(cases)('%s', (_name, input, path, message) => {
    const checked = checkRuleFile({ rules: [input] }, context, 'pack.json');
    expect(checked.rules).toEqual([]);
    expect(checked.issues).toContainEqual({
      file: 'pack.json',
      path,
      message: expect.stringMatching(message),
    });
  });

  it('the same names inside real fields are fine: look-alikes pass', () => {
    for (const input of [
      leaf({ fact: 'order', path: '$.shipped', operator: 'equal', value: true }),
      leaf({ fact: 'order', path: '$..status', operator: 'equal', value: 'x' }),
    ]) {
      expect(checkRuleFile({ rules: [input] }, context).issues).toEqual([]);
    }
  });

  it('through createAssistant({ actions }): INVALID_RULES, and the process stays clean', () => {
    const rules = JSON.parse(
      '[{"name":"r","conditions":{"all":[{"fact":"order","path":"$.__proto__.isAdmin","operator":"equal","value":true}],"__proto__":{"isAdmin":true}},"event":{"type":"action","params":{"actions":["case.record"]}}}]',
    ) as unknown[];
    let error: unknown;
    try {
      createAssistant({ actions: { rules } });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HuashuError);
    expect((error as HuashuError).code).toBe('INVALID_RULES');
    expect((error as HuashuError).issues.map((i) => i.path)).toContain(
      'actions.rules[0].conditions.all[0].path',
    );
    expectProcessClean();
  });
});

describe('compiled conditions read own properties only', () => {
  it('an inherited fact or field is undefined to a rule', () => {
    const operators = new OperatorTable();
    const shipped = compileCondition(
      { all: [{ fact: 'order', path: '$.shipped', operator: 'equal', value: true }] },
      { operators },
    );
    expect(shipped({ order: { shipped: true } })).toBe(true);
    expect(shipped({ order: Object.create({ shipped: true }) as object })).toBe(false);
    const unknownFact = compileCondition(
      { all: [{ fact: 'weather', operator: 'equal', value: 'rain' }] },
      { operators },
    );
    expect(unknownFact(Object.create({ weather: 'rain' }) as Record<string, unknown>)).toBe(false);
  });
});
