import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant/index.js';
import { HuashuError, type HuashuIssue } from '../../src/errors.js';
import { loadTemplatePack } from '../../src/node/templates.js';
import { compileCondition } from '../../src/conditions/compile.js';
import { parseSimplePath, resolveFactPath } from '../../src/conditions/fact-path.js';
import type { TopLevelCondition as TopCondition } from '../../src/conditions/types.js';
import { createTemplateCatalogue, type TemplateDefinitionInput } from '../../src/templates/index.js';
import { prototypeChanges } from '../setup/prototype-guard.js';
import { templateCompiler } from '../../src/templates/compiler.js';

/** The pack from issue 9: validating it used to set Object.prototype.isAdmin for the whole process. */
const ISSUE_PACK = {
  id: 'a/b',
  stage: 'answer',
  intents: [],
  channels: ['chat'],
  description: 'd',
  variables: { '__proto__.isAdmin': { type: 'boolean', example: true } },
  sources: { 'zh-Hans': '{{#if __proto__.isAdmin}}x{{/if}}y' },
} as unknown as TemplateDefinitionInput;

function issuesOf(fn: () => unknown, code = 'INVALID_TEMPLATES'): HuashuIssue[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(HuashuError);
    expect((error as HuashuError).code).toBe(code);
    return [...(error as HuashuError).issues];
  }
  throw new Error(`expected ${code}`);
}

function expectProcessClean(): void {
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'isAdmin')).toBe(false);
  expect(prototypeChanges()).toEqual([]);
  // The symptom of the issue: every later createAssistant() failed with "Unrecognized key".
  expect(createAssistant().render('opening/chat')).toMatch(/您好/);
}

const base: Omit<TemplateDefinitionInput, 'variables' | 'sources'> = {
  id: 'shop/probe',
  stage: 'answer',
  intents: [],
  channels: ['chat'],
  description: 'A probe.',
};

describe('the issue-9 pack', () => {
  it('is rejected in memory, naming the variable, and leaves Object.prototype alone', () => {
    const issues = issuesOf(() => createTemplateCatalogue([ISSUE_PACK], { templateCompiler }));
    expect(issues).toContainEqual({
      path: 'templates[0].variables["__proto__.isAdmin"]',
      message: expect.stringMatching(/"__proto__" cannot be part of a variable name/),
    });
    expectProcessClean();
  });

  it('is rejected through createAssistant({ templateCompiler, templates })', () => {
    issuesOf(() => createAssistant({ templateCompiler, templates: [ISSUE_PACK] }));
    expectProcessClean();
  });

  describe('from a folder, through loadTemplatePack', () => {
    const root = mkdtempSync(join(tmpdir(), 'huashu-proto-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('is rejected with the metadata file named', () => {
      const { sources, ...metadata } = ISSUE_PACK as unknown as { sources: Record<string, string> };
      const files: Record<string, string> = {
        'a/b.json': JSON.stringify(metadata),
        'a/b.zh-Hans.hbs': sources['zh-Hans']!,
      };
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), content);
      }
      const issues = issuesOf(() => loadTemplatePack(root));
      expect(issues).toContainEqual({
        file: join(root, 'a/b.json'),
        path: 'variables["__proto__.isAdmin"]',
        message: expect.stringMatching(/__proto__/),
      });
      expectProcessClean();
    });

    it('a metadata file with a literal "__proto__" key is rejected too', () => {
      // JSON.parse makes "__proto__" an own key; spreading it must not reach a prototype either.
      const dir = join(root, 'literal');
      mkdirSync(join(dir, 'a'), { recursive: true });
      writeFileSync(
        join(dir, 'a/b.json'),
        '{"id":"a/b","stage":"answer","intents":[],"channels":["chat"],"description":"d","variables":{},"__proto__":{"isAdmin":true}}',
      );
      writeFileSync(join(dir, 'a/b.zh-Hans.hbs'), 'hello');
      const issues = issuesOf(() => loadTemplatePack(dir));
      expect(issues.map((i) => i.message).join('\n')).toMatch(/__proto__/);
      expectProcessClean();
    });
  });
});

describe('variable names that reach the prototype chain are rejected', () => {
  it.each([
    '__proto__',
    '__proto__.isAdmin',
    'constructor.prototype.isAdmin',
    'customer.constructor',
    'prototype.x',
    'order.__proto__.polluted',
    'toString',
    'customer.valueOf',
    'hasOwnProperty',
  ])('%s', (name) => {
    const sources = { 'zh-Hans': `{{${name.replace(/__proto__/g, 'x')}}}` };
    const issues = issuesOf(() =>
      createTemplateCatalogue([{ ...base, variables: { [name]: { type: 'text', example: 'x' } }, sources }], { templateCompiler }),
    );
    expect(issues).toContainEqual({
      path: `templates[0].variables${/^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`}`,
      message: expect.stringMatching(/cannot be part of a variable name/),
    });
    expectProcessClean();
  });

  it.each([
    ['customer.name', '{{customer.name}}'],
    ['proto.isAdmin', '{{proto.isAdmin}}'],
    ['constructorName', '{{constructorName}}'],
    ['_proto_', '{{_proto_}}'],
  ])('a look-alike %s is a fine name', (name, source) => {
    const catalogue = createTemplateCatalogue([
      { ...base, variables: { [name]: { type: 'text', example: 'v' } }, sources: { 'zh-Hans': source } },
    ], { templateCompiler });
    const vars: Record<string, unknown> = {};
    const parts = name.split('.');
    let node = vars;
    for (const part of parts.slice(0, -1)) node = node[part] = {} as Record<string, unknown>;
    node[parts[parts.length - 1]!] = 'ok';
    expect(catalogue.render('shop/probe', vars)).toBe('ok');
  });
});

describe('condition paths read own properties only', () => {
  it.each(['$.__proto__.isAdmin', '$.constructor.prototype', '$.constructor', '$.toString', '$.items.__proto__'])(
    'a template `when` path %s is rejected',
    (path) => {
      const when = { all: [{ fact: 'order', path, operator: 'equal', value: true }] };
      const issues = issuesOf(() =>
        createTemplateCatalogue([{ ...base, variables: {}, when, sources: { 'zh-Hans': 'hi' } }], { templateCompiler }),
      );
      expect(issues).toContainEqual({
        path: 'templates[0].when.all[0].path',
        message: expect.stringMatching(/names a property every object inherits/),
      });
    },
  );

  it('evaluation never reads an inherited value, even from a polluted prototype', () => {
    const condition: TopCondition = { all: [{ fact: 'order', path: '$.shipped', operator: 'equal', value: true }] };
    const evaluate = compileCondition(condition);
    expect(evaluate({ order: Object.create({ shipped: true }) as object })).toBe(false);
    expect(evaluate({ order: { shipped: true } })).toBe(true);
    // A fact inherited by the almanac itself is no fact.
    expect(evaluate(Object.create({ order: { shipped: true } }) as Record<string, unknown>)).toBe(false);
    expect(resolveFactPath({ a: {} }, parseSimplePath('$.a.constructor')!)).toBeUndefined();
    expect(resolveFactPath({ a: {} }, parseSimplePath('$.a.__proto__')!)).toBeUndefined();
  });
});

describe('template sources naming inherited properties', () => {
  it.each([
    ['{{constructor}}', /"constructor" at line 1, column 24 names "constructor"/],
    ['{{customer.constructor.name}}', /names "constructor"/],
    ['{{__proto__}}', /names "__proto__"/],
    ['{{@root.constructor}}', /names "constructor"/],
    ['{{#each items}}{{this.constructor}}{{/each}}', /names "constructor"/],
  ])('%s is rejected with the template and locale named', (source, message) => {
    const issues = issuesOf(() =>
      createTemplateCatalogue([
        {
          ...base,
          variables: { items: { type: 'list', example: ['a'] }, customer: { type: 'text', example: 'x' } },
          sources: { en: `{{items}}{{customer}}${source}` },
        },
      ], { templateCompiler }),
    );
    const problem = issues.find((issue) => message.test(issue.message));
    expect(problem, JSON.stringify(issues)).toBeDefined();
    expect(problem!.path).toBe('templates[0].sources.en');
    expect(problem!.message).toMatch(/^template "shop\/probe" \(en\): /);
  });
});

describe('variables from callers cannot reach a prototype', () => {
  const pack: TemplateDefinitionInput = {
    ...base,
    variables: { 'item.name': { type: 'text', example: '面霜' }, note: { type: 'text', optional: true, example: 'x' } },
    sources: { 'zh-Hans': '{{item.name}}{{#if note}}/{{note}}{{/if}}' },
  };
  const catalogue = createTemplateCatalogue([pack], { templateCompiler });

  it('a "__proto__" key in parsed JSON variables is data, not a prototype', () => {
    const vars = JSON.parse('{"item":{"name":"霜"},"__proto__":{"note":"injected","isAdmin":true}}') as Record<string, unknown>;
    expect(catalogue.render('shop/probe', vars)).toBe('霜');
    expectProcessClean();
  });

  it('render() never renders what a polluted Object.prototype holds', () => {
    const proto = Object.prototype as Record<string, unknown>;
    try {
      proto.item = { name: 'polluted' };
      proto.note = 'polluted';
      expect(issuesOf(() => catalogue.render('shop/probe', {}), 'MISSING_VARIABLE')).toContainEqual(
        expect.objectContaining({ path: 'item.name' }),
      );
      expect(catalogue.render('shop/probe', { item: { name: '霜' } })).toBe('霜');
      // Example variables are built without a prototype, so nothing inherited shows in them.
      const example = catalogue.get('shop/probe')!.example as Record<string, unknown>;
      expect(Object.getPrototypeOf(example)).toBeNull();
      expect(example).toEqual({ item: { name: '面霜' }, note: 'x' });
      proto.isAdmin = true;
      expect(example.isAdmin).toBeUndefined();
    } finally {
      delete proto.item;
      delete proto.note;
      delete proto.isAdmin;
    }
    expectProcessClean();
  });

  it('reply() with "__proto__" in its variables leaves the process clean', () => {
    const assistant = createAssistant();
    const variables = JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}') as Record<
      string,
      unknown
    >;
    const reply = assistant.reply('你好，在吗', { variables });
    expect(typeof reply.text).toBe('string');
    expectProcessClean();
  });
});
