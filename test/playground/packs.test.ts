import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/index.js';
import { packKind, packOptions, pathInFile, readPack, type Pack } from '../../playground/src/packs.js';

const phrasePack = {
  name: 'shop-words',
  phrases: [{ id: 'no-dear', category: 'custom', patterns: ['亲爱哒'], examples: ['是的哦 亲爱哒'] }],
};
const template = {
  id: 'answer/shop-hours',
  stage: 'answer',
  intents: ['greeting'],
  channels: ['chat'],
  description: 'Opening hours.',
  variables: {},
  sources: {
    'zh-Hans': '亲，我们每天九点到晚上十点在线。',
    en: 'We are online from 9 am to 10 pm every day.',
  },
};
const ruleFile = {
  rules: [
    {
      name: 'shop.greeting-hours',
      priority: 10,
      conditions: { all: [{ fact: 'intents', operator: 'contains', value: 'greeting' }] },
      event: { type: 'action', params: { actions: ['customer.confirm_details'] } },
    },
  ],
};

describe('playground packs', () => {
  it.each([
    [phrasePack, 'phrases'],
    [template, 'templates'],
    [[template], 'templates'],
    [ruleFile, 'actions'],
    [{ disable: ['complaint.ownership'] }, 'actions'],
    [{ name: 'x' }, undefined],
    [[1, 2], undefined],
    ['text', undefined],
    [null, undefined],
  ])('tells the kind of %j: %s', (value, kind) => {
    expect(packKind(value)).toBe(kind);
  });

  it('reads valid packs of each kind, and they change what the assistant does', () => {
    for (const [file, value] of [
      ['p.json', phrasePack],
      ['t.json', [template]],
      ['r.json', ruleFile],
    ] as const) {
      const reading = readPack(file, JSON.stringify(value));
      expect(reading.problems).toEqual([]);
      expect(reading.pack?.file).toBe(file);
    }
    const packs = (['p.json', 't.json', 'r.json'] as const).map(
      (file, i) => readPack(file, JSON.stringify([phrasePack, [template], ruleFile][i])).pack!,
    );
    const assistant = createAssistant(packOptions(packs));
    expect(assistant.lint('是的哦 亲爱哒').findings.map((f) => f.data?.phrase)).toContain('no-dear');
    expect(assistant.templates.list().map((t) => t.id)).toContain('answer/shop-hours');
    expect(
      assistant
        .recommend({ text: '你好' })
        .actions.map((a) => a.rules)
        .flat(),
    ).toContain('shop.greeting-hours');
  });

  it('lists every problem with its file and the path inside that file', () => {
    expect(readPack('x.json', '{"phrases": [').problems).toEqual([
      { file: 'x.json', path: '(root)', message: expect.stringContaining('not JSON') },
    ]);
    expect(readPack('x.json', '{"name": "x"}').problems[0]).toMatchObject({ file: 'x.json', path: '(root)' });
    const broken = {
      name: 'broken',
      phrases: [{ category: 'scolding', patterns: ['(a|b'], examples: ['a'] }],
    };
    expect(readPack('b.json', JSON.stringify(broken)).problems.map((p) => `${p.file} ${p.path}`)).toEqual([
      'b.json phrases[0].patterns[0]',
    ]);
    const badTemplate = readPack('t.json', JSON.stringify({ ...template, id: 'Bad', channels: [] }));
    expect(badTemplate.problems.map((p) => p.path)).toEqual(['id', 'channels']);
    const badTemplates = readPack('ts.json', JSON.stringify([template, { ...template, stage: 'nope' }]));
    expect(badTemplates.problems.map((p) => p.path)).toEqual(['[1].stage']);
    const badRules = readPack('r.json', JSON.stringify({ rules: [{ name: 'r' }] }));
    expect(badRules.problems.map((p) => p.path)).toEqual(['rules[0].conditions', 'rules[0].event']);
  });

  it.each([
    ['phrases', phrasePack, 'packs[0].phrases[2].examples[0]', 'phrases[2].examples[0]'],
    ['phrases', phrasePack, 'packs[0]', '(root)'],
    ['templates', template, 'templates[0].sources.en', 'sources.en'],
    ['templates', [template], 'templates[3].id', '[3].id'],
    ['actions', ruleFile, 'actions.rules[1].event', 'rules[1].event'],
  ] as const)('maps the %s options path %j to %j in the file', (kind, value, optionsPath, local) => {
    const pack: Pack = { file: 'f.json', kind, value };
    expect(pathInFile(pack, optionsPath)).toBe(local);
  });
});
