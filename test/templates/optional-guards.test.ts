import { describe, expect, it } from 'vitest';
import { HuashuError, type HuashuIssue } from '../../src/errors.js';
import { createTemplateCatalogue, type TemplateDefinitionInput } from '../../src/templates/index.js';
import { templateCompiler } from '../../src/templates/compiler.js';

/**
 * An optional variable is null when left out: a template that reads it outside `{{#if it}}`
 * leaves a gap ("预计前从仓库发出"). Packs with such a read are INVALID_TEMPLATES, naming the
 * variable, the locale and the place; the guarded forms load and render whole without the fact.
 */
function pack(source: string): TemplateDefinitionInput {
  return {
    id: 'shop/guards',
    stage: 'answer',
    intents: ['order.ship_time'],
    channels: ['chat'],
    description: 'Optional variables, guarded or not.',
    variables: {
      'customer.name': { type: 'text', optional: true, example: '王芳' },
      'customer.gender': { type: 'gender', optional: true, example: 'female' },
      'order.promisedShipAt': { type: 'date', optional: true, example: '2025-05-20' },
      'order.id': { type: 'text', example: 'A1' },
      points: { type: 'list', optional: true, example: ['a'] },
    },
    sources: { 'zh-Hans': `{{honorific customer}}，订单{{order.id}}${source}` },
  };
}

function issuesOf(source: string): HuashuIssue[] {
  try {
    createTemplateCatalogue([pack(source)], { templateCompiler });
  } catch (error) {
    expect(error).toBeInstanceOf(HuashuError);
    expect((error as HuashuError).code).toBe('INVALID_TEMPLATES');
    return [...(error as HuashuError).issues];
  }
  return [];
}

const USES = '{{#each points}}{{this}}{{/each}}';

describe('optional variables are read only where they are known', () => {
  const valid: Array<[string, string, string]> = [
    ['inside {{#if}}', `{{#if order.promisedShipAt}}预计{{date order.promisedShipAt}}前发出{{else}}会尽快发出{{/if}}{{#if points}}${USES}{{/if}}`, '亲，订单A1会尽快发出'],
    ['in the {{else}} of {{#unless}}', `{{#unless order.promisedShipAt}}会尽快发出{{else}}预计{{date order.promisedShipAt}}前发出{{/unless}}{{#each points}}{{this}}{{else}}{{/each}}`, '亲，订单A1会尽快发出'],
    ['in an {{else if}} chain', `{{#if points}}${USES}{{else if order.promisedShipAt}}预计{{date order.promisedShipAt}}{{else}}会尽快发出{{/if}}`, '亲，订单A1会尽快发出'],
    ['nested guards', `{{#if order.promisedShipAt}}{{#if points}}${USES}{{/if}}预计{{date order.promisedShipAt}}{{else}}会尽快发出{{/if}}`, '亲，订单A1会尽快发出'],
    ['through @root', `{{#if order.promisedShipAt}}{{date @root.order.promisedShipAt}}{{else}}会尽快发出{{/if}}{{#if points}}${USES}{{/if}}`, '亲，订单A1会尽快发出'],
  ];
  it.each(valid)('valid: %s', (_name, source, bare) => {
    expect(issuesOf(source)).toEqual([]);
    const catalogue = createTemplateCatalogue([pack(source)], { templateCompiler });
    expect(catalogue.render('shop/guards', { order: { id: 'A1' } })).toBe(bare);
  });

  const invalid: Array<[string, string, string, string]> = [
    ['a bare read', `预计{{order.promisedShipAt}}{{#if points}}${USES}{{/if}}`, 'order.promisedShipAt', 'line 1, column 42'],
    ['a helper argument', `预计{{date order.promisedShipAt}}前{{#if points}}${USES}{{/if}}`, 'order.promisedShipAt', 'line 1, column 47'],
    ['a sub-expression argument', `{{#if (date order.promisedShipAt)}}预计{{/if}}{{#if points}}${USES}{{/if}}`, 'order.promisedShipAt', 'line 1, column 50'],
    ['the {{else}} of its own {{#if}}', `{{#if order.promisedShipAt}}有{{else}}{{date order.promisedShipAt}}{{/if}}{{#if points}}${USES}{{/if}}`, 'order.promisedShipAt', 'column'],
    ['guarded by another variable', `{{#if points}}{{date order.promisedShipAt}}${USES}{{/if}}`, 'order.promisedShipAt', 'column'],
    ['{{#each}} without {{else}}', `${USES}{{#if order.promisedShipAt}}{{date order.promisedShipAt}}{{/if}}`, 'points', 'column'],
  ];
  it.each(invalid)('invalid: %s', (_name, source, variable, place) => {
    const issues = issuesOf(source);
    const issue = issues.find((i) => i.message.includes(`optional variable "${variable}"`));
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.path).toBe('templates[0].sources["zh-Hans"]');
    expect(issue!.message).toMatch(/^template "shop\/guards" \(zh-Hans\): /);
    expect(issue!.message).toContain(place);
    expect(issue!.message).toContain(`{{#if ${variable}}}`);
  });

  it('a required variable needs no guard, and the honorific handles a missing customer', () => {
    expect(issuesOf(`{{order.id}}{{#if order.promisedShipAt}}{{date order.promisedShipAt}}{{/if}}{{#if points}}${USES}{{/if}}`)).toEqual([]);
  });

  it('a template whose guarded text is all there is renders empty without its facts: refused', () => {
    const definition: TemplateDefinitionInput = {
      ...pack(''),
      variables: { note: { type: 'text', optional: true, example: '加急' } },
      sources: { 'zh-Hans': '{{#if note}}{{note}}{{/if}}' },
    };
    let error: unknown;
    try {
      createTemplateCatalogue([definition], { templateCompiler });
    } catch (caught) {
      error = caught;
    }
    expect((error as HuashuError).code).toBe('INVALID_TEMPLATES');
    expect((error as HuashuError).issues.map((i) => i.message)).toEqual(['renders as empty text without its optional variables']);
  });
});
