import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execute } from '../../src/cli/index.js';
import { aggregateResults } from '../../src/qa/aggregate.js';
import { createQa } from '../../src/qa/create.js';
import type { ConversationResult } from '../../src/qa/result.js';
import { connectRedis, type OwnedRedis } from '../../src/redis/connection.js';
import { readStreamAggregates, readStreamResults } from '../../src/redis/aggregates.js';
import { describeWithPart, REDIS_SERVER, startRedis, type RunningRedis } from '../helpers/external.js';
import { fakeIo } from '../helpers/fake-io.js';
import { addEvents, streamTurns } from '../helpers/stream-turns.js';

/**
 * The kill-one-worker test's size: 100,000 turns in the loop script and the bench
 * (scripts/stream-kill-loop.sh); fewer here so CI stays within its time (HUASHU_STREAM_TURNS).
 */
const KILL_TURNS = Number(process.env.HUASHU_STREAM_TURNS ?? 4_000);
const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'huashu-stream-'));

function worker(
  url: string,
  consumer: string,
): { child: ChildProcess; exited: Promise<number | null>; stderr: () => string } {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'src/cli/bin.ts'),
      'qa',
      '--stream',
      url,
      '--consumer',
      consumer,
      '--until-idle',
      '3',
      '--claim-idle',
      '1',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

const byId = (results: readonly ConversationResult[]) =>
  new Map(results.map((result) => [result.conversationId, JSON.stringify(result)]));

describeWithPart(REDIS_SERVER, 'huashu qa --stream (real redis-server)', () => {
  let redis: RunningRedis;
  let client: OwnedRedis;

  beforeAll(async () => {
    redis = await startRedis();
    client = await connectRedis(redis.url);
  });
  afterAll(async () => {
    await client?.close();
    await redis?.stop();
  });

  it('writes to <stream>:results the same objects as huashu qa FILE --format json, and the same aggregates', async () => {
    const data = streamTurns(0, 16); // every hand-written conversation once
    const file = join(dir, 'turns.jsonl');
    writeFileSync(file, data.turns.map((t) => JSON.stringify(t)).join('\n'));
    const batch = fakeIo();
    await execute(['qa', file, '--format', 'json'], batch.io);
    const lines = batch.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const fileResults = lines.slice(0, -1) as unknown as ConversationResult[];
    expect(fileResults.length).toBeGreaterThan(50);

    // A malformed event is skipped and reported; the rest is scored.
    await addEvents(client, 'same', [...data.events, { conversationId: 'x', role: 'robot', text: 'hi' }]);
    const run = fakeIo();
    const code = await execute(['qa', '--stream', `${redis.url}/same`, '--until-idle', '0.5'], run.io);
    expect(run.stderr).toMatch(/skipped: role: role must be one of/);
    expect(code).toBe(2);
    const streamed = await readStreamResults(client, 'same');
    expect(streamed).toHaveLength(fileResults.length);
    expect(byId(streamed)).toEqual(byId(fileResults));
    expect(await readStreamAggregates(client, 'same')).toEqual(lines.at(-1)!.aggregates);
    // Nothing is left buffered or pending.
    expect(await client.sendCommand(['KEYS', 'same:turns:*'])).toEqual([]);
    expect(await client.sendCommand(['ZCARD', 'same:open'])).toBe(0);
    expect(((await client.sendCommand(['XPENDING', 'same', 'huashu-qa'])) as unknown[])[0]).toBe(0);
  });

  it(
    `two workers over ${KILL_TURNS} turns, one killed mid-run: every conversation scored exactly once, aggregates as batch qa`,
    async () => {
      const data = streamTurns(KILL_TURNS);
      await addEvents(client, 'kill', data.events);
      const url = `${redis.url}/kill`;
      const heldBy = async (consumer: string) => {
        try {
          const pending = await client.sendCommand([
            'XPENDING',
            'kill',
            'huashu-qa',
            '-',
            '+',
            '10',
            consumer,
          ]);
          return (pending as unknown[]).length;
        } catch (error) {
          // Before the first worker has created the consumer group, nobody holds anything.
          if (String(error).includes('NOGROUP')) return 0;
          throw error;
        }
      };
      // B starts once A holds events: started together, a B that came up first on a loaded machine
      // could read the whole stream before A's first read, and A then ended idle with nothing
      // (seen in CI: "worker A ended before it was killed: … 0 events").
      const a = worker(url, 'worker-a');
      while ((await heldBy('worker-a')) === 0) {
        if (a.child.exitCode !== null) throw new Error(`worker A ended before reading: ${a.stderr()}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const b = worker(url, 'worker-b');
      // Kill A once a fifth of the conversations are written and it holds unacknowledged events.
      for (;;) {
        const written = Number(await client.sendCommand(['XLEN', 'kill:results']));
        if (written >= data.conversations / 5 && (await heldBy('worker-a')) > 0) break;
        if (a.child.exitCode !== null) throw new Error(`worker A ended before it was killed: ${a.stderr()}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      a.child.kill('SIGKILL');
      await a.exited;
      // What A held when it died (read after its death, so no race): B must take it over.
      const held = await heldBy('worker-a');
      expect(await b.exited, b.stderr()).toBe(1); // 1: some conversations have a fatal item
      if (held > 0) expect(b.stderr()).toMatch(/[1-9]\d* reclaimed/);
      expect(await heldBy('worker-a')).toBe(0);

      const streamed = await readStreamResults(client, 'kill');
      const ids = streamed.map((r) => r.conversationId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(data.conversations);
      const batch = createQa().run(data.turns);
      expect(byId(streamed)).toEqual(byId(batch));
      expect(await readStreamAggregates(client, 'kill')).toEqual(aggregateResults(batch));
      expect(((await client.sendCommand(['XPENDING', 'kill', 'huashu-qa'])) as unknown[])[0]).toBe(0);
    },
    KILL_TURNS > 10_000 ? 900_000 : 240_000,
  );
});
