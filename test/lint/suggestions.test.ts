/**
 * The linter's default suggestions: sentences generated at build time from the built-in templates
 * with neutral variables (no sample name, date or order number), and the `{ suggest }` extension.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HuashuError } from '../../src/errors.js';
import type { SupportedLocale } from '../../src/language/index.js';
import { createLinter } from '../../src/lint/linter.js';
import { builtInSuggestion, type SuggestionResolver } from '../../src/lint/suggestions.js';
import type { LintContext } from '../../src/lint/types.js';
import { createTemplateCatalogue } from '../../src/templates/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LOCALES: readonly SupportedLocale[] = ['zh-Hans', 'zh-Hant', 'en'];

/** Replies that make each suggesting rule suggest, in each locale. */
const TRIGGERS: Array<{ reply: string; context: Omit<LintContext, 'locale'> }> = [
  { reply: '请问什么事', context: { conversation: [] } },
  {
    reply: '好的，再见',
    context: {
      conversation: [
        { role: 'agent', text: '您好' },
        { role: 'customer', text: '好的谢谢' },
      ],
    },
  },
  { reply: '保证明天到', context: { facts: { order: { deliveryUncertain: true } } } },
  { reply: '已经发货了', context: { facts: { order: { shipped: false } } } },
  { reply: '已发货', context: { facts: { order: { shipped: true, carrierScan: false } } } },
  { reply: '不是告诉你了吗，大点声，你到XX部门问问吧，着什么急，不知道。', context: {} },
];

function categoryTemplates(): string[] {
  const file = JSON.parse(readFileSync(join(root, 'rules', 'lint', 'categories.json'), 'utf8')) as {
    categories: Record<string, { template: string }>;
  };
  return Object.values(file.categories).map((c) => c.template);
}

describe('default suggestions', () => {
  it('cover every template the built-in rules suggest, in every locale', () => {
    const asked = new Set<string>();
    const recording: SuggestionResolver = (templateId, locale) => {
      asked.add(templateId);
      return builtInSuggestion(templateId, locale);
    };
    const linter = createLinter({}, { suggest: recording });
    for (const locale of LOCALES)
      for (const { reply, context } of TRIGGERS) {
        const { findings } = linter.lint(reply, { ...context, locale });
        for (const finding of findings)
          if (finding.data?.template !== undefined)
            expect(finding.suggestions, `${finding.ruleId} ${finding.data.template} ${locale}`).toHaveLength(
              1,
            );
      }
    expect([...asked].sort()).toEqual(
      expect.arrayContaining([
        'opening/chat',
        'situation/anything-else',
        'shipping/leave-room',
        'shipping/not-shipped',
        'shipping/warehouse-dispatched',
      ]),
    );
    for (const id of new Set([...asked, ...categoryTemplates()]))
      for (const locale of LOCALES) expect(builtInSuggestion(id, locale), `${id} ${locale}`).toBeTruthy();
  });

  it('are the default of createLinter, in the reply locale', () => {
    const linter = createLinter();
    const greet = (locale: SupportedLocale) =>
      linter.lint('请问什么事', { conversation: [], locale }).findings[0]?.suggestions?.[0]?.text;
    expect(greet('zh-Hans')).toBe(builtInSuggestion('opening/chat', 'zh-Hans'));
    expect(greet('zh-Hans')).toMatch(/^亲，您好/);
    expect(greet('zh-Hant')).toMatch(/^親，您好/);
    expect(greet('en')).toMatch(/^Dear customer, hello/);
  });

  it('carry no sample value of the templates they come from', () => {
    const catalogue = createTemplateCatalogue();
    const ids = new Set([
      ...categoryTemplates(),
      'opening/chat',
      'shipping/leave-room',
      'shipping/not-shipped',
    ]);
    for (const id of ids)
      for (const locale of LOCALES) {
        const sentence = builtInSuggestion(id, locale)!;
        expect(sentence).not.toContain('{{');
        expect(sentence).not.toMatch(/王|女士|先生|Ms |Mr |Emily|Chen|20\d\d|\d+月\d+日|May \d/);
        // The sample rendering of the same template does carry them: the check is not vacuous.
        expect(catalogue.example(id, locale)).not.toBe(sentence);
      }
    expect(builtInSuggestion('shipping/not-shipped', 'zh-Hans')).toContain('约定的发货日期');
    expect(builtInSuggestion('shipping/not-shipped', 'en')).toContain('by the promised dispatch date');
    // A template whose variable is optional behind {{#if}}: the neutral text takes the guarded branch.
    expect(builtInSuggestion('shipping/leave-room', 'zh-Hans')).toContain('由于近期的物流状况');
    expect(builtInSuggestion('situation/cannot-answer-now', 'zh-Hant')).toContain('會在約定的時間前');
    expect(builtInSuggestion('situation/cannot-answer-now', 'en')).toContain('by the agreed time');
  });

  it('are undefined for other ids, and refuse what is not an id or a locale', () => {
    for (const id of ['answer/ack', 'no/such', '__proto__', 'constructor', ''])
      expect(builtInSuggestion(id, 'zh-Hans')).toBeUndefined();
    for (const [id, locale] of [
      [42, 'zh-Hans'],
      [null, 'en'],
      ['opening/chat', 'fr'],
      ['opening/chat', undefined],
    ] as const) {
      const call = () => builtInSuggestion(id as never, locale as never);
      expect(call).toThrow(HuashuError);
      expect(call).toThrow(/builtInSuggestion\(templateId, locale\)/);
    }
  });
});

describe('createLinter(options, { suggest })', () => {
  it('uses the given resolver, and gives no suggestion where it returns undefined', () => {
    const reply = '你到XX部门问问吧';
    const own = createLinter({}, { suggest: (id, locale) => `${id} in ${locale}` }).lint(reply);
    expect(own.findings[0]!.suggestions).toEqual([{ text: 'situation/take-ownership in zh-Hans' }]);
    const none = createLinter({}, { suggest: () => undefined }).lint(reply);
    expect(none.findings[0]!.suggestions).toBeUndefined();
    expect(none.findings[0]!.messageId).toBe('deflection');
  });

  it('refuses a resolver passed the old way, and unknown keys, with INVALID_OPTIONS saying what to pass', () => {
    const error = (() => {
      try {
        createLinter({}, (() => 'x') as never);
      } catch (e) {
        return e as HuashuError;
      }
      throw new Error('expected a HuashuError');
    })();
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.message).toContain('{ suggest }');
    expect(() => createLinter({}, { suggestion: () => 'x' } as never)).toThrow(/unknown key "suggestion"/);
  });
});

describe('the linter does not load the template engine', () => {
  it('no module under src/lint imports from src/templates', () => {
    const dir = join(root, 'src', 'lint');
    const offenders: string[] = [];
    for (const name of readdirSync(dir, { recursive: true }) as string[]) {
      if (!name.endsWith('.ts')) continue;
      const source = readFileSync(join(dir, name), 'utf8');
      for (const match of source.matchAll(/from '([^']+)'/g))
        if (/(^|\/)templates\//.test(match[1]!))
          offenders.push(`${relative(root, join(dir, name))}: ${match[1]}`);
    }
    expect(offenders).toEqual([]);
  });
});
