import { HuashuError } from '../errors.js';

/**
 * What huashu needs of a Redis client: node-redis's `sendCommand(args)` (raw RESP2 replies:
 * strings, numbers, arrays, null). A `createClient()` client of the `redis` package (v5) fits.
 */
export interface RedisCommands {
  sendCommand(args: string[]): Promise<unknown>;
}

/** A connected client huashu opened itself (`connectRedis`), to close when done. */
export interface OwnedRedis extends RedisCommands {
  close(): Promise<void>;
}

export function isRedisCommands(value: unknown): value is RedisCommands {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<RedisCommands>).sendCommand === 'function'
  );
}

/**
 * Connect to `redis://[user:password@]host:port[/db]` with node-redis (the optional peer dependency
 * `redis`, loaded only here). Throws `MISSING_PEER_DEPENDENCY` without it, `IO` when the server
 * cannot be reached.
 */
export async function connectRedis(url: string): Promise<OwnedRedis> {
  let redis: { createClient(options: unknown): unknown };
  try {
    redis = (await import('redis')) as unknown as typeof redis;
  } catch (error) {
    throw new HuashuError(
      'MISSING_PEER_DEPENDENCY',
      'huashu/redis needs the optional peer dependency "redis" (node-redis v5): npm install redis',
      { cause: error },
    );
  }
  const client = redis.createClient({
    url,
    // Fail instead of retrying forever when the server is not there at all.
    socket: {
      reconnectStrategy: (retries: number) => (retries > 20 ? false : Math.min(retries * 100, 2000)),
    },
  }) as RedisCommands & {
    connect(): Promise<unknown>;
    close?: () => Promise<void>;
    quit?: () => Promise<unknown>;
    on(event: string, listener: (error: unknown) => void): unknown;
  };
  let lastError: unknown;
  client.on('error', (error) => {
    lastError = error;
  });
  try {
    await client.connect();
  } catch (error) {
    throw new HuashuError(
      'IO',
      `Cannot connect to Redis at ${url}: ${String((error as Error)?.message ?? error)}`,
      {
        cause: error ?? lastError,
      },
    );
  }
  return {
    sendCommand: (args) => client.sendCommand(args),
    close: async () => {
      if (typeof client.close === 'function') await client.close();
      else await client.quit?.();
    },
  };
}
