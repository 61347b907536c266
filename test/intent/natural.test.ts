import { describe, expect, it } from 'vitest';
import { createIntentClassifier } from '../../src/intent/classifier.js';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';
import { normalize } from '../../src/normalize/index.js';
import { createNaturalClassifier, readIntentCorpus } from '../../src/node/natural.js';

// natural is an optional peer dependency; it is a devDependency here, so the adapter is tested.
describe('createNaturalClassifier (huashu/node)', () => {
  it('trains natural on given examples without printing, and predicts normalised probabilities', () => {
    const writes: unknown[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: unknown) => writes.push(chunk) > -1) as typeof process.stdout.write;
    let model;
    try {
      model = createNaturalClassifier({
        examples: [
          { text: '我要退货', intent: 'aftersale.return_exchange' },
          { text: '退货怎么弄', intent: 'aftersale.return_exchange' },
          { text: '发票怎么开', intent: 'invoice' },
          { text: '开个发票', intent: 'invoice' },
        ],
      });
    } finally {
      process.stdout.write = write;
    }
    expect(writes).toEqual([]);
    expect(model.name).toBe('natural');
    expect([...model.intents].sort()).toEqual(['aftersale.return_exchange', 'invoice']);
    const p = Array.from(model.predict(normalize('我想退货')));
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(p[model.intents.indexOf('aftersale.return_exchange')]).toBeGreaterThan(0.5);
  });

  it('stands in for the built-in model, trained on the built-in corpus', () => {
    expect(readIntentCorpus().length).toBeGreaterThan(3000);
    const classifier = createIntentClassifier({ classifier: createNaturalClassifier() });
    expect(classifier.intents).toEqual(expect.arrayContaining([...BUILT_IN_INTENT_IDS]));
    expect(classifier.classify(normalize('发票抬头可以改吗')).intent.id).toBe('invoice');
    const result = classifier.classify(normalize('怎么还不发货'));
    expect(result.intent.id).toBe('order.shipping_delay');
    expect(result.intents[0]!.evidence).toContainEqual({ source: 'model', detail: 'model:natural' });
  });

  // natural keeps its classes in plain objects keyed by label: a label "__proto__" wrote every
  // feature onto Object.prototype, "constructor" onto the Object function (found by the fuzz suite).
  it.each(['constructor', 'prototype', 'hasownproperty'])(
    'an intent named %s trains a model and touches no built-in object',
    (intent) => {
      const objectKeys = Object.getOwnPropertyNames(Object).sort();
      const model = createNaturalClassifier({
        examples: [
          { text: '我要退货', intent },
          { text: '发票怎么开', intent: 'invoice' },
        ],
      });
      expect(Object.keys(Object.prototype)).toEqual([]);
      expect(Object.getOwnPropertyNames(Object).sort()).toEqual(objectKeys);
      expect([...model.intents]).toEqual([intent, 'invoice']);
      const p = Array.from(model.predict(normalize('我要退货')));
      expect(p[0]).toBeGreaterThan(p[1]!);
    },
  );

  it.each(['__proto__', 'Order.Cancel', ''])('refuses the intent id "%s" (INVALID_OPTIONS)', (intent) => {
    expect(() => createNaturalClassifier({ examples: [{ text: '我要退货', intent }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it.each([
    [1_000, 'ok'],
    [1_001, 'INVALID_OPTIONS'],
    [2 ** 31, 'INVALID_OPTIONS'],
  ])('smoothing %d: %s (a smoothing of 2 ** 31 made every probability NaN)', (smoothing, expected) => {
    let outcome = 'ok';
    try {
      const model = createNaturalClassifier({
        examples: [
          { text: '开个发票', intent: 'invoice' },
          { text: '我要退货', intent: 'aftersale.return_exchange' },
        ],
        smoothing,
      });
      expect(
        Array.from(model.predict(normalize('我的订单什么时候发货'))).every((v) => v >= 0 && v <= 1),
      ).toBe(true);
    } catch (error) {
      outcome = (error as { code?: string }).code ?? 'raw';
      expect((error as Error).message).toContain('smoothing is at most 1,000');
    }
    expect(outcome).toBe(expected);
  });

  // With a smoothing above a class's example count every unseen feature multiplies natural's
  // probability by more than 1: a long message overflowed to Infinity and predict gave NaN.
  it('predicts probabilities, not NaN, when natural overflows on a long message', () => {
    const model = createNaturalClassifier({
      examples: [
        { text: '我要退货', intent: 'aftersale.return_exchange' },
        { text: '发票怎么开', intent: 'invoice' },
        { text: '开个发票', intent: 'invoice' },
      ],
      smoothing: 50,
    });
    const text = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('');
    const p = Array.from(model.predict(normalize(text)));
    expect(p.every((v) => Number.isFinite(v) && v >= 0 && v <= 1)).toBe(true);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });
});
