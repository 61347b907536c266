/** The built-in example conversation `huashu demo` runs on: real-looking messages, written for the demo. */
export const DEMO_MESSAGES: ReadonlyArray<{ text: string; previousAgentMessage?: string }> = [
  { text: '在吗？我昨天拍的连衣裙什么时候发货啊' },
  { text: '請問這款有沒有S碼？' },
  { text: '收到的杯子是碎的!!! 再不处理我就给差评还要打12315' },
  { text: 'Hi, my order #58213 still hasn’t shipped, can you check?' },
  { text: '好的', previousAgentMessage: '亲，是要改成上海市的这个地址吗？' },
];
