import { describe, expect, it } from 'vitest';
import { HuashuError } from '../../src/errors.js';
import { createTemplateCatalogue, type TemplateEntry } from '../../src/templates/index.js';
import { TEMPLATE_LOCALES, type TemplateLocale, type VariableDeclaration } from '../../src/templates/definition.js';
import { formatDate } from '../../src/templates/locale-format.js';
import { mask } from '../../src/templates/mask.js';
import { exampleValue } from '../../src/templates/variables.js';

/**
 * Never an empty reply (issue 11): a bot usually has no facts, so every built-in template renders
 * without its optional variables — a variant that does without them or asks for them, never a
 * blank, never sample data, never a half sentence — and with every fact it still says them all.
 */
const catalogue = createTemplateCatalogue();
const entries = catalogue.list();
const byId = new Map(catalogue.list({ locale: 'zh-Hans' }).map((entry) => [entry.id, entry]));

/**
 * The templates that still need facts to say anything, with why. Adding a required variable to a
 * built-in template is a deliberate change: it is listed here, and another template of the same
 * intent and stage must render without facts (checked below).
 */
const STILL_REQUIRED: Record<string, { variables: string[]; reason: string }> = {
  'confirm/compensation-in-writing': {
    variables: ['agreement.points'],
    reason: 'the written confirmation is the list of what was agreed; without the points there is nothing to confirm',
  },
  'follow-up/report-answer': {
    variables: ['report.result'],
    reason: 'answering an earlier report means giving its outcome; follow-up/satisfaction is the visit without one',
  },
  'presales/confirm-order': {
    variables: ['item.name', 'item.spec', 'delivery.address'],
    reason: 'reading the order back to the customer needs the item, its spec and the address',
  },
  'presales/introduce-item': {
    variables: ['item.highlights'],
    reason: 'an introduction is the highlights; answer/product.inquiry asks which item when none is known',
  },
  'presales/promotion': {
    variables: ['promotion.description'],
    reason: 'announcing an offer needs the offer; answer/promotion.inquiry points to the shop page without one',
  },
  'shipping/carrier-shipped': {
    variables: ['order.carrier', 'order.trackingNumber'],
    reason: 'only a carrier scan allows "shipped", and the reply exists to give the carrier and number; answer/order.logistics asks for them',
  },
};

const isRequired = (declaration: VariableDeclaration) => declaration.optional !== true;
const requiredOf = (entry: TemplateEntry) =>
  Object.entries(entry.variables)
    .filter(([, declaration]) => isRequired(declaration))
    .map(([path]) => path);
const optionalOf = (entry: TemplateEntry) =>
  Object.entries(entry.variables)
    .filter(([, declaration]) => !isRequired(declaration))
    .map(([path]) => path);

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
}

/** The template's example values for `paths` only, as a nested variables object. */
function varsFor(entry: TemplateEntry, paths: readonly string[]): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const path of paths) setPath(vars, path, exampleValue(entry.variables[path]!, entry.locale));
  return vars;
}

/** How a variable's example shows in a reply in `locale` (dates formatted, addresses masked). */
function shown(entry: TemplateEntry, path: string, locale: TemplateLocale): string[] {
  const declaration = entry.variables[path]!;
  const value = exampleValue(declaration, locale);
  const usesDatetime = entry.source.includes(`datetime ${path}`);
  switch (declaration.type) {
    case 'date':
      return [formatDate(value, locale, { timeZone: 'Asia/Shanghai', time: usesDatetime, year: false })];
    case 'list':
      return value as string[];
    case 'gender':
    case 'boolean':
    case 'number':
    case 'amount':
      return [];
    default:
      return entry.source.includes(`mask ${path}`) ? [mask(value)] : [String(value)];
  }
}

/** Sample data that must never reach a customer when the fact was not given. */
function samplesOf(entry: TemplateEntry, omitted: readonly string[]): string[] {
  const out = new Set<string>();
  for (const path of omitted) {
    if (path.startsWith('customer.')) continue;
    for (const locale of TEMPLATE_LOCALES) for (const text of shown(entry, path, locale)) if (text.length >= 2) out.add(text);
  }
  if (omitted.includes('customer.name')) for (const name of ['王芳', '王女士', '王先生', 'Emily', 'Chen']) out.add(name);
  return [...out];
}

/** Names and numbers of the examples (and the action tests' shop): never in a reply given no facts. */
const IDENTITY_SAMPLES = ['王芳', '王女士', 'Emily', 'Chen', '小雅', 'Grace', '花间', '花間', 'Blossom', '花语', '1024', '250518093512', 'SF1402283726513', '顺丰', '順豐', 'SF Express'];

/** What a reply must not look like: placeholders, code values, gaps and dangling punctuation. */
function problemsOf(text: string, samples: readonly string[]): string[] {
  const problems: string[] = [];
  if (text.trim() === '') problems.push('empty');
  if (text !== text.trim()) problems.push('leading or trailing space');
  if (/\{\{|\}\}/.test(text)) problems.push('a handlebars mustache');
  const code = /\b(?:undefined|null|NaN)\b|\[object/.exec(text);
  if (code) problems.push(`"${code[0]}"`);
  if (/ {2}/.test(text)) problems.push('a double space');
  if (/^[\s，。、；：！？,.;:!?~）)」—]/.test(text)) problems.push('starts with punctuation');
  const gap = /（）|\(\)|「」|""|“”|[，、；：,;:]\s*[，。、；：！？,.;:!?]|。[，。]|\s[,.;:!?)]|[（(「]\s|\s[）」]|[是由为于][，。、；！？]/.exec(text);
  if (gap) problems.push(`a gap: "${gap[0]}"`);
  for (const sample of samples) if (text.includes(sample)) problems.push(`sample data "${sample}"`);
  return problems;
}

const label = (entry: TemplateEntry) => `${entry.id} (${entry.locale})`;
const withoutRequired = entries.filter((entry) => requiredOf(entry).length === 0);
const withRequired = entries.filter((entry) => requiredOf(entry).length > 0);

describe('every template × locale renders without its optional facts', () => {
  it('the templates that still need facts are exactly the listed ones, with the listed variables', () => {
    const actual = Object.fromEntries([...byId.values()].filter((e) => requiredOf(e).length > 0).map((e) => [e.id, requiredOf(e)]));
    const listed = Object.fromEntries(Object.entries(STILL_REQUIRED).map(([id, { variables }]) => [id, variables]));
    expect(actual).toEqual(listed);
    // The same in every locale: a locale never needs more than another.
    for (const entry of entries) expect(requiredOf(entry), label(entry)).toEqual(STILL_REQUIRED[entry.id]?.variables ?? []);
  });

  it('every template is in all three locales (192 renders are checked)', () => {
    expect(entries).toHaveLength(byId.size * 3);
    expect(byId.size).toBeGreaterThanOrEqual(64);
  });

  it.each(withoutRequired.map((entry) => [label(entry), entry] as const))('%s: render(id, {}) says something whole', (_, entry) => {
    const text = catalogue.render(entry.id, {}, { locale: entry.locale });
    expect(problemsOf(text, [...IDENTITY_SAMPLES, ...samplesOf(entry, optionalOf(entry))]), text).toEqual([]);
  });

  it.each(withRequired.map((entry) => [label(entry), entry] as const))(
    '%s: without facts it names exactly its required variables; with only those it says something whole',
    (_, entry) => {
      let error: unknown;
      try {
        catalogue.render(entry.id, {}, { locale: entry.locale });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(HuashuError);
      expect((error as HuashuError).code).toBe('MISSING_VARIABLE');
      expect((error as HuashuError).issues.map((issue) => issue.path)).toEqual(requiredOf(entry));
      const text = catalogue.render(entry.id, varsFor(entry, requiredOf(entry)), { locale: entry.locale });
      expect(problemsOf(text, samplesOf(entry, optionalOf(entry))), text).toEqual([]);
      for (const path of requiredOf(entry)) for (const value of shown(entry, path, entry.locale)) expect(text).toContain(value);
    },
  );

  it.each(Object.keys(STILL_REQUIRED).map((id) => [id] as const))(
    '%s: another template of its intent and stage renders without facts (or it is chosen by id only)',
    (id) => {
      const template = byId.get(id)!;
      for (const intent of template.intents) {
        const others = [...byId.values()].filter(
          (e) => e.id !== id && e.stage === template.stage && e.intents.includes(intent) && requiredOf(e).length === 0,
        );
        expect(others.map((e) => e.id), `${id}: ${intent}`).not.toEqual([]);
      }
    },
  );
});

describe('partial facts: every combination of optional facts renders whole', () => {
  it.each(entries.map((entry) => [label(entry), entry] as const))('%s', (_, entry) => {
    const optional = optionalOf(entry);
    expect(optional.length, 'combinations stay few').toBeLessThanOrEqual(8);
    for (let mask = 0; mask < 1 << optional.length; mask++) {
      const given = optional.filter((_, i) => (mask & (1 << i)) !== 0);
      const omitted = optional.filter((path) => !given.includes(path));
      const text = catalogue.render(entry.id, varsFor(entry, [...requiredOf(entry), ...given]), { locale: entry.locale });
      expect(problemsOf(text, samplesOf(entry, omitted)), `${given.join(', ') || 'none'}: ${text}`).toEqual([]);
    }
  });
});

describe('with every fact known the wording is unchanged: each fact is said', () => {
  it.each(entries.map((entry) => [label(entry), entry] as const))('%s', (_, entry) => {
    const text = catalogue.render(entry.id, varsFor(entry, Object.keys(entry.variables)), { locale: entry.locale });
    expect(text).toBe(catalogue.example(entry.id, entry.locale));
    for (const path of Object.keys(entry.variables)) {
      if (path.startsWith('customer.')) continue;
      for (const value of shown(entry, path, entry.locale)) expect(text, path).toContain(value);
    }
    // The honorific uses the name and gender when both are known.
    if ('customer.name' in entry.variables) expect(text).toMatch(entry.locale === 'en' ? /Ms Chen/ : /王女士/);
  });
});

describe('the wording rules hold without facts', () => {
  const bare = (entry: TemplateEntry) => catalogue.render(entry.id, varsFor(entry, requiredOf(entry)), { locale: entry.locale });
  const BARE_SHIPPED = { 'zh-Hans': /(?<!仓库)已发货|已经发货/, 'zh-Hant': /(?<!倉庫)已發貨|已經發貨/, en: /\b(?:has|have|had|was|been)\s+(?:been\s+)?shipped\b/i };
  const PROMISES = { 'zh-Hans': /保证|一定|100%|百分之百|肯定/, 'zh-Hant': /保證|一定|100%|百分之百|肯定/, en: /guarantee|definitely|certainly|100%|promise you/i };

  it('only shipping/carrier-shipped says the order has shipped; no shipping reply promises a date', () => {
    for (const entry of entries) {
      const text = bare(entry);
      if (entry.id !== 'shipping/carrier-shipped') expect(text, label(entry)).not.toMatch(BARE_SHIPPED[entry.locale]);
      if (entry.id.startsWith('shipping/')) expect(text, label(entry)).not.toMatch(PROMISES[entry.locale]);
    }
  });

  it('shipping/not-shipped without a date claims no shipping state (its `when` holds when no order facts are known)', () => {
    expect(catalogue.select({ intent: { id: 'order.logistics' } }, {}).map((m) => m.id)).toContain('shipping/not-shipped');
    expect(catalogue.render('shipping/not-shipped', {})).not.toMatch(/打包|准备中|发出|尽快/);
    expect(catalogue.render('shipping/not-shipped', {}, { locale: 'zh-Hant' })).not.toMatch(/打包|準備中|發出|儘快/);
    expect(catalogue.render('shipping/not-shipped', {}, { locale: 'en' })).not.toMatch(/packed|leave our warehouse|as soon as/);
  });

  it('a transfer to a human works without an agent name, and names the agent when known', () => {
    expect(catalogue.render('answer/human_agent', {})).toBe(
      '亲，您好，请您稍等，我马上为您转接人工客服。您也可以先简单描述一下遇到的问题，方便人工客服更快为您处理。',
    );
    expect(catalogue.render('answer/human_agent', {}, { locale: 'zh-Hant' })).toContain('轉接人工客服');
    expect(catalogue.render('answer/human_agent', {}, { locale: 'en' })).toContain('transfer you to one of our customer service agents');
    expect(catalogue.render('answer/human_agent', { agent: { name: '小周' } })).toContain('我是人工客服小周');
  });

  it('an empty string is no fact: the wording without it, never an empty slot', () => {
    expect(catalogue.render('answer/human_agent', { agent: { name: '' } })).toBe(catalogue.render('answer/human_agent', {}));
    expect(catalogue.render('answer/order.special_request', { request: { details: '' } })).not.toContain('（）');
    expect(catalogue.render('answer/order.logistics', { order: { carrier: '', trackingNumber: '' } }, { locale: 'en' })).toBe(
      catalogue.render('answer/order.logistics', {}, { locale: 'en' }),
    );
  });

  it('without the number it needs, a reply asks for it; with an order number it checks that order', () => {
    for (const id of ['answer/order.logistics', 'answer/order.status', 'shipping/not-shipped']) {
      expect(catalogue.render(id, {}), id).toContain('订单号');
      expect(catalogue.render(id, {}, { locale: 'en' }), id).toMatch(/order number/);
      const known = catalogue.render(id, { order: { id: '880011' } });
      expect(known, id).toContain('订单880011');
      expect(known, id).not.toContain('订单号');
    }
  });

  it('out of scope and did-not-catch both exist in every locale; answer/other asks the customer to say more', () => {
    for (const locale of TEMPLATE_LOCALES) {
      for (const id of ['situation/out-of-scope', 'situation/did-not-catch', 'answer/other']) {
        expect(catalogue.get(id, locale), `${id} ${locale}`).toBeDefined();
      }
      const other = catalogue.render('answer/other', {}, { locale });
      const outOfScope = catalogue.render('situation/out-of-scope', {}, { locale });
      expect(other).not.toBe(outOfScope);
      // The redirect says the request is outside the shop's business; the clarification never does.
      expect(outOfScope).toMatch(/服务范围|服務範圍|outside/);
      expect(other).not.toMatch(/服务范围|服務範圍|outside|不属于|不屬於/);
      expect(other).toMatch(/[？?]$/);
      expect(catalogue.render('situation/did-not-catch', {}, { locale })).toMatch(/[？?]$/);
    }
    expect(byId.get('answer/other')!.stage).toBe('clarify');
    expect(byId.get('situation/did-not-catch')!.stage).toBe('clarify');
  });
});

describe('the checks are not vacuous', () => {
  it.each([
    ['', 'empty'],
    ['亲，由配送，运单号是，', 'a gap'],
    ['Dear customer, the  item', 'a double space'],
    ['，您好', 'starts with punctuation'],
    ['您的要求（）已备注', 'a gap'],
    ['order undefined is ready', '"undefined"'],
    ['[object Object]', '"[object"'],
    ['亲，{{agent.name}}为您服务', 'a handlebars mustache'],
    ['王女士，您好', 'sample data "王女士"'],
    ['Hello , there', 'a gap'],
  ])('%j → %s', (text, expected) => {
    const problems = problemsOf(text, IDENTITY_SAMPLES);
    if (expected === undefined) expect(problems).toEqual([]);
    else expect(problems.some((p) => p.startsWith(expected)), problems.join('; ')).toBe(true);
  });
});
