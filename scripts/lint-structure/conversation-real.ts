/**
 * Counts the conversation rules' findings on the real replies (../shared/eval/zh-jddc-agent-replies.jsonl),
 * each linted with the customer message it answered as the conversation (one customer turn, so the
 * reply is the agent's first turn). Prints aggregate counts only; `--dump <file>` writes the flagged
 * pairs to a file outside the project for a person to read.
 *
 *   npx tsx scripts/lint-structure/conversation-real.ts
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createLinter } from '../../src/lint/linter.js';
import { lintRules } from '../../src/lint/rule-list.js';
import { readRealReplies } from '../real-replies.js';

const RULES = ['greet-first', 'apologize-on-complaint', 'offer-further-help'];

const { values } = parseArgs({ options: { dump: { type: 'string' }, file: { type: 'string' } } });
const rows = readRealReplies('conversation-real', values.file);
const linter = createLinter({
  rules: Object.fromEntries(
    lintRules.map((r) => [r.id, RULES.includes(r.id) ? ('warn' as const) : ('off' as const)]),
  ),
});
const counts = new Map<string, number>(RULES.map((r) => [r, 0]));
const dump: string[] = [];
// A first pass warms the linter up (its lazy build, the JIT); the second is timed.
for (const row of rows)
  linter.lint(row.reply, { conversation: [{ role: 'customer', text: row.customer_message }] });
const started = performance.now();
for (const row of rows) {
  const findings = linter.lint(row.reply, {
    conversation: [{ role: 'customer', text: row.customer_message }],
  }).findings;
  for (const rule of new Set(findings.map((f) => f.ruleId))) {
    counts.set(rule, (counts.get(rule) ?? 0) + 1);
    dump.push(`${rule}\t${row.customer_message}\t=>\t${row.reply}`);
  }
}
const elapsed = performance.now() - started;
console.log(
  `${rows.length} replies, ${((1000 * elapsed) / rows.length).toFixed(1)} µs per reply with its conversation (second pass)`,
);
for (const [rule, n] of counts) console.log(`${rule}\t${n}\t${((100 * n) / rows.length).toFixed(1)} %`);
if (values.dump !== undefined) writeFileSync(values.dump, dump.join('\n') + '\n');
