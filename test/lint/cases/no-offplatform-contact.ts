/** The RuleTester table of `no-offplatform-contact`: test/lint/rules runs it, the documentation site shows it. */
import type { RuleCases } from './types.js';

const off = (actual?: string) => ({ messageId: 'offPlatform', ...(actual === undefined ? {} : { actual }) });

export const noOffplatformContactCases: RuleCases = {
  valid: [
    // Warnings and refusals that name a channel: the twins of the invitations below.
    '谨防有人冒充客服加您微信',
    '本店不会要求您加QQ',
    '请勿相信任何让您加vx的人',
    '要求加卫星的都是骗子，请注意',
    '客服不会私下让您加扣扣，请放心',
    '不需要加微信，在这里沟通就可以',
    '如有人以客服名义让您加QQ，请勿相信',
    '本店不会要求您私下支付宝付款',
    '凡是要求银行卡转账给个人的都是诈骗',
    '提醒：官方客服不会添加您的微信或QQ，谨防受骗',
    // Platform talk that names a channel or a way to pay.
    '支持微信支付、支付宝和银行卡',
    '可以使用微信支付哦',
    '请您关注我们的微信公众号',
    '因为是微信渠道，无法及时显示您的订单号哈',
    '您的这个QQ邮箱多少呢',
    '您的微信号绑定了吗？',
    '退款会原路返回到您的支付账户',
    '退款会原路退回您的支付宝',
    '这款卫星天线支持全国联保',
    '客服热线：400-820-8820',
    '您的手机号是 13800001111 吗？',
    // A channel name with no invitation frame, or a number that is not an account.
    'QQ音乐会员也可以用哦',
    '微信 12345 积分可以兑换',
    'Please check line 12345 of the invoice.',
    // Traditional.
    '謹防有人冒充客服加您LINE',
    '本店不會要求您加賴',
    '請勿相信要您用街口轉帳的人',
    '我們沒有IG私訊客服，請在這裡留言',
    '您可以使用LINE Pay付款',
    'line 1 與 line 2 都可以填地址',
    '歡迎追蹤我們的官方LINE帳號查看活動',
    // English.
    'We will never ask you to move to WhatsApp.',
    'Beware of scammers on Telegram pretending to be us.',
    "Please don't add anyone on WeChat who claims to be our staff.",
    'Anyone asking you to DM them on Instagram is not us.',
    'We never ask for payment via Venmo or Zelle.',
    'You can pay with WeChat Pay or Alipay.',
    'You can also pay by bank transfer at checkout.',
    'Please keep all messages in this chat.',
    'The refund goes back to your original payment method.',
    'Our line is open from 9 to 5.',
    'Call our hotline number 800-555-0100 for help.',
  ],
  invalid: [
    // Contact channels in any spelling, inside an invitation frame.
    { text: '加我微信聊', errors: [off('加我微信')] },
    { text: '亲，加个 V X 吧', errors: [off('加个 V X')] },
    { text: '加我ＶＸ', errors: [off('加我ＶＸ')] },
    { text: '加个卫星，我发您图片', errors: [off('加个卫星')] },
    { text: '有问题直接扣扣找我', errors: [off('扣扣找我')] },
    { text: '要退款的话V我', errors: [off('V我')] },
    { text: '亲可以+v详谈哦', errors: [off('v详谈')] },
    { text: 'QQ号发您了', errors: [off('QQ号发您')] },
    { text: 'QQ:12345678', errors: [off('QQ')] },
    { text: '微信：abc12345，有事找我', errors: [off('微信')] },
    { text: 'vx号是 abc_123', errors: [off('vx')] },
    { text: '您添加下客服的私人微信', errors: [off('添加下客服的私人微信')] },
    { text: '不要在这里说了，加我微信', errors: [off('加我微信')] },
    { text: '我的手机号是13800001111，有事打给我', errors: [off('我的手机号')] },
    // Payment off the checkout.
    { text: '我们私下转账就行', errors: [off('私下转账')] },
    { text: '直接转账给我，便宜点', errors: [off('转账给我')] },
    {
      text: '不走平台可以少十块',
      errors: [{ messageId: 'offPlatform', actual: '不走平台', message: '平台之外' }],
    },
    { text: '您用支付宝转我就行，不用拍了', errors: [off('支付宝转我')] },
    { text: '拍下后别付款，银行卡直接转我', errors: [off('银行卡直接转我')] },
    // Traditional.
    { text: '加我LINE聊', errors: [off('加我LINE')] },
    { text: '加個賴吧，我傳照片給您', errors: [off('加個賴')] },
    { text: '有問題IG私訊我', errors: [off('IG私訊我')] },
    { text: 'LINE ID：shop0922，加了跟我說一聲', errors: [off('LINE')] },
    { text: '直接匯款給我，便宜兩百', errors: [off('直接匯款給我')] },
    { text: '您用街口轉給我就好', errors: [off('街口轉給我')] },
    {
      text: '加我微信啦，私下轉帳更便宜',
      errors: [off('加我微信'), { messageId: 'offPlatform', actual: '私下轉帳', message: '平臺之外' }],
    },
    // English.
    {
      text: 'Add me on WeChat',
      errors: [{ messageId: 'offPlatform', actual: 'Add me on', message: 'off the platform' }],
    },
    { text: 'Message me on WhatsApp', errors: [off('Message me on WhatsApp')] },
    { text: 'DM me on Insta for a better price.', errors: [off('DM me on Insta')] },
    { text: 'WhatsApp me anytime.', errors: [off('WhatsApp me')] },
    { text: "Let's move this chat to Telegram.", errors: [off('chat to Telegram')] },
    { text: 'WeChat: shop_helper88', errors: [off('WeChat')] },
    { text: "Pay me directly and I'll give you a discount.", errors: [off('Pay me directly')] },
    { text: 'Venmo me the balance and I will ship today.', errors: [off('Venmo me')] },
    { text: 'Skip the checkout and pay me through Cash App.', errors: [off()] },
    { text: "Don't hesitate to message me on WhatsApp.", errors: [off('message me on WhatsApp')] },
  ],
};
