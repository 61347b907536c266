import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant/index.js';
import type { Context } from '../../src/context.js';
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

describe('links, paths and e-mail addresses say nothing of the language', () => {
  it.each([
    ['C:\\Users\\me\\Desktop\\invoice.pdf 打不开', 'zh-Hans'],
    ['/var/mobile/app/data 打不开', 'zh-Hans'],
    ['www.jd.com 上买的', 'zh-Hans'],
    ['https://item.jd.com/100012043978.html 这个有货吗', 'zh-Hans'],
    ['see https://shop.example.com/orders/123 please', 'en'],
    ['my email is emily.chen@example.com, where is my parcel', 'en'],
    ['file:///var/mobile/Containers/Data/Application/B1-emoji/x', 'und'],
    ['jess.m.harper@gmail.com', 'und'],
    // A slash between words or numbers is not a path.
    ['3/5 到货了吗', 'zh-Hans'],
    // An export's masks are the platform's words: they neither make a message Chinese nor simplified.
    ['[订单x]', 'und'],
    // An export's Latin mask, in the case the export wrote it, is no English (nor Dutch).
    ['[ORDERID_12345]', 'und'],
    ['[ORDERID_12345] 到哪了', 'zh-Hans'],
    // However long its number: the mask is no word of the writer's.
    ['嗨 [ORDERID_10312864]', 'zh-Hans'],
    ['[ORDERID_10428117] [ORDERID_10428118]', 'und'],
    ['[数字x] thanks', 'en'],
    ['[数字x]@gmail.com', 'und'],
    ['係呀 退返差價俾我 [订单x]', 'zh-Hant'],
    ['订单号[订单x]', 'zh-Hans'],
    ['and/or size M please', 'en'],
  ] as const)('%s → %s', (text, locale) => {
    expect(detectLanguage(text).locale).toBe(locale);
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

  describe("a message with no language is answered in the conversation's", () => {
    const english: Context = { previousAgentMessage: 'Could you send me your order number?' };
    const chinese: Context = { previousAgentMessage: '麻烦提供一下订单号' };
    it.each<[string, Context, string]>([
      ['12345678', english, 'en'],
      ['👍', { previousAgentMessage: 'Is there anything else I can help with?' }, 'en'],
      [
        'jess.m.harper@gmail.com',
        { previousAgentMessage: 'Can you confirm the email you ordered with?' },
        'en',
      ],
      ['[订单x]', chinese, 'zh-Hans'],
      ['[订单x]', { previousAgentMessage: '麻煩提供訂單號碼' }, 'zh-Hant'],
      ['[ORDERID_12345]', chinese, 'zh-Hans'],
      ['[数字x]@gmail.com', { previousAgentMessage: "What's the email on your account?" }, 'en'],
      ['12345678', { previousAgentMessage: '請提供訂單編號' }, 'zh-Hant'],
      // The history when no previous message is given: its newest turn in a language huashu writes.
      [
        '12345678',
        {
          history: [
            { role: 'customer', text: 'where is my parcel' },
            { role: 'agent', text: '👌' },
          ],
        },
        'en',
      ],
      // Without a conversation, or with one in no language huashu writes: defaultLocale.
      ['12345678', {}, 'zh-Hans'],
      ['12345678', { previousAgentMessage: 'Hola, ¿cuál es su número de pedido?' }, 'zh-Hans'],
      // A message with a language keeps its own.
      ['where is my parcel', chinese, 'en'],
      // A word or two of English in a Chinese conversation is answered in the conversation's.
      ['OK', { previousAgentMessage: '好的 我們會請司機先打電話給您' }, 'zh-Hant'],
      ['ok thx', chinese, 'zh-Hans'],
      ['OK', { previousAgentMessage: 'Your parcel left our warehouse today.' }, 'en'],
      ['OK', {}, 'en'],
      ['ok please cancel it', chinese, 'en'],
      // Chinese that reads the same in both scripts takes the conversation's script.
      ['好的', { previousAgentMessage: '已幫您登記補寄' }, 'zh-Hant'],
      ['等太久了', { previousAgentMessage: '請問取消原因是什麼呢' }, 'zh-Hant'],
      ['了解', { history: [{ role: 'agent', text: '您好，這邊幫您查詢' }] }, 'zh-Hant'],
      ['好的', chinese, 'zh-Hans'],
      ['好的', { previousAgentMessage: '好的' }, 'zh-Hans'],
      ['好的', {}, 'zh-Hans'],
      // A character only one script writes decides, whatever the conversation's.
      ['这样啊', { previousAgentMessage: '已幫您登記補寄' }, 'zh-Hans'],
      ['這樣啊', chinese, 'zh-Hant'],
    ])('%s after %j → %s', (text, context, locale) => {
      expect(assistant.reply(text, { context }).locale).toBe(locale);
    });

    it('the conversation wins over defaultLocale', () => {
      expect(createAssistant({ defaultLocale: 'en' }).reply('12345678', { context: chinese }).locale).toBe(
        'zh-Hans',
      );
    });
  });

  it('a bad fallbackLocale is INVALID_OPTIONS', () => {
    expect(() => createAssistant({ fallbackLocale: 'es' as never })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });
});
