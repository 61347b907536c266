import { hostname } from 'node:os';
import type { Qa } from '../../qa/create.js';
import { connectRedis } from '../../redis/connection.js';
import { runStreamQa } from '../../redis/stream-qa.js';
import { printable } from '../formatters/text.js';
import { ExitCode, type CliIo } from '../io.js';
import { UsageError } from '../usage-error.js';

/** The `parseArgs` options of streaming QA, spread into `huashu qa`'s own. */
export const STREAM_OPTIONS = {
  stream: { type: 'string' },
  group: { type: 'string' },
  consumer: { type: 'string' },
  'until-idle': { type: 'string' },
  'conversation-idle': { type: 'string' },
  'claim-idle': { type: 'string' },
} as const;

export const STREAM_USAGE = `Streaming (Redis)
  --stream <url>         redis://host:port[/db]/<stream>: read turn events from a Redis Stream
                         (field json: a turn record, or {"conversationId": …, "event": "close"})
                         in a consumer group; write each conversation's result (as --format json
                         prints it) to <stream>:results, aggregates to <stream>:agg:* hashes.
                         Start one worker per core and machine with the same group.
  --group <name>         consumer group (default huashu-qa)
  --consumer <name>      this worker's name, unique in the group (default host-pid)
  --until-idle <s>       exit after s seconds without events, scoring what is still open
  --conversation-idle <s>  score a conversation without events for s seconds (default 1800)
  --claim-idle <s>       take over events another worker held s seconds unacknowledged (default 30)`;

type StreamValues = Partial<Record<keyof typeof STREAM_OPTIONS, string>>;

/** `redis://host:port/<stream>` or `redis://host:port/<db>/<stream>` → the connection URL and the stream. */
export function parseStreamUrl(value: string): { url: string; stream: string } {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new UsageError(`--stream takes redis://host:port/<stream>, not "${value}"`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw new UsageError(`--stream takes a redis:// or rediss:// URL, not "${parsed.protocol}//…"`);
  const parts = parsed.pathname
    .split('/')
    .filter((p) => p !== '')
    .map((p) => decodeURIComponent(p));
  const db = parts.length === 2 && /^\d+$/.test(parts[0]!) ? parts[0] : undefined;
  if (parts.length === 0 || parts.length > 2 || (parts.length === 2 && db === undefined))
    throw new UsageError(
      `--stream ${value}: give the stream name as the path, e.g. redis://127.0.0.1:6379/turns`,
    );
  parsed.pathname = db === undefined ? '' : `/${db}`;
  return { url: parsed.toString(), stream: parts[parts.length - 1]! };
}

function seconds(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min)
    throw new UsageError(`--${flag} takes a number of seconds${min > 0 ? ` > 0` : ' ≥ 0'}, not "${value}"`);
  return n;
}

/** `huashu qa --stream …`: one streaming worker until --until-idle (or forever). */
export async function runStreamCommand(values: StreamValues, qa: Qa, io: CliIo): Promise<number> {
  const { url, stream } = parseStreamUrl(values.stream!);
  const untilIdle = seconds(values['until-idle'], 'until-idle', 0);
  const conversationIdle = seconds(values['conversation-idle'], 'conversation-idle', 0.001);
  const claimIdle = seconds(values['claim-idle'], 'claim-idle', 0.001);
  const consumer = values.consumer ?? `${hostname()}-${process.pid}`;
  const client = await connectRedis(url);
  let shown = 0;
  try {
    const summary = await runStreamQa({
      client,
      stream,
      qa,
      consumer,
      ...(values.group === undefined ? {} : { group: values.group }),
      ...(untilIdle === undefined ? {} : { untilIdleSeconds: untilIdle }),
      ...(conversationIdle === undefined ? {} : { conversationIdleSeconds: conversationIdle }),
      ...(claimIdle === undefined ? {} : { claimIdleSeconds: claimIdle }),
      onMalformed: (id, message) => {
        shown += 1;
        if (shown <= 20) io.stderr.write(`${printable(`huashu qa: ${stream} ${id}: skipped: ${message}`)}\n`);
      },
    });
    io.stderr.write(
      `huashu qa: ${stream} (${consumer}): ${summary.events} events, ${summary.turns} turns, ${summary.closes} closes, ${summary.reclaimed} reclaimed; ${summary.scored} conversations scored (${summary.fatal} fatal), ${summary.duplicates} already scored elsewhere; results in ${stream}:results\n`,
    );
    if (summary.malformed > 0) {
      io.stderr.write(`huashu qa: ${summary.malformed} malformed events skipped (exit code 2)\n`);
      return ExitCode.Usage;
    }
    return summary.fatal > 0 ? ExitCode.Findings : ExitCode.Ok;
  } finally {
    await client.close();
  }
}

/** A streaming option given without --stream is a mistake worth saying. */
export function rejectStreamOptionsWithoutStream(values: StreamValues): void {
  const given = Object.keys(STREAM_OPTIONS).filter(
    (name) => values[name as keyof StreamValues] !== undefined,
  );
  if (values.stream === undefined && given.length > 0)
    throw new UsageError(`--${given[0]} only applies with --stream redis://host:port/<stream>`);
}
