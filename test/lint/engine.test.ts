import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant/index.js';
import { applyFixes } from '../../src/lint/fixes.js';
import { createLinter } from '../../src/lint/linter.js';
import { defineRule, interpolate, type Rule } from '../../src/lint/rule.js';
import { lintRules } from '../../src/lint/rule-list.js';
import { builtInReader } from '../../src/lint/built-in-data.js';
import { skeletonToOriginal } from '../../src/lint/skeleton.js';
import type { Finding } from '../../src/lint/types.js';
import { thrown } from '../helpers/thrown.js';

describe('skeleton', () => {
  const table = [
    { input: '您 好，亲！', skeleton: '你好' },
    { input: '這是規定呢，我有什麼辦法啊', skeleton: '这是规定我有什么办法' },
    { input: '不 知 道。', skeleton: '不知道' },
    { input: '亲自送到，母亲节快乐', skeleton: '亲自送到母亲节快乐' },
    { input: '亲亲，在的哦', skeleton: '在的' },
    { input: "I DON'T know", skeleton: 'idontknow' },
    { input: 'ｎｏｔ－ｍｙ－ｐｒｏｂｌｅｍ', skeleton: 'notmyproblem' },
    { input: '100% 纯棉', skeleton: '100%纯棉' },
    { input: '', skeleton: '' },
    { input: '，。！？ ～', skeleton: '' },
  ] as const;
  it.each(table)('$input → $skeleton', ({ input, skeleton }) => {
    expect(builtInReader().skeletonOf(input).text).toBe(skeleton);
  });

  it('maps skeleton ranges back to the original reply', () => {
    const original = '亲，您 到 ＸＸ 部門，問問吧！';
    const skeleton = builtInReader().skeletonOf(original);
    expect(skeleton.text).toBe('你到xx部门问问');
    const [start, end] = skeletonToOriginal(skeleton, 0, skeleton.text.length);
    expect(original.slice(start, end)).toBe('您 到 ＸＸ 部門，問問');
    const [s2, e2] = skeletonToOriginal(skeleton, 2, 4);
    expect(original.slice(s2, e2)).toBe('ＸＸ');
  });

  it('records sentence, clause and word breaks', () => {
    const skeleton = builtInReader().skeletonOf('好的 亲爱的。I do not know, ok');
    // 好的 | 亲爱的 (space between Han: clause) | 。 (sentence) | words (word breaks) | , (clause)
    expect(skeleton.text).toBe('好的亲爱的idonotknowok');
    expect(skeleton.breaks[2]).toBe(2);
    expect(skeleton.breaks[5]).toBe(3);
    expect(skeleton.breaks[6]).toBe(1);
    expect(skeleton.breaks[skeleton.text.length - 2]).toBe(2);
    expect(skeleton.breaks[skeleton.text.length]).toBe(3);
  });
});

describe('interpolate', () => {
  const table = [
    { text: '“{{text}}”', data: { text: '不知道' }, out: '“不知道”' },
    { text: '{{ text }} / {{other}}', data: { text: 'a' }, out: 'a / {{other}}' },
    { text: 'no placeholders', data: { text: 'a' }, out: 'no placeholders' },
    { text: '{{text}}', data: undefined, out: '{{text}}' },
  ];
  it.each(table)('$text', ({ text, data, out }) => {
    expect(interpolate(text, data)).toBe(out);
  });
});

const messages = {
  found: { 'zh-Hans': '发现“{{text}}”', 'zh-Hant': '發現“{{text}}”', en: 'found “{{text}}”' },
};

/** A rule reporting every occurrence of "bad", with whatever extras the test asks for. */
function badWordRule(
  meta: Partial<Rule['meta']>,
  extra: (range: [number, number]) => object = () => ({}),
): Rule {
  return defineRule({
    meta: {
      id: 'bad-word',
      category: 'wording',
      docs: { description: 'reports "bad"', url: 'rules/lint/README.md#bad-word' },
      defaultSeverity: 'error',
      messages,
      ...meta,
    },
    create(context) {
      return {
        'reply:exit'() {
          const text = context.reply.text;
          for (let at = text.indexOf('bad'); at >= 0; at = text.indexOf('bad', at + 1)) {
            const range: [number, number] = [at, at + 3];
            context.report({ messageId: 'found', data: { text: 'bad' }, range, ...extra(range) });
          }
        },
      };
    },
  });
}

describe('defineRule', () => {
  it('returns the rule, frozen', () => {
    const rule = badWordRule({});
    expect(rule.meta.id).toBe('bad-word');
    expect(Object.isFrozen(rule.meta)).toBe(true);
  });

  it('rejects a malformed rule, listing every problem', () => {
    const error = thrown(() =>
      defineRule({
        meta: {
          id: 'Bad Id',
          category: 'wording',
          docs: { description: '', url: 'x' },
          defaultSeverity: 'error',
          messages: { found: { 'zh-Hans': 'x', en: 'x' } as never },
        },
        create: 'nope' as never,
      }),
    );
    expect(error.code).toBe('INVALID_RULES');
    const paths = error.issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining(['meta.id', 'meta.docs.description', 'meta.messages.found.zh-Hant', 'create']),
    );
  });
});

describe('the core checks what rules report (like eslint)', () => {
  it('refuses a fix from a rule that does not declare fixable', () => {
    const rule = badWordRule({}, (range) => ({ fix: { range, text: 'good' } }));
    const linter = createLinter({}, { extraRules: [rule] });
    const error = thrown(() => linter.lint('a bad reply'));
    expect(error.code).toBe('INVALID_RULES');
    expect(error.message).toContain('meta.fixable');
  });

  it('accepts the same fix once the rule declares fixable', () => {
    const rule = badWordRule({ fixable: true }, (range) => ({ fix: { range, text: 'good' } }));
    const result = createLinter({}, { extraRules: [rule] }).lint('a bad, bad reply');
    expect(applyFixes('a bad, bad reply', result.findings).text).toBe('a good, good reply');
  });

  it('refuses suggestions from a rule without hasSuggestions', () => {
    const rule = badWordRule({}, () => ({ suggestions: [{ text: 'good' }] }));
    expect(thrown(() => createLinter({}, { extraRules: [rule] }).lint('bad')).message).toContain(
      'hasSuggestions',
    );
  });

  it('refuses an unknown messageId and a range outside the reply', () => {
    const unknown = defineRule({
      ...badWordRule({}),
      create: (context) => ({ 'reply:exit': () => context.report({ messageId: 'nope', range: [0, 0] }) }),
    });
    expect(thrown(() => createLinter({}, { extraRules: [unknown] }).lint('x')).message).toContain(
      'unknown messageId',
    );
    const outside = defineRule({
      ...badWordRule({}),
      create: (context) => ({ 'reply:exit': () => context.report({ messageId: 'found', range: [0, 99] }) }),
    });
    expect(thrown(() => createLinter({}, { extraRules: [outside] }).lint('x')).message).toContain(
      'outside the reply',
    );
  });

  it('interpolates messages in the reply locale, or the configured one', () => {
    const rule = badWordRule({});
    const only = { rules: Object.fromEntries(lintRules.map((r) => [r.id, 'off' as const])) };
    expect(createLinter(only, { extraRules: [rule] }).lint('这是bad的').findings[0]!.message).toBe(
      '发现“bad”',
    );
    expect(createLinter(only, { extraRules: [rule] }).lint('這個bad嗎').findings[0]!.message).toBe(
      '發現“bad”',
    );
    expect(createLinter(only, { extraRules: [rule] }).lint('a bad one').findings[0]!.message).toBe(
      'found “bad”',
    );
    expect(
      createLinter({ ...only, messageLocale: 'en' }, { extraRules: [rule] }).lint('这是bad的').findings[0]!
        .message,
    ).toBe('found “bad”');
    expect(
      createLinter(only, { extraRules: [rule] }).lint('这是bad的', { locale: 'zh-Hant' }).findings[0]!
        .message,
    ).toBe('發現“bad”');
  });
});

describe('createLinter options', () => {
  it('lists every rule with its configured severity', () => {
    const linter = createLinter({ rules: { 'no-overpromise': 'off', 'greet-first': 'error' } });
    expect(linter.rules.map((r) => r.id)).toEqual(lintRules.map((r) => r.id));
    expect(linter.rules.find((r) => r.id === 'no-overpromise')!.severity).toBe('off');
    expect(linter.rules.find((r) => r.id === 'greet-first')!.severity).toBe('error');
    expect(linter.rules.find((r) => r.id === 'no-forbidden-phrase')!.severity).toBe('error');
  });

  it('rejects unknown rules, bad severities and unknown keys, listing each', () => {
    const error = thrown(() => createLinter({ rules: { 'no-such-rule': 'warn', 'no-pii': 'off' } }));
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.issues.map((i) => i.path)).toEqual(['rules.no-such-rule', 'rules.no-pii']);
    const bad = thrown(() => createLinter({ rules: { 'no-overpromise': 2 as never }, extra: true } as never));
    expect(bad.code).toBe('INVALID_OPTIONS');
    expect(bad.issues.map((i) => i.path).sort()).toEqual(['', 'rules.no-overpromise'].sort());
  });

  it('turns rules off and caps them at warn', () => {
    const reply = '你到XX部门问问吧';
    expect(createLinter({ rules: { 'no-forbidden-phrase': 'off' } }).lint(reply).findings).toEqual([]);
    const warned = createLinter({ rules: { 'no-forbidden-phrase': 'warn' } }).lint(reply);
    expect(warned).toMatchObject({ errorCount: 0, warningCount: 1, findings: [{ severity: 'warn' }] });
  });

  it('keeps a rule’s own warnings as warnings when configured as error', () => {
    const result = createLinter({ rules: { 'no-overpromise': 'error' } }).lint('保证明天到');
    expect(result.findings.map((f) => f.severity)).toEqual(['warn']);
  });

  it('drops findings inside an allowed phrase (folded like replies)', () => {
    const reply = '这个真没办法。我也没办法。';
    expect(
      createLinter()
        .lint(reply)
        .findings.map((f) => f.actual),
    ).toEqual(['真没办法', '我也没办法']);
    const linter = createLinter({ allow: ['這個真沒辦法'] });
    expect(linter.lint(reply).findings.map((f) => f.actual)).toEqual(['我也没办法']);
    expect(thrown(() => createLinter({ allow: ['，。！'] })).code).toBe('INVALID_OPTIONS');
  });

  it('runs the conversation rules only with a conversation', () => {
    const linter = createLinter();
    expect(linter.lint('好的').findings).toEqual([]);
    expect(linter.lint('好的', { conversation: [] }).findings.map((f) => f.ruleId)).toEqual(['greet-first']);
  });

  it('validates the reply and the context', () => {
    const linter = createLinter();
    expect(thrown(() => linter.lint(42 as never)).code).toBe('INVALID_INPUT');
    expect(thrown(() => linter.lint('ok', { fact: {} } as never)).code).toBe('INVALID_INPUT');
    const facts = thrown(() => linter.lint('ok', { facts: { order: { shipped: 'yes' } } } as never));
    expect(facts.issues.map((i) => i.path)).toEqual(['facts.order.shipped']);
    expect(thrown(() => linter.lint('ok', { locale: 'fr' } as never)).code).toBe('INVALID_INPUT');
  });
});

describe('phrase packs', () => {
  const shopPack = {
    name: 'shop-words',
    phrases: [
      {
        id: 'no-dear',
        category: 'custom' as const,
        patterns: ['亲爱哒'],
        note: '本店不用网络用语',
        examples: ['是的哦 亲爱哒'],
        counterExamples: ['亲爱的顾客您好'],
      },
      {
        category: 'deflection' as const,
        patterns: ['归(客服|售后)(小二|)管'],
        examples: ['这个归售后管吧'],
      },
    ],
  };

  it('adds phrases to a rule, with the category, note and suggestion', () => {
    const linter = createLinter({ packs: [shopPack] }, { suggest: (id, locale) => `${id}@${locale}` });
    const result = linter.lint('是的哦 親愛噠，這個歸售後管吧');
    expect(result.findings.map((f) => [f.messageId, f.actual, f.data?.phrase])).toEqual([
      ['custom', '親愛噠', 'no-dear'],
      ['deflection', '歸售後管', 'shop-words#packs[0].phrases[1]'],
    ]);
    expect(result.findings[0]!.message).toBe('店鋪禁用語：“親愛噠” — 本店不用网络用语');
    expect(result.findings[1]!.suggestions).toEqual([{ text: 'situation/take-ownership@zh-Hant' }]);
  });

  it('adds phrases to no-overpromise', () => {
    const pack = {
      name: 'promises',
      rule: 'no-overpromise' as const,
      phrases: [{ patterns: ['包邮包到'], examples: ['包邮包到家'] }],
    };
    const result = createLinter({ packs: [pack] }).lint('包邮包到家', {
      facts: { order: { deliveryUncertain: true } },
    });
    expect(result.findings.map((f) => [f.ruleId, f.messageId])).toEqual([['no-overpromise', 'uncertain']]);
  });

  it('checks each entry against its examples and counter-examples, listing every problem', () => {
    const broken = {
      name: 'broken',
      phrases: [
        { category: 'scolding', patterns: ['笨蛋'], examples: ['你真聪明'], counterExamples: ['笨蛋才这样'] },
        { category: 'scolding', patterns: ['(a|b'], examples: ['a'] },
        { category: 'scolding', patterns: ['亲呢'], examples: ['亲呢'] },
        { category: 'scolding', patterns: ['蠢'], unlessLater: ['@no-such-list'], examples: ['蠢'] },
      ],
    };
    const error = thrown(() => createLinter({ packs: [broken as never] }));
    expect(error.code).toBe('INVALID_RULES');
    expect(error.issues.map((i) => i.path)).toEqual(['packs[0].phrases[1].patterns[0]']);
    // Once the schema passes, compile and example problems are listed together.
    const compiles = { ...broken, phrases: [broken.phrases[0], broken.phrases[2], broken.phrases[3]] };
    const second = thrown(() => createLinter({ packs: [compiles as never] }));
    expect(second.issues.map((i) => `${i.file}: ${i.path}`)).toEqual([
      'broken: packs[0].phrases[1].patterns[0]',
      'broken: packs[0].phrases[2].unlessLater[0]',
      'broken: packs[0].phrases[0].examples[0]',
      'broken: packs[0].phrases[0].counterExamples[0]',
    ]);
  });

  it('rejects a pack without examples or with a category on the wrong rule', () => {
    const error = thrown(() =>
      createLinter({
        packs: [
          { name: 'p', phrases: [{ category: 'scolding', patterns: ['x'] }] },
          {
            name: 'q',
            rule: 'no-overpromise',
            phrases: [{ category: 'scolding', patterns: ['x'], examples: ['x'] }],
          },
        ] as never,
      }),
    );
    expect(error.issues.map((i) => i.path)).toEqual([
      'packs[0].phrases[0].examples',
      'packs[1].phrases[0].category',
    ]);
  });
});

describe('results', () => {
  it('sorts findings by position across rules and counts them', () => {
    const reply = '着什么急，保证明天到，您的手机号是13812345678';
    const result = createLinter().lint(reply);
    expect(result.findings.map((f) => f.ruleId)).toEqual([
      'no-forbidden-phrase',
      'no-overpromise',
      'no-pii-leak',
    ]);
    const starts = result.findings.map((f) => f.range[0]);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(result).toMatchObject({ errorCount: 2, warningCount: 1 });
  });

  it('reports a span inside another of the same rule once', () => {
    const result = createLinter().lint('我也不知道');
    expect(result.findings.map((f) => f.actual)).toEqual(['我也不知道']);
  });

  it('suggests the built-in templates’ sentences by default', () => {
    const [finding] = createLinter().lint('著什麼急').findings;
    expect(finding!.suggestions?.[0]?.text).toMatch(/稍等|稍候/);
  });

  it('gives each finding its rule url', () => {
    const [finding] = createLinter().lint('着什么急').findings;
    expect(finding!.url).toBe('https://huashu-dev.github.io/huashu/rules/no-forbidden-phrase.html');
  });
});

describe('applyFixes', () => {
  const finding = (start: number, end: number, text: string): Finding => ({
    ruleId: 'r',
    messageId: 'm',
    severity: 'error',
    message: '',
    range: [start, end],
    actual: '',
    fix: { range: [start, end], text },
  });
  it('applies fixes in order and skips one overlapping an applied fix', () => {
    const { text, fixed } = applyFixes('abcdef', [
      finding(4, 6, 'EF'),
      finding(0, 2, 'AB'),
      finding(1, 3, 'xx'),
    ]);
    expect(text).toBe('ABcdEF');
    expect(fixed).toHaveLength(2);
  });
});

describe('createAssistant({ lint })', () => {
  it('lints with suggestions that are whole approved sentences from the templates', () => {
    const assistant = createAssistant();
    const [finding] = assistant.lint('你到XX部门问问吧').findings;
    expect(finding!.data).toMatchObject({ category: 'deflection', template: 'situation/take-ownership' });
    const suggestion = finding!.suggestions?.[0]?.text ?? '';
    expect(suggestion.length).toBeGreaterThan(10);
    expect(createAssistant().lint(suggestion).findings).toEqual([]);
    const [english] = assistant.lint("That's not my department.").findings;
    expect(english!.suggestions?.[0]?.text).toMatch(/[a-z]/);
  });

  it('takes the lint options and fails early on a bad pack', () => {
    const assistant = createAssistant({
      lint: { rules: { 'no-forbidden-phrase': 'warn' }, messageLocale: 'en' },
    });
    expect(assistant.lint('着什么急').findings[0]).toMatchObject({
      severity: 'warn',
      message: expect.stringContaining('impatience'),
    });
    const error = thrown(() => createAssistant({ lint: { packs: [{ name: 'x', phrases: [] }] } }));
    expect(error.code).toBe('INVALID_RULES');
  });
});
