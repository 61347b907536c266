// Lint an agent's draft before it is sent: findings are data, with ranges in the original text.
// Run: npm run build && npx tsx examples/02-lint.ts
import { createAssistant } from 'huashu';

const assistant = createAssistant();
const draft = '亲，已经发货了，保证明天到！有问题加我微信 abc123';
const result = assistant.lint(draft, {
  facts: { order: { shipped: true, carrierScan: false, deliveryUncertain: true } },
});
console.log(`${result.errorCount} errors, ${result.warningCount} warnings`);
for (const finding of result.findings) {
  console.log(`  [${finding.severity}] ${finding.ruleId}: ${finding.message}`);
  console.log(
    `    "${draft.slice(finding.range[0], finding.range[1])}"${finding.fix ? ` → fix: "${finding.fix.text}"` : ''}`,
  );
}
