import { expandPlaceholders } from '../text/regex-pieces.js';

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

/** The cues, as the build ships them (rules/intents/agent-turn.json): each cue's patterns in file order. */
export interface AgentTurnCueData {
  dataNouns: readonly string[];
  askedForData: readonly string[];
  opening: readonly string[];
  anythingElse: readonly string[];
  question: readonly string[];
  nothingElse: readonly string[];
}

/** What the agent's message asked, and whether a short answer declines further help. */
export interface AgentTurnReader {
  /** What the agent's message (folded, see `normalize`) asked. */
  classify(folded: string): AgentTurn;
  /** Whether the folded short answer declines further help ("没有了", "no thanks, that's all"). */
  nothingElse(folded: string): boolean;
}

/**
 * A question word and a final 呢 in the last clause (您是哪天下单的呢, 大概几点在家呢, 写谁的名字呢):
 * a question without a question mark. Not a question word alone: 有什么问题随时找我哦 offers;
 * not 呢 alone: 这个是不支持的呢 states; not after 我 in the clause: 我帮您查下是哪里的问题呢 says
 * what the agent will do. English: a wh-word opens the last sentence (what size would you
 * like). Read on the whole message, so a sentence start is a real one, not where the tail cut.
 * A grammar rather than a list, so it stays here.
 */
const WH_QUESTION =
  /(?<!我[^。.!?,，;；]{0,10})(什么|啥|哪|几|多少|谁|怎么|为什么|为啥|多久|如何)[^。.!?,，;；]{0,16}呢[\s~～。.!…]*$|(^|[.!?]\s*)(what|which|when|where|who|how)\b[^.!?]*$/u;

/** The text after the first sentence end (the folded text has half-width marks). */
const LATER_SENTENCE = /[。.!?~]\s*(\S.*)$/u;

/** How much of the agent's message end is searched for a question (long product cards come first). */
const TAIL = 48;

/** One regular expression of a cue's patterns, `{dataNouns}` expanded. */
function cue(patterns: readonly string[], dataNouns: readonly string[]): RegExp {
  return new RegExp(expandPlaceholders(patterns.join('|'), { dataNouns }), 'u');
}

/** The reader of `data` (the build checks the shipped cues with it; built-in-agent-turn.ts reads them). */
export function agentTurnReader(data: AgentTurnCueData): AgentTurnReader {
  const ASKED_FOR_DATA = cue(data.askedForData, data.dataNouns);
  const OPENING = cue(data.opening, data.dataNouns);
  const ANYTHING_ELSE = cue(data.anythingElse, data.dataNouns);
  const QUESTION = cue(data.question, data.dataNouns);
  const NOTHING_ELSE = cue(data.nothingElse, data.dataNouns);
  return {
    classify(folded: string): AgentTurn {
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
        return later !== undefined &&
          !OPENING.test(later) &&
          (QUESTION.test(later) || WH_QUESTION.test(later))
          ? AgentTurn.Question
          : AgentTurn.Opening;
      }
      if (ASKED_FOR_DATA.test(folded)) return AgentTurn.AskedForData;
      if (QUESTION.test(tail) || WH_QUESTION.test(folded.trimEnd())) return AgentTurn.Question;
      return AgentTurn.Statement;
    },
    nothingElse: (folded) => NOTHING_ELSE.test(folded),
  };
}
