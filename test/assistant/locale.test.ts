import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant/index.js';
import { detectLanguage } from '../../src/language/index.js';

describe('Latin text with names stays English unless the evidence is strong', () => {
  const cases = [
    ['get invoices from David Miller', 'en'],
    ['my order from Amazon hasnt arrived', 'en'],
    ['can Li Wei pick it up for me', 'en'],
    ['refund to Maria Gonzalez please', 'en'],
    ['Hola, ¿dónde está mi pedido?', 'es'],
    ['merci beaucoup pour la livraison', 'fr'],
    ['Wo ist meine Bestellung', 'de'],
    ['Terima kasih, barang sudah sampai', 'ms'],
  ] as const;
  it.each(cases)('%s → %s', (text, locale) => {
    expect(detectLanguage(text).locale).toBe(locale);
  });

  it('a capital at the start of a sentence is a word, not a name', () => {
    expect(detectLanguage('Where is my parcel. Please check').locale).toBe('en');
  });
});

describe('the reply locale', () => {
  const assistant = createAssistant();
  const cases = [
    // [message, locale of the reply]
    ['Hola, ¿dónde está mi pedido?', 'en'],
    ['こんにちは、注文はいつ届きますか', 'en'],
    ['Wo ist meine Bestellung', 'en'],
    ['안녕하세요 주문 언제 와요', 'en'],
    ['[订单x]', 'zh-Hans'],
    ['12345678', 'zh-Hans'],
    ['请问什么时候发货', 'zh-Hans'],
    ['請問什麼時候出貨', 'zh-Hant'],
    ['when will my order ship', 'en'],
  ] as const;
  it.each(cases)('%s → %s', (text, locale) => {
    expect(assistant.reply(text).locale).toBe(locale);
  });

  it('fallbackLocale is configurable, and defaultLocale stays for messages without a language', () => {
    const shop = createAssistant({ fallbackLocale: 'zh-Hant', defaultLocale: 'en' });
    expect(shop.reply('Hola, ¿dónde está mi pedido?').locale).toBe('zh-Hant');
    expect(shop.reply('12345678').locale).toBe('en');
    expect(shop.reply('在吗').locale).toBe('zh-Hans');
  });

  it('a bad fallbackLocale is INVALID_OPTIONS', () => {
    expect(() => createAssistant({ fallbackLocale: 'es' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });
});
