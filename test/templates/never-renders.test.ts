import { describe, expect, it } from 'vitest';
import { HuashuError, type HuashuIssue } from '../../src/errors.js';
import { createTemplateCatalogue, type TemplateDefinitionInput } from '../../src/templates/index.js';
import { templateCompiler } from '../../src/templates/compiler.js';

/**
 * Constructs a template may parse but can never render usefully: `{{this}}` at the top is the
 * whole variables object ("[object Object]"), a name with an empty part or an inherited name never
 * holds a value. Each is INVALID_TEMPLATES naming the template, the locale and the construct; the
 * same words in a place where they do render are accepted.
 */
const definition = (source: string): TemplateDefinitionInput => ({
  id: 'shop/constructs',
  stage: 'answer',
  intents: [],
  channels: ['chat'],
  description: 'Template constructs.',
  variables: {
    'customer.name': { type: 'text', example: '王芳' },
    items: { type: 'list', example: ['面霜', '精华'] },
  },
  sources: { en: `{{customer.name}}{{items}}${source}` },
});

function issuesOf(source: string): HuashuIssue[] {
  try {
    createTemplateCatalogue([definition(source)], { templateCompiler });
  } catch (error) {
    expect(error).toBeInstanceOf(HuashuError);
    expect((error as HuashuError).code).toBe('INVALID_TEMPLATES');
    return [...(error as HuashuError).issues];
  }
  return [];
}

describe('constructs that never render are rejected, their look-alikes that do render are not', () => {
  const pairs: Array<[string, string, string, RegExp]> = [
    ['{{this}} at the top', '{{this}}', '{{#each items}}{{this}}{{/each}}', /"\{\{this\}\}" at line 1, column \d+ is the whole variables object, which renders as "\[object Object\]"/],
    ['{{.}} at the top', '{{.}}', '{{#each items}}{{.}}{{/each}}', /"\{\{\.\}\}" .* "\[object Object\]"/],
    ['{{@root}}', '{{@root}}', '{{#each items}}{{@root.customer.name}}{{/each}}', /"\{\{@root\}\}" .* "\[object Object\]"/],
    ['this inside a helper at the top', '{{mask this}}', '{{mask customer.name}}', /"\{\{this\}\}" .* "\[object Object\]"/],
    ['an empty part', '{{customer.[].name}}', '{{customer.name}}', /has an empty part/],
    ['"../" at the top', '{{../customer.name}}', '{{#each items}}{{../customer.name}}{{/each}}', /"\.\.\/" only makes sense inside a block/],
    ['an inherited name', '{{customer.constructor}}', '{{customer.name}}', /names "constructor", which every object inherits/],
    ['an undeclared part', '{{customer.nmae}}', '{{customer.name}}', /uses "customer\.nmae", which is not declared/],
  ];

  it.each(pairs)('%s', (_name, invalid, valid, message) => {
    expect(issuesOf(valid)).toEqual([]);
    const issues = issuesOf(invalid);
    const issue = issues.find((i) => message.test(i.message));
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.path).toBe('templates[0].sources.en');
  });

  it('the new problems name the template and the locale', () => {
    for (const source of ['{{this}}', '{{customer.[].name}}', '{{customer.constructor}}']) {
      expect(issuesOf(source)[0]!.message).toMatch(/^template "shop\/constructs" \(en\): /);
    }
  });

  it('{{this}} inside each renders the items', () => {
    const catalogue = createTemplateCatalogue([definition('|{{#each items}}[{{this}}]{{/each}}')], { templateCompiler });
    expect(catalogue.render('shop/constructs', { customer: { name: 'A' }, items: ['x', 'y'] }, { locale: 'en' })).toBe(
      'Ax,y|[x][y]');
  });
});
