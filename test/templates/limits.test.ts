import { describe, expect, it } from 'vitest';
import { HuashuError, type HuashuIssue } from '../../src/errors.js';
import { LIMITS } from '../../src/entry/schemas.js';
import {
  MAX_CONDITION_DEPTH,
  MAX_CONDITION_NODES,
  MAX_FACT_PATH_LENGTH,
  MAX_TEMPLATE_ID_LENGTH,
  MAX_TEMPLATE_NESTING,
  MAX_TEMPLATE_SOURCE_LENGTH,
  MAX_TEMPLATES_PER_PACK,
  MAX_VARIABLE_PATH_SEGMENTS,
  TIME_ZONE_CACHE_SIZE,
} from '../../src/limits.js';
import { catalogueCacheSizes, timeZoneCacheSize } from '../../src/templates/catalogue.js';
import { createTemplateCatalogue, type TemplateDefinitionInput } from '../../src/templates/index.js';
import { validateTemplates } from '../../src/templates/validate.js';
import { packCompiler } from '../../src/templates/compiler.js';

const base: Omit<TemplateDefinitionInput, 'sources'> = {
  id: 'shop/limit',
  stage: 'answer',
  intents: [],
  channels: ['chat'],
  description: 'A limit probe.',
  variables: { flag: { type: 'boolean', example: true } },
};
const leaf = { fact: 'channel', operator: 'equal', value: 'chat' };

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

const pack = (definition: Partial<TemplateDefinitionInput> & { when?: unknown }) =>
  createTemplateCatalogue([{ ...base, sources: { 'zh-Hans': '{{#if flag}}好{{/if}}的' }, ...definition } as TemplateDefinitionInput], {
    templateCompiler: packCompiler,
  });

/** `{ not: { not: … leaf } }` with `depth` condition levels in all. */
function notChain(depth: number): unknown {
  let node: unknown = leaf;
  for (let i = 1; i < depth; i++) node = { not: node };
  return node;
}
function allChain(depth: number): unknown {
  let node: unknown = leaf;
  for (let i = 1; i < depth; i++) node = { all: [node] };
  return node;
}
const ifChain = (n: number) => `${'{{#if flag}}'.repeat(n)}好${'{{/if}}'.repeat(n)}`;

describe('the limits are one exported table', () => {
  it('LIMITS lists every named limit with its value', () => {
    expect(LIMITS).toMatchObject({
      MAX_CONDITION_DEPTH,
      MAX_CONDITION_NODES,
      MAX_TEMPLATE_SOURCE_LENGTH,
      MAX_TEMPLATE_NESTING,
      MAX_TEMPLATE_ID_LENGTH,
    });
    expect(Object.isFrozen(LIMITS)).toBe(true);
  });
});

describe('template `when` conditions: valid at the limit, INVALID_TEMPLATES one past it', () => {
  const cases: Array<[string, unknown, unknown, RegExp]> = [
    ['depth (not chain)', { not: notChain(MAX_CONDITION_DEPTH - 1) }, { not: notChain(MAX_CONDITION_DEPTH) }, /MAX_CONDITION_DEPTH/],
    ['depth (all chain)', allChain(MAX_CONDITION_DEPTH), allChain(MAX_CONDITION_DEPTH + 1), /MAX_CONDITION_DEPTH/],
    [
      'nodes',
      { all: Array.from({ length: MAX_CONDITION_NODES - 1 }, () => leaf) },
      { all: Array.from({ length: MAX_CONDITION_NODES }, () => leaf) },
      /MAX_CONDITION_NODES/,
    ],
    [
      'path length',
      { all: [{ fact: 'order', path: `$.shipped.${'a'.repeat(MAX_FACT_PATH_LENGTH - 10)}`, operator: 'equal', value: true }] },
      { all: [{ fact: 'order', path: `$.shipped.${'a'.repeat(MAX_FACT_PATH_LENGTH - 9)}`, operator: 'equal', value: true }] },
      /MAX_FACT_PATH_LENGTH/,
    ],
  ];

  it.each(cases)('%s', (_name, valid, invalid, message) => {
    expect(() => pack({ when: valid })).not.toThrow();
    const issues = issuesOf(() => pack({ when: invalid }));
    expect(issues.some((issue) => issue.path.startsWith('templates[0].when') && message.test(issue.message)), JSON.stringify(issues)).toBe(true);
  });

  it.each<[string, () => unknown]>([
    [
      'a `not` that is its own child',
      () => {
        const node: Record<string, unknown> = {};
        node.not = node;
        return node;
      },
    ],
    [
      'a list that holds its parent',
      () => {
        const node: { all: unknown[] } = { all: [leaf] };
        node.all.push({ any: [node] });
        return node;
      },
    ],
    ['100,000 nested nots', () => notChain(100_000)],
  ])('%s is a typed error, not a RangeError', (_name, make) => {
    const issues = issuesOf(() => pack({ when: make() }));
    expect(issues[0]!.message).toMatch(/cycle|MAX_CONDITION_DEPTH/);
  });

  it('a tree sharing one subtree many times is counted in full', () => {
    // 2^20 leaves through 20 levels of shared lists: within the depth, far over the node count.
    let node: unknown = leaf;
    for (let i = 0; i < 20; i++) node = { all: [node, node] };
    expect(issuesOf(() => pack({ when: node }))[0]!.message).toMatch(/MAX_CONDITION_NODES/);
  });
});

describe('template sources: size and nesting are checked before handlebars parses', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    [
      'source length',
      `{{#if flag}}好{{/if}}${'的'.repeat(MAX_TEMPLATE_SOURCE_LENGTH - 20)}`,
      `{{#if flag}}好{{/if}}${'的'.repeat(MAX_TEMPLATE_SOURCE_LENGTH - 19)}`,
      /MAX_TEMPLATE_SOURCE_LENGTH/,
    ],
    ['block nesting', ifChain(MAX_TEMPLATE_NESTING), ifChain(MAX_TEMPLATE_NESTING + 1), /MAX_TEMPLATE_NESTING/],
    [
      'chained else if',
      `{{#if flag}}a${'{{else if flag}}b'.repeat(MAX_TEMPLATE_NESTING - 1)}{{/if}}`,
      `{{#if flag}}a${'{{else if flag}}b'.repeat(MAX_TEMPLATE_NESTING)}{{/if}}`,
      /MAX_TEMPLATE_NESTING/,
    ],
    [
      'sub-expressions',
      `{{#if flag}}x{{/if}}{{mask ${'(mask '.repeat(MAX_TEMPLATE_NESTING)}"1"${')'.repeat(MAX_TEMPLATE_NESTING)}}}`,
      `{{#if flag}}x{{/if}}{{mask ${'(mask '.repeat(MAX_TEMPLATE_NESTING + 1)}"1"${')'.repeat(MAX_TEMPLATE_NESTING + 1)}}}`,
      /MAX_TEMPLATE_NESTING/,
    ],
  ];

  it.each(cases)('%s', (_name, valid, invalid, message) => {
    expect(() => pack({ sources: { 'zh-Hans': valid } })).not.toThrow();
    const issues = issuesOf(() => pack({ sources: { 'zh-Hans': invalid } }));
    expect(issues).toEqual([{ path: 'templates[0].sources["zh-Hans"]', message: expect.stringMatching(message) }]);
    expect(issues[0]!.message).toMatch(/^template "shop\/limit" \(zh-Hans\)/);
  });

  it('10,000 nested {{#if}} are over the size limit: rejected before the parser sees them', () => {
    const issues = issuesOf(() => pack({ sources: { 'zh-Hans': ifChain(10_000) } }));
    // Not handlebars' "Maximum call stack size exceeded" after minutes: the size check's message.
    expect(issues).toEqual([{ path: 'templates[0].sources["zh-Hans"]', message: expect.stringMatching(/MAX_TEMPLATE_SOURCE_LENGTH/) }]);
  });

  it('500 nested blocks within the size limit are rejected by the nesting scan', () => {
    const source = `{{flag}}\n${'{{#flag}}'.repeat(500)}x${'{{/flag}}'.repeat(500)}`;
    expect(source.length).toBeLessThan(MAX_TEMPLATE_SOURCE_LENGTH);
    const issues = issuesOf(() => pack({ sources: { 'zh-Hans': source } }));
    expect(issues).toEqual([{ path: 'templates[0].sources["zh-Hans"]', message: expect.stringMatching(/MAX_TEMPLATE_NESTING\) at line 2/) }]);
  });

  it('comments and string literals do not count as nesting', () => {
    const source = `{{!-- ${'{{#if x}}'.repeat(40)} --}}{{#if "${'('.repeat(40)}"}}x{{/if}}{{#if flag}}1{{/if}}`;
    expect(pack({ sources: { 'zh-Hans': source } }).render('shop/limit', { flag: true })).toBe('x1');
  });
});

describe('packs: template count and variable paths', () => {
  const minimal = (i: number): TemplateDefinitionInput => ({
    ...base,
    id: `shop/t${i}`,
    variables: {},
    sources: { 'zh-Hans': 'hi' },
  });

  it(`${MAX_TEMPLATES_PER_PACK} templates pass the count, one more is refused before any is read`, () => {
    const atLimit = Array.from({ length: MAX_TEMPLATES_PER_PACK }, (_, i) => ({ value: minimal(i) }));
    expect(validateTemplates(atLimit, { requireAllLocales: false, compile: false, compiler: packCompiler }).issues).toEqual([]);
    const over = [...atLimit, { value: minimal(MAX_TEMPLATES_PER_PACK) }];
    expect(validateTemplates(over, { requireAllLocales: false, compile: false, compiler: packCompiler })).toEqual({
      templates: [],
      issues: [{ path: '', message: expect.stringMatching(/MAX_TEMPLATES_PER_PACK/) }],
    });
  });

  it(`a variable path has at most ${MAX_VARIABLE_PATH_SEGMENTS} parts`, () => {
    const deep = (n: number) => Array.from({ length: n }, (_, i) => `p${i}`).join('.');
    const at = deep(MAX_VARIABLE_PATH_SEGMENTS);
    expect(() => pack({ variables: { [at]: { type: 'text', example: 'x' } }, sources: { 'zh-Hans': `{{${at}}}` } })).not.toThrow();
    const over = deep(MAX_VARIABLE_PATH_SEGMENTS + 1);
    expect(issuesOf(() => pack({ variables: { [over]: { type: 'text', example: 'x' } }, sources: { 'zh-Hans': `{{${over}}}` } }))).toContainEqual({
      path: `templates[0].variables[${JSON.stringify(over)}]`,
      message: expect.stringMatching(/MAX_VARIABLE_PATH_SEGMENTS/),
    });
  });

  it(`a template id in a pack has at most ${MAX_TEMPLATE_ID_LENGTH} characters`, () => {
    const id = (n: number) => `shop/${'a'.repeat(n - 5)}`;
    expect(() => pack({ id: id(MAX_TEMPLATE_ID_LENGTH) })).not.toThrow();
    expect(issuesOf(() => pack({ id: id(MAX_TEMPLATE_ID_LENGTH + 1) }))).toContainEqual({
      path: 'templates[0].id',
      message: expect.stringMatching(/MAX_TEMPLATE_ID_LENGTH/),
    });
  });
});

describe('template ids given to render(), get() and example()', () => {
  const catalogue = createTemplateCatalogue();
  const atLimit = `x/${'y'.repeat(MAX_TEMPLATE_ID_LENGTH - 2)}`;
  const overLimit = `${atLimit}y`;
  const huge = 'x'.repeat(1 << 20);

  it.each([
    ['render', () => catalogue.render(atLimit), 'UNKNOWN_TEMPLATE'],
    ['render', () => catalogue.render(overLimit), 'INVALID_INPUT'],
    ['render (1 MB)', () => catalogue.render(huge), 'INVALID_INPUT'],
    ['get', () => catalogue.get(overLimit), 'INVALID_INPUT'],
    ['get (1 MB)', () => catalogue.get(huge), 'INVALID_INPUT'],
  ])('%s: %#', (_name, call, code) => {
    const issues = issuesOf(call, code);
    if (code === 'INVALID_INPUT') expect(issues[0]!.message).toMatch(/MAX_TEMPLATE_ID_LENGTH/);
  });

  it('get() and example() of an unknown id within the limit are undefined; an over-long one is INVALID_INPUT', () => {
    expect(catalogue.get(atLimit)).toBeUndefined();
    expect(catalogue.example(atLimit)).toBeUndefined();
    expect(() => catalogue.example(huge)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('an unknown id near a real one still gets a suggestion', () => {
    expect(() => catalogue.render('openin/chat')).toThrow(/Did you mean "opening\/chat"/);
  });
});

describe('caches keyed by caller input stay bounded', () => {
  it('200,000 distinct unknown ids add nothing to a catalogue', () => {
    const catalogue = createTemplateCatalogue();
    catalogue.example('opening/chat');
    const before = catalogueCacheSizes(catalogue);
    for (let i = 0; i < 200_000; i++) {
      expect(catalogue.example(`unknown/id-${i}`)).toBeUndefined();
      if (i % 1000 === 0) expect(catalogue.get(`unknown/id-${i}`, 'en')).toBeUndefined();
    }
    expect(catalogueCacheSizes(catalogue)).toEqual(before);
    // Unknown locales are refused before anything is cached.
    for (let i = 0; i < 1000; i++)
      expect(() => catalogue.example('opening/chat', `xx-${i}` as never)).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT' }),
      );
    expect(catalogueCacheSizes(catalogue).examples).toBe(before.examples);
  });

  it('examples are cached once per template and locale', () => {
    const catalogue = createTemplateCatalogue();
    const ids = catalogue.list({ locale: 'en' }).map((entry) => entry.id);
    for (let round = 0; round < 3; round++) for (const id of ids) for (const locale of ['zh-Hans', 'en'] as const) catalogue.example(id, locale);
    expect(catalogueCacheSizes(catalogue).examples).toBe(ids.length * 2);
  });

  it(`time zones spelled many ways keep at most ${TIME_ZONE_CACHE_SIZE} entries`, () => {
    const catalogue = createTemplateCatalogue();
    // Intl accepts any capitalisation of a zone: 2,000 spellings of four zones.
    const zones = ['Asia/Shanghai', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo'];
    for (let i = 0; i < 2000; i++) {
      const zone = zones[i % zones.length]!;
      const bits = Math.floor(i / zones.length);
      const spelled = [...zone].map((c, j) => ((bits >> j) & 1 ? c.toUpperCase() : c.toLowerCase())).join('');
      catalogue.render('opening/chat', {}, { timeZone: spelled });
    }
    expect(timeZoneCacheSize()).toBeLessThanOrEqual(TIME_ZONE_CACHE_SIZE);
    expect(timeZoneCacheSize()).toBeGreaterThan(0);
  });
});
