import { isClosingTurn } from '../../qa/closing.js';
import type { ConversationTurn } from '../types.js';
import { ruleWords } from '../built-in-data.js';
import { ruleDocsUrl } from '../docs.js';
import { defineBuiltInRule, type RuleContext } from '../rule.js';
import { MAX_LOOKBACK_TURNS, trailingCustomerTurns, turnWindow, wholeReply } from './conversation.js';

/** What a closing customer turn says: nothing else / goodbye, thanks, or only an acknowledgement. */
type ClosingKind = 'decline' | 'thanks' | 'ack';

const CLOSING_ROLES: ReadonlySet<string> = new Set(['thanks', 'decline', 'ack']);
/** White space, punctuation (question marks are left out: they ask), symbols and emoji. */
const NEUTRAL = /^[\s\p{Pc}\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{S}\p{Emoji_Presentation}.,!;:'"…、，。！；：~～]$/u;
const ZERO_WIDTH_JOINER = 0x200d;
const VARIATION_SELECTOR = 0xfe0f;

/**
 * The closing reply asks whether anything else is needed (请问还有什么可以帮您?). A reply closes
 * the conversation when it says goodbye (再见, have a nice day) or answers the customer's closing
 * thanks (不客气, you're welcome). No offer is expected when the customer's closing says there is nothing else or goodbye
 * (没了, that's all, bye), or when an agent turn already offered since the customer's last turn
 * that was not a closing (the customer's 好的谢谢 answers that offer).
 *
 * A customer turn is a closing the way QA reads one (src/qa/closing.ts, `isClosingTurn`): no
 * question and no new request — it is made only of closing words (thanks, nothing-else, goodbye,
 * acknowledgement) with particles, punctuation and emoji, and has no question mark.
 */
export const offerFurtherHelp = defineBuiltInRule({
  meta: {
    id: 'offer-further-help',
    category: 'conversation',
    docs: {
      description: 'The closing reply asks whether the customer needs anything else',
      url: ruleDocsUrl('offer-further-help'),
    },
    hasSuggestions: true,
    defaultSeverity: 'warn',
    requiresConversation: true,
    messages: {
      missingOffer: {
        'zh-Hans': '结束会话前，请询问客户是否还有其他需要帮助的地方。',
        'zh-Hant': '結束會話前，請詢問客戶是否還有其他需要幫助的地方。',
        en: 'Before closing, ask whether the customer needs anything else.',
      },
    },
  },
  create(context) {
    const words = ruleWords()['offer-further-help'];
    const filler = new Set(Array.from(words.closingFiller ?? ''));
    const questionMarks = new Set(Array.from(words.questionMarks));
    return {
      'reply:exit'() {
        if (context.matches('further-help').length > 0) return;
        const conversation = context.conversation ?? [];
        const trailing = trailingCustomerTurns(conversation);
        const kind = runClosing(context, conversation, trailing, filler, questionMarks);
        // The customer said there is nothing else, or took leave: a bare goodbye is right.
        if (kind === 'decline') return;
        // A reply answers the closing thanks when it says so (不客气, you're welcome); one that goes on
        // with the business (您的发票在开具中) does not close the conversation.
        const closing =
          context.matches('closing').length > 0 || (kind === 'thanks' && context.matches('welcome').length > 0);
        if (!closing) return;
        if (kind !== undefined && offeredEarlier(context, conversation, trailing, filler, questionMarks)) return;
        const suggestion = context.suggestion('situation/anything-else');
        const last = trailing[trailing.length - 1];
        context.report({
          messageId: 'missingOffer',
          data: {
            template: 'situation/anything-else',
            ...(last === undefined ? {} : { turn: String(last) }),
          },
          range: wholeReply(context.reply.text),
          ...(suggestion === undefined ? {} : { suggestions: [{ text: suggestion }] }),
        });
      },
    };
  },
});

/** The closing kind of a run of customer turns: every turn a closing; the strongest kind wins. */
function runClosing(
  context: RuleContext,
  conversation: readonly ConversationTurn[],
  indexes: readonly number[],
  filler: ReadonlySet<string>,
  questionMarks: ReadonlySet<string>,
): ClosingKind | undefined {
  if (indexes.length === 0) return undefined;
  let kind: ClosingKind = 'ack';
  for (const index of indexes) {
    const turn = closingKind(context, conversation[index]!.text, filler, questionMarks);
    if (turn === undefined) return undefined;
    if (turn === 'decline' || (turn === 'thanks' && kind === 'ack')) kind = turn;
  }
  return kind;
}

/**
 * Whether `text` is a closing turn, and which kind: every character is inside a closing word
 * (thanks, decline, ack), a particle of `filler`, punctuation or an emoji — a question mark or a
 * final 吗 (`questionMarks`) asks, and anything else is a new request or a question.
 */
function closingKind(
  context: RuleContext,
  text: string,
  filler: ReadonlySet<string>,
  questionMarks: ReadonlySet<string>,
): ClosingKind | undefined {
  const window = turnWindow(text);
  if (window.length < text.length) return undefined; // a long turn is not a closing
  const cues = context.matchText(window).filter((m) => CLOSING_ROLES.has(m.entry.role));
  if (cues.length === 0) return undefined;
  const covered = new Uint8Array(window.length);
  for (const cue of cues) covered.fill(1, cue.range[0], cue.range[1]);
  let coveredByClosingWords = true;
  let i = 0;
  for (const char of window) {
    const at = i;
    i += char.length;
    if (covered[at] === 1) continue;
    const code = char.codePointAt(0)!;
    if (code === ZERO_WIDTH_JOINER || code === VARIATION_SELECTOR || filler.has(char)) continue;
    if (questionMarks.has(char) || !NEUTRAL.test(char)) {
      coveredByClosingWords = false;
      break;
    }
  }
  if (!isClosingTurn(window, coveredByClosingWords, undefined)) return undefined;
  if (cues.some((m) => m.entry.role === 'decline')) return 'decline';
  return cues.some((m) => m.entry.role === 'thanks') ? 'thanks' : 'ack';
}

/**
 * Whether an agent turn before the customer's closing run already offered further help, with only
 * closings from the customer since (at most `MAX_LOOKBACK_TURNS` turns back).
 */
function offeredEarlier(
  context: RuleContext,
  conversation: readonly ConversationTurn[],
  trailing: readonly number[],
  filler: ReadonlySet<string>,
  questionMarks: ReadonlySet<string>,
): boolean {
  const from = trailing.length === 0 ? conversation.length - 1 : trailing[0]! - 1;
  for (let i = from, steps = 0; i >= 0 && steps < MAX_LOOKBACK_TURNS; i--, steps++) {
    const turn = conversation[i]!;
    if (turn.role === 'agent') {
      if (context.matchText(turnWindow(turn.text), 'further-help').length > 0) return true;
    } else if (turn.role === 'customer' && closingKind(context, turn.text, filler, questionMarks) === undefined) {
      return false;
    }
  }
  return false;
}
