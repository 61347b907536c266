import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant/index.js';
import { HuashuError } from '../../src/errors.js';
import { loadTemplatePack } from '../../src/node/templates.js';
import { createTemplateCatalogue, type TemplateDefinitionInput } from '../../src/templates/index.js';
import { templateCompiler } from '../../src/templates/compiler.js';

const valid: TemplateDefinitionInput = {
  id: 'shop/gift-wrap',
  stage: 'answer',
  intents: ['order.special_request'],
  channels: ['chat', 'social'],
  description: 'Gift wrapping is free.',
  variables: { 'item.name': { type: 'text', example: { 'zh-Hans': '面霜', en: 'cream' } } },
  sources: { 'zh-Hans': '亲，{{item.name}}可以免费礼盒包装哦~', en: 'Dear customer, we gift-wrap the {{item.name}} for free.' },
};

function problems(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(HuashuError);
    expect((error as HuashuError).code).toBe('INVALID_TEMPLATES');
    return (error as HuashuError).issues;
  }
  throw new Error('expected INVALID_TEMPLATES');
}

describe('packs need templateCompiler from huashu/templates (the core carries only the runtime)', () => {
  const refusals: Array<[string, () => unknown]> = [
    ['createTemplateCatalogue(packs)', () => createTemplateCatalogue([valid])],
    ['createTemplateCatalogue(packs, { defaultLocale })', () => createTemplateCatalogue([valid], { defaultLocale: 'en' })],
    ['createAssistant({ templates })', () => createAssistant({ templates: [valid] })],
  ];
  it.each(refusals)('%s without it: INVALID_OPTIONS at templateCompiler, saying what to import', (_name, call) => {
    expect(call).toThrow(
      expect.objectContaining({
        code: 'INVALID_OPTIONS',
        issues: [expect.objectContaining({ path: 'templateCompiler', message: expect.stringMatching(/import.*huashu\/templates/) })],
      }),
    );
  });

  it.each<[string, unknown]>([
    ['a look-alike object', { kind: 'huashu/template-compiler' }],
    ['a function', () => undefined],
    ['a string', 'handlebars'],
  ])('%s in its place is refused with INVALID_OPTIONS', (_name, compiler) => {
    for (const call of [
      () => createTemplateCatalogue([valid], { templateCompiler: compiler as never }),
      () => createAssistant({ templates: [valid], templateCompiler: compiler as never }),
    ])
      expect(call).toThrow(
        expect.objectContaining({
          code: 'INVALID_OPTIONS',
          issues: [expect.objectContaining({ path: 'templateCompiler', message: expect.stringMatching(/huashu\/templates/) })],
        }),
      );
  });

  it('no packs need none: the built-ins are precompiled', () => {
    expect(createTemplateCatalogue([]).render('opening/chat', {}, { locale: 'en' })).toMatch(/^Dear customer/);
    expect(createAssistant({ templates: [] }).render('opening/chat', {}, { locale: 'en' })).toMatch(/^Dear customer/);
  });

  it('with it, a pack compiles and renders', () => {
    const catalogue = createTemplateCatalogue([valid], { templateCompiler });
    expect(catalogue.render('shop/gift-wrap', { item: { name: '面霜' } })).toBe('亲，面霜可以免费礼盒包装哦~');
  });
});

describe('packs in memory', () => {
  it('add templates and replace built-ins by id', () => {
    const replaced: TemplateDefinitionInput = {
      ...valid,
      id: 'opening/chat',
      stage: 'opening',
      intents: ['greeting'],
      variables: {},
      sources: { 'zh-Hans': '亲，欢迎来到花间小店~' },
    };
    const catalogue = createTemplateCatalogue([valid, replaced], { templateCompiler });
    expect(catalogue.render('shop/gift-wrap', { item: { name: '面霜' } })).toBe('亲，面霜可以免费礼盒包装哦~');
    expect(catalogue.render('opening/chat')).toBe('亲，欢迎来到花间小店~');
    // The replacement covers only zh-Hans: the built-in English version is gone with it.
    expect(() => catalogue.render('opening/chat', {}, { locale: 'en' })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_TEMPLATE' }),
    );
    expect(catalogue.list({ intent: 'order.special_request' }).map((e) => `${e.id} ${e.locale}`)).toContain(
      'shop/gift-wrap en',
    );
    // The built-in catalogue of other instances is untouched.
    expect(createTemplateCatalogue().render('opening/chat', {}, { locale: 'en' })).toMatch(/^Dear customer/);
  });

  it('a later definition with the same id replaces an earlier one', () => {
    const later = { ...valid, sources: { 'zh-Hans': '第二版{{item.name}}' } };
    expect(createTemplateCatalogue([valid, later], { templateCompiler }).render('shop/gift-wrap', { item: { name: 'x' } })).toBe('第二版x');
  });

  it.each<[string, Record<string, unknown>, Array<[string, RegExp]>]>([
    ['a bad id', { id: 'Gift Wrap' }, [['templates[0].id', /<group>\/<name>/]]],
    ['an unknown stage', { stage: 'middle' }, [['templates[0].stage', /opening/]]],
    ['no channel', { channels: [] }, [['templates[0].channels', /at least one channel/]]],
    ['an unknown channel', { channels: ['fax'] }, [['templates[0].channels[0]', /chat/]]],
    ['no sources', { sources: {} }, [['templates[0].sources', /at least one locale/]]],
    ['an unknown locale', { sources: { fr: 'Bonjour' } }, [['templates[0].sources', /"fr"/]]],
    ['an unknown key', { colour: 'red' }, [['templates[0]', /colour/]]],
    [
      'an undeclared variable',
      { sources: { 'zh-Hans': '{{item.name}}{{item.price}}' } },
      [['templates[0].sources["zh-Hans"]', /"item\.price", which is not declared/]],
    ],
    [
      'a declared variable a locale never uses',
      { sources: { 'zh-Hans': '{{item.name}}', en: 'Hello' } },
      [['templates[0].sources.en', /never uses the declared variable "item\.name"/]],
    ],
    [
      'an unknown helper',
      { sources: { 'zh-Hans': '{{shout item.name}}' } },
      [['templates[0].sources["zh-Hans"]', /unknown helper "shout"/]],
    ],
    ['a partial', { sources: { 'zh-Hans': '{{item.name}}{{> footer}}' } }, [['templates[0].sources["zh-Hans"]', /partials/]]],
    ['a syntax error', { sources: { 'zh-Hans': '{{#if item.name}}x' } }, [['templates[0].sources["zh-Hans"]', /syntax error/]]],
    [
      'an unknown @data variable',
      { sources: { 'zh-Hans': '{{item.name}}{{@shop}}' } },
      [['templates[0].sources["zh-Hans"]', /@shop/]],
    ],
    [
      'an example of the wrong type',
      { variables: { 'item.name': { type: 'number', example: 'cream' } } },
      [['templates[0].variables["item.name"].example', /does not fit type "number"/]],
    ],
    [
      'a per-locale example missing a locale',
      { variables: { 'item.name': { type: 'text', example: { en: 'cream' } } } },
      [['templates[0].variables["item.name"].example', /no example for zh-Hans/]],
    ],
    [
      'a variable under a value',
      {
        variables: { item: { type: 'text', example: 'x' }, 'item.name': { type: 'text', example: 'y' } },
        sources: { 'zh-Hans': '{{item}}{{item.name}}' },
      },
      [['templates[0].variables["item.name"]', /"item" is declared as a value/]],
    ],
    [
      'an unknown fact path in when',
      { when: { all: [{ fact: 'order', path: '$.shiped', operator: 'equal', value: true }] } },
      [['templates[0].when.all[0].path', /"order" has no "\$\.shiped"/]],
    ],
    [
      'a path on a plain fact',
      { when: { all: [{ fact: 'responsibility', path: '$.who', operator: 'equal', value: 'merchant' }] } },
      [['templates[0].when.all[0].path', /plain value/]],
    ],
    [
      'an unsupported operator',
      { when: { all: [{ fact: 'order', path: '$.shipped', operator: 'regex', value: 'x' }] } },
      [['templates[0].when.all[0].operator', /operator must be one of/]],
    ],
    [
      'a template that renders nothing',
      { variables: {}, sources: { 'zh-Hans': '{{#if @channel}}{{/if}}' } },
      [['templates[0].sources["zh-Hans"]', /empty/]],
    ],
    [
      'a currency Intl does not know',
      {
        variables: { x: { type: 'amount', example: 5 } },
        sources: { 'zh-Hans': '{{amount x "XXXX"}}' },
      },
      [['templates[0].sources["zh-Hans"]', /does not render with its example variables/]],
    ],
  ])('rejects %s with INVALID_TEMPLATES naming the path', (_name, change, expected) => {
    const issues = problems(() => createTemplateCatalogue([{ ...valid, ...change } as TemplateDefinitionInput], { templateCompiler }));
    for (const [path, message] of expected) {
      expect(issues.some((i) => i.path === path && message.test(i.message)), `${path} ${message}\n${JSON.stringify(issues, null, 1)}`).toBe(true);
    }
  });

  it('lists every problem of every definition in one error', () => {
    const issues = problems(() =>
      createTemplateCatalogue([
        valid,
        { ...valid, id: 'BAD', stage: 'middle' as never },
        { ...valid, id: 'shop/x', sources: { 'zh-Hans': '{{nope}}' } },
      ], { templateCompiler }),
    );
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['templates[1].id', 'templates[1].stage', 'templates[2].sources["zh-Hans"]']),
    );
    expect(issues.length).toBeGreaterThanOrEqual(4);
  });

  it('not an array → INVALID_TEMPLATES; via createAssistant → INVALID_OPTIONS', () => {
    expect(() => createTemplateCatalogue({} as never, { templateCompiler })).toThrow(expect.objectContaining({ code: 'INVALID_TEMPLATES' }));
    expect(() => createAssistant({ templateCompiler, templates: {} as never })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });

  it('createAssistant({ templateCompiler, templates }) adds and validates packs', () => {
    const assistant = createAssistant({ templateCompiler, templates: [valid] });
    expect(assistant.render('shop/gift-wrap', { item: { name: 'cream' } }, { locale: 'en' })).toBe(
      'Dear customer, we gift-wrap the cream for free.',
    );
    expect(assistant.templates.list({ intent: 'order.special_request' }).some((e) => e.id === 'shop/gift-wrap')).toBe(true);
    expect(() => createAssistant({ templateCompiler, templates: [{ ...valid, channels: [] }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_TEMPLATES' }),
    );
  });
});

describe('packs from a folder (huashu/node)', () => {
  const root = mkdtempSync(join(tmpdir(), 'huashu-templates-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function folder(name: string, files: Record<string, string>): string {
    const dir = join(root, name);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    return dir;
  }
  const metadata = (id: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ id, stage: 'answer', intents: [], channels: ['chat'], description: 'x', variables: {}, ...extra });

  it('loads <group>/<name>.json with its .hbs files, dropping the final newline', () => {
    const dir = folder('good', {
      'shop/hello.json': metadata('shop/hello'),
      'shop/hello.zh-Hans.hbs': '亲，您好~\n',
      'shop/hello.en.hbs': 'Dear customer, hello.\r\n',
      'README.md': 'not a template',
    });
    const pack = loadTemplatePack(dir);
    expect(pack).toHaveLength(1);
    expect(pack[0]!.sources).toEqual({ 'zh-Hans': '亲，您好~', en: 'Dear customer, hello.' });
    const assistant = createAssistant({ templateCompiler, templates: pack });
    expect(assistant.render('shop/hello', {}, { locale: 'en' })).toBe('Dear customer, hello.');
  });

  it('lists every problem with its file and JSON path', () => {
    const dir = folder('bad', {
      'shop/a.json': metadata('shop/a', { stage: 'middle', channels: [] }),
      'shop/a.zh-Hans.hbs': '{{who}}',
      'shop/b.json': '{ not json',
      'shop/b.zh-Hans.hbs': 'x',
      'shop/c.zh-Hans.hbs': 'no metadata',
      'shop/d.json': metadata('shop/d'),
      'shop/e.json': metadata('shop/other'),
      'shop/e.en.hbs': 'x',
      'shop/f.fr.hbs': 'Bonjour',
      'loose.zh-Hans.hbs': 'outside a group',
      'shop/g.json': metadata('shop/g', { variables: { who: { type: 'text', example: 'x' } } }),
      'shop/g.zh-Hans.hbs': '{{#if who}}',
    });
    let error: HuashuError | undefined;
    try {
      loadTemplatePack(dir);
    } catch (e) {
      error = e as HuashuError;
    }
    expect(error?.code).toBe('INVALID_TEMPLATES');
    const found = error!.issues.map((i) => `${i.file?.slice(dir.length + 1)}|${i.path}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'shop/a.json|stage',
        'shop/a.json|channels',
        'shop/b.json|',
        'shop/c.zh-Hans.hbs|',
        'shop/d.json|',
        'shop/e.json|id',
        'shop/f.fr.hbs|',
        'loose.zh-Hans.hbs|',
        'shop/g.zh-Hans.hbs|',
      ]),
    );
    expect(error!.message).toContain('shop/b.json');
    expect(error!.message).toContain('invalid JSON');
  });

  it('a folder that does not exist is an IO error', () => {
    expect(() => loadTemplatePack(join(root, 'missing'))).toThrow(expect.objectContaining({ code: 'IO' }));
  });
});
