import { describe, expect, it } from 'vitest';
import { createTemplateCatalogue } from '../../src/templates/index.js';
import { mask } from '../../src/templates/mask.js';
import { INTENT_IDS, LINT_SUGGESTION_TEMPLATE_IDS, LOCALES, SITUATION_TEMPLATE_IDS } from './ids.js';

const catalogue = createTemplateCatalogue();
const entries = catalogue.list();
const ids = [...new Set(entries.map((e) => e.id))];

describe('catalogue coverage', () => {
  it.each(SITUATION_TEMPLATE_IDS)('%s exists in every locale', (id) => {
    for (const locale of LOCALES) expect(catalogue.get(id, locale), `${id} ${locale}`).toBeDefined();
  });

  it.each(INTENT_IDS)('answer/%s exists in every locale and answers that intent', (intent) => {
    for (const locale of LOCALES) {
      const entry = catalogue.get(`answer/${intent}`, locale);
      expect(entry, `answer/${intent} ${locale}`).toBeDefined();
      expect(entry!.intents).toContain(intent);
    }
  });

  it('every template is in all three locales: one list entry per template and locale', () => {
    expect(entries).toHaveLength(ids.length * 3);
    for (const id of ids) {
      expect(entries.filter((e) => e.id === id).map((e) => e.locale)).toEqual([...LOCALES]);
    }
  });

  it('templates only answer intents of the domain', () => {
    for (const entry of entries) {
      for (const intent of entry.intents) expect(INTENT_IDS as readonly string[]).toContain(intent);
    }
  });

  it('every lint suggestion template has an example in every locale', () => {
    for (const id of LINT_SUGGESTION_TEMPLATE_IDS) {
      for (const locale of LOCALES) expect(catalogue.example(id, locale)?.length ?? 0).toBeGreaterThan(10);
    }
  });
});

describe('every template renders with its example variables', () => {
  it.each(entries.map((e) => [e.id, e.locale, e] as const))('%s (%s)', (id, locale, entry) => {
    const text = catalogue.render(id, entry.example as Record<string, unknown>, { locale });
    expect(text.trim().length).toBeGreaterThan(8);
    expect(text).not.toContain('{{');
    expect(text).not.toContain('}}');
    expect(text).not.toMatch(/undefined|null|\[object Object\]/);
    // Every declared variable's example shows up (helpers may reformat dates, names, lists).
    for (const [path, declaration] of Object.entries(entry.variables)) {
      if (declaration.type !== 'text' || path.startsWith('customer.')) continue;
      const value = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], entry.example);
      // Masked variables (an address) show up masked.
      expect(text, path).toContain(entry.source.includes(`mask ${path}`) ? mask(value) : (value as string));
    }
    expect(catalogue.example(id, locale)).toBe(text);
  });

  it('the example is complete: every declared variable has a value', () => {
    for (const entry of entries) {
      for (const path of Object.keys(entry.variables)) {
        const value = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], entry.example);
        expect(value, `${entry.id} ${entry.locale} ${path}`).not.toBeUndefined();
      }
    }
  });

  it('Chinese versions use the shops’ register (亲 or 先生/女士, and 您); English ones address the customer', () => {
    for (const entry of entries) {
      const name = entry.variables['customer.name'];
      // Without a name the address falls back to 亲 / "Dear customer"; a required name gives 王女士.
      const vars = name?.optional ? { ...entry.example, customer: {} } : entry.example;
      const text = catalogue.render(entry.id, vars as Record<string, unknown>, { locale: entry.locale });
      if (entry.locale === 'en') {
        if (name === undefined) expect(text, entry.id).toMatch(/^Hello, /);
        else expect(text, entry.id).toMatch(name.optional ? /^Dear customer, / : /\bMs Chen\b/);
      } else {
        expect(text, entry.id).toContain('您');
        if (name !== undefined) expect(text, entry.id).toMatch(name.optional ? /[亲親]/ : /王女士/);
      }
    }
  });
});

describe('list, get and example', () => {
  it.each([
    [{ intent: 'order.ship_time' }, (e: (typeof entries)[number]) => e.intents.includes('order.ship_time')],
    [{ stage: 'closing' as const }, (e: (typeof entries)[number]) => e.stage === 'closing'],
    [{ locale: 'zh-Hant' as const }, (e: (typeof entries)[number]) => e.locale === 'zh-Hant'],
    [{ channel: 'phone' as const }, (e: (typeof entries)[number]) => e.channels.includes('phone')],
  ])('list(%j) keeps exactly the matching entries', (filter, keep) => {
    const listed = catalogue.list(filter);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed).toEqual(entries.filter(keep));
  });

  it('list entries carry id, locale, stage, intents, channels, variables and a complete example', () => {
    const entry = catalogue.list({ locale: 'en' }).find((e) => e.id === 'shipping/carrier-shipped')!;
    expect(entry).toMatchObject({
      id: 'shipping/carrier-shipped',
      locale: 'en',
      stage: 'answer',
      channels: ['chat', 'phone', 'email', 'social'],
    });
    expect(entry.variables['order.trackingNumber']).toMatchObject({ type: 'text' });
    expect(entry.example).toMatchObject({ order: { carrier: 'SF Express', trackingNumber: 'SF1402283726513' } });
    expect(Object.isFrozen(entry.example)).toBe(true);
  });

  it.each([[{ stage: 'middle' }], [{ locale: 'fr' }], [{ colour: 'red' }], ['answer']])(
    'list(%j) rejects a bad filter with INVALID_INPUT',
    (filter) => {
      expect(() => catalogue.list(filter as never)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    },
  );

  it('get() returns undefined for an unknown id, example() too', () => {
    expect(catalogue.get('nope/nothing', 'en')).toBeUndefined();
    expect(catalogue.example('nope/nothing', 'en')).toBeUndefined();
    expect(catalogue.get('opening/chat')?.locale).toBe('zh-Hans');
  });

  it('the default locale of a catalogue applies to get, example and render', () => {
    const en = createTemplateCatalogue([], { defaultLocale: 'en' });
    expect(en.get('opening/chat')?.locale).toBe('en');
    expect(en.render('opening/chat')).toBe('Dear customer, hello and welcome! How may I help you today?');
    expect(en.example('opening/chat')).toMatch(/^Dear Ms Chen/);
  });
});
