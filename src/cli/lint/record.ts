import type { Facts } from '../../facts.js';
import type { SupportedLocale } from '../../language/index.js';
import type { ReplyOrigin } from '../../lint/formatters/types.js';
import type { ConversationTurn } from '../../lint/types.js';
import type { SourceLine } from './source-lines.js';

/** One agent reply read from the input, with what the input says about it. */
export interface ReplyRecord {
  reply: string;
  /** 1-based line where the record starts. */
  line: number;
  /**
   * Where the reply text sits in the source: known at once (plain text, CSV, inline), or found in
   * its JSON line only for replies with findings (see resolveOrigin).
   */
  origin: ReplyOrigin | JsonLineOrigin;
  id?: string;
  agent?: string;
  conversationId?: string;
  facts?: Facts;
  locale?: SupportedLocale;
  /** Earlier turns given in the record itself; they replace the tracked conversation. */
  conversation?: ConversationTurn[];
  /** The customer message this reply answers, added to the conversation before the reply. */
  customerMessage?: string;
}

/** A reply read from a JSONL line: its position is looked up in the line when needed. */
export interface JsonLineOrigin {
  jsonLine: SourceLine;
  /** The key the reply was read from. */
  field: 'reply' | 'text';
}

/** What a parser reads from the input. */
export type InputItem =
  | { kind: 'reply'; record: ReplyRecord }
  /** A customer or system message of a conversation: context for the replies after it, not linted. */
  | { kind: 'turn'; line: number; conversationId?: string; turn: ConversationTurn }
  /** Input that could not be read; `lines`: how many lines of input it covers (default 1). */
  | { kind: 'malformed'; line: number; message: string; lines?: number };

/** A push parser: fed the input line by line, emits what it reads. */
export interface InputParser {
  push(line: SourceLine, emit: (item: InputItem) => void): void;
  /** The input ended: emit what is left (or report what is unfinished). */
  finish(emit: (item: InputItem) => void): void;
  /**
   * A line was left out (it is too long; the caller reports it): a record that spans it is
   * broken, so report and drop it. Parsers whose records are single lines need not implement it.
   */
  abandon?(line: SourceLine, emit: (item: InputItem) => void): void;
}
