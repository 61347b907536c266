/**
 * Intents that carry no request: the customer thanks or takes leave (谢谢, 没事了, 其他没有了).
 * `ack` is not one of them: a bare order number or 那我再等等吧 is an acknowledgement that may
 * still wait for an answer.
 */
const CLOSING_INTENTS: ReadonlySet<string> = new Set(['thanks', 'goodbye']);

const QUESTION_MARK = /[?？]/;

/**
 * Whether a customer turn closes the conversation (test/qa/conversations/README.md: no question
 * and no new request): made only of closing words, or read by `analyze()` as thanks or goodbye.
 * The intent reads closings the cue list lacks (其他没有了 谢谢, 暂时不需要麻烦你了) the way it
 * reads any other message, rather than by more phrases.
 */
export function isClosingTurn(
  text: string,
  coveredByClosingWords: boolean,
  intentOf: (() => { id: string }) | undefined,
): boolean {
  if (coveredByClosingWords) return true;
  if (intentOf === undefined || QUESTION_MARK.test(text)) return false;
  return CLOSING_INTENTS.has(intentOf().id);
}

/**
 * Whether a customer turn closes, as `huashu qa` reads it: `isClosingTurn`, unless the turn has a
 * complaint trigger (谢谢，下次不会再来了，太失望了 reads as thanks), puts the matter off (那我等快递
 * 到了再说 reads as goodbye) or opens another matter (谢谢 对了另一个订单也帮我查下): the `pending`
 * cue — test/qa/conversations/README.md counts none of them as a closing.
 */
export function isClosingCustomerTurn(
  text: string,
  cues: { hits: ReadonlyArray<{ cue: string }>; closing: boolean },
  reading: { complaint: unknown; intent: () => { id: string } } | undefined,
): boolean {
  if (reading?.complaint !== undefined) return false;
  if (cues.hits.some((hit) => hit.cue === 'pending')) return false;
  return isClosingTurn(text, cues.closing, reading?.intent);
}
