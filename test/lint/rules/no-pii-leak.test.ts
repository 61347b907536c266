import { ruleTester } from './rule-tester.js';

// A checksum-valid mainland ID number (GB 11643), made up for the test.
const ID = '11010519491231002X';

ruleTester('no-pii-leak', {
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
    'Courier: 13812345678',
    'Order number 13812345678',
  ],
  invalid: [
    {
      text: '您的手机号是13812345678',
      errors: [{ messageId: 'mobile', actual: '13812345678', severity: 'error', data: { masked: '138****5678' } }],
      output: '您的手机号是138****5678',
    },
    {
      // The customer's own phone from the facts: an error even without a cue.
      text: '已为 138 1234 5678 登记',
      facts: { customer: { phone: '+86 138-1234-5678' } },
      errors: [{ messageId: 'mobile', actual: '138 1234 5678', severity: 'error' }],
      output: '已为 138****5678 登记',
    },
    {
      // Full-width digits.
      text: '收货人电话：１３８１２３４５６７８',
      errors: [{ messageId: 'mobile', actual: '１３８１２３４５６７８' }],
      output: '收货人电话：138****5678',
    },
    {
      // Particles and the 亲 address around it.
      text: '亲，您的手机号呢是13812345678哦',
      errors: [{ messageId: 'mobile', severity: 'error' }],
      output: '亲，您的手机号呢是138****5678哦',
    },
    {
      // Owner unknown: a warning.
      text: '号码是13812345678',
      errors: [{ messageId: 'mobile', severity: 'warn' }],
      output: '号码是138****5678',
    },
    {
      text: `身份证${ID}已核验`,
      errors: [{ messageId: 'id-card', actual: ID, severity: 'error' }],
      output: '身份证110***********002X已核验',
    },
    {
      text: '您的邮箱zhang.san@example.com已绑定',
      errors: [{ messageId: 'email', actual: 'zhang.san@example.com', severity: 'error' }],
      output: '您的邮箱z***@example.com已绑定',
    },
    {
      text: '收货地址：北京市朝阳区建国路88号3栋2单元501室',
      errors: [{ messageId: 'address', severity: 'error' }],
      output: '收货地址：北京市朝阳区建国路**号*栋*单元***室',
    },
    {
      text: '您的固定电话010-62345678',
      errors: [{ messageId: 'landline', actual: '010-62345678' }],
      output: '您的固定电话010-****5678',
    },
    {
      text: '您的手機號碼是0912345678，收件地址：台北市信義區松仁路100號',
      errors: [
        { messageId: 'mobile', actual: '0912345678', severity: 'error', message: '完整的手機號' },
        { messageId: 'address', severity: 'error', message: '詳細地址' },
      ],
      output: '您的手機號碼是091****5678，收件地址：台北市信義區松仁路***號',
    },
    {
      text: 'Your phone number is 13812345678.',
      errors: [{ messageId: 'mobile', message: 'A full mobile number' }],
      output: 'Your phone number is 138****5678.',
    },
    {
      text: 'Delivery address: 221 Baker Street',
      errors: [{ messageId: 'address', severity: 'error' }],
      output: 'Delivery address: *** Baker Street',
    },
  ],
});
