import { describe, expect, it } from 'vitest';
import { CueReader } from '../../src/qa/cues.js';
import type { QaCue } from '../../src/qa/cue-schema.js';

// What huashu qa's conversation checks read in an agent turn (src/qa/cues.ts): each case is a turn
// and whether the cue is in it — the act said by the agent, not its words quoted, promised or
// used in another sense. Compliant twins keep the words of the turn they answer.
const reader = new CueReader();
const has = (cue: QaCue, text: string) => reader.read(text).some((hit) => hit.cue === cue);

describe('QA cues: the act, not the words', () => {
  it.each<[QaCue, string, boolean]>([
    // 哈 is a particle, kept only in 哈喽 / 哈啰 / 哈罗 (rules/lint/skeleton.json particleWords)
    ['greeting', '哈喽亲，在的', true],
    ['greeting', '哈囉～破掉的那盒已經補寄了', true],
    ['greeting', '好的喽，马上安排', false],
    ['greeting', '别啰嗦了', false],
    ['greeting', '罗马尼亚的货要晚几天', false],
    ['greeting', '欢迎您！请问有什么可以帮您', true],
    ['greeting', '欢迎您对我们的服务提出宝贵意见', false],
    ['greeting', 'hello系列的钥匙扣卖完啦', false],
    ['greeting', 'Morning! Quick update on your refund.', true],
    ['greeting', 'Morning deliveries leave at 9.', false],
    // quoted words are someone else's
    ['apology', '非常抱歉，包裹延误了', true],
    ['apology', '您截图里的"非常抱歉"是快递公司发的短信', false],
    ['apology', '您截圖裡寫的「很抱歉，您的訂單已取消」是銀行的簡訊', false],
    ['apology', 'Your screenshot says "Sorry, payment failed", that is from your bank', false],
    ['apology', "Your message says 'sorry, wrong address' - should I update it?", false],
    ['apology', "The 'Sorry Not Sorry' tee is back in stock.", false],
    ['apology', "I'm so sorry, we'll fix it today.", true],
    ['apology', "We're sorry the customers' parcels were late.", true],
    ['apology', '不用觉得不好意思，问得细一点很正常', false],
    ['apology', '不好意思麻烦您再提供下宝宝体重', false],
    ['apology', 'No apology needed, the part number is correct.', false],
    ['apology', "Don't miss out, you'll regret it if you wait!", false],
    ['apology', '亲，久等啦，库存查到了', true],
    ['apology', '放心，不会让您久等的', false],
    // a remedy done or arranged, not promised or conditional
    ['resolution', '补偿您的购物金已经入账啦', true],
    ['resolution', '已经重新给你下单发货啦', true],
    ['resolution', '换货申请通过了，新的今天就寄出', true],
    ['resolution', '核实了就给你安排补发哦', false],
    ['resolution', '已经把情况反馈给退货组了，他们审核后会给结果', false],
    ['resolution', '你嘅訂單已經寄出咗，應該聽日到', false],
    ['resolution', '已经帮您修好了，寄回给您', true],
    ['resolution', '已经帮您修改为杭州市西湖区的地址', false],
    ['resolution', '已经帮您补充到订单备注里了', false],
    ['resolution', "I've arranged a courier pickup for Thursday", true],
    ['resolution', 'cheers, refund went through, back to your PayPal', true],
    ['resolution', "I've just resent the receipt to your email", false],
    ['resolution', "Sale items are final sale and can't be refunded.", false],
    ['resolution', 'If the inspection goes well, the refund will be issued', false],
    // an ask for a rating or whether the customer is satisfied, not a statement about reviews
    ['satisfaction-ask', '稍后会有满意度调查，麻烦您抽空填写一下', true],
    ['satisfaction-ask', '满意度调查结果每月汇总一次', false],
    ['satisfaction-ask', '这样处理您看满意不满意', true],
    ['satisfaction-ask', '请给我们打10分哦', true],
    ['satisfaction-ask', '您之前写的追评我们看到了', false],
    ['satisfaction-ask', 'Happy with the resolution, mate?', true],
    ['satisfaction-ask', 'This item is rated 4.7 out of 5.', false],
    // further help: the colloquial …的不 question
    ['further-help', '还有啥需要帮忙的不', true],
    ['further-help', '还有库存的哦', false],
  ])('%s in %j: %s', (cue, text, expected) => {
    expect(has(cue, text)).toBe(expected);
  });

  it('reports quoted cues by no range at all (every hit lies outside the quotation)', () => {
    const text = '您说的"抱歉"是指快递员的回复吗？给您带来不便非常抱歉';
    const hits = reader.read(text).filter((hit) => hit.cue === 'apology');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.range[0]).toBeGreaterThan(text.indexOf('？'));
  });
});
