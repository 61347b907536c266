/**
 * How many of the real agent replies of `../shared/eval/zh-jddc-agent-replies.jsonl` get a
 * `no-overpromise` finding when linted WITH facts saying delivery is uncertain (then the rule
 * also reads firm delivery statements, and every finding is an error). Aggregate
 * figures only; `--show` prints the flagged replies for a person to judge, `--sample N` a seeded
 * sample of N of them (never copy them into the project).
 *
 *   npx tsx scripts/lint-structure/overpromise-real.ts
 *   npx tsx scripts/lint-structure/overpromise-real.ts --sample 30
 */
import { parseArgs } from 'node:util';
import { seededRandom } from '../../bench/sample-random.js';
import { createLinter } from '../../src/lint/linter.js';
import { lintRules } from '../../src/lint/rule-list.js';
import { readRealReplies } from '../real-replies.js';

const { values } = parseArgs({
  options: { show: { type: 'boolean' }, sample: { type: 'string' }, seed: { type: 'string' } },
});
const replies = readRealReplies('overpromise-real').map((row) => row.reply);

const rules = Object.fromEntries(
  lintRules.map((rule) => [rule.id, rule.id === 'no-overpromise' ? ('error' as const) : ('off' as const)]),
);
const linter = createLinter({ rules });
const facts = { order: { deliveryUncertain: true } };
const flagged: Array<{ reply: string; actual: string[] }> = [];
for (const reply of replies) {
  const findings = linter.lint(reply, { facts }).findings;
  if (findings.length > 0) flagged.push({ reply, actual: findings.map((f) => f.actual) });
}
console.log(
  `${replies.length} real replies linted with facts ${JSON.stringify(facts)}: ${flagged.length} with a no-overpromise finding (${((100 * flagged.length) / replies.length).toFixed(2)} %)`,
);
let shown = flagged;
if (values.sample !== undefined) {
  const random = seededRandom(Number(values.seed ?? 1));
  shown = [...flagged].sort(() => random() - 0.5).slice(0, Number(values.sample));
}
if (values.show || values.sample !== undefined)
  for (const f of shown) console.log(`[${f.actual.join(' | ')}]\t${f.reply}`);
