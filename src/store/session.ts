import type { Analysis } from '../analysis/types.js';
import { invalidArgument, isPlainObject } from '../arguments.js';
import type { Assistant } from '../assistant/create.js';
import { analysedReplyOf } from '../assistant/analysed-reply.js';
import type { FullReply } from '../assistant/reply.js';
import type { Context, Turn } from '../context.js';
import type { Facts } from '../facts.js';
import { CHANNELS, type Channel } from '../vocabulary.js';
import { checkStoreNumber } from './memory.js';
import type { ConversationStore } from './types.js';
import { checkId, checkTime } from './validate.js';

/** Which conversation a message belongs to, and who sent it. */
export interface SessionMessage {
  conversationId: string;
  /** The customer's id: repeat contacts about the same topic are counted across conversations. */
  customerId?: string;
  /** When the message was sent, epoch ms; default now. */
  at?: number;
  channel?: Channel;
}

export interface SessionReplyOptions extends SessionMessage {
  facts?: Facts;
  variables?: Record<string, unknown>;
}

export interface SessionOptions {
  /** Earlier turns read from the store as `history`; default 20. */
  historyTurns?: number;
  /** Contacts about the same topic within this window count as repeats; default 7 days. */
  repeatWindowSeconds?: number;
  now?: () => number;
}

/**
 * The assistant over a shared conversation store: each call reads the conversation's recent turns
 * (history, hence the agent's previous turn) and the customer's contacts about the same topic from
 * the store, calls the synchronous assistant with that context, and appends the customer's turn.
 */
export interface ConversationSession {
  /** `assistant.analyze()` with the stored context; appends the customer turn (topic = intent). */
  analyze(text: string, message: SessionMessage): Promise<Analysis>;
  /** `assistant.reply()` with the stored context; appends the customer turn (not the suggestion). */
  reply(text: string, options: SessionReplyOptions): Promise<FullReply>;
  /** Record what the agent actually sent, so the next message sees it as the previous agent turn. */
  recordAgentTurn(conversationId: string, text: string, at?: number): Promise<void>;
}

const DEFAULT_HISTORY_TURNS = 20;
const DEFAULT_REPEAT_WINDOW_SECONDS = 7 * 24 * 3600;
const CHANNEL_SET: ReadonlySet<unknown> = new Set(CHANNELS);

function checkStore(store: unknown): ConversationStore {
  const s = store as Partial<ConversationStore> | null;
  if (
    isPlainObject(s) &&
    typeof s.appendTurn === 'function' &&
    typeof s.recentTurns === 'function' &&
    typeof s.countContacts === 'function'
  )
    return s as ConversationStore;
  throw invalidArgument(
    'INVALID_OPTIONS',
    'createConversationSession(assistant, store)',
    'store',
    'a ConversationStore { appendTurn, recentTurns, countContacts } (createMemoryStore() or createRedisStore())',
    store,
  );
}

/**
 * Wrap an assistant and a store (the async layer: the assistant stays synchronous and I/O-free).
 * Throws `HuashuError` `INVALID_OPTIONS` for a missing assistant or store, or bad options.
 */
export function createConversationSession(
  assistant: Assistant,
  store: ConversationStore,
  options: SessionOptions = {},
): ConversationSession {
  const call = 'createConversationSession(assistant, store, options)';
  if (
    !isPlainObject(assistant) ||
    typeof assistant.analyze !== 'function' ||
    typeof assistant.reply !== 'function'
  )
    throw invalidArgument(
      'INVALID_OPTIONS',
      call,
      'assistant',
      'an assistant from createAssistant()',
      assistant,
    );
  const checkedStore = checkStore(store);
  if (!isPlainObject(options))
    throw invalidArgument('INVALID_OPTIONS', call, 'options', 'an options object or nothing', options);
  const historyTurns = Math.floor(
    checkStoreNumber(options.historyTurns, call, 'historyTurns', 0) || DEFAULT_HISTORY_TURNS,
  );
  const windowMs =
    (checkStoreNumber(options.repeatWindowSeconds, call, 'repeatWindowSeconds', 1) ||
      DEFAULT_REPEAT_WINDOW_SECONDS) * 1000;
  if (options.now !== undefined && typeof options.now !== 'function')
    throw invalidArgument('INVALID_OPTIONS', call, 'now', 'a function returning epoch ms', options.now);
  const now = options.now ?? Date.now;

  function checkMessage(
    message: unknown,
    what: string,
  ): Required<Pick<SessionMessage, 'conversationId' | 'at'>> & SessionMessage {
    if (!isPlainObject(message))
      throw invalidArgument(
        'INVALID_INPUT',
        what,
        'message',
        'an object { conversationId, customerId?, at?, channel? }',
        message,
      );
    const conversationId = checkId(message.conversationId, what, 'conversationId');
    const out: Required<Pick<SessionMessage, 'conversationId' | 'at'>> & SessionMessage = {
      conversationId,
      at: message.at === undefined ? now() : checkTime(message.at, what, 'at'),
    };
    if (message.customerId !== undefined) out.customerId = checkId(message.customerId, what, 'customerId');
    if (message.channel !== undefined) {
      if (!CHANNEL_SET.has(message.channel))
        throw invalidArgument(
          'INVALID_INPUT',
          what,
          'channel',
          `one of ${CHANNELS.join(', ')}`,
          message.channel,
        );
      out.channel = message.channel as Channel;
    }
    return out;
  }

  /** The stored context of a message, and its topic (the intent without repeat contacts). */
  async function contextOf(
    text: string,
    message: ReturnType<typeof checkMessage>,
  ): Promise<{ context: Context; topic: string; first: Analysis }> {
    const turns =
      historyTurns === 0 ? [] : await checkedStore.recentTurns(message.conversationId, historyTurns);
    const history: Turn[] = turns.map((t) => ({ role: t.role, text: t.text, at: t.at }));
    const context: Context = {
      history,
      ...(message.channel === undefined ? {} : { channel: message.channel }),
    };
    const first = assistant.analyze(text, context);
    const topic = first.intent.id;
    if (message.customerId !== undefined) {
      const repeats = await checkedStore.countContacts(
        message.customerId,
        topic,
        message.at - windowMs,
        message.conversationId,
      );
      if (repeats > 0) context.repeatContacts = repeats;
    }
    return { context, topic, first };
  }

  async function record(text: string, message: ReturnType<typeof checkMessage>, topic: string) {
    await checkedStore.appendTurn(message.conversationId, {
      role: 'customer',
      text,
      at: message.at,
      topic,
      ...(message.customerId === undefined ? {} : { customerId: message.customerId }),
    });
  }

  return {
    async analyze(text, message) {
      const what = 'session.analyze(text, message)';
      if (typeof text !== 'string')
        throw invalidArgument('INVALID_INPUT', what, 'text', 'the message text as a string', text);
      const checked = checkMessage(message, what);
      const { context, topic, first } = await contextOf(text, checked);
      // Repeat contacts change the risk: analyse again only when there are some.
      const analysis = context.repeatContacts === undefined ? first : assistant.analyze(text, context);
      await record(text, checked, topic);
      return analysis;
    },
    async reply(text, replyOptions) {
      const what = 'session.reply(text, options)';
      if (typeof text !== 'string')
        throw invalidArgument('INVALID_INPUT', what, 'text', 'the message text as a string', text);
      const checked = checkMessage(replyOptions, what);
      const { context, topic, first } = await contextOf(text, checked);
      const options = {
        context,
        ...(replyOptions.facts === undefined ? {} : { facts: replyOptions.facts }),
        ...(replyOptions.variables === undefined ? {} : { variables: replyOptions.variables }),
      };
      // Without repeat contacts the context is the one `first` was made with: the message is read once.
      const analysed = context.repeatContacts === undefined ? analysedReplyOf(assistant) : undefined;
      const reply = analysed === undefined ? assistant.reply(text, options) : analysed(text, options, first);
      await record(text, checked, topic);
      return reply;
    },
    async recordAgentTurn(conversationId, text, at) {
      const what = 'session.recordAgentTurn(conversationId, text, at)';
      const id = checkId(conversationId, what, 'conversationId');
      if (typeof text !== 'string')
        throw invalidArgument('INVALID_INPUT', what, 'text', 'the reply text as a string', text);
      await checkedStore.appendTurn(id, {
        role: 'agent',
        text,
        at: at === undefined ? now() : checkTime(at, what, 'at'),
      });
    },
  };
}
