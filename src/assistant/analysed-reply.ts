import type { Analysis } from '../analysis/types.js';
import type { Assistant } from './create.js';
import type { FullReply } from './reply.js';
import type { ReplyOptions } from './inputs.js';

/**
 * `assistant.reply()` given the analysis of the same text and context, for callers inside huashu
 * that already analysed it (a conversation session analyses a message for its topic before it
 * replies): the message is then read once, not twice. Not public: a wrong analysis would give a
 * wrong reply, so only code that made the analysis from the same input may hand it over.
 */
export type AnalysedReply = (text: string, options: ReplyOptions, analysis: Analysis) => FullReply;

const analysedReplies = new WeakMap<Assistant, AnalysedReply>();

export function registerAnalysedReply(assistant: Assistant, reply: AnalysedReply): void {
  analysedReplies.set(assistant, reply);
}

/** The assistant's analysed reply, or undefined for an object createAssistant() did not make. */
export function analysedReplyOf(assistant: Assistant): AnalysedReply | undefined {
  return analysedReplies.get(assistant);
}
