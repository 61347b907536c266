/** What the agent's previous message asked, as far as a short customer answer is concerned. */
export const enum AgentTurn {
  /** No previous agent message. */
  None = 0,
  /** The agent said something without asking. */
  Statement = 1,
  /** The agent greeted or offered help (您好, 请问有什么可以帮您?): whatever follows is a new request. */
  Opening = 5,
  /** The agent asked a question (是这个订单吗? 可以吗? Is that right?). */
  Question = 2,
  /** The agent asked for data: an order number, a phone, an address… (a bare number answers it). */
  AskedForData = 3,
  /** The agent asked whether there is anything else (还有什么可以帮您?): "没有了" closes the chat. */
  AskedAnythingElse = 4,
}

/**
 * What the agent's previous turn did, as `analyze()` reports it (`Analysis.previousAgentTurn`) and
 * templates and rules read it: an acknowledgement after a statement (嗯, 好的) needs no action, the
 * same word after a question or a request for data answers it.
 */
export const AGENT_TURN_KINDS = [
  'statement',
  'question',
  'asked_for_data',
  'asked_anything_else',
  'opening',
] as const;
export type AgentTurnKind = (typeof AGENT_TURN_KINDS)[number];

const KIND_OF: Record<AgentTurn, AgentTurnKind | undefined> = {
  [AgentTurn.None]: undefined,
  [AgentTurn.Statement]: 'statement',
  [AgentTurn.Question]: 'question',
  [AgentTurn.AskedForData]: 'asked_for_data',
  [AgentTurn.AskedAnythingElse]: 'asked_anything_else',
  [AgentTurn.Opening]: 'opening',
};

/** The reported kind of a classified agent turn; undefined when there was none. */
export function agentTurnKind(turn: AgentTurn): AgentTurnKind | undefined {
  return KIND_OF[turn];
}

/**
 * Whether a message after this agent turn answers or follows it up: not when there was no turn,
 * nor after a greeting or an open offer of help, where the customer starts afresh. Read by the
 * classifier's confidence calibration and by its fit (scripts/intent-lab/calibrate.ts) alike.
 */
export function followsUpAgentTurn(kind: AgentTurnKind | undefined): boolean {
  return kind !== undefined && kind !== 'opening';
}

// Matched on the folded message (simplified, lower case, half-width), so traditional text matches too.
const DATA_NOUNS =
  '订单|单号|号码|电话|手机|联系方式|地址|城市|所在地|邮箱|账号|帐号|id|信息|资料|验证码|税号|姓名|名字|收件人|截图|照片|图片|型号|金额|卡号|开户';
const ASKED_FOR_DATA = new RegExp(
  `(提供|发一下|发下|发给|发我|告诉|告知|留下|留个|复制|输入|填写|确认一下|核对)[^。!?]{0,14}(${DATA_NOUNS})` +
    `|(${DATA_NOUNS})[^。!?]{0,8}(多少|是什么|哪个|给我|发|提供)` +
    '|\\b(provide|send|share|give|tell|confirm|enter)\\b.{0,40}\\b(order|number|email|phone|address|name|details|id|photo|picture)',
  'u',
);
const OPENING =
  /有什么(可以|能|需要)?(帮|为|效劳|服务)|有什么问题|很高兴为您服务|欢迎(光临|咨询)|how (can|may) i help|what can i do for you/u;
const ANYTHING_ELSE =
  /还有(什么|其他|其它|别的)|其他(问题|需要)|anything else|something else|any other (question|issue)/u;
const QUESTION =
  /[?]|吗|么|嘛|是不是|对不对|可不可以|好不好|行不行|可以不|还是|请问|\b(is it|are you|do you|did you|can you|could you|would you|right)\b/u;
/**
 * A question word and a final 呢 in the last clause (您是哪天下单的呢, 大概几点在家呢, 写谁的名字呢):
 * a question without a question mark. Not a question word alone: 有什么问题随时找我哦 offers;
 * not 呢 alone: 这个是不支持的呢 states; not after 我 in the clause: 我帮您查下是哪里的问题呢 says
 * what the agent will do. English: a wh-word opens the last sentence (what size would you
 * like). Read on the whole message, so a sentence start is a real one, not where the tail cut.
 */
const WH_QUESTION =
  /(?<!我[^。.!?,，;；]{0,10})(什么|啥|哪|几|多少|谁|怎么|为什么|为啥|多久|如何)[^。.!?,，;；]{0,16}呢[\s~～。.!…]*$|(^|[.!?]\s*)(what|which|when|where|who|how)\b[^.!?]*$/u;

/** The text after the first sentence end (the folded text has half-width marks). */
const LATER_SENTENCE = /[。.!?~]\s*(\S.*)$/u;

/** How much of the agent's message end is searched for a question (long product cards come first). */
const TAIL = 48;

/** What the agent's message (folded, see `normalize`) asked. */
export function classifyAgentTurn(folded: string): AgentTurn {
  if (folded === '') return AgentTurn.None;
  const tail = folded.length > TAIL ? folded.slice(folded.length - TAIL) : folded;
  if (ANYTHING_ELSE.test(tail)) return AgentTurn.AskedAnythingElse;
  const opening = OPENING.exec(tail);
  if (opening !== null) {
    // A greeting, then a request for data (您好，欢迎光临… 请您提供一下订单号) or a question of its
    // own in a later sentence (…有什么可以为您效劳的呢? 请问您咨询的是这款商品么): that is what the
    // customer answers. A request before the greeting does not count, nor a later sentence that
    // only offers help again.
    const after = tail.slice(opening.index + opening[0].length);
    if (ASKED_FOR_DATA.test(after)) return AgentTurn.AskedForData;
    const later = LATER_SENTENCE.exec(after)?.[1];
    return later !== undefined && !OPENING.test(later) && (QUESTION.test(later) || WH_QUESTION.test(later))
      ? AgentTurn.Question
      : AgentTurn.Opening;
  }
  if (ASKED_FOR_DATA.test(folded)) return AgentTurn.AskedForData;
  if (QUESTION.test(tail) || WH_QUESTION.test(folded.trimEnd())) return AgentTurn.Question;
  return AgentTurn.Statement;
}

/** Words of a short answer that decline further help ("没有了", "no thanks, that's all"). */
export const NOTHING_ELSE =
  /没有|没了|没啦|没事|不用|就这些|可以了|没问题了|no\b|nothing|that'?s all|all good/u;
