/**
 * Compare lint() of two built checkouts (dist/ built in each) on the real agent replies of
 * ../shared/eval and the adversarial set: whether every reply gets the same findings, and the time
 * per reply of each, measured in one process with the two builds alternating round by round (on a
 * shared machine, separate runs minutes apart differ more than the builds do).
 *
 *   npx tsx scripts/compare-lint.ts <checkout A> <checkout B>
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readJsonl } from '../bench/harness.js';

type Linter = {
  lint(reply: string): {
    findings: Array<{ ruleId: string; messageId: string; range: unknown; severity: string }>;
  };
};

const [first, second] = process.argv.slice(2);
if (first === undefined || second === undefined) {
  console.error('usage: npx tsx scripts/compare-lint.ts <checkout A> <checkout B>');
  process.exit(2);
}
const ROOT = join(import.meta.dirname, '..');
const files = [
  join(ROOT, '..', 'shared', 'eval', 'zh-jddc-agent-replies.jsonl'),
  ...['zh-Hans', 'zh-Hant', 'en'].map((locale) =>
    join(ROOT, 'test', 'lint', 'adversarial', `${locale}.jsonl`),
  ),
].filter((file) => existsSync(file));
const replies = files.flatMap((file) =>
  readJsonl<{ reply?: string; text?: string }>(readFileSync(file, 'utf8')).map(
    (row) => row.reply ?? row.text ?? '',
  ),
);

const builds: Linter[] = [];
for (const checkout of [first, second]) {
  const { createAssistant } = (await import(
    pathToFileURL(join(resolve(checkout), 'dist', 'index.js')).href
  )) as {
    createAssistant: () => Linter;
  };
  builds.push(createAssistant());
}

const described = builds.map((build) =>
  replies.map((reply) =>
    JSON.stringify(build.lint(reply).findings.map((f) => [f.ruleId, f.messageId, f.range, f.severity])),
  ),
);
const differing = replies.flatMap((reply, i) => (described[0]![i] === described[1]![i] ? [] : [reply]));
console.log(`${replies.length} replies (${files.length} files): ${differing.length} with different findings`);
for (const reply of differing.slice(0, 10)) console.log(`  ${reply.slice(0, 100)}`);

const ROUNDS = 30;
const perReply: number[][] = [[], []];
for (let round = 0; round < ROUNDS; round++)
  for (let k = 0; k < 2; k++) {
    const which = (k + round) % 2;
    const build = builds[which]!;
    const started = process.hrtime.bigint();
    for (const reply of replies) build.lint(reply);
    perReply[which]!.push(Number(process.hrtime.bigint() - started) / replies.length / 1000);
  }
[first, second].forEach((checkout, i) => {
  const times = perReply[i]!.sort((a, b) => a - b);
  console.log(
    `${checkout}: ${times[Math.floor(ROUNDS / 2)]!.toFixed(3)} µs per reply (median of ${ROUNDS} rounds; fastest ${times[0]!.toFixed(3)})`,
  );
});
