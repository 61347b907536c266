/**
 * False alarms on real replies: ../shared/eval/zh-jddc-agent-replies.jsonl holds 2,349 real JD.com
 * agent replies, nearly all acceptable. With no facts (shipping-wording needs them; no-overpromise
 * only warns without `deliveryUncertain`), at most 2% may get an error-severity finding.
 * The file is read at run time and never copied into the project.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createLinter } from '../../src/lint/linter.js';
import { describeWithEvalData, evalFile } from '../helpers/eval-data.js';

const REPLIES = 'zh-jddc-agent-replies.jsonl';

describeWithEvalData('false alarms on real agent replies', [REPLIES], () => {
  it('at most 2% of the replies get an error', () => {
    const replies = readFileSync(evalFile(REPLIES), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { reply: string }).reply);
    expect(replies.length).toBeGreaterThan(1000);
    const linter = createLinter();
    const flagged = replies.filter((reply) => linter.lint(reply).errorCount > 0);
    expect(flagged.length / replies.length).toBeLessThanOrEqual(0.02);
  });
});
