import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant/index.js';
import { HuashuError } from '../../src/errors.js';
import { createIntentClassifier } from '../../src/intent/classifier.js';
import { exampleModel } from '../../src/intent/example-model.js';
import { BUILT_IN_INTENT_IDS as INTENT_IDS } from '../../src/intent/ids.js';
import type { IntentModel } from '../../src/intent/schema.js';
import { normalize } from '../../src/normalize/index.js';
import { intentModel } from '../../src/generated/intent-model.js';
import { intentSettings } from '../../src/generated/intent-settings.js';

const classifier = createIntentClassifier();
const classify = (text: string, previousAgentMessage?: string) =>
  classifier.classify(
    normalize(text),
    previousAgentMessage === undefined ? undefined : { previousAgentMessage },
  );

describe('intent classification', () => {
  it.each([
    ['我要退货', 'aftersale.return_exchange'],
    ['我要退貨', 'aftersale.return_exchange'],
    ['ＡＴＭ轉帳可以嗎', 'payment.issue'],
    ['亲，发票抬头写错了能改吗', 'invoice'],
    ['物流三天没更新了', 'order.courier_stalled'],
    ['where is my parcel', 'order.logistics'],
    ['i want to cancell my order', 'order.cancel'],
    ['你是不是智障', 'abuse'],
  ])('%s → %s', (text, intent) => {
    expect(classify(text).intent.id).toBe(intent);
  });

  it('traditional, full-width and simplified writings of a message get the same intent', () => {
    const ids = ['怎么还不发货', '怎麼還不發貨', '怎麼還不發貨！！'].map((t) => classify(t).intent.id);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toBe('order.shipping_delay');
  });

  it('gives calibrated confidences in [0, 1], the primary first, with evidence ranges in the original text', () => {
    const text = '亲，發票擡頭寫錯了，能重開嗎？';
    const result = classify(text);
    expect(result.intents[0]?.id).toBe(result.intent.id);
    for (const candidate of result.intents) {
      expect(candidate.confidence).toBeGreaterThanOrEqual(0);
      expect(candidate.confidence).toBeLessThanOrEqual(1);
    }
    const evidence = result.intents[0]!.evidence;
    const pattern = evidence.find((e) => e.source === 'pattern');
    expect(pattern?.detail).toBe('invoice.invoice');
    // The range points into the ORIGINAL (traditional) text, not the folded one.
    expect(text.slice(...pattern!.range!)).toBe('發票');
    const grams = evidence.filter((e) => e.source === 'model').map((e) => text.slice(...e.range!));
    expect(grams.length).toBeGreaterThan(0);
    expect(grams.every((g) => g.length > 0)).toBe(true);
  });

  it('several requests in one message: the first request is primary, the others secondary', () => {
    const result = classify('在吗 我要退货 顺便开个发票');
    expect(result.intent.id).toBe('aftersale.return_exchange');
    expect(result.intents.map((i) => i.id)).toContain('invoice');
    expect(result.intents.map((i) => i.id)).not.toContain('greeting');
    expect(result.intents.find((i) => i.id === 'invoice')!.confidence).toBeGreaterThan(0.5);
  });

  it('a request outranks a greeting, a thank-you or "转人工" in the same message', () => {
    expect(classify('你好 我想问一下什么时候发货').intent.id).toBe('order.ship_time');
    expect(classify('我要转人工 我要退款').intent.id).toBe('aftersale.refund');
    expect(classify('好的谢谢').intent.id).toBe('thanks');
    expect(classify('没有了 谢谢').intent.id).toBe('goodbye');
  });

  it('below the threshold the intent is other, and the candidates are still listed', () => {
    const strict = createIntentClassifier({ threshold: 0.999999 });
    const result = strict.classify(normalize('这个衣服什么材质 能机洗吗 快递几天到'));
    expect(result.intent.id).toBe('other');
    expect(result.intents.length).toBeGreaterThan(0);
    expect(result.intents[0]!.id).not.toBe('other');
  });

  it('a message with nothing the classifier knows is other', () => {
    for (const text of ['', '   ', '🙂🙂', '[订单x]', 'zzqx']) expect(classify(text).intent.id).toBe('other');
  });
});

describe('context: the agent’s previous message', () => {
  it.each([
    ['好的', '请问是这个订单吗?', 'ack'],
    ['[订单x]', '麻烦您提供一下订单号', 'ack'],
    ['[订单x]', undefined, 'other'],
    ['[数字x] 谢谢', '您提供下您的联系方式', 'ack'],
    ['在', '亲亲在吗', 'ack'],
    ['没有了', '请问还有其他可以帮您的吗?', 'goodbye'],
    ['yes, that one', 'Is this the order you mean?', 'ack'],
  ])('%s after %s → %s', (text, previous, intent) => {
    expect(classify(text, previous).intent.id).toBe(intent);
  });

  it('after an open offer of help, a bare number is not an answer', () => {
    expect(classify('[数字x]', '您好，请问有什么可以帮您?').intent.id).toBe('other');
  });

  it('a short follow-up continues the agent’s topic, with context evidence', () => {
    const result = classify('我在哪里能看到?', '亲，您的发票正在开具中哦');
    expect(result.intent.id).toBe('invoice');
    expect(result.intents[0]!.evidence.some((e) => e.source === 'context')).toBe(true);
    // Without the agent's message the same words read as a parcel question.
    expect(classify('我在哪里能看到?').intent.id).not.toBe('invoice');
  });
});

describe('user extension: createIntentClassifier / createAssistant({ intents })', () => {
  it('examples add to the model and teach new intent ids, matching exactly too', () => {
    const custom = createIntentClassifier({
      exampleModel,
      examples: [
        { text: '你们支持以旧换新吗', intent: 'shop.trade_in' },
        { text: '旧手机可以抵钱吗', intent: 'shop.trade_in' },
        { text: '以旧换新怎么算价格', intent: 'shop.trade_in' },
      ],
    });
    expect(custom.intents).toContain('shop.trade_in');
    const exact = custom.classify(normalize('旧手机可以抵钱吗'));
    expect(exact.intent.id).toBe('shop.trade_in');
    expect(exact.intents[0]!.evidence[0]).toMatchObject({ source: 'example' });
    // Without the examples the built-in model never answers the new id.
    expect(classifier.intents).not.toContain('shop.trade_in');
  });

  it('examples without exampleModel are refused, naming the import; with a classifier of your own they need none', () => {
    const examples = [{ text: '以旧换新怎么算', intent: 'shop.trade_in' }];
    expect(() => createAssistant({ intents: { examples } })).toThrow(
      /intents\.exampleModel: .*pass intents: \{ examples, exampleModel \}, with exampleModel imported from huashu\/intent/,
    );
    const own: IntentModel = { name: 'own', intents: ['ack'], predict: () => [1] };
    const withOwn = createIntentClassifier({ examples, classifier: own });
    expect(withOwn.classify(normalize('以旧换新怎么算')).intent.id).toBe('shop.trade_in');
  });

  it('patterns add phrases, keywords, regexes and vetoes, for built-in or new ids', () => {
    const custom = createIntentClassifier({
      patterns: [
        {
          id: 'vip.card',
          intent: 'shop.membership',
          phrases: ['会员卡', 'VIP卡'],
          negative: ['不要会员卡'],
          weight: 8,
        },
        { intent: 'shop.membership', regex: ['积分.{0,4}过期'], weight: 8 },
      ],
    });
    const hit = custom.classify(normalize('我的ＶＩＰ卡怎么用'));
    expect(hit.intent.id).toBe('shop.membership');
    expect(hit.intents[0]!.evidence.find((e) => e.source === 'pattern')?.detail).toBe('vip.card');
    expect(custom.classify(normalize('积分快过期了怎么办')).intent.id).toBe('shop.membership');
    expect(custom.classify(normalize('我不要会员卡 我要退货')).intent.id).toBe('aftersale.return_exchange');
  });

  it.each([
    [{ examples: [{ text: '', intent: 'ack' }] }, 'examples[0].text'],
    [{ examples: [{ text: 'hi', intent: 'Not An Id' }] }, 'examples[0].intent'],
    [{ patterns: [{ intent: 'ack' }] }, 'patterns[0]'],
    [{ patterns: [{ intent: 'ack', regex: ['(unclosed'] }] }, 'patterns[0].regex[0]'],
    [{ threshold: 2 }, 'threshold'],
    [{ classifier: { name: 'x' } }, 'classifier'],
    [{ examples: [{ text: '以旧换新', intent: 'shop.trade_in' }] }, 'exampleModel'],
    [{ exampleModel: { kind: 'huashu/example-model' } }, 'exampleModel'],
    [{ unknown: true }, ''],
  ])('rejects bad options with INVALID_OPTIONS and the path (%j)', (options, path) => {
    try {
      createIntentClassifier(options as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HuashuError);
      expect((error as HuashuError).code).toBe('INVALID_OPTIONS');
      expect((error as HuashuError).issues.some((i) => i.path === path)).toBe(true);
    }
  });

  it('createAssistant validates intents options when created and uses them in analyze()', () => {
    expect(() => createAssistant({ intents: { threshold: -1 } })).toThrow(HuashuError);
    const assistant = createAssistant({
      intents: { exampleModel, examples: [{ text: '能帮我刻个名字吗', intent: 'shop.engraving' }] },
    });
    const analysis = assistant.analyze('能帮我刻个名字吗');
    expect(analysis.intent.id).toBe('shop.engraving');
    expect(analysis.intents[0]!.id).toBe('shop.engraving');
  });

  it('accepts another statistical model; patterns and context still apply on top of it', () => {
    const calls: string[] = [];
    // A model that always favours product.inquiry a little.
    const others = INTENT_IDS.filter((id) => id !== 'product.inquiry');
    const constant: IntentModel = {
      name: 'constant',
      intents: ['product.inquiry', ...others],
      predict(normalized) {
        calls.push(normalized.text);
        return [0.5, ...others.map(() => 0.5 / others.length)];
      },
    };
    const custom = createIntentClassifier({ classifier: constant });
    expect(custom.classify(normalize('这个多大尺寸')).intent.id).toBe('product.inquiry');
    expect(custom.classify(normalize('我要转人工')).intent.id).toBe('human_agent');
    expect(calls).toEqual(['这个多大尺寸', '我要转人工']);
    expect(custom.classify(normalize('这个多大尺寸')).intents[0]!.evidence).toContainEqual({
      source: 'model',
      detail: 'model:constant',
    });
  });
});

describe('the built-in settings', () => {
  it('are the pattern scale and stop words the naive Bayes counts were fitted with (one build step writes both)', () => {
    const { patternScale, stopWords } = intentModel();
    expect(intentSettings()).toEqual({ patternScale, stopWords });
  });
});
