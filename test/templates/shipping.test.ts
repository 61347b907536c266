import { describe, expect, it } from 'vitest';
import type { Facts } from '../../src/facts.js';
import { createTemplateCatalogue } from '../../src/templates/index.js';
import { LOCALES } from './ids.js';

const catalogue = createTemplateCatalogue();
const SHIPPING = ['shipping/warehouse-dispatched', 'shipping/carrier-shipped', 'shipping/not-shipped', 'shipping/leave-room'];

/** Says the order has shipped without naming the warehouse as the subject (the platforms penalise it). */
const BARE_SHIPPED = {
  'zh-Hans': /(?<!仓库)已发货|已经发货/,
  'zh-Hant': /(?<!倉庫)已發貨|已經發貨/,
  en: /\b(?:has|have|had|was|been)\s+(?:been\s+)?shipped\b/i,
} as const;
const WAREHOUSE_SUBJECT = { 'zh-Hans': '仓库已发货', 'zh-Hant': '倉庫已發貨', en: 'our warehouse has dispatched your order' } as const;
const CARRIER_SHIPPED = { 'zh-Hans': '已经发货', 'zh-Hant': '已經發貨', en: 'has shipped' } as const;
const PROMISES = {
  'zh-Hans': /保证|一定|100%|百分之百|肯定/,
  'zh-Hant': /保證|一定|100%|百分之百|肯定/,
  en: /guarantee|definitely|certainly|100%|promise you/i,
} as const;

function shippingFor(facts: Facts, locale: (typeof LOCALES)[number] = 'zh-Hans', intent = 'order.ship_time') {
  return catalogue
    .select({ intent: { id: intent, confidence: 0.9 }, language: { locale } }, facts)
    .filter((m) => m.id.startsWith('shipping/'))
    .map((m) => m.id);
}

describe('shipping wording', () => {
  describe.each(LOCALES)('%s', (locale) => {
    it('shipped without a carrier scan: the warehouse is the subject, never a bare "shipped"', () => {
      const facts: Facts = { order: { shipped: true, carrierScan: false, trackingNumber: 'SF1' } };
      expect(shippingFor(facts, locale)).toEqual(['shipping/warehouse-dispatched']);
      const text = catalogue.render('shipping/warehouse-dispatched', facts, { locale });
      expect(text).toContain(WAREHOUSE_SUBJECT[locale]);
      expect(text).not.toMatch(BARE_SHIPPED[locale]);
    });

    it('with a carrier scan it may say shipped, with the carrier and tracking number', () => {
      const facts: Facts = {
        order: { shipped: true, carrierScan: true, carrier: 'ZTO', trackingNumber: '75312345678901' },
      };
      expect(shippingFor(facts, locale)).toEqual(['shipping/carrier-shipped']);
      const text = catalogue.render('shipping/carrier-shipped', facts, { locale });
      expect(text).toContain(CARRIER_SHIPPED[locale]);
      expect(text).toContain('75312345678901');
      expect(text).toContain('ZTO');
    });

    it('not shipped: the expected dispatch date, and no claim that it shipped', () => {
      const facts: Facts = { order: { shipped: false, promisedShipAt: '2025-11-11' } };
      expect(shippingFor(facts, locale)).toEqual(['shipping/not-shipped']);
      const text = catalogue.render('shipping/not-shipped', facts, { locale });
      expect(text).toContain(locale === 'en' ? 'November 11' : '11月11日');
      expect(text).not.toMatch(BARE_SHIPPED[locale]);
    });

    it('delivery uncertain: leaves room — no date promised, no 保证/一定/100%', () => {
      const facts: Facts = { order: { shipped: false, deliveryUncertain: true, promisedShipAt: '2025-11-11' } };
      expect(shippingFor(facts, locale)).toEqual(['shipping/leave-room']);
      const text = catalogue.render('shipping/leave-room', { ...facts, delay: { reason: 'X' } }, { locale });
      expect(text).not.toMatch(PROMISES[locale]);
      expect(text).not.toMatch(/11月11日|November 11/);
      expect(text).not.toMatch(BARE_SHIPPED[locale]);
    });

    it('no template other than shipping/carrier-shipped says the order has shipped', () => {
      for (const entry of catalogue.list({ locale })) {
        if (entry.id === 'shipping/carrier-shipped') continue;
        const text = catalogue.render(entry.id, entry.example as Record<string, unknown>, { locale });
        expect(text, entry.id).not.toMatch(BARE_SHIPPED[locale]);
      }
    });

    it('no shipping template promises with 保证 / 一定 / 100%', () => {
      for (const id of SHIPPING) expect(catalogue.example(id, locale), id).not.toMatch(PROMISES[locale]);
    });
  });

  it('the shipping templates partition every combination of shipped / carrierScan / deliveryUncertain (where is it)', () => {
    const values = [true, false, undefined];
    for (const shipped of values) {
      for (const carrierScan of values) {
        for (const deliveryUncertain of values) {
          const order: NonNullable<Facts['order']> = {};
          if (shipped !== undefined) order.shipped = shipped;
          if (carrierScan !== undefined) order.carrierScan = carrierScan;
          if (deliveryUncertain !== undefined) order.deliveryUncertain = deliveryUncertain;
          const expected =
            carrierScan === true
              ? 'shipping/carrier-shipped'
              : shipped === true
                ? 'shipping/warehouse-dispatched'
                : deliveryUncertain === true
                  ? 'shipping/leave-room'
                  : 'shipping/not-shipped';
          expect(shippingFor({ order }, 'zh-Hans', 'order.logistics'), JSON.stringify(order)).toEqual([expected]);
        }
      }
    }
  });

  it('without order facts, the scan is unknown: never the carrier wording', () => {
    expect(shippingFor({}, 'zh-Hans', 'order.logistics')).toEqual(['shipping/not-shipped']);
    expect(shippingFor({ order: { shipped: true } })).toEqual(['shipping/warehouse-dispatched']);
  });

  // 现在买 春节前能送到吗 may come before any order: with nothing known of the order, when it ships is
  // the usual dispatch window (answer/order.ship_time), not a request for an order number.
  it.each<[string, Facts, string]>([
    ['nothing known', {}, 'answer/order.ship_time'],
    ['only the order number', { order: { id: '250518093512' } }, 'answer/order.ship_time'],
    ['known not shipped', { order: { shipped: false } }, 'shipping/not-shipped'],
    ['a promised date', { order: { promisedShipAt: '2025-11-11' } }, 'shipping/not-shipped'],
    ['shipped, no scan', { order: { shipped: true } }, 'shipping/warehouse-dispatched'],
  ])('when will it ship, %s: %s', (_, facts, expected) => {
    const top = catalogue.select({ intent: { id: 'order.ship_time', confidence: 0.9 } }, facts)[0];
    expect(top?.id).toBe(expected);
  });

  it('the pinned patterns do catch the wrong wording (they are not vacuous)', () => {
    expect('您的订单已发货啦').toMatch(BARE_SHIPPED['zh-Hans']);
    expect('您的订单已经发货了').toMatch(BARE_SHIPPED['zh-Hans']);
    expect('您的訂單已發貨').toMatch(BARE_SHIPPED['zh-Hant']);
    expect('Your order has shipped.').toMatch(BARE_SHIPPED.en);
    expect('仓库已发货').not.toMatch(BARE_SHIPPED['zh-Hans']);
    expect('我们保证明天到').toMatch(PROMISES['zh-Hans']);
  });
});
