/**
 * `huashu/redis`: conversation state and streaming QA on Redis, for many bot instances and many
 * QA workers. Needs the optional peer dependency `redis` (node-redis v5); nothing else in huashu
 * imports it. The conversation store is injected into `createConversationSession()` (from
 * `huashu`), so the assistant itself stays synchronous and free of I/O.
 */
export { connectRedis } from '../redis/connection.js';
export type { OwnedRedis, RedisCommands } from '../redis/connection.js';
export { createRedisStore } from '../redis/store.js';
export type { RedisStoreOptions } from '../redis/store.js';
export { runStreamQa } from '../redis/stream-qa.js';
export type { StreamQaOptions, StreamQaSummary } from '../redis/stream-qa.js';
export { readStreamAggregates, readStreamResults } from '../redis/aggregates.js';
export { hashCustomerId } from '../redis/keys.js';
