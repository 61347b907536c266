import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant/index.js';
import { createTemplateCatalogue } from '../../src/templates/index.js';
import { templateCompiler } from '../../src/templates/compiler.js';

const catalogue = createTemplateCatalogue();
const analysis = (intent: string, extra: Record<string, unknown> = {}) => ({
  intent: { id: intent, confidence: 0.9 },
  language: { locale: 'zh-Hans' },
  ...extra,
});

describe('select', () => {
  it('a specific template (intent + matched when) ranks above the generic answer', () => {
    const matches = catalogue.select(analysis('order.shipping_delay'), { order: { shipped: true } });
    expect(matches.map((m) => m.id)).toEqual(['shipping/warehouse-dispatched', 'answer/order.shipping_delay']);
    expect(matches[0]!.reasons).toEqual(['intent order.shipping_delay', 'when order.shipped, order.carrierScan']);
    expect(matches[0]!.score).toBeGreaterThan(matches[1]!.score);
  });

  it('the message locale picks the version; an unsupported one falls back to the default locale', () => {
    expect(catalogue.select(analysis('thanks', { language: { locale: 'zh-Hant' } }))[0]!.locale).toBe('zh-Hant');
    expect(catalogue.select(analysis('thanks', { language: { locale: 'en' } }))[0]!.locale).toBe('en');
    expect(catalogue.select(analysis('thanks', { language: { locale: 'ja' } }))[0]!.locale).toBe('zh-Hans');
    const en = createTemplateCatalogue([], { defaultLocale: 'en' });
    expect(en.select(analysis('thanks', { language: { locale: 'und' } }))[0]!.locale).toBe('en');
  });

  it('a pack template without the message locale falls back to another locale and says so', () => {
    const pack = createTemplateCatalogue([
      {
        id: 'shop/thanks-zh',
        stage: 'closing',
        intents: ['thanks'],
        channels: ['chat'],
        description: 'Only in simplified Chinese.',
        variables: {},
        sources: { 'zh-Hans': '不客气哦~' },
      },
    ], { templateCompiler });
    const match = pack.select(analysis('thanks', { language: { locale: 'zh-Hant' } })).find((m) => m.id === 'shop/thanks-zh')!;
    expect(match).toMatchObject({ locale: 'zh-Hans', fallback: true });
  });

  it('signals select condition-only templates (the anxious customer)', () => {
    const angry = catalogue.select(analysis('order.courier_stalled', { signals: [{ id: 'emotion.anger' }] }));
    expect(angry.map((m) => m.id)).toEqual(['answer/order.courier_stalled', 'situation/anxious-customer']);
    const calm = catalogue.select(analysis('order.courier_stalled', { signals: [] }));
    expect(calm.map((m) => m.id)).toEqual(['answer/order.courier_stalled']);
  });

  it('facts choose between variants: the merchant-fault defect answer only when the shop is responsible', () => {
    const ids = (responsibility?: 'merchant' | 'customer') =>
      catalogue.select(analysis('aftersale.defect'), responsibility ? { responsibility } : {}).map((m) => m.id);
    expect(ids('merchant')).toEqual(['answer/aftersale.defect-merchant-fault', 'answer/aftersale.defect']);
    expect(ids('customer')).toEqual(['answer/aftersale.defect']);
    expect(ids()).toEqual(['answer/aftersale.defect']);
  });

  it.each([
    ['statement', ['answer/ack-after-statement', 'answer/ack', 'situation/anything-else']],
    ['asked_anything_else', ['answer/ack-after-anything-else', 'answer/ack', 'situation/anything-else']],
    ['question', ['answer/ack', 'situation/anything-else']],
    ['asked_for_data', ['answer/ack', 'situation/anything-else']],
    [undefined, ['answer/ack', 'situation/anything-else']],
  ] as const)(
    'an acknowledgement after the agent’s %s: the no-action variants only after a statement or an offer of further help',
    (previousAgentTurn, expected) => {
      const ids = catalogue
        .select(analysis('ack', previousAgentTurn === undefined ? {} : { previousAgentTurn }))
        .map((m) => m.id);
      expect(ids).toEqual(expected);
    },
  );

  it('secondary intents above the threshold add their templates after the primary ones', () => {
    const matches = catalogue.select(
      analysis('order.change_address', {
        intents: [
          { id: 'order.change_address', confidence: 0.7 },
          { id: 'invoice', confidence: 0.4 },
          { id: 'price.bargain', confidence: 0.1 },
        ],
      }),
    );
    expect(matches.map((m) => m.id)).toEqual(['answer/order.change_address', 'answer/invoice']);
    expect(matches[1]!.reasons).toEqual(['secondary intent invoice']);
  });

  it('channel: from the facts or the options; stage and limit filter', () => {
    const phone = catalogue.select(analysis('greeting'), { channel: 'phone' }).map((m) => m.id);
    expect(phone).toContain('opening/hotline');
    expect(phone).not.toContain('opening/chat');
    const chat = catalogue.select(analysis('greeting'), {}, { channel: 'chat' }).map((m) => m.id);
    expect(chat).toContain('opening/chat');
    expect(chat).not.toContain('opening/hotline');
    expect(catalogue.select(analysis('greeting'), {}, { stage: 'answer' })).toEqual([]);
    expect(catalogue.select(analysis('greeting'), {}, { limit: 1 })).toHaveLength(1);
  });

  it('reports which required variables the facts do not give', () => {
    const [carrier] = catalogue.select(analysis('order.logistics'), {
      order: { carrierScan: true, trackingNumber: 'SF1' },
    });
    expect(carrier).toMatchObject({ id: 'shipping/carrier-shipped', missing: ['order.carrier'] });
    const [complete] = catalogue.select(analysis('order.logistics'), {
      order: { carrierScan: true, trackingNumber: 'SF1', carrier: 'SF' },
    });
    expect(complete!.missing).toEqual([]);
    expect(catalogue.render(complete!.id, { order: { trackingNumber: 'SF1', carrier: 'SF' } }, { locale: complete!.locale })).toContain('SF1');
  });

  it('every intent of the domain selects at least its answer template', () => {
    for (const entry of catalogue.list({ locale: 'en' }).filter((e) => e.id.startsWith('answer/') && !e.when)) {
      for (const intent of entry.intents) {
        expect(catalogue.select(analysis(intent)).map((m) => m.id), intent).toContain(entry.id);
      }
    }
  });

  it.each([
    ['no intent', {}, {}],
    ['a bad facts field', analysis('thanks'), { order: { shipped: 'yes' } }],
    ['an unknown facts key', analysis('thanks'), { weather: 'rain' }],
  ])('rejects %s with INVALID_INPUT', (_name, a, facts) => {
    expect(() => catalogue.select(a as never, facts)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('takes assistant.analyze() output as it is', () => {
    const assistant = createAssistant();
    const result = assistant.analyze('亲，请问什么时候发货？');
    const matches = assistant.templates.select(result, { order: { shipped: false, promisedShipAt: '2025-05-20' } });
    expect(matches.length).toBeGreaterThan(0);
    for (const match of matches) {
      expect(match.locale).toBe('zh-Hans');
      const why = match.intents.includes(result.intent.id) || match.reasons.some((r) => /^(when|secondary)/.test(r));
      expect(why, match.id).toBe(true);
    }
  });
});
