import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant/index.js';
import { isHuashuError } from '../../src/errors.js';
import { templateCompiler } from '../../src/templates/compiler.js';

// One conversation shape — `history: [{ role, text, at? }]`, oldest first — for analyze, lint and
// reply; `previousAgentMessage` is a shorthand for a history that ends with that agent turn.
const assistant = createAssistant();
const askedForOrder = [
  { role: 'customer' as const, text: '我的快递到哪了', at: '2026-12-03T10:00:00+08:00' },
  { role: 'agent' as const, text: '亲 麻烦提供一下订单号', at: '2026-12-03T10:00:20+08:00' },
];

describe('context from history', () => {
  it.each([
    ['history ending with the agent asking for data', { history: askedForOrder }, 'ack'],
    ['the shorthand', { previousAgentMessage: '亲 麻烦提供一下订单号' }, 'ack'],
    ['no context', {}, 'other'],
  ])('a bare order number after %s', (_, context, intent) => {
    expect(assistant.analyze('[订单x]', context).intent.id).toBe(intent);
  });

  it.each([
    ['an explanation', '是的呢，现在都是电子发票', '哦', 'statement', 'answer/ack-after-statement'],
    [
      'an English statement',
      'Your parcel left our warehouse this morning.',
      'ok',
      'statement',
      'answer/ack-after-statement',
    ],
    ['a yes/no question', '亲，是要改成上海市的这个地址吗？', '好的', 'question', 'answer/ack'],
    ['a request for the order number', '亲 麻烦提供一下订单号', '[订单x]', 'asked_for_data', 'answer/ack'],
    // A question word and a final 呢 ask without a question mark; 我 before it says what the agent will do.
    ['a question word and a final 呢', '亲 您是哪天下单的呢', '[日期x]', 'question', 'answer/ack'],
    ['who, and a final 呢', '亲 贺卡上写谁的名字呢', '[姓名x]', 'question', 'answer/ack'],
    [
      'what the agent will look into',
      '我帮您查下是哪里的问题呢',
      '好的',
      'statement',
      'answer/ack-after-statement',
    ],
    ['an English wh-question without a mark', 'What size would you like', 'ok', 'question', 'answer/ack'],
    ['a request for the city', '亲 麻烦发一下您所在的城市', '[地址x]', 'asked_for_data', 'answer/ack'],
    [
      'whether anything else is needed',
      '请问还有其他可以帮您的吗？',
      '没有了',
      'asked_anything_else',
      undefined,
    ],
    ['a greeting', '您好，请问有什么可以帮您？', '我的快递到哪了', 'opening', undefined],
    // The request after a greeting in one message is what the customer answers.
    [
      'a greeting, then a request for the order number',
      '您好，欢迎光临本店！麻烦提供一下订单号哦',
      '[订单x]',
      'asked_for_data',
      'answer/ack',
    ],
    [
      'a greeting, then a request (zh-Hant)',
      '您好，很高興為您服務。請提供訂單編號，以便為您查詢',
      '[订单x]',
      'asked_for_data',
      'answer/ack',
    ],
    // A question of its own in a later sentence is what the customer answers; an offer of help
    // again is not.
    [
      'a greeting, then a yes/no question',
      '您好，请问有什么可以为您效劳的呢? 请问您咨询的是这款商品么',
      '是的',
      'question',
      undefined,
    ],
    [
      'a greeting, then a question (zh-Hant)',
      '您好，很高興為您服務。請問您使用的是哪一家銀行的信用卡？',
      '國泰',
      'question',
      undefined,
    ],
    // An acknowledgement of "anything else?" closes: nothing is pending and the question was just asked.
    [
      'an offer of further help',
      '请问还有其他可以帮您的吗？',
      '哦，晚上试试',
      'asked_anything_else',
      'answer/ack-after-anything-else',
    ],
    [
      'instructions, then an offer of further help (zh-Hant)',
      '下載好驅動就可以了 請問還有其他需要幫您的嗎',
      '好，我試試',
      'asked_anything_else',
      'answer/ack-after-anything-else',
    ],
    [
      'an English offer of further help',
      'Is there anything else I can help you with?',
      'ok',
      'asked_anything_else',
      'answer/ack-after-anything-else',
    ],
    [
      'a greeting, then an offer of help',
      '您好，欢迎光临！请问有什么可以帮您？',
      '我的快递到哪了',
      'opening',
      undefined,
    ],
    [
      'a request, then a greeting',
      '请提供订单号。您好，请问有什么可以帮您？',
      '我的快递到哪了',
      'opening',
      undefined,
    ],
  ])(
    'after %s the analysis says what the agent did, and an acknowledgement promises action only when it answers',
    (_, agent, text, kind, template) => {
      const analysis = assistant.analyze(text, { previousAgentMessage: agent });
      expect(analysis.previousAgentTurn).toBe(kind);
      // The history form reads the same agent turn.
      expect(assistant.analyze(text, { history: [{ role: 'agent', text: agent }] }).previousAgentTurn).toBe(
        kind,
      );
      const reply = assistant.reply(text, { context: { previousAgentMessage: agent } });
      if (template !== undefined) expect(reply.replies.map((r) => r.templateId)).toEqual([template]);
      else expect(reply.replies.map((r) => r.templateId)).not.toContain('answer/ack-after-statement');
    },
  );

  it('no agent turn, no previousAgentTurn', () => {
    expect(assistant.analyze('好的')).not.toHaveProperty('previousAgentTurn');
    expect(assistant.analyze('好的', { previousAgentMessage: null })).not.toHaveProperty('previousAgentTurn');
  });

  it('lint reads history as it reads the older conversation field', () => {
    const reply = '好的，马上为您查询';
    const turns = [{ role: 'customer' as const, text: '你们太差劲了，我要投诉' }];
    const byHistory = assistant.lint(reply, { history: turns });
    const byConversation = assistant.lint(reply, { conversation: turns });
    expect(byHistory).toEqual(byConversation);
    // The conversation rules ran: no greeting in a first reply, no apology to a complaint.
    expect(byHistory.findings.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['greet-first', 'apologize-on-complaint']),
    );
    expect(assistant.lint(reply).findings.map((f) => f.ruleId)).not.toContain('greet-first');
  });

  it('reply() lints its own reply in the conversation it answers', () => {
    const withHistory = assistant.reply('[订单x]', { context: { history: askedForOrder } });
    const alone = assistant.reply('[订单x]', { context: { previousAgentMessage: '亲 麻烦提供一下订单号' } });
    expect(withHistory.analysis.intent.id).toBe('ack');
    expect(withHistory.text).toBe(alone.text);
    // The agent already spoke: greeting first is not required of this reply.
    expect(withHistory.lint.findings.map((f) => f.ruleId)).not.toContain('greet-first');
  });

  it.each([
    [{ history: [{ role: 'bot', text: 'x' }] }],
    [{ history: [{ role: 'agent', text: 1 }] }],
    [{ history: 'hello' }],
  ])('rejects a malformed history %j with INVALID_INPUT', (context) => {
    for (const call of [
      () => assistant.analyze('你好', context as never),
      () => assistant.lint('你好', context as never),
      () => assistant.reply('你好', { context: context as never }),
    ]) {
      let error: unknown;
      try {
        call();
      } catch (e) {
        error = e;
      }
      expect(isHuashuError(error) && error.code).toBe('INVALID_INPUT');
    }
  });
});

describe('suggestions carry no sample data', () => {
  it.each([
    ['好的，马上帮您查询', /亲/u],
    ['好的，馬上幫您查詢', /親/u],
    ['OK, let me check that for you', /customer/u],
  ])('greet-first on %j suggests the neutral honorific', (reply, honorific) => {
    const { findings } = assistant.lint(reply, { history: [{ role: 'customer', text: '在吗' }] });
    const suggestion = findings.find((f) => f.ruleId === 'greet-first')?.suggestions?.[0]?.text ?? '';
    expect(suggestion).toMatch(honorific);
    expect(suggestion).not.toMatch(/王|陈|陳|Chen|Emily|Ms /u);
  });

  it("a pack's own template is suggested with the pack's values", () => {
    const shop = createAssistant({
      templateCompiler,
      templates: [
        {
          id: 'opening/chat',
          stage: 'opening',
          intents: ['greeting'],
          channels: ['chat'],
          description: 'The shop greeting',
          variables: {},
          sources: { 'zh-Hans': '欢迎光临小熊旗舰店，请问有什么可以帮您？' },
        },
      ],
    });
    const { findings } = shop.lint('好的，马上帮您查询', { history: [{ role: 'customer', text: '在吗' }] });
    expect(findings.find((f) => f.ruleId === 'greet-first')?.suggestions?.[0]?.text).toBe(
      '欢迎光临小熊旗舰店，请问有什么可以帮您？',
    );
  });
});
