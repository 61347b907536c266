export type { ConversationStore, StoredTurn, TurnToAppend } from './types.js';
export { createMemoryStore, DEFAULT_STORE_TTL_SECONDS } from './memory.js';
export type { MemoryStoreOptions } from './memory.js';
export { createConversationSession } from './session.js';
export type { ConversationSession, SessionMessage, SessionOptions, SessionReplyOptions } from './session.js';
export { maskPersonalData } from './mask.js';
