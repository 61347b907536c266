/** The RuleTester table of `no-forbidden-phrase`: test/lint/rules runs it, the documentation site shows it. */
import type { RuleCases } from './types.js';

export const noForbiddenPhraseCases: RuleCases = {
  valid: [
    // The harmless uses the domain brief names.
    '不知道您方便吗',
    '我也不清楚，马上帮您问一下',
    '您可以在"我的订单"查看',
    '您可以在“我的订单”查看',
    // Polite service language (the prescribed phrases).
    '您好，请问有什么可以帮您？',
    '对不起，听不到您的声音，请您再拨一次好吗？',
    '请您别着急，慢慢讲，我们会尽力帮您解决。',
    '您先不要着急哦',
    '您着急的心情这边非常理解，这边会尽快给您处理的。',
    '不知道我刚才是否将您的问题解释清楚了？',
    '建议您到附近的网点咨询一下',
    '建议您先联系一下商家处理，如果处理不了可以联系我们客服帮您处理的哦',
    '这是平台的规定，不过我可以帮您申请特殊处理',
    '超过七天按国家三包规定享受服务',
    '我这边是没办法修改价格的哦，我帮您申请一张优惠券可以吗？',
    '这样行不行？',
    '如果还是不行先卸载驱动',
    '这也不会影响使用的哦',
    '您要怎么样处理呢？退款或换货都可以',
    '您着急什么时候用呢？',
    '这是快递的问题，我马上帮您联系快递核实',
    '您那边忙着呢，我晚点再联系您',
    '请您耐心等着，有消息马上通知您',
    '您要不要随便看看其他款式？',
    '暂时不知道您的问题是否解决了，有问题随时联系我',
    // Traditional Chinese, the same harmless uses.
    '不知道您方便嗎',
    '我也不清楚，馬上幫您問一下',
    '請問您是聽不懂粵語嗎？我可以改用國語',
    '唔知你方唔方便？',
    '我都唔知，即刻幫你問下',
    // English.
    'Sorry, I could not hear you clearly. Could you say that again?',
    "I don't know yet, let me check with the warehouse.",
    "That's our policy, but I can ask for an exception for you.",
    'Our policy allows returns within 7 days.',
    'What would you like us to do: a refund or a replacement?',
    'This is my job and I will follow it up.',
    'Kind regards',
    '您看我能怎么帮您？',
    '这是我们的问题，非常抱歉',
  ],
  invalid: [
    // The domain brief's examples, one per category.
    {
      text: '不是告诉你了，怎么还不明白？',
      errors: [
        {
          messageId: 'rhetorical',
          actual: '不是告诉你了',
          data: { category: 'rhetorical' },
          suggestion: 'situation/check-understanding@zh-Hans',
        },
        { messageId: 'interrogation', actual: '怎么还不明白', data: { category: 'interrogation' } },
      ],
    },
    {
      text: '大点声，听不见！',
      errors: [
        { messageId: 'scolding', actual: '大点声', suggestion: 'situation/did-not-catch@zh-Hans' },
        { messageId: 'scolding', actual: '听不见' },
      ],
    },
    {
      text: '不是我办的，不知道，不清楚。',
      errors: [
        { messageId: 'deflection', actual: '不是我办的', suggestion: 'situation/take-ownership@zh-Hans' },
        { messageId: 'flat_refusal', actual: '不知道', suggestion: 'situation/cannot-answer-now@zh-Hans' },
        { messageId: 'flat_refusal', actual: '不清楚' },
      ],
    },
    { text: '你到XX部门问问吧', errors: [{ messageId: 'deflection', actual: '你到XX部门问问' }] },
    { text: '你怎么连这个也不懂', errors: [{ messageId: 'discrimination', actual: '连这个也不懂' }] },
    {
      text: '这是规定，我有什么办法',
      errors: [
        { messageId: 'flat_refusal', actual: '这是规定', message: '生硬拒绝' },
        { messageId: 'flat_refusal', actual: '我有什么办法' },
      ],
    },
    { text: '你不是说要退货吗？', errors: [{ messageId: 'rhetorical' }] },
    { text: '着什么急', errors: [{ messageId: 'impatience', suggestion: 'situation/please-wait@zh-Hans' }] },
    { text: '我正忙着', errors: [{ messageId: 'impatience' }] },
    { text: '我们处理不了', errors: [{ messageId: 'flat_refusal' }] },
    { text: '有意见去投诉', errors: [{ messageId: 'deflection' }] },
    { text: '找我们领导去', errors: [{ messageId: 'deflection' }] },
    { text: '爱买不买', errors: [{ messageId: 'not_my_business', data: { category: 'not_my_business' } }] },
    { text: '成不成交与我无关', errors: [{ messageId: 'not_my_business' }] },
    {
      text: '这是常识，说了你也不懂',
      errors: [{ messageId: 'condescension' }, { messageId: 'condescension' }],
    },
    { text: '你听不懂吗？', errors: [{ messageId: 'interrogation' }] },
    { text: '我又能怎么办', errors: [{ messageId: 'flat_refusal' }] },
    { text: '那是你自己的问题', errors: [{ messageId: 'deflection', actual: '是你自己的问题' }] },
    { text: 'Did you even read the description?', errors: [{ messageId: 'rhetorical' }] },
    { text: "That's your problem.", errors: [{ messageId: 'not_my_business' }] },
    // Variants: 亲 prefix, particles, 您 for 你, spaces and punctuation inside the phrase.
    { text: '亲，着什么急呀', errors: [{ messageId: 'impatience', actual: '着什么急' }] },
    { text: '您到XX部门问问吧', errors: [{ messageId: 'deflection', actual: '您到XX部门问问' }] },
    { text: '不 知 道。', errors: [{ messageId: 'flat_refusal', actual: '不 知 道' }] },
    { text: '你·到·售后·部门·问问', errors: [{ messageId: 'deflection', actual: '你·到·售后·部门·问问' }] },
    {
      text: '这是规定呢，我有什么办法啊',
      errors: [{ messageId: 'flat_refusal' }, { messageId: 'flat_refusal' }],
    },
    { text: '不清楚呢亲', errors: [{ messageId: 'flat_refusal', actual: '不清楚' }] },
    { text: '爱 买 不 买！', errors: [{ messageId: 'not_my_business', actual: '爱 买 不 买' }] },
    // Full-width letters and punctuation.
    { text: '你到ＸＸ部门问问吧！', errors: [{ messageId: 'deflection', actual: '你到ＸＸ部门问问' }] },
    // Traditional Chinese: the simplified data folds to it, and the zh-Hant data adds regional wording.
    {
      text: '不是告訴你了，怎麼還不明白？',
      errors: [
        {
          messageId: 'rhetorical',
          actual: '不是告訴你了',
          message: '服務忌語（反問）',
          suggestion: 'situation/check-understanding@zh-Hant',
        },
        { messageId: 'interrogation', actual: '怎麼還不明白' },
      ],
    },
    {
      text: '這是規定，我有什麼辦法',
      errors: [
        { messageId: 'flat_refusal', actual: '這是規定' },
        { messageId: 'flat_refusal', actual: '我有什麼辦法' },
      ],
    },
    { text: '你到XX部門問問吧', errors: [{ messageId: 'deflection' }] },
    { text: '著什麼急啦', errors: [{ messageId: 'impatience', actual: '著什麼急' }] },
    { text: '你很煩耶', errors: [{ messageId: 'scolding' }] },
    { text: '唔關我事', errors: [{ messageId: 'not_my_business' }] },
    { text: '這不干我的事', errors: [{ messageId: 'not_my_business' }] },
    { text: '冇辦法', errors: [{ messageId: 'flat_refusal' }] },
    { text: '你是聽不懂喔？', errors: [{ messageId: 'interrogation' }] },
    // English.
    {
      text: "That's not my department.",
      errors: [
        {
          messageId: 'deflection',
          actual: 'not my department',
          message: 'pushing responsibility away',
          suggestion: 'situation/take-ownership@en',
        },
      ],
    },
    { text: 'Calm down!', errors: [{ messageId: 'impatience' }] },
    { text: "I don't know.", errors: [{ messageId: 'flat_refusal', actual: "I don't know" }] },
    { text: 'Rules are rules.', errors: [{ messageId: 'flat_refusal' }] },
    { text: "Didn't I already tell you?", errors: [{ messageId: 'rhetorical' }] },
    { text: 'What do you want from me?', errors: [{ messageId: 'interrogation' }] },
    { text: 'People like you always complain.', errors: [{ messageId: 'discrimination' }] },
    { text: "It's common sense.", errors: [{ messageId: 'condescension' }] },
    {
      text: 'Not my problem. Take it or leave it.',
      errors: [{ messageId: 'not_my_business' }, { messageId: 'not_my_business' }],
    },
    { text: 'Shut up', errors: [{ messageId: 'scolding' }] },
    // English variants: case, full width, punctuation inside.
    { text: 'NOT MY PROBLEM', errors: [{ messageId: 'not_my_business', actual: 'NOT MY PROBLEM' }] },
    { text: 'ｃａｌｍ ｄｏｗｎ', errors: [{ messageId: 'impatience', actual: 'ｃａｌｍ ｄｏｗｎ' }] },
    { text: 'not-my-problem!!', errors: [{ messageId: 'not_my_business', actual: 'not-my-problem' }] },
  ],
};
