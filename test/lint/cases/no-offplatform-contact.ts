/** The RuleTester table of `no-offplatform-contact`: test/lint/rules runs it, the documentation site shows it. */
import type { RuleCases } from './types.js';

export const noOffplatformContactCases: RuleCases = {
  valid: [
    // Naming a payment method or the shop's official account is not steering off the platform.
    '支持微信支付、支付宝和银行卡',
    '可以使用微信支付哦',
    '请您关注我们的微信公众号',
    '因为是微信渠道，无法及时显示您的订单号哈',
    '您的这个QQ邮箱多少呢',
    '您的微信号绑定了吗？',
    '退款会原路返回到您的支付账户',
    // A handle without an account id.
    'QQ音乐会员也可以用哦',
    '微信 12345 积分可以兑换',
    'Please check line 12345 of the invoice.',
    // Traditional and English.
    '您可以使用LINE Pay付款',
    'line 1 與 line 2 都可以填地址',
    'You can pay with WeChat Pay or Alipay.',
    'Please keep all messages in this chat.',
    'The refund goes back to your original payment method.',
  ],
  invalid: [
    { text: '加我微信聊', errors: [{ messageId: 'offPlatform', actual: '加我微信' }] },
    { text: '亲，加个 V X 吧', errors: [{ messageId: 'offPlatform', actual: '加个 V X' }] },
    { text: '加我ＶＸ', errors: [{ messageId: 'offPlatform', actual: '加我ＶＸ' }] },
    { text: 'QQ号发您了', errors: [{ messageId: 'offPlatform', actual: 'QQ号' }] },
    { text: 'QQ:12345678', errors: [{ messageId: 'offPlatform', actual: 'QQ' }] },
    { text: '微信：abc12345，有事找我', errors: [{ messageId: 'offPlatform', actual: '微信' }] },
    { text: 'vx号是 abc_123', errors: [{ messageId: 'offPlatform' }] },
    { text: '我们私下转账就行', errors: [{ messageId: 'offPlatform', actual: '私下转账' }] },
    { text: '直接转账给我，便宜点', errors: [{ messageId: 'offPlatform' }] },
    { text: '不走平台可以少十块', errors: [{ messageId: 'offPlatform', message: '平台之外' }] },
    // Traditional.
    { text: '加我LINE聊', errors: [{ messageId: 'offPlatform', actual: '加我LINE' }] },
    {
      text: '加我微信啦，私下轉帳更便宜',
      errors: [{ messageId: 'offPlatform' }, { messageId: 'offPlatform', message: '平臺之外' }],
    },
    { text: 'LINE: kevin_shop88', errors: [{ messageId: 'offPlatform', actual: 'LINE' }] },
    // English.
    {
      text: 'Add me on WeChat',
      errors: [{ messageId: 'offPlatform', actual: 'Add me on', message: 'off the platform' }],
    },
    {
      text: 'Message me on WhatsApp',
      errors: [{ messageId: 'offPlatform' }, { messageId: 'offPlatform', actual: 'WhatsApp' }],
    },
    { text: "Pay me directly and I'll give you a discount.", errors: [{ messageId: 'offPlatform' }] },
    { text: 'WeChat: shop_helper88', errors: [{ messageId: 'offPlatform', actual: 'WeChat' }] },
  ],
};
