/**
 * The built package's two module formats side by side: `import` (dist/index.js) and `require`
 * (dist/index.cjs), per call on the real data of ../shared/eval, rounds alternating between the
 * two so both see the same load. They run the same source and should cost the same; the CJS
 * build once ran 11–48 % slower (tsup's sucrase pass rewrote `??` and `?.` into helper calls).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalDir } from './foundation.bench.js';
import { fmt, median, readJsonl, timeConsecutive, type Row, type Suite } from './harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = 15;

type Assistant = {
  analyze(text: string, context?: { previousAgentMessage?: string }): unknown;
  reply(text: string, options?: { context?: { previousAgentMessage?: string } }): unknown;
  lint(reply: string): unknown;
};

export const moduleFormatsSuite: Suite = {
  name: 'module-formats',
  async run(): Promise<Row[]> {
    const messagesFile = join(evalDir, 'zh-jddc-intents.jsonl');
    const repliesFile = join(evalDir, 'zh-jddc-agent-replies.jsonl');
    if (!existsSync(messagesFile) || !existsSync(repliesFile))
      return [{ measure: `skipped: the evaluation data (${evalDir}) is not beside the clone` }];
    if (!existsSync(join(root, 'dist', 'index.cjs'))) return [{ measure: 'skipped: dist/ is not built' }];
    const esm = (
      (await import(join(root, 'dist', 'index.js'))) as { createAssistant(): Assistant }
    ).createAssistant();
    const cjs = (
      createRequire(import.meta.url)(join(root, 'dist', 'index.cjs')) as { createAssistant(): Assistant }
    ).createAssistant();
    const messages = readJsonl<{ text: string; prev_agent_turn?: string | null }>(
      readFileSync(messagesFile, 'utf8'),
    ).map((m) => ({
      text: m.text,
      context: typeof m.prev_agent_turn === 'string' ? { previousAgentMessage: m.prev_agent_turn } : {},
    }));
    const replies = readJsonl<{ reply: string }>(readFileSync(repliesFile, 'utf8')).map((r) => r.reply);
    const calls = {
      'analyze() µs, median': (a: Assistant) =>
        timeConsecutive(messages, (m) => a.analyze(m.text, m.context), 1),
      'lint() µs, median': (a: Assistant) => timeConsecutive(replies, (reply) => a.lint(reply), 1),
      'reply() µs, median': (a: Assistant) =>
        timeConsecutive(messages, (m) => a.reply(m.text, { context: m.context }), 1),
    };
    return Object.entries(calls).map(([measure, time]) => {
      const byFormat = { esm: [] as number[], cjs: [] as number[] };
      for (let round = 0; round < ROUNDS; round++) {
        byFormat.esm.push(time(esm).medianUs);
        byFormat.cjs.push(time(cjs).medianUs);
      }
      return {
        measure,
        'import (ESM)': fmt(median(byFormat.esm)),
        'require (CJS)': fmt(median(byFormat.cjs)),
      };
    });
  },
};

// `npx tsx bench/module-formats.bench.ts` runs this suite alone (dist/ must be built).
if (import.meta.filename === process.argv[1]) {
  const { table } = await import('./harness.js');
  console.log(table(await moduleFormatsSuite.run()));
}
