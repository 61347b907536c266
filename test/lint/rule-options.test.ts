import { afterAll, describe, expect, it } from 'vitest';
import { createLinter, defineRule } from '../../src/lint/index.js';
import type { RuleOptions, RuleSetting } from '../../src/lint/types.js';
import { loadConfigFile } from '../../src/node/config.js';
import { fakeLinter, lintIo, runLint, tempDir } from '../cli/lint-helpers.js';
import { thrown } from '../helpers/thrown.js';

/** A reply only the tone score flags: no listed phrase, no detector shape (test/lint/tone.test.ts). */
const TONE_ONLY = '自己动动手指查一下不就知道了';
/** A reply a detector flags (a rhetorical question at the customer). */
const DETECTED = '这都要问？';

describe('rule settings: a severity, or [severity, options]', () => {
  it.each<[string, RuleSetting, string, RuleOptions]>([
    ['a severity', 'warn', 'warn', { tone: true }],
    ['[severity]', ['off'], 'off', { tone: true }],
    ['[severity, {}]', ['error', {}], 'error', { tone: true }],
    ['[severity, options]', ['warn', { tone: false }], 'warn', { tone: false }],
  ])('%s', (_form, setting, severity, options) => {
    const rule = createLinter({ rules: { 'no-forbidden-phrase': setting } }).rules.find(
      (r) => r.id === 'no-forbidden-phrase',
    );
    expect(rule?.severity).toBe(severity);
    expect(rule?.options).toEqual(options);
  });

  it('options are frozen copies: a rule cannot change what the next linter reads', () => {
    const options = createLinter().rules.find((r) => r.id === 'no-forbidden-phrase')?.options;
    expect(Object.isFrozen(options)).toBe(true);
  });

  it('a rule without options has {}', () => {
    expect(createLinter().rules.find((r) => r.id === 'no-overpromise')?.options).toEqual({});
  });

  it.each<[string, unknown, string, string]>([
    [
      'a misspelt severity',
      'warning',
      'rules.no-forbidden-phrase',
      'expected "off", "warn" or "error", or [severity, { option: value }]; got "warning"',
    ],
    ['a number', 2, 'rules.no-forbidden-phrase', 'got number'],
    [
      'a bad severity in the array',
      ['loud'],
      'rules.no-forbidden-phrase',
      'the first element must be "off", "warn" or "error"; got "loud"',
    ],
    [
      'options that are not an object',
      ['warn', 'tone'],
      'rules.no-forbidden-phrase',
      'the second element must be an object of options',
    ],
    [
      'an option value that is not flat',
      ['warn', { tone: [false] }],
      'rules.no-forbidden-phrase',
      'option "tone" must be a boolean, a number or a string; got an array',
    ],
    ['three elements', ['warn', {}, {}], 'rules.no-forbidden-phrase', 'got an array of 3'],
    [
      'an unknown option',
      ['warn', { tones: false }],
      'rules.no-forbidden-phrase[1].tones',
      'unknown option of "no-forbidden-phrase"; its options: tone',
    ],
    [
      'an option of the wrong type',
      ['warn', { tone: 'off' }],
      'rules.no-forbidden-phrase[1].tone',
      'must be a boolean (default true); got "off"',
    ],
  ])('refuses %s, saying what to fix', (_case, setting, path, message) => {
    const error = thrown(() => createLinter({ rules: { 'no-forbidden-phrase': setting as RuleSetting } }));
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.path).toBe(path);
    expect(error.issues[0]?.message).toContain(message);
  });

  it('options for a rule that has none are refused', () => {
    const error = thrown(() => createLinter({ rules: { 'no-overpromise': ['warn', { tone: false }] } }));
    expect(error.issues.map((i) => [i.path, i.message])).toEqual([
      ['rules.no-overpromise[1].tone', '"no-overpromise" has no options'],
    ]);
  });
});

describe('no-forbidden-phrase: the tone option', () => {
  const tones = (options?: RuleOptions) =>
    createLinter(options === undefined ? {} : { rules: { 'no-forbidden-phrase': ['error', options] } });

  it('on by default: a rude reply no phrase or detector knows gets the tone warning', () => {
    expect(
      tones()
        .lint(TONE_ONLY)
        .findings.map((f) => [f.messageId, f.severity]),
    ).toEqual([['tone', 'warn']]);
  });

  it('tone: false turns the score off and nothing else', () => {
    expect(tones({ tone: false }).lint(TONE_ONLY).findings).toEqual([]);
    expect(
      tones({ tone: false })
        .lint(DETECTED)
        .findings.map((f) => f.ruleId),
    ).toEqual(['no-forbidden-phrase']);
    expect(
      tones({ tone: true })
        .lint(TONE_ONLY)
        .findings.map((f) => f.messageId),
    ).toEqual(['tone']);
  });
});

describe("a custom rule's options", () => {
  const seen: RuleOptions[] = [];
  const rule = defineRule({
    meta: {
      id: 'max-length',
      category: 'wording',
      docs: { description: 'Replies no longer than a limit.', url: 'https://example.com/max-length' },
      messages: { long: { 'zh-Hans': '太长', 'zh-Hant': '太長', en: 'Too long' } },
      defaultSeverity: 'warn',
      defaultOptions: { max: 10, unit: 'chars' },
    },
    create(context) {
      seen.push(context.options);
      return {
        'reply:exit'() {
          if (context.reply.text.length > (context.options.max as number))
            context.report({ messageId: 'long', range: [0, context.reply.text.length] });
        },
      };
    },
  });

  it('reads its defaults, and the configured values over them', () => {
    const linter = createLinter({ rules: { 'max-length': ['warn', { max: 3 }] } }, { extraRules: [rule] });
    expect(seen.at(-1)).toEqual({ max: 3, unit: 'chars' });
    expect(linter.lint('亲，您好呀').findings.map((f) => f.ruleId)).toContain('max-length');
    createLinter({}, { extraRules: [rule] });
    expect(seen.at(-1)).toEqual({ max: 10, unit: 'chars' });
  });

  it('defineRule refuses option defaults that are not flat values or named like identifiers', () => {
    const bad = (defaultOptions: unknown) =>
      thrown(() =>
        defineRule({ ...rule, meta: { ...rule.meta, defaultOptions: defaultOptions as RuleOptions } }),
      );
    expect(bad({ max: [1] }).code).toBe('INVALID_RULES');
    expect(bad({ 'max length': 1 }).code).toBe('INVALID_RULES');
  });
});

describe('options in huashu.config.json and on the command line', () => {
  const tmp = tempDir({
    'good/huashu.config.json': JSON.stringify({
      lint: { rules: { 'no-forbidden-phrase': ['warn', { tone: false }] } },
    }),
    'good/replies.txt': '好的\n',
  });
  afterAll(() => tmp.cleanup());

  it('an unknown option is reported against the file and its JSON path', () => {
    const file = tmp.write(
      'bad/huashu.config.json',
      JSON.stringify({ lint: { rules: { 'no-forbidden-phrase': ['warn', { tonne: false }] } } }),
    );
    const error = thrown(() => loadConfigFile(file));
    expect(error.issues.map((i) => [i.file, i.path])).toEqual([
      [file, 'lint.rules.no-forbidden-phrase[1].tonne'],
    ]);
  });

  it('--rule changes the severity and keeps the configured options', async () => {
    const io = lintIo({ cwd: tmp.path('good') });
    const linter = fakeLinter();
    await runLint(['replies.txt', '--rule', 'no-forbidden-phrase:error'], io.io, linter.factory);
    expect(linter.options?.rules).toEqual({ 'no-forbidden-phrase': ['error', { tone: false }] });
  });
});
