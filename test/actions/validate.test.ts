import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexCatalogue } from '../../src/actions/catalogue.js';
import { OperatorTable } from '../../src/conditions/operators.js';
import { ruleFileJsonSchema, ruleFileSchema, ruleSchema } from '../../src/actions/rule-schema.js';
import { checkRuleFile } from '../../src/actions/validate-rules.js';
import { actionCatalogue } from '../../src/generated/actions-catalogue.js';
import { builtInActionRules } from '../../src/generated/actions-rules.js';

const root = join(import.meta.dirname, '..', '..');
const context = {
  catalogue: indexCatalogue(actionCatalogue(), []),
  operators: new OperatorTable(),
  hasTemplate: (id: string) => id === 'situation/anxious-customer' || id === 'answer/complaint',
};
const check = (rules: unknown[], disable?: string[]) =>
  checkRuleFile({ rules, ...(disable ? { disable } : {}) }, context, 'pack.json');

const rule = (
  conditions: unknown,
  event: unknown = { type: 'action', params: { actions: ['case.record'] } },
) => ({
  name: 'r',
  conditions,
  event,
});
const leaf = (extra: Record<string, unknown>) => rule({ all: [extra] });

/** An object that contains itself. */
function cyclic(): Record<string, unknown> {
  const value: Record<string, unknown> = { a: 1 };
  value.not = value;
  return value;
}

describe('rule validation: valid rules', () => {
  const valid: Array<[string, unknown]> = [
    ['an empty all (always)', rule({ all: [] })],
    ['intent equal', leaf({ fact: 'intent', operator: 'equal', value: 'complaint' })],
    ['signals contains', leaf({ fact: 'signals', operator: 'contains', value: 'threat.media' })],
    [
      'signals intersects',
      leaf({ fact: 'signals', operator: 'intersects', value: ['threat.media', 'abuse'] }),
    ],
    ['risk in', leaf({ fact: 'risk', operator: 'in', value: ['medium', 'high'] })],
    ['object path boolean', leaf({ fact: 'order', path: '$.carrierScan', operator: 'equal', value: true })],
    ['case status', leaf({ fact: 'case', path: '$.status', operator: 'equal', value: 'pending' })],
    ['number comparison', leaf({ fact: 'repeatContacts', operator: 'greaterThan', value: 1 })],
    ['startsWith', leaf({ fact: 'intent', operator: 'startsWith', value: 'aftersale.' })],
    ['decorated operator', leaf({ fact: 'intents', operator: 'someFact:startsWith', value: 'order.' })],
    ['fact reference value', leaf({ fact: 'intent', operator: 'equal', value: { fact: 'locale' } })],
    ['not at the top', rule({ not: { fact: 'risk', operator: 'equal', value: 'low' } })],
    [
      'nested any/not',
      rule({ any: [{ not: { all: [{ fact: 'intent', operator: 'equal', value: 'x' }] } }] }),
    ],
    [
      'full JSONPath (engine-only)',
      leaf({ fact: 'order', path: '$..status', operator: 'equal', value: 'x' }),
    ],
    [
      'action with params',
      rule(
        { all: [] },
        { type: 'action', params: { actions: [{ id: 'sla.reply_within', params: { hours: 4 } }] } },
      ),
    ],
    ['reply by id', rule({ all: [] }, { type: 'reply', params: { templateId: 'answer/complaint' } })],
    [
      'reply by stage, requiring an action',
      rule({ all: [] }, { type: 'reply', params: { stage: 'answer', requires: ['case.own'] } }),
    ],
  ];
  it.each(valid)('%s', (_name, input) => {
    const checked = check([input]);
    expect(checked.issues).toEqual([]);
    expect(checked.rules).toHaveLength(1);
    // The zod schema (published as JSON Schema) accepts what the checker accepts.
    expect(ruleSchema.safeParse(input).success).toBe(true);
  });
});

describe('rule validation: invalid rules, each problem with its JSON path', () => {
  const invalid: Array<[string, unknown, string, RegExp]> = [
    [
      'unknown fact',
      leaf({ fact: 'intnet', operator: 'equal', value: 'x' }),
      'rules[0].conditions.all[0].fact',
      /unknown fact "intnet" \(did you mean "intent"\?\)/,
    ],
    [
      'unknown operator',
      leaf({ fact: 'intent', operator: 'equals', value: 'x' }),
      'rules[0].conditions.all[0].operator',
      /unknown operator "equals" \(did you mean "equal"\?\)/,
    ],
    [
      'missing value',
      leaf({ fact: 'intent', operator: 'equal' }),
      'rules[0].conditions.all[0]',
      /needs "value"/,
    ],
    [
      'typo in a key',
      leaf({ fact: 'intent', opertor: 'equal', value: 'x' }),
      'rules[0].conditions.all[0].opertor',
      /unexpected key "opertor" \(did you mean "operator"\?\)/,
    ],
    [
      'enum value',
      leaf({ fact: 'risk', operator: 'equal', value: 'hihg' }),
      'rules[0].conditions.all[0].value',
      /"hihg" is not one of "low", "medium", "high" \(did you mean "high"\?\)/,
    ],
    [
      'in without a list',
      leaf({ fact: 'intent', operator: 'in', value: 'complaint' }),
      'rules[0].conditions.all[0].value',
      /needs a list/,
    ],
    [
      'equal on a list fact',
      leaf({ fact: 'signals', operator: 'equal', value: 'abuse' }),
      'rules[0].conditions.all[0].value',
      /"contains" or "intersects"/,
    ],
    [
      'contains on a scalar fact',
      leaf({ fact: 'intent', operator: 'contains', value: 'x' }),
      'rules[0].conditions.all[0].value',
      /tests a list fact/,
    ],
    [
      'number operator on a string',
      leaf({ fact: 'risk', operator: 'greaterThan', value: 1 }),
      'rules[0].conditions.all[0].value',
      /compares a number fact/,
    ],
    [
      'number operator with a string value',
      leaf({ fact: 'repeatContacts', operator: 'greaterThan', value: '1' }),
      'rules[0].conditions.all[0].value',
      /expected a number/,
    ],
    [
      'unknown object field',
      leaf({ fact: 'order', path: '$.shiped', operator: 'equal', value: true }),
      'rules[0].conditions.all[0].path',
      /no field "shiped" \(did you mean "shipped"\?\)/,
    ],
    [
      'boolean field compared with a string',
      leaf({ fact: 'order', path: '$.shipped', operator: 'equal', value: 'yes' }),
      'rules[0].conditions.all[0].value',
      /expected true or false/,
    ],
    [
      'object fact without a path',
      leaf({ fact: 'order', operator: 'equal', value: 'x' }),
      'rules[0].conditions.all[0].value',
      /add a "path"/,
    ],
    [
      'path not starting with $',
      leaf({ fact: 'order', path: 'shipped', operator: 'equal', value: true }),
      'rules[0].conditions.all[0].path',
      /starting with "\$"/,
    ],
    [
      'leaf at the top',
      rule({ fact: 'intent', operator: 'equal', value: 'x' }),
      'rules[0].conditions',
      /top level/,
    ],
    ['two booleans in one node', rule({ all: [], any: [] }), 'rules[0].conditions', /not all and any/],
    ['empty any', rule({ any: [] }), 'rules[0].conditions.any', /always true/],
    ['not with a list', rule({ not: [] }), 'rules[0].conditions.not', /one condition object/],
    [
      'condition reference',
      rule({ all: [{ condition: 'shared' }] }),
      'rules[0].conditions.all[0].condition',
      /not supported/,
    ],
    [
      'swap decorator',
      leaf({ fact: 'intent', operator: 'swap:equal', value: 'x' }),
      'rules[0].conditions.all[0].operator',
      /swap/,
    ],
    [
      'fact reference for in',
      leaf({ fact: 'intent', operator: 'in', value: { fact: 'intents' } }),
      'rules[0].conditions.all[0].value',
      /literal list/,
    ],
    [
      'unknown action',
      rule({ all: [] }, { type: 'action', params: { actions: ['case.recrod'] } }),
      'rules[0].event.params.actions[0]',
      /unknown action "case.recrod" \(did you mean "case.record"\?\)/,
    ],
    [
      'missing required param',
      rule({ all: [] }, { type: 'action', params: { actions: ['sla.reply_within'] } }),
      'rules[0].event.params.actions[0]',
      /needs param "hours"/,
    ],
    [
      'bad param value',
      rule(
        { all: [] },
        { type: 'action', params: { actions: [{ id: 'sla.reply_within', params: { hours: -1 } }] } },
      ),
      'rules[0].event.params.actions[0]',
      /greater than 0/,
    ],
    [
      'unknown param',
      rule({ all: [] }, { type: 'action', params: { actions: [{ id: 'case.own', params: { who: 'me' } }] } }),
      'rules[0].event.params.actions[0]',
      /takes no param "who"/,
    ],
    [
      'enum param',
      rule(
        { all: [] },
        {
          type: 'action',
          params: { actions: [{ id: 'offer.compensation', params: { mode: 'all_at_once' } }] },
        },
      ),
      'rules[0].event.params.actions[0]',
      /not one of negotiated, gradual/,
    ],
    [
      'empty action list',
      rule({ all: [] }, { type: 'action', params: { actions: [] } }),
      'rules[0].event.params.actions',
      /non-empty list/,
    ],
    [
      'unknown event type',
      rule({ all: [] }, { type: 'email', params: {} }),
      'rules[0].event.type',
      /"action" or "reply"/,
    ],
    [
      'unknown template',
      rule({ all: [] }, { type: 'reply', params: { templateId: 'situation/anxious' } }),
      'rules[0].event.params.templateId',
      /unknown template/,
    ],
    [
      'reply with both id and stage',
      rule({ all: [] }, { type: 'reply', params: { templateId: 'answer/complaint', stage: 'answer' } }),
      'rules[0].event.params',
      /exactly one/,
    ],
    [
      'unknown stage',
      rule({ all: [] }, { type: 'reply', params: { stage: 'middle' } }),
      'rules[0].event.params.stage',
      /expected one of/,
    ],
    [
      'requires an unknown action',
      rule({ all: [] }, { type: 'reply', params: { stage: 'answer', requires: ['case.owns'] } }),
      'rules[0].event.params.requires[0]',
      /unknown action "case.owns"/,
    ],
    [
      'requires a cyclic object (not quoted: it cannot be written as JSON)',
      rule({ all: [] }, { type: 'reply', params: { stage: 'answer', requires: [cyclic()] } }),
      'rules[0].event.params.requires[0]',
      /expected an action id \(a string\), got an object/,
    ],
    [
      'requires a number',
      rule({ all: [] }, { type: 'reply', params: { stage: 'answer', requires: [7] } }),
      'rules[0].event.params.requires[0]',
      /expected an action id \(a string\), got a number \(7\)/,
    ],
    ['priority 0', { ...rule({ all: [] }), priority: 0 }, 'rules[0].priority', /./],
    [
      'missing name',
      { conditions: { all: [] }, event: { type: 'action', params: { actions: ['case.own'] } } },
      'rules[0].name',
      /./,
    ],
  ];
  it.each(invalid)('%s', (_name, input, path, message) => {
    const checked = check([input]);
    expect(checked.rules).toEqual([]);
    expect(checked.issues.map((i) => i.path)).toContain(path);
    const issue = checked.issues.find((i) => i.path === path);
    expect(issue?.message).toMatch(message);
    expect(issue?.file).toBe('pack.json');
  });

  it('lists every problem of a file at once, and keeps its valid rules', () => {
    const checked = check(
      [
        leaf({ fact: 'intnet', operator: 'equal', value: 'x' }),
        { ...leaf({ fact: 'intent', operator: 'equal', value: 'x' }), name: 'good' },
        { ...rule({ all: [] }, { type: 'action', params: { actions: ['nope'] } }), name: 'r2' },
        { ...leaf({ fact: 'risk', operator: 'equal', value: 'x' }), name: 'good' },
      ],
      ['', 'ok'],
    );
    expect(checked.rules.map((r) => r.name)).toEqual(['good']);
    expect(checked.issues.map((i) => i.path)).toEqual([
      'disable[0]',
      'rules[0].conditions.all[0].fact',
      'rules[2].event.params.actions[0]',
      'rules[3].conditions.all[0].value',
      'rules[3].name',
    ]);
  });

  it('rejects what is not a rule file', () => {
    expect(checkRuleFile('rules', context).issues[0]?.message).toMatch(/expected a rule file/);
    expect(checkRuleFile({ rules: {} }, context).issues[0]?.path).toBe('rules');
    expect(checkRuleFile({ rule: [] }, context).issues[0]?.message).toMatch(/unexpected key "rule"/);
  });
});

describe('built-in rule files', () => {
  it('every shipped rule passes the checker and the zod schema', () => {
    const checked = checkRuleFile(
      { rules: builtInActionRules() },
      { catalogue: context.catalogue, operators: context.operators },
    );
    expect(checked.issues).toEqual([]);
    expect(ruleFileSchema.safeParse({ rules: builtInActionRules() }).success).toBe(true);
  });

  it('rules/actions/rule.schema.json is the JSON Schema generated from the zod schema', () => {
    const published = JSON.parse(
      readFileSync(join(root, 'rules', 'actions', 'rule.schema.json'), 'utf8'),
    ) as unknown;
    expect(published).toEqual(ruleFileJsonSchema());
  });

  it('the published schema is in the package (rules/ is in package.json files)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('rules');
  });
});
