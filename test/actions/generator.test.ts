import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateActionData } from '../../src/actions/data.js';
import { replyStages } from '../../src/actions/rule-schema.js';
import { isHuashuError, type HuashuError } from '../../src/errors.js';
import { builtInActionRules } from '../../src/generated/actions-rules.js';
import { STAGES } from '../../src/templates/definition.js';
import { actionRuleFileNames, actionsGenerator } from '../../scripts/data/actions.js';

const root = join(import.meta.dirname, '..', '..');
const read = (name: string) =>
  JSON.parse(readFileSync(join(root, 'rules', 'actions', name), 'utf8')) as unknown;
const catalogue = { file: 'catalogue.json', content: read('catalogue.json') };
const explain = { file: 'explain.json', content: read('explain.json') };

function thrown(fn: () => unknown): HuashuError {
  try {
    fn();
  } catch (error) {
    if (isHuashuError(error)) return error;
    throw error;
  }
  throw new Error('expected a HuashuError');
}

describe('build-time generator (scripts/data/actions.ts)', () => {
  it('generates the catalogue, the explanation words and the rules, in file-name order', async () => {
    const files = await actionsGenerator.generate(root);
    expect(files.map((f) => f.name)).toEqual([
      'actions-catalogue.ts',
      'actions-explain.ts',
      'actions-rules.ts',
    ]);
    expect(actionRuleFileNames(join(root, 'rules', 'actions'))).toEqual([
      'aftersale.json',
      'complaints.json',
      'conversation.json',
      'orders.json',
    ]);
    const names = actionRuleFileNames(join(root, 'rules', 'actions')).flatMap((name) =>
      (read(name) as { rules: Array<{ name: string }> }).rules.map((r) => r.name),
    );
    expect(builtInActionRules().map((r) => r.name)).toEqual(names);
  });

  it('lists every problem of every file in one INVALID_RULES', () => {
    const error = thrown(() =>
      validateActionData({
        catalogue,
        explain,
        rules: [
          {
            file: 'a.json',
            content: {
              rules: [
                {
                  name: 'dup',
                  conditions: { all: [] },
                  event: { type: 'action', params: { actions: ['case.own'] } },
                },
                {
                  name: 'bad',
                  conditions: { all: [{ fact: 'nope', operator: 'equal', value: 1 }] },
                  event: { type: 'action', params: { actions: ['case.own'] } },
                },
              ],
            },
          },
          {
            file: 'b.json',
            content: {
              rules: [
                {
                  name: 'dup',
                  conditions: { all: [] },
                  event: { type: 'reply', params: { templateId: 'x/y' } },
                },
              ],
              disable: ['dup'],
            },
          },
        ],
        hasTemplate: () => false,
      }),
    );
    expect(error.code).toBe('INVALID_RULES');
    expect(error.issues.map((i) => [i.file, i.path])).toEqual([
      ['a.json', 'rules[1].conditions.all[0].fact'],
      ['b.json', 'rules[0].event.params.templateId'],
      ['b.json', 'disable'],
    ]);
  });

  it('reports rule names used in two files', () => {
    const rule = {
      name: 'same',
      conditions: { all: [] },
      event: { type: 'action', params: { actions: ['case.own'] } },
    };
    const error = thrown(() =>
      validateActionData({
        catalogue,
        explain,
        rules: [
          { file: 'a.json', content: { rules: [rule] } },
          { file: 'b.json', content: { rules: [rule] } },
        ],
      }),
    );
    expect(error.issues).toEqual([
      { file: 'b.json', path: 'rules', message: 'rule name "same" is also used in a.json' },
    ]);
  });

  it('reports a broken catalogue or vocabulary with their files', () => {
    const error = thrown(() =>
      validateActionData({
        catalogue: {
          file: 'catalogue.json',
          content: { actions: [{ id: 'Bad Id', description: {}, params: {}, conflictsWith: [] }] },
        },
        explain: { file: 'explain.json', content: { facts: {} } },
        rules: [],
      }),
    );
    const files = new Set(error.issues.map((i) => i.file));
    expect(files).toEqual(new Set(['catalogue.json', 'explain.json']));
    expect(error.issues.some((i) => i.path === 'actions[0].id')).toBe(true);
  });

  it('reply stages are the template stages, in reply order', () => {
    expect([...replyStages].sort()).toEqual([...STAGES].sort());
  });
});
