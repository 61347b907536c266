// Analyse customer messages: intent, language, signals, entities, risk.
// Run: npm run build && npx tsx examples/01-analyze.ts
import { createAssistant } from 'huashu';

const assistant = createAssistant();
for (const message of [
  '亲，我的订单怎么还不发货？都三天了！',
  '請問這款有沒有S碼？',
  'Where is my parcel? Tracking SF1234567890123',
]) {
  const analysis = assistant.analyze(message);
  console.log(message);
  console.log(`  intent   ${analysis.intent.id} (${analysis.intent.confidence.toFixed(2)})`);
  console.log(`  language ${analysis.language.locale}   risk ${analysis.risk}`);
  console.log(`  signals  ${analysis.signals.map((s) => s.id).join(', ') || '—'}`);
  console.log(`  entities ${analysis.entities.map((e) => `${e.type}=${e.value}`).join(', ') || '—'}`);
}
