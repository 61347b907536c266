/**
 * How often the reply linter raises a false alarm on the real agent replies of
 * `../shared/eval/zh-jddc-agent-replies.jsonl` (nearly all acceptable service language), per rule
 * and severity. Aggregate figures only; `--show <rule>` prints that rule's flagged replies for a
 * person to judge (reading them is how a flag is found right or wrong — never copy them into the
 * project).
 *
 *   npx tsx scripts/lint-real-replies.ts                 per-rule error and warning counts
 *   npx tsx scripts/lint-real-replies.ts --show no-forbidden-phrase
 */
import { parseArgs } from 'node:util';
import { table } from '../bench/harness.js';
import { createLinter } from '../src/lint/linter.js';
import { readRealReplies } from './real-replies.js';

const { values } = parseArgs({ options: { show: { type: 'string' } } });
const replies = readRealReplies('lint-real-replies').map((row) => row.reply);

const linter = createLinter();
const counts = new Map<string, { error: number; warn: number }>();
let repliesWithError = 0;
for (const reply of replies) {
  const result = linter.lint(reply);
  if (result.errorCount > 0) repliesWithError++;
  const seen = new Set<string>();
  for (const finding of result.findings) {
    const key = `${finding.ruleId}\u0000${finding.severity}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const count = counts.get(finding.ruleId) ?? { error: 0, warn: 0 };
    if (finding.severity === 'error') count.error++;
    else count.warn++;
    counts.set(finding.ruleId, count);
    if (values.show === finding.ruleId) console.log(`${finding.severity}\t${finding.message}\t${reply}`);
  }
}
const percent = (n: number) => `${((100 * n) / replies.length).toFixed(2)} %`;
console.log(
  `${replies.length} real replies; ${repliesWithError} with an error (${percent(repliesWithError)})`,
);
console.log(
  table(
    [...counts.entries()]
      .sort((a, b) => b[1].error - a[1].error)
      .map(([rule, count]) => ({
        rule,
        'replies with an error': count.error,
        share: percent(count.error),
        'replies with a warning': count.warn,
      })),
  ),
);
