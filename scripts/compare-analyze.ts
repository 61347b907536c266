/**
 * Compare analyze() and reply() of two built checkouts (dist/ built in each) on every labelled
 * customer message the project measures with: ../shared/eval's two intent files (when beside the
 * clone), the project's unseen sets (test/intent/unseen/) and its written corpora
 * (rules/intents/written/), each with its agent turn. Says how many messages get a different
 * result (the analysis and the reply, as JSON) and shows the first few, then the median time per
 * analyze() of each build, the two alternating round by round in one process.
 *
 *   npx tsx scripts/compare-analyze.ts <checkout A> <checkout B> [--show N]   (N differing messages shown; 5)
 *
 * Then the reply changes grouped: each change of the reply's parts (template ids) and actions,
 * A → B, with its count and up to three of its messages — a behaviour change read by kind.
 *
 * A change meant to keep behaviour (a faster path) should print "0 differ".
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, readJsonl } from '../bench/harness.js';

type Context = { previousAgentMessage?: string };
type Assistant = {
  analyze(text: string, context?: Context): unknown;
  reply(
    text: string,
    options?: { context?: Context },
  ): { replies: Array<{ templateId: string }>; actions: Array<{ id: string }> };
};

const [first, second] = process.argv
  .slice(2)
  .filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--show');
const showAt = process.argv.indexOf('--show');
const SHOWN = showAt > 0 ? Number(process.argv[showAt + 1]) : 5;
if (first === undefined || second === undefined) {
  console.error('usage: npx tsx scripts/compare-analyze.ts <checkout A> <checkout B>');
  process.exit(2);
}
const ROOT = join(import.meta.dirname, '..');
const written = join(ROOT, 'rules', 'intents', 'written');
const files = [
  join(ROOT, '..', 'shared', 'eval', 'zh-jddc-intents.jsonl'),
  join(ROOT, '..', 'shared', 'eval', 'en-bitext-intents.jsonl'),
  ...['zh-Hans', 'zh-Hant', 'en'].map((locale) => join(ROOT, 'test', 'intent', 'unseen', `${locale}.jsonl`)),
  ...readdirSync(written)
    .filter((name) => name.endsWith('.jsonl'))
    .map((name) => join(written, name)),
].filter((file) => existsSync(file));

const messages = files.flatMap((file) =>
  readJsonl<{ text: string; prev_agent_turn?: unknown; prev?: unknown }>(readFileSync(file, 'utf8')).map(
    (row) => {
      const previous = row.prev_agent_turn ?? row.prev;
      return {
        text: row.text,
        context: typeof previous === 'string' ? { previousAgentMessage: previous } : {},
      };
    },
  ),
);

async function load(checkout: string): Promise<Assistant> {
  const entry = resolve(checkout, 'dist', 'index.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: npm run build in ${checkout}`);
  const { createAssistant } = (await import(pathToFileURL(entry).href)) as { createAssistant(): Assistant };
  return createAssistant();
}

const builds = [await load(first), await load(second)];
const results = builds.map((assistant) =>
  messages.map((m) =>
    JSON.stringify([assistant.analyze(m.text, m.context), assistant.reply(m.text, { context: m.context })]),
  ),
);
let differ = 0;
messages.forEach((message, i) => {
  if (results[0]![i] === results[1]![i]) return;
  if (++differ <= SHOWN)
    console.log(
      `differs: ${JSON.stringify(message).slice(0, 160)}\n  A ${results[0]![i]!.slice(0, 300)}\n  B ${results[1]![i]!.slice(0, 300)}`,
    );
});
console.log(`${messages.length} messages from ${files.length} files: ${differ} differ`);

/** The reply's parts and actions, as one line. */
const shape = (reply: ReturnType<Assistant['reply']>) =>
  `${reply.replies.map((r) => r.templateId).join(' + ') || '(no reply)'} [${reply.actions.map((a) => a.id).join(', ')}]`;
const changes = new Map<string, { count: number; examples: string[] }>();
messages.forEach((message, i) => {
  if (results[0]![i] === results[1]![i]) return;
  const [before, after] = builds.map((assistant) =>
    shape(assistant.reply(message.text, { context: message.context })),
  );
  if (before === after) return;
  const key = `${before}  →  ${after}`;
  const change = changes.get(key) ?? { count: 0, examples: [] };
  changes.set(key, change);
  change.count++;
  if (change.examples.length < 3)
    change.examples.push(
      `${message.text.slice(0, 50)}${message.context.previousAgentMessage ? `  (after: …${message.context.previousAgentMessage.slice(-30)})` : ''}`,
    );
});
console.log(
  `reply parts or actions change on ${[...changes.values()].reduce((n, c) => n + c.count, 0)} messages:`,
);
for (const [key, change] of [...changes].sort((a, b) => b[1].count - a[1].count))
  console.log(
    `${String(change.count).padStart(5)}  ${key}\n${change.examples.map((e) => `         ${e}`).join('\n')}`,
  );

const ROUNDS = 8;
const times = builds.map(() => [] as number[]);
for (let round = 0; round < ROUNDS; round++)
  builds.forEach((assistant, k) => {
    for (const m of messages.slice(0, 2000)) {
      const start = performance.now();
      assistant.analyze(m.text, m.context);
      if (round >= 2) times[k]!.push((performance.now() - start) * 1000);
    }
  });
[first, second].forEach((checkout, k) =>
  console.log(
    `${checkout}: analyze() ${median(times[k]!).toFixed(1)} µs median (first 2,000 messages, ${ROUNDS - 2} rounds)`,
  ),
);
