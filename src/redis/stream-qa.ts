import { invalidArgument, isPlainObject } from '../arguments.js';
import { HuashuError } from '../errors.js';
import type { Qa } from '../qa/create.js';
import type { ConversationResult } from '../qa/result.js';
import { isRedisCommands, type RedisCommands } from './connection.js';
import { FINISH_SCRIPT, finishArguments, resultKeys } from './aggregates.js';
import { conversationTag } from './keys.js';

export interface StreamQaOptions {
  /** A connected node-redis client. */
  client: RedisCommands;
  /** The Stream of turn events (field `json`: a turn record, or `{"conversationId", "event": "close"}`). */
  stream: string;
  /** `createQa(options)`: the scorecard and time zone of the checks. */
  qa: Qa;
  /** Consumer group; default `huashu-qa`. Every worker of one QA job uses the same group. */
  group?: string;
  /** This worker's name in the group; unique per worker (default: host and process id). */
  consumer: string;
  /** Stop after this many seconds without new events (then score every open conversation); default: run until `signal`. */
  untilIdleSeconds?: number;
  /** A conversation without events for this long is scored as closed; default 1,800 s. */
  conversationIdleSeconds?: number;
  /** Entries another worker has held this long without acknowledging are taken over (XAUTOCLAIM); default 30 s. */
  claimIdleSeconds?: number;
  /** Entries read per XREADGROUP; default 500. */
  batchSize?: number;
  /** Buffered turns expire this long after their last write; default 7 days. */
  bufferTtlSeconds?: number;
  /** Stops the worker (after the batch in hand). */
  signal?: AbortSignal;
  /** A malformed event (acknowledged and skipped), with why. */
  onMalformed?: (entryId: string, message: string) => void;
}

export interface StreamQaSummary {
  /** Events read (turns, closes, malformed), reclaimed ones included. */
  events: number;
  turns: number;
  closes: number;
  malformed: number;
  /** Entries taken over from other consumers with XAUTOCLAIM. */
  reclaimed: number;
  /** Conversations this worker scored and wrote. */
  scored: number;
  /** Conversations this worker scored that another had already written (not written again). */
  duplicates: number;
  /** Conversations this worker wrote with a fatal item. */
  fatal: number;
}

type Entry = [id: string, fields: string[]];
type StreamReply = Array<[stream: string, entries: Entry[] | null]> | null;

const DEFAULT_GROUP = 'huashu-qa';

/** `1700000000000-3` → [ms, seq], for ordering stream entry ids. */
function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-');
  const [bm, bs] = b.split('-');
  return Number(am) - Number(bm) || Number(as) - Number(bs);
}

function positive(value: unknown, call: string, path: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value >= min) return value;
  throw invalidArgument('INVALID_OPTIONS', call, path, `a number ≥ ${min}`, value);
}

function nameOption(value: unknown, call: string, path: string): string {
  if (typeof value === 'string' && value.trim() !== '' && value.length <= 200) return value;
  throw invalidArgument('INVALID_OPTIONS', call, path, 'a non-empty name of at most 200 characters', value);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One streaming-QA worker. Any number run side by side (on any machines) with the same stream and
 * group: each reads a share of the events through the consumer group, buffers turns per
 * conversation in Redis (a hash per conversation, keyed by entry id, so a re-delivered event is
 * written once and another worker can finish the conversation), and scores a conversation when its
 * close event comes (once every event before it has been buffered) or when it has been idle.
 * The result is written with the aggregates by one script that first marks the conversation done,
 * so a conversation is written exactly once; events are acknowledged only after their write.
 * Entries of a dead worker are taken over with XAUTOCLAIM.
 */
export async function runStreamQa(options: StreamQaOptions): Promise<StreamQaSummary> {
  const call = 'runStreamQa(options)';
  if (!isPlainObject(options))
    throw invalidArgument(
      'INVALID_OPTIONS',
      call,
      'options',
      'an options object { client, stream, qa, consumer }',
      options,
    );
  if (!isRedisCommands(options.client))
    throw invalidArgument('INVALID_OPTIONS', call, 'client', 'a connected node-redis client', options.client);
  const qa = options.qa;
  if (!isPlainObject(qa) || typeof qa.check !== 'function' || typeof qa.grouper !== 'function')
    throw invalidArgument('INVALID_OPTIONS', call, 'qa', 'a createQa() object', qa);
  const client = options.client;
  const stream = nameOption(options.stream, call, 'stream');
  const group = options.group === undefined ? DEFAULT_GROUP : nameOption(options.group, call, 'group');
  const consumer = nameOption(options.consumer, call, 'consumer');
  const untilIdleMs =
    options.untilIdleSeconds === undefined
      ? undefined
      : positive(options.untilIdleSeconds, call, 'untilIdleSeconds', 0) * 1000;
  const conversationIdleMs =
    positive(options.conversationIdleSeconds, call, 'conversationIdleSeconds', 1800, 0.001) * 1000;
  const claimIdleMs = Math.round(
    positive(options.claimIdleSeconds, call, 'claimIdleSeconds', 30, 0.001) * 1000,
  );
  const batchSize = Math.floor(positive(options.batchSize, call, 'batchSize', 500, 1));
  const bufferTtl = String(
    Math.ceil(positive(options.bufferTtlSeconds, call, 'bufferTtlSeconds', 7 * 86400, 1)),
  );
  const onMalformed = options.onMalformed ?? (() => undefined);
  const signal = options.signal;

  const send = (args: string[]) => client.sendCommand(args);
  const keys = resultKeys(stream);
  const openKey = `${stream}:open`;
  const closesKey = `${stream}:closes`;
  const bufferKey = (conversationId: string) => `${stream}:turns:${conversationTag(conversationId)}`;
  const summary: StreamQaSummary = {
    events: 0,
    turns: 0,
    closes: 0,
    malformed: 0,
    reclaimed: 0,
    scored: 0,
    duplicates: 0,
    fatal: 0,
  };

  try {
    await send(['XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM']);
  } catch (error) {
    if (!String((error as Error)?.message).includes('BUSYGROUP')) throw error;
  }
  let finishSha = (await send(['SCRIPT', 'LOAD', FINISH_SCRIPT])) as string;

  /** Close events this worker holds (pending to it), by entry id. */
  const deferred = new Map<string, string>();

  async function runFinish(result: ConversationResult): Promise<boolean> {
    const { keys: scriptKeys, args } = finishArguments(stream, result);
    const argv = [String(scriptKeys.length), ...scriptKeys, ...args];
    try {
      return Number(await send(['EVALSHA', finishSha, ...argv])) === 1;
    } catch (error) {
      if (!String((error as Error)?.message).includes('NOSCRIPT')) throw error;
      finishSha = (await send(['SCRIPT', 'LOAD', FINISH_SCRIPT])) as string;
      return Number(await send(['EVAL', FINISH_SCRIPT, ...argv])) === 1;
    }
  }

  /** Score a conversation from its buffer, write it once, clean up, then acknowledge `ackIds`. */
  async function finish(conversationId: string, ackIds: string[]): Promise<void> {
    const buffer = bufferKey(conversationId);
    const already = await send(['HEXISTS', keys.done, conversationId]);
    if (Number(already) !== 1) {
      const fields = (await send(['HGETALL', buffer])) as string[];
      if (fields.length > 0) {
        const entries: Array<[string, string]> = [];
        for (let i = 0; i + 1 < fields.length; i += 2) entries.push([fields[i]!, fields[i + 1]!]);
        entries.sort(([a], [b]) => compareIds(a, b));
        const grouper = qa.grouper();
        for (const [id, json] of entries) grouper.add(JSON.parse(json), `${stream} ${id}`);
        const conversation = grouper.conversations()[0];
        if (conversation !== undefined) {
          const result = qa.check(conversation);
          if (await runFinish(result)) {
            summary.scored += 1;
            if (result.fatal) summary.fatal += 1;
          } else summary.duplicates += 1;
        }
      }
    }
    await Promise.all([send(['DEL', buffer]), send(['ZREM', openKey, conversationId])]);
    if (ackIds.length > 0) {
      await send(['XACK', stream, group, ...ackIds]);
      await send(['HDEL', closesKey, ...ackIds]);
      for (const id of ackIds) deferred.delete(id);
    }
  }

  /** Buffer the turns of a batch, note its closes; acknowledge turns (and bad events) once buffered. */
  async function take(entries: Entry[]): Promise<void> {
    const ack: string[] = [];
    const turnsByConversation = new Map<string, Array<[string, string]>>();
    const closes: Array<[string, string]> = [];
    for (const [id, fields] of entries) {
      summary.events += 1;
      const at = fields.indexOf('json');
      const text = at >= 0 && at % 2 === 0 ? fields[at + 1] : undefined;
      let value: unknown;
      try {
        value = text === undefined ? undefined : JSON.parse(text);
      } catch {
        value = undefined;
      }
      if (text === undefined || !isPlainObject(value)) {
        summary.malformed += 1;
        onMalformed(id, text === undefined ? 'no field "json"' : 'the field "json" is not a JSON object');
        ack.push(id);
        continue;
      }
      if (value.event !== undefined && value.event !== 'turn') {
        const conversationId = value.conversationId;
        if (
          value.event !== 'close' ||
          (typeof conversationId !== 'string' && typeof conversationId !== 'number') ||
          String(conversationId).trim() === ''
        ) {
          summary.malformed += 1;
          onMalformed(id, 'an event is {"conversationId": …, "event": "close"} or a turn record');
          ack.push(id);
          continue;
        }
        if (!deferred.has(id)) summary.closes += 1;
        closes.push([id, String(conversationId)]);
        continue;
      }
      try {
        // Validated now, so a bad record is reported with its entry id and never reaches a buffer.
        qa.grouper().add(value, `${stream} ${id}`);
      } catch (error) {
        if (!(error instanceof HuashuError)) throw error;
        summary.malformed += 1;
        onMalformed(
          id,
          error.issues.map((i) => `${i.path.replace(`${stream} ${id}.`, '')}: ${i.message}`).join('; '),
        );
        ack.push(id);
        continue;
      }
      summary.turns += 1;
      const conversationId = String(value.conversationId);
      let list = turnsByConversation.get(conversationId);
      if (list === undefined) turnsByConversation.set(conversationId, (list = []));
      list.push([id, text]);
      ack.push(id);
    }
    const now = String(Date.now());
    const writes: Promise<unknown>[] = [];
    for (const [conversationId, turns] of turnsByConversation) {
      const key = bufferKey(conversationId);
      writes.push(send(['HSET', key, ...turns.flat()]), send(['EXPIRE', key, bufferTtl]));
    }
    if (turnsByConversation.size > 0)
      writes.push(send(['ZADD', openKey, ...[...turnsByConversation.keys()].flatMap((id) => [now, id])]));
    if (closes.length > 0) writes.push(send(['HSET', closesKey, ...closes.flat()]));
    await Promise.all(writes);
    for (const [id, conversationId] of closes) deferred.set(id, conversationId);
    if (ack.length > 0) await send(['XACK', stream, group, ...ack]);
  }

  /**
   * The oldest entry id some worker has read but not yet buffered (pending, and not a close
   * event); undefined when there is none. Every turn before it is in its conversation's buffer.
   */
  async function watermark(): Promise<string | undefined> {
    let start = '-';
    for (;;) {
      const page = (await send(['XPENDING', stream, group, start, '+', '1000'])) as Array<
        [string, string, number, number]
      >;
      if (page.length === 0) return undefined;
      const ids = page.map(([id]) => id);
      const known = (await send(['HMGET', closesKey, ...ids])) as Array<string | null>;
      const firstTurn = ids.find((_, i) => known[i] === null || known[i] === undefined);
      if (firstTurn !== undefined) return firstTurn;
      if (page.length < 1000) return undefined;
      start = `(${ids[ids.length - 1]}`;
    }
  }

  async function finishReadyCloses(): Promise<void> {
    if (deferred.size === 0) return;
    const mark = await watermark();
    const ready = [...deferred].filter(([id]) => mark === undefined || compareIds(id, mark) < 0);
    const byConversation = new Map<string, string[]>();
    for (const [id, conversationId] of ready)
      byConversation.set(conversationId, [...(byConversation.get(conversationId) ?? []), id]);
    await inParallel([...byConversation], ([conversationId, ids]) => finish(conversationId, ids));
  }

  async function finishIdle(olderThan: number): Promise<void> {
    for (;;) {
      const ids = (await send([
        'ZRANGE',
        openKey,
        '-inf',
        olderThan === Number.POSITIVE_INFINITY ? '+inf' : String(olderThan),
        'BYSCORE',
        'LIMIT',
        '0',
        '200',
      ])) as string[];
      if (ids.length === 0) return;
      await inParallel(ids, (id) => finish(id, []));
      if (ids.length < 200) return;
    }
  }

  async function reclaim(): Promise<void> {
    let cursor = '0-0';
    do {
      const reply = (await send([
        'XAUTOCLAIM',
        stream,
        group,
        consumer,
        String(claimIdleMs),
        cursor,
        'COUNT',
        String(batchSize),
      ])) as [string, Entry[], string[]?];
      cursor = reply[0];
      const entries = reply[1].filter(
        (entry): entry is Entry => Array.isArray(entry) && Array.isArray(entry[1]),
      );
      // An entry deleted from the stream meanwhile comes back without fields: nothing to do but ack.
      const gone = reply[1]
        .filter((entry) => !Array.isArray(entry) || !Array.isArray(entry[1]))
        .map((e) => (Array.isArray(e) ? e[0] : e) as string);
      const deleted = [...(reply[2] ?? []), ...gone];
      if (deleted.length > 0) await send(['XACK', stream, group, ...deleted]);
      if (entries.length > 0) {
        summary.reclaimed += entries.length;
        await take(entries);
      }
    } while (cursor !== '0-0');
  }

  let lastEvent = Date.now();
  let lastClaim = 0;
  let lastIdleSweep = Date.now();
  const blockMs = Math.max(50, Math.min(1000, untilIdleMs ?? 1000, claimIdleMs / 2));
  while (signal?.aborted !== true) {
    const now = Date.now();
    if (now - lastClaim >= claimIdleMs / 2) {
      lastClaim = now;
      await reclaim();
    }
    const reply = (await send([
      'XREADGROUP',
      'GROUP',
      group,
      consumer,
      'COUNT',
      String(batchSize),
      'BLOCK',
      String(blockMs),
      'STREAMS',
      stream,
      '>',
    ])) as StreamReply;
    const entries = reply?.[0]?.[1] ?? [];
    if (entries.length > 0) {
      lastEvent = Date.now();
      await take(entries);
    }
    await finishReadyCloses();
    if (Date.now() - lastIdleSweep >= Math.min(1000, conversationIdleMs)) {
      lastIdleSweep = Date.now();
      await finishIdle(lastIdleSweep - conversationIdleMs);
    }
    if (untilIdleMs !== undefined && entries.length === 0 && Date.now() - lastEvent >= untilIdleMs) {
      // The end of the events is the close of every open conversation, as the end of a file is —
      // once no worker holds an unbuffered event (a dead worker's are taken over first).
      const pending = (await send(['XPENDING', stream, group])) as [number, ...unknown[]];
      if (Number(pending[0]) === 0) {
        await finishIdle(Number.POSITIVE_INFINITY);
        break;
      }
      if (deferred.size === 0) await sleep(Math.min(200, blockMs));
    }
  }
  return summary;
}

/** `work` over `items`, 64 at a time (node-redis pipelines the commands of concurrent calls). */
async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += 64) await Promise.all(items.slice(i, i + 64).map(work));
}
