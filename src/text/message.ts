import type { Turn } from '../context.js';
import { normalize, type NormalizedText } from '../normalize/index.js';
import { analysedPart } from '../normalize/window.js';
import type { Channel } from '../vocabulary.js';
import { scanPhrases, type PhraseMatch } from './phrase-scan.js';

/**
 * One customer message read once: folded with its map back to the original, cut to the analysed
 * window, scanned for the lexicon's phrases, with the agent's previous turn read once beside it.
 * analyze() builds it; the classifier, signals and entities all read this value, so no part of
 * the analysis folds or scans the same text again.
 */
export interface MessageRead {
  /** The message as written. */
  readonly original: string;
  /** The whole message folded (what `Analysis.normalized` shows). */
  readonly normalized: NormalizedText;
  /** The analysed part: the first MAX_ANALYSED_CHARS folded characters (ranges stay valid). */
  readonly window: NormalizedText;
  /** The lexicon's phrases in `window`, ordered by end then start. */
  readonly phrases: readonly PhraseMatch[];
  /** The agent's turn the message answers, if any. */
  readonly previousAgent: AgentTurnRead | undefined;
  /** Earlier turns, oldest first (the conversation as given). */
  readonly history: readonly Turn[];
  /** Earlier contacts about the same issue that the caller counted. */
  readonly repeatContacts: number;
  readonly channel: Channel | undefined;
}

/** The agent's previous turn, read once: its end folded and scanned (the question is asked last). */
export interface AgentTurnRead {
  readonly text: string;
  /** The last AGENT_TAIL_CHARS characters of the turn, folded. */
  readonly tail: NormalizedText;
  /** The lexicon's phrases in `tail` (what the agent asked for: 订单号, 电话…). */
  readonly phrases: readonly PhraseMatch[];
}

/** How much of the agent's previous turn is read: its end, where the question is asked. */
export const AGENT_TAIL_CHARS = 300;

/** What a message is read with: the conversation around it (already validated). */
export interface ConversationInput {
  previousAgentMessage?: string | null | undefined;
  history?: readonly Turn[] | undefined;
  repeatContacts?: number | undefined;
  channel?: Channel | undefined;
}

/**
 * The agent's previous turn: `previousAgentMessage` when given (null: none), else the last agent
 * turn of `history` — a customer who answers 麻烦提供一下订单号 with a bare number answers it
 * whether the caller passed the question alone or the whole conversation.
 */
export function previousAgentText(context: ConversationInput | undefined): string | undefined {
  if (context === undefined) return undefined;
  const given = context.previousAgentMessage;
  if (given !== undefined) return given === null || given === '' ? undefined : given;
  const history = context.history;
  if (history === undefined) return undefined;
  for (let i = history.length - 1; i >= 0; i--) {
    const turn = history[i]!;
    if (turn.role === 'agent') return turn.text === '' ? undefined : turn.text;
  }
  return undefined;
}

/**
 * The conversation's turns before the message, newest first: `previousAgentMessage` when given (as
 * an agent turn), then the last `count` turns of `history`. What a message with nothing of its own
 * is read against: the conversation's language, an order number it already named.
 */
export function recentTurns(context: ConversationInput, count: number): Array<Pick<Turn, 'role' | 'text'>> {
  const turns: Array<Pick<Turn, 'role' | 'text'>> = [];
  const given = context.previousAgentMessage;
  if (typeof given === 'string' && given !== '') turns.push({ role: 'agent', text: given });
  const history = context.history ?? [];
  for (let i = history.length - 1; i >= 0 && i >= history.length - count; i--) turns.push(history[i]!);
  return turns;
}

/** The end of a turn that is read (its last AGENT_TAIL_CHARS characters), folded. */
export function turnTail(text: string): NormalizedText {
  return normalize(text.length > AGENT_TAIL_CHARS ? text.slice(text.length - AGENT_TAIL_CHARS) : text);
}

export function readAgentTurn(text: string): AgentTurnRead {
  const tail = turnTail(text);
  return { text, tail, phrases: scanPhrases(tail) };
}

/** Read a message (a string) with its conversation context (already validated). */
export function readMessage(text: string, context?: ConversationInput): MessageRead {
  const normalized = normalize(text);
  return readNormalized(normalized, context);
}

/** As readMessage, for a message the caller already folded with normalize(). */
export function readNormalized(normalized: NormalizedText, context?: ConversationInput): MessageRead {
  const window = analysedPart(normalized);
  const agent = previousAgentText(context);
  return {
    original: normalized.original,
    normalized,
    window,
    phrases: scanPhrases(window),
    previousAgent: agent === undefined ? undefined : readAgentTurn(agent),
    history: context?.history ?? [],
    repeatContacts: context?.repeatContacts ?? 0,
    channel: context?.channel,
  };
}
