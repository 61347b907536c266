/**
 * Streaming QA through Redis beside the file-based figure: the same turns (the hand-written QA
 * conversations copied and interleaved, see test/helpers/stream-turns.ts) scored by
 * `huashu qa FILE --format json`, and by 1 and 2 `huashu qa --stream` workers (each a process)
 * against a throw-away redis-server. Wall time from the workers' start to the last result written
 * (the file run: to its exit). HUASHU_BENCH_STREAM_TURNS sets the turn count (default 100,000).
 * Runs dist/cli/bin.js when built, else the source through tsx.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectRedis } from '../src/redis/connection.js';
import { startRedis } from '../test/helpers/external.js';
import { addEvents, streamTurns } from '../test/helpers/stream-turns.js';
import type { Suite } from './harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli', 'bin.js');
const cli = existsSync(built) ? [built] : ['--import', 'tsx', join(root, 'src', 'cli', 'bin.ts')];

function run(args: string[], stdout: number | 'ignore' = 'ignore'): Promise<number | null> {
  const child = spawn(process.execPath, [...cli, ...args], {
    cwd: root,
    stdio: ['ignore', stdout, 'ignore'],
  });
  return new Promise((resolve) => child.once('exit', resolve));
}

export const qaStreamSuite: Suite = {
  name: 'qa-stream',
  async run() {
    const turns = Number(process.env.HUASHU_BENCH_STREAM_TURNS ?? 100_000);
    const data = streamTurns(turns);
    const dir = mkdtempSync(join(tmpdir(), 'huashu-bench-stream-'));
    const file = join(dir, 'turns.jsonl');
    writeFileSync(file, `${data.turns.map((t) => JSON.stringify(t)).join('\n')}\n`);
    const rows = [];
    const load = () => loadavg()[0]!.toFixed(1);
    const row = (how: string, workers: number, ms: number) => ({
      how,
      workers,
      turns: data.turns.length,
      conversations: data.conversations,
      'wall s': (ms / 1000).toFixed(1),
      'turns/s': Math.round((data.turns.length / ms) * 1000),
      'load avg (1 min)': load(),
    });

    let started = performance.now();
    await run(['qa', file, '--format', 'json'], openSync('/dev/null', 'w'));
    rows.push(row('huashu qa FILE --format json', 1, performance.now() - started));

    const redis = await startRedis();
    const client = await connectRedis(redis.url);
    try {
      for (const workers of [1, 2]) {
        const stream = `bench${workers}`;
        await addEvents(client, stream, data.events);
        started = performance.now();
        const exits = Array.from({ length: workers }, (_, i) =>
          run(['qa', '--stream', `${redis.url}/${stream}`, '--consumer', `w${i}`, '--until-idle', '2']),
        );
        // Until the last result is written (the workers then wait --until-idle before exiting).
        for (;;) {
          const written = Number(await client.sendCommand(['XLEN', `${stream}:results`]));
          if (written >= data.conversations) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        rows.push(row('huashu qa --stream redis://…', workers, performance.now() - started));
        await Promise.all(exits);
      }
    } finally {
      await client.close();
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  },
};
