import { describe, expect, it } from 'vitest';
import { createTemplateCatalogue } from '../../src/templates/index.js';
import { honorific, surnameOf } from '../../src/templates/honorific.js';
import { formatAmount, formatDate, formatList } from '../../src/templates/locale-format.js';
import { mask } from '../../src/templates/mask.js';
import { templateCompiler } from '../../src/templates/compiler.js';

describe('honorific', () => {
  it.each([
    ['王芳', 'female', 'zh-Hans', '王女士'],
    ['王芳', 'male', 'zh-Hant', '王先生'],
    ['欧阳娜娜', 'female', 'zh-Hans', '欧阳女士'],
    ['諸葛亮', 'male', 'zh-Hant', '諸葛先生'],
    ['欧阳', 'male', 'zh-Hans', '欧先生'], // two characters: surname 欧, given name 阳
    ['Emily Chen', 'female', 'en', 'Ms Chen'],
    ['Emily Chen', 'male', 'en', 'Mr Chen'],
    ['王芳', 'female', 'en', 'Ms 王'],
    ['Emily Chen', 'female', 'zh-Hans', 'Chen女士'],
    ['  李雷 ', 'male', 'zh-Hans', '李先生'],
    ['王芳', 'unknown', 'zh-Hans', '亲'],
    ['王芳', undefined, 'zh-Hant', '親'],
    ['Emily Chen', undefined, 'en', 'Emily Chen'],
    [undefined, 'female', 'zh-Hans', '亲'],
    ['', 'female', 'en', 'customer'],
    [null, null, 'en', 'customer'],
    [42, 'male', 'zh-Hans', '亲'],
  ] as const)('%j + %j in %s → %s', (name, gender, locale, expected) => {
    expect(honorific(name, gender, locale)).toBe(expected);
  });

  it('surnames', () => {
    expect(surnameOf('司马光')).toBe('司马');
    expect(surnameOf('马光')).toBe('马');
    expect(surnameOf('Anna Maria Smith')).toBe('Smith');
  });
});

describe('mask', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    ['+86 138-1234-5678', '138****5678'],
    [13812345678, '138****5678'],
    ['02112345678', '021****5678'],
    ['12345678', '****5678'],
    ['123456789012345', '123********2345'],
    ['12345', '***45'],
    ['jane.doe@example.com', 'j***@example.com'],
    ['王芳', '王**'],
    ['浙江省杭州市西湖区文三路88号3幢', '浙江省杭州市西湖区文三路**号**幢'],
    ['88 Wensan Road, Hangzhou', '** Wensan Road, Hangzhou'],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ] as const)('%j → %j', (value, expected) => {
    expect(mask(value)).toBe(expected);
  });

  it('never leaves more than seven digits of a phone number in view', () => {
    for (const phone of ['13812345678', '8613812345678', '075512345678', '1234567']) {
      expect(mask(phone).replace(/\D/g, '').length).toBeLessThanOrEqual(7);
    }
  });
});

describe('dates, amounts and lists per locale', () => {
  const tz = { timeZone: 'Asia/Shanghai', time: false, year: false };
  it.each([
    ['2025-05-20', 'zh-Hans', tz, '5月20日'],
    ['2025-05-20', 'zh-Hant', tz, '5月20日'],
    ['2025-05-20', 'en', tz, 'May 20'],
    ['2025-12-01', 'en', { ...tz, year: true }, 'December 1, 2025'],
    ['2025-12-01', 'zh-Hans', { ...tz, year: true }, '2025年12月1日'],
    ['2025-05-20T18:30:00+08:00', 'zh-Hans', { ...tz, time: true }, '5月20日 18:30'],
    ['2025-05-20T16:30:00Z', 'zh-Hans', { ...tz, time: true }, '5月21日 00:30'],
    ['2025-05-20T16:30:00Z', 'en', { ...tz, timeZone: 'Europe/London', time: true }, 'May 20, 17:30'],
    [Date.UTC(2025, 4, 20, 2, 0), 'en', { ...tz, time: true }, 'May 20, 10:00'],
    ['2025-05-20', 'en', { ...tz, timeZone: 'Pacific/Honolulu', time: true }, 'May 20'],
    [null, 'en', tz, ''],
  ] as const)('formatDate(%j, %s, %j) → %s', (value, locale, options, expected) => {
    expect(formatDate(value, locale, options)).toBe(expected);
  });

  it.each([
    [25, 'zh-Hans', undefined, '25元'],
    [25.5, 'zh-Hans', undefined, '25.50元'],
    [1299, 'zh-Hant', undefined, '1,299元'],
    [25.5, 'en', undefined, '¥25.50'],
    [19.99, 'en', 'USD', '$19.99'],
    [null, 'en', undefined, ''],
  ] as const)('formatAmount(%j, %s, %s) → %s', (value, locale, currency, expected) => {
    expect(formatAmount(value, locale, currency)).toBe(expected);
  });

  it('lists are numbered the way each locale writes them', () => {
    expect(formatList(['a', 'b'], 'zh-Hans')).toBe('1、a\n2、b');
    expect(formatList(['a', 'b'], 'en')).toBe('1. a\n2. b');
  });
});

describe('helpers inside templates (a pack that uses them all)', () => {
  const catalogue = createTemplateCatalogue([
    {
      id: 'test/helpers',
      stage: 'confirm',
      intents: [],
      channels: ['chat'],
      description: 'Uses every helper.',
      variables: {
        'customer.name': { type: 'text', optional: true, example: '王芳' },
        'customer.gender': { type: 'gender', optional: true, example: 'female' },
        'customer.phone': { type: 'phone', example: '13812345678' },
        'refund.amount': { type: 'amount', example: 25.5 },
        'refund.at': { type: 'date', example: '2025-05-20' },
        'visit.at': { type: 'date', example: '2025-05-20T18:00:00+08:00' },
        points: { type: 'list', example: ['a', 'b'] },
        express: { type: 'boolean', optional: true, example: true },
      },
      sources: {
        'zh-Hans':
          '{{honorific customer}}|{{mask customer.phone}}|{{amount refund.amount}}|{{date refund.at}}|{{datetime visit.at}}|{{list points}}|{{#if express}}加急{{else}}普通{{/if}}|{{@locale}}|{{@channel}}',
        en: '{{honorific customer}}|{{mask customer.phone}}|{{amount refund.amount "USD"}}|{{date refund.at year=true}}|{{datetime visit.at}}|{{list points}}|{{#unless express}}normal{{/unless}}',
      },
    },
  ], { templateCompiler });

  it('zh-Hans', () => {
    expect(
      catalogue.render(
        'test/helpers',
        {
          customer: { name: '王芳', gender: 'female', phone: '13812345678' },
          refund: { amount: 25.5, at: '2025-05-20' },
          visit: { at: '2025-05-20T18:00:00+08:00' },
          points: ['退货', '补寄'],
          express: true,
        },
        { channel: 'chat' },
      ),
    ).toBe('王女士|138****5678|25.50元|5月20日|5月20日 18:00|1、退货\n2、补寄|加急|zh-Hans|chat');
  });

  it('en, with an optional boolean left out', () => {
    expect(
      catalogue.render(
        'test/helpers',
        {
          customer: { name: 'Emily Chen', gender: 'female', phone: '+86 138 1234 5678' },
          refund: { amount: 19.99, at: '2025-05-20' },
          visit: { at: '2025-05-20T18:00:00+08:00' },
          points: ['return'],
        },
        { locale: 'en' },
      ),
    ).toBe('Ms Chen|138****5678|$19.99|May 20, 2025|May 20, 18:00|1. return|normal');
  });
});
