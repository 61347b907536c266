// The whole pipeline for one message: analyse → next actions → rendered reply → lint of that reply.
// Run: npm run build && npx tsx examples/03-reply.ts
import { createAssistant } from 'huashu';

const assistant = createAssistant();
const result = assistant.reply('收到的杯子是碎的，你们再不处理我就发微博曝光', {
  facts: { customer: { name: '王芳', gender: 'female' }, responsibility: 'merchant' },
});
console.log(`intent  ${result.analysis.intent.id}   risk ${result.analysis.risk}`);
console.log(`signals ${result.analysis.signals.map((s) => s.id).join(', ')}`);
for (const action of result.actions) console.log(`action  ${action.id}  ← ${action.because}`);
console.log(`reply   ${result.text}`);
console.log(`lint    ${result.lint.errorCount} errors, ${result.lint.warningCount} warnings`);
