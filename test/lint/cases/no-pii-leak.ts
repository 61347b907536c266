/** The RuleTester table of `no-pii-leak`: test/lint/rules runs it, the documentation site shows it. */
import type { RuleCases } from './types.js';

// A checksum-valid mainland ID number (GB 11643), made up for the test.
const ID = '11010519491231002X';
// Checksum-valid Taiwan and Hong Kong ID numbers, made up for the test.
const TW_ID = 'A123456789';
const HK_ID = 'A123456(3)';

export const noPiiLeakCases: RuleCases = {
  valid: [
    // Masked forms.
    '您的手机号是138****5678',
    '收货电话：[电话x]，地址：[地址x]',
    '您的邮箱z***@qq.com已绑定',
    '收货地址：北京市朝阳区建国路**号',
    // The shop's and the courier's numbers, and order / tracking numbers, are not the customer's.
    '配送员电话：13812345678',
    '客服热线：010-62345678',
    '订单号13812345678已为您备注',
    '退货地址：上海市浦东新区张江路100号',
    // Not personal data.
    '预计3-5个工作日送达',
    '金额为1380元，订单编号88812345678',
    '身份证号码不符合规则（校验位错误）：110105194912310021',
    // Traditional and English.
    '客服專線：02-2345-6789',
    'Call us on 010-62345678.',
    // The courier's number, and a call at a time (the twins of the call-you-on cases below).
    'You can call the courier on 07700 900123.',
    'We will call you at 3 pm on 12 May.',
    'Courier: 13812345678',
    'Order number 13812345678',
    // An 8-digit local number without a cue, a card-like number without a card cue (order numbers look the same).
    '另一个号码是 6123 4567',
    '订单号 6222020200112345679',
    '流水 4111111111111111',
    // Masked forms of every kind.
    '您的手机号 +852 ****4567',
    '您的身份证1101**********002X',
    '您的银行卡号6222****5679',
    '您的邮箱***@example.org',
    // Taiwan and Hong Kong ID shapes without a cue (a product code passes one check digit in ten),
    // and with a wrong check digit.
    `型號 ${TW_ID}`,
    '你的身份證號碼係 A123456(4)',
    // Words ending in 道 are not streets: 知道3号 is "know about the 3rd".
    '您知道3号发货吗？频道5号有直播',
    // The shop's own repair point and returns warehouse.
    '请寄回我们的维修点：深圳市宝安区新安路66号',
    // Numerals and digit words that are not a phone: the twins of the read-out numbers below.
    '这款有一二三四五六七号色可选',
    '您的订单 壹贰叁肆伍陆柒 已发货',
    'Pick one, two, three, four or five items.',
    // 小老鼠 and @ that spell no address: the twins of the spelt-out addresses below.
    '小老鼠玩偶已发货，点这里查看物流',
    'See you @ 5pm at the store.',
    '退貨請寄回：台北市內湖區瑞光路300號 客服部',
    'Please return it to our warehouse: 500 Industrial Rd, Reno.',
    // "at" and "dot" that are not an e-mail address.
    'See you at the store, the one by the dot com bubble museum.',
    'It arrives at 5 pm.',
    // Numbers before a word that is not a street type.
    'Size 10 fits most people the same way.',
    // Dotted dates, versions, amounts and addresses are not phone numbers (groups of 1–2 digits).
    '发货日期 2024.12.05，版本 2.10.3',
    '价格 1.299.000 越南盾',
    '服务器地址 192.168.1.20',
    // A number grouped like a card that fails the Luhn check; an SSN shape with no cue.
    'Gift code 4111 1111 1111 1112 is not valid, sorry.',
    'Ticket 123-45-6789 has been closed.',
    // The shop's own return address, its divisions and a label between the cue and the street; a
    // masked name before a spelt-out "at"; numerals that are not a number read out (2026-12-07).
    '请先寄回本店售后仓：浙江省嘉兴市南湖区亚太路1052号 售后仓 收',
    'Please send the item to our returns center, Returns Dept., 4800 Commerce Pkwy, Reno, NV 89502.',
    'Your email starts with l*** and is at example dot com, right?',
    '第一二三四五六七条都写清楚了',
    '订单号 3 1 2 0 4 5 是这个吗',
    'It was a 3 way call',
  ],
  invalid: [
    // Findings carry only the masked form (`actual`, message, data, fix); `text` is the range's text.
    {
      text: '您的手机号是13812345678',
      errors: [
        {
          messageId: 'mobile',
          actual: '138****5678',
          text: '13812345678',
          severity: 'error',
          data: { masked: '138****5678' },
          message: '138****5678',
        },
      ],
      output: '您的手机号是138****5678',
    },
    {
      // The customer's own phone from the facts: an error even without a cue.
      text: '已为 138 1234 5678 登记',
      facts: { customer: { phone: '+86 138-1234-5678' } },
      errors: [{ messageId: 'mobile', actual: '138****5678', text: '138 1234 5678', severity: 'error' }],
      output: '已为 138****5678 登记',
    },
    // An address spelt out: 艾特 / 小老鼠 for @ and 点 (點) for the dot, or an @ set apart by spaces.
    {
      text: '您的邮箱 zhang 艾特 qq 点 com 已绑定',
      errors: [{ messageId: 'email', actual: 'z*** 艾特 qq 点 com', text: 'zhang 艾特 qq 点 com' }],
      output: '您的邮箱 z*** 艾特 qq 点 com 已绑定',
    },
    {
      text: '你的電郵 amy 小老鼠 yahoo 點 com 已登記',
      errors: [{ messageId: 'email', actual: 'a*** 小老鼠 yahoo 點 com', text: 'amy 小老鼠 yahoo 點 com' }],
      output: '你的電郵 a*** 小老鼠 yahoo 點 com 已登記',
    },
    {
      text: 'Your email is ann.crafts @ proton . me',
      errors: [{ messageId: 'email', actual: 'a*** @ proton . me', text: 'ann.crafts @ proton . me' }],
      output: 'Your email is a*** @ proton . me',
    },
    {
      // Full-width digits.
      text: '收货人电话：１３８１２３４５６７８',
      errors: [{ messageId: 'mobile', actual: '138****5678', text: '１３８１２３４５６７８' }],
      output: '收货人电话：138****5678',
    },
    {
      // Particles and the 亲 address around it.
      text: '亲，您的手机号呢是13812345678哦',
      errors: [{ messageId: 'mobile', severity: 'error', text: '13812345678' }],
      output: '亲，您的手机号呢是138****5678哦',
    },
    {
      // Owner unknown: a warning.
      text: '号码是13812345678',
      errors: [{ messageId: 'mobile', severity: 'warn' }],
      output: '号码是138****5678',
    },
    {
      // Glued by zero-width spaces: the range covers the number and the marks inside it.
      text: '您的手机号是138\u200b1234\u200b5678。',
      errors: [{ messageId: 'mobile', actual: '138****5678', text: '138\u200b1234\u200b5678' }],
      output: '您的手机号是138****5678。',
    },
    {
      text: '您的手机号+86 138-1234-5678！',
      errors: [{ messageId: 'mobile', actual: '138****5678', text: '+86 138-1234-5678' }],
      output: '您的手机号138****5678！',
    },
    {
      // Hong Kong: with the country code anywhere, without it only when introduced as the customer's.
      text: '您的電話 +852 9123 4567，另一個號碼是 6123 4567',
      errors: [{ messageId: 'phone', actual: '+852 ****4567', text: '+852 9123 4567', severity: 'error' }],
      output: '您的電話 +852 ****4567，另一個號碼是 6123 4567',
    },
    {
      text: '您的电话 9123-4567',
      errors: [{ messageId: 'mobile', actual: '****4567', text: '9123-4567', severity: 'error' }],
      output: '您的电话 ****4567',
    },
    {
      text: 'Call me at +1 (415) 555-0199',
      errors: [{ messageId: 'phone', actual: '+1 ****0199', text: '+1 (415) 555-0199', severity: 'warn' }],
      output: 'Call me at +1 ****0199',
    },
    {
      text: `身份证${ID}已核验`,
      errors: [{ messageId: 'id-card', actual: '1101**********002X', text: ID, severity: 'error' }],
      output: '身份证1101**********002X已核验',
    },
    {
      // An ID number after the shop's hotline is still the customer's: an error.
      text: `客服热线已登记身份证 ${ID.toLowerCase()}`,
      errors: [{ messageId: 'id-card', actual: '1101**********002X', severity: 'error' }],
      output: '客服热线已登记身份证 1101**********002X',
    },
    {
      // Full-width ID number: masked in ASCII.
      text: '您的身份证１１０１０５１９４９１２３１００２Ｘ',
      errors: [
        { messageId: 'id-card', actual: '1101**********002X', text: '１１０１０５１９４９１２３１００２Ｘ' },
      ],
      output: '您的身份证1101**********002X',
    },
    {
      text: '您的银行卡号 6222 0202 0011 2345 679 已绑定',
      errors: [
        {
          messageId: 'bank-card',
          actual: '6222****5679',
          text: '6222 0202 0011 2345 679',
          severity: 'error',
        },
      ],
      output: '您的银行卡号 6222****5679 已绑定',
    },
    {
      text: 'Refunded to card number 4111111111111111.',
      errors: [{ messageId: 'bank-card', actual: '4111****1111', severity: 'error' }],
      output: 'Refunded to card number 4111****1111.',
    },
    {
      text: '您的邮箱zhang.san@example.com已绑定',
      errors: [
        { messageId: 'email', actual: 'z***@example.com', text: 'zhang.san@example.com', severity: 'error' },
      ],
      output: '您的邮箱z***@example.com已绑定',
    },
    {
      // Full-width letters and ＠: the whole address is found and masked (was "ｚ***ｍ").
      text: '您的邮箱ｚｈａｎｇ＠ｑｑ．ｃｏｍ',
      errors: [{ messageId: 'email', actual: 'z***@qq.com', text: 'ｚｈａｎｇ＠ｑｑ．ｃｏｍ' }],
      output: '您的邮箱z***@qq.com',
    },
    {
      // A name of one or two characters is hidden whole.
      text: 'Your email is Al@example.org',
      errors: [{ messageId: 'email', actual: '***@example.org', severity: 'error' }],
      output: 'Your email is ***@example.org',
    },
    {
      // The range is the street and its numbers, not the city or the cue before it.
      text: '收货地址：北京市朝阳区建国路88号3栋2单元501室',
      errors: [
        {
          messageId: 'address',
          severity: 'error',
          actual: '建国路**号**栋**单元**室',
          text: '建国路88号3栋2单元501室',
        },
      ],
      output: '收货地址：北京市朝阳区建国路**号**栋**单元**室',
    },
    {
      // An address is an error even when its owner is not said (it was a warning).
      text: '已寄往张江路100号，请查收',
      errors: [{ messageId: 'address', severity: 'error', actual: '张江路**号', text: '张江路100号' }],
      output: '已寄往张江路**号，请查收',
    },
    {
      // The cue is not part of the range (it was: 您的地址松仁路１００號), so the owner is known.
      text: '您的地址松仁路１００號',
      errors: [{ messageId: 'address', severity: 'error', actual: '松仁路**號', text: '松仁路１００號' }],
      output: '您的地址松仁路**號',
    },
    {
      text: '您的固定电话010-62345678',
      errors: [{ messageId: 'landline', actual: '010-****5678', text: '010-62345678' }],
      output: '您的固定电话010-****5678',
    },
    {
      text: '您的手機號碼是0912345678，收件地址：台北市信義區松仁路100號',
      errors: [
        { messageId: 'mobile', actual: '091****5678', severity: 'error', message: '完整的手機號' },
        { messageId: 'address', severity: 'error', message: '詳細地址', actual: '松仁路**號' },
      ],
      output: '您的手機號碼是091****5678，收件地址：台北市信義區松仁路**號',
    },
    {
      text: 'Your phone number is 13812345678.',
      errors: [{ messageId: 'mobile', message: 'A full mobile number' }],
      output: 'Your phone number is 138****5678.',
    },
    {
      text: `您的身分證字號 ${TW_ID} 已核對`,
      errors: [{ messageId: 'id-card', severity: 'error', actual: 'A1******89', text: TW_ID }],
      output: '您的身分證字號 A1******89 已核對',
    },
    {
      text: `你嘅身份證號碼係 ${HK_ID}`,
      errors: [{ messageId: 'id-card', severity: 'error', text: HK_ID }],
      output: '你嘅身份證號碼係 A1****63',
    },
    // A card number written in groups needs no cue (order numbers are not written so); a bare
    // 卡 or a brand name is a cue for one written whole.
    {
      text: 'The refund went back to 4111 1111 1111 1111, allow 5 days.',
      errors: [{ messageId: 'bank-card', actual: '4111****1111' }],
      output: 'The refund went back to 4111****1111, allow 5 days.',
    },
    {
      text: 'Charged to Amex 3782 822463 10005 today.',
      errors: [{ messageId: 'bank-card', actual: '3782****0005' }],
      output: 'Charged to Amex 3782****0005 today.',
    },
    {
      text: '退款已经退回到卡 4111111111111111 啦',
      errors: [{ messageId: 'bank-card', actual: '4111****1111' }],
      output: '退款已经退回到卡 4111****1111 啦',
    },
    // A phone number written with dots.
    {
      text: '您的手机 133.0871.2264 还在用吗',
      errors: [{ messageId: 'mobile' }],
      output: '您的手机 133****2264 还在用吗',
    },
    // A mainland road's section (西段) before the house number.
    {
      text: '收货地址改成金开大道西段106号',
      errors: [{ messageId: 'address' }],
      output: '收货地址改成金开大道西段**号',
    },
    // A mainland ID written in 6 · 8 · 4; a US SSN and a UK NI number after the customer's cue.
    {
      text: `登记的是 ${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`,
      errors: [{ messageId: 'id-card', actual: '1101**********002X' }],
      output: '登记的是 1101**********002X',
    },
    {
      text: 'I have your SSN as 123-45-6789, is that right?',
      errors: [{ messageId: 'id-card', actual: '12*****89' }],
      output: 'I have your SSN as 12*****89, is that right?',
    },
    {
      text: 'Your National Insurance number AB 12 34 56 C is on file.',
      errors: [{ messageId: 'id-card', actual: 'AB*****6C' }],
      output: 'Your National Insurance number AB*****6C is on file.',
    },
    {
      text: '你嘅手機號碼 9123 4567 已經登記',
      errors: [{ messageId: 'mobile', severity: 'error' }],
      output: '你嘅手機號碼 ****4567 已經登記',
    },
    {
      text: '已幫您改寄到新北市板橋區文化路一段188巷5弄3號',
      errors: [{ messageId: 'address', severity: 'error', actual: '文化路一段**巷**弄**號' }],
      output: '已幫您改寄到新北市板橋區文化路一段**巷**弄**號',
    },
    {
      text: '地址是香港九龍旺角彌敦道688號',
      errors: [{ messageId: 'address', severity: 'error' }],
      output: '地址是香港九龍旺角彌敦道**號',
    },
    {
      text: '您的收货地址是成都市武侯区人民南路四段27号',
      errors: [{ messageId: 'address', severity: 'error', actual: '人民南路四段**号' }],
      output: '您的收货地址是成都市武侯区人民南路四段**号',
    },
    {
      text: 'Your delivery address is 1600 Pennsylvania Ave NW, correct?',
      errors: [{ messageId: 'address', severity: 'error', actual: '** Pennsylvania Ave' }],
      output: 'Your delivery address is ** Pennsylvania Ave NW, correct?',
    },
    {
      text: "I'll email it to jane.doe at gmail dot com.",
      errors: [{ messageId: 'email', severity: 'warn', actual: 'j*** at gmail dot com' }],
      output: "I'll email it to j*** at gmail dot com.",
    },
    {
      text: 'Your phone number 07400 123456 is on the order.',
      errors: [{ messageId: 'mobile', severity: 'error' }],
      output: 'Your phone number 074****3456 is on the order.',
    },
    // The number we call or text the customer on is theirs, even after a courier (a UK mobile in
    // 5 · 6 groups needs an owner cue; a US number is otherwise a warning).
    {
      text: 'The courier will ring you on 07700 900123 before delivery.',
      errors: [{ messageId: 'mobile', severity: 'error', actual: '077****0123', text: '07700 900123' }],
      output: 'The courier will ring you on 077****0123 before delivery.',
    },
    {
      text: 'We will text you at 415-867-5309 when it ships.',
      errors: [{ messageId: 'landline', severity: 'error', actual: '415-****5309' }],
      output: 'We will text you at 415-****5309 when it ships.',
    },
    {
      text: 'Delivery address: 221B Baker Street',
      errors: [
        { messageId: 'address', severity: 'error', actual: '** Baker Street', text: '221B Baker Street' },
      ],
      output: 'Delivery address: ** Baker Street',
    },
    // A number read out to get past a filter: 幺/洞/拐 as on the phone, financial capitals, words.
    {
      text: '您的手机号 幺三九洞洞幺二拐拐八五 已登记',
      errors: [
        { messageId: 'mobile', actual: '139****7785', text: '幺三九洞洞幺二拐拐八五', severity: 'error' },
      ],
      output: '您的手机号 139****7785 已登记',
    },
    {
      text: '您的手機 零玖壹貳 參肆伍 陸柒捌',
      errors: [
        { messageId: 'mobile', actual: '091****5678', text: '零玖壹貳 參肆伍 陸柒捌', severity: 'error' },
      ],
      output: '您的手機 091****5678',
    },
    {
      // Read out, the digits have no country: 07700900461 reads as a (Chinese) landline's shape.
      text: 'Your number is oh-seven-seven-double-oh, nine-double-oh, four-six-one.',
      errors: [
        {
          messageId: 'landline',
          actual: '077-****0461',
          text: 'oh-seven-seven-double-oh, nine-double-oh, four-six-one',
        },
      ],
      output: 'Your number is 077-****0461.',
    },
    // A number read out in Chinese numerals or digit by digit is masked as its digits.
    {
      text: '收件电话：幺三八零零幺三八幺五零',
      errors: [
        { messageId: 'mobile', severity: 'error', actual: '138****8150', text: '幺三八零零幺三八幺五零' },
      ],
      output: '收件电话：138****8150',
    },
    {
      text: '您的手机号 1 3 8 0 0 1 3 8 0 7 7 已经查到订单了',
      errors: [{ messageId: 'mobile', severity: 'error', actual: '138****8077' }],
      output: '您的手机号 138****8077 已经查到订单了',
    },
    {
      // No owner said: a warning.
      text: '跟您覆述一次手機號碼：零九二八 七七六 一二三，對嗎？',
      errors: [{ messageId: 'mobile', severity: 'warn', actual: '092****6123' }],
      output: '跟您覆述一次手機號碼：092****6123，對嗎？',
    },
    // A village and its group, the house numbers of more English and French street forms, an ID after 身份證.
    {
      text: '补发地址：河南省周口市郸城县汲冢镇李庄村3组27号',
      errors: [{ messageId: 'address', severity: 'error', actual: '李庄村**组**号' }],
      output: '补发地址：河南省周口市郸城县汲冢镇李庄村**组**号',
    },
    {
      text: "We've updated the address to Apartment 1203, 8 Riverside Quay, Manchester M3 5JX.",
      errors: [{ messageId: 'address', severity: 'error', actual: '** Riverside Quay' }],
      output: "We've updated the address to Apartment 1203, ** Riverside Quay, Manchester M3 5JX.",
    },
    {
      text: 'We have 4521 rue Saint-Denis, app. 3, Montréal QC H2J 2L4 as the delivery address.',
      errors: [{ messageId: 'address', severity: 'error', actual: '** rue Saint-Denis' }],
      output: 'We have ** rue Saint-Denis, app. 3, Montréal QC H2J 2L4 as the delivery address.',
    },
    {
      text: 'The carrier will collect from 87 Harbor View Dr, Suite 5, Portland, ME 04101.',
      errors: [{ messageId: 'address', severity: 'error', actual: '** Harbor View Dr' }],
      output: 'The carrier will collect from ** Harbor View Dr, Suite 5, Portland, ME 04101.',
    },
    {
      text: '保修登記資料：黃志明，身份證 Z047514(A)，已建立',
      errors: [{ messageId: 'id-card', severity: 'error', actual: 'Z0****4A' }],
      output: '保修登記資料：黃志明，身份證 Z0****4A，已建立',
    },
  ],
};
