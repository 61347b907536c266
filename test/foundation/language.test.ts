import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage, tellsChineseScript } from '../../src/language/index.js';
import { LANGUAGE_TABLE } from './language-table.js';

describe('detectLanguage', () => {
  it('has a table of 100+ short messages in every language it must know', () => {
    expect(LANGUAGE_TABLE.length).toBeGreaterThanOrEqual(100);
    const locales = new Set(LANGUAGE_TABLE.map(([, l]) => l));
    for (const l of ['zh-Hans', 'zh-Hant', 'en', 'ja', 'ko', 'ms', 'es', 'und']) expect(locales).toContain(l);
  });

  it('is right on at least 95% of the table', () => {
    const wrong = LANGUAGE_TABLE.filter(([text, locale]) => detectLanguage(text).locale !== locale).map(
      ([text, locale]) => `${JSON.stringify(text)}: expected ${locale}, got ${detectLanguage(text).locale}`,
    );
    const accuracy = 1 - wrong.length / LANGUAGE_TABLE.length;
    expect(accuracy, wrong.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ['请问什么时候发货', 'zh-Hans', 'Hani'],
    ['請問什麼時候發貨', 'zh-Hant', 'Hani'],
    ['where is my order', 'en', 'Latn'],
    ['ありがとう', 'ja', 'Jpan'],
    ['감사합니다', 'ko', 'Kore'],
    ['😀', 'und', 'Zyyy'],
  ] as const)('%s → %s (%s)', (text, locale, script) => {
    const result = detectLanguage(text);
    expect(result.locale).toBe(locale);
    expect(result.script).toBe(script);
  });

  it('gives text that reads the same in both Chinese scripts zh-Hans with lower confidence', () => {
    const neutral = detectLanguage('好的');
    const simplified = detectLanguage('这个什么时候发货');
    expect(neutral.locale).toBe('zh-Hans');
    expect(neutral.confidence).toBeLessThan(simplified.confidence);
  });

  it('weighs Han characters against Latin words in mixed text', () => {
    expect(detectLanguage('这个iphone能用吗').locale).toBe('zh-Hans');
    expect(detectLanguage('I want to return this item 退货').locale).toBe('en');
  });

  it('never throws, and confidence stays in [0, 1]', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (text) => {
        const result = detectLanguage(text);
        expect(result.confidence).toBeGreaterThanOrEqual(0);
        expect(result.confidence).toBeLessThanOrEqual(1);
        expect(typeof result.locale).toBe('string');
      }),
      { numRuns: 500 },
    );
    expect(detectLanguage('\ud800\udfff\ud800').locale).toBe('und');
    expect(detectLanguage('退货'.repeat(600_000)).locale).toBe('zh-Hans');
  });
});

describe('tellsChineseScript', () => {
  it.each([
    ['好的', false],
    ['等太久了', false],
    ['了解 [订单x]', false],
    ['ok', false],
    ['', false],
    ['这样啊', true],
    ['這樣啊', true],
    ['好的，谢谢', true],
    ['好的，謝謝', true],
  ] as const)('%s → %s', (text, tells) => {
    expect(tellsChineseScript(text)).toBe(tells);
  });

  it('is true exactly when detectLanguage has a distinctive character to go on (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('好', '的', '这', '這', '么', '麼', '了', 'a', ' ') }),
        (text) => {
          const distinctive = /[这這么麼]/u.test(text);
          expect(tellsChineseScript(text)).toBe(distinctive);
        },
      ),
    );
  });
});
