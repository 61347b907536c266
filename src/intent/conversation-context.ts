import type { NormalizedText } from '../normalize/index.js';
import type { AgentTurnRead } from '../text/message.js';
import { AgentTurn } from './agent-turn.js';
import { classifyAgentTurn, saysNothingElse } from './built-in-agent-turn.js';
import { FeatureBuffer } from './features.js';
import { REQUEST_PRECEDENCE } from './ids.js';
import type { ModelScores } from './model-scores.js';
import type { PatternMatcher } from './patterns.js';
import { logSumExp } from './score-math.js';

/**
 * Step 3 of classifying a message: what the conversation adds. The agent's previous turn decides
 * what a short answer or data means (a bare order number after 请提供订单号 is `ack`; see
 * domain.md §2) and gives the topic a short follow-up continues (从哪看? after 您的发票在开具中).
 */

// Context weights (log-odds). A short answer after an agent's question is an acknowledgement
// ("好的", "是的", a bare order number after "请提供订单号"); see domain.md §2 `ack`.
/** Data alone given after the agent asked. */
export const ACK_DATA_ANSWER = 6;
/**
 * Data asked for, with a few words and no question of its own ("[数字x] 谢谢", "[数字x] 提现[数字x]"):
 * the message's point is the data, whatever the words around it say.
 */
export const ACK_DATA_WITH_WORDS = 30;
const ACK_DATA_AFTER_STATEMENT = 2;
const OTHER_DATA_ALONE = 2;
const ACK_SHORT_AFTER_QUESTION = 1.5;
/** One or two words after a question ("在", "对", "不用") answer it. */
const ACK_WORD_AFTER_QUESTION = 2.5;
const ACK_SHORT_AFTER_STATEMENT = 0.8;
const GOODBYE_NOTHING_ELSE = 2;
const SHORT_ANSWER = 4;
/** How much of the agent's previous message is read (its end: what the customer answers). */
const AGENT_TAIL = 80;
/** Follow-ups up to this size lean towards the agent's topic, by TOPIC_WEIGHT, when the topic is this sure. */
const FOLLOW_UP_SIZE = 16;
const TOPIC_WEIGHT = 3;
const TOPIC_WEIGHT_SHORT = 4.5;
const TOPIC_CONFIDENCE = 0.5;
const DATA_ANSWER_WORDS = 6;
/** Words next to data that only label it (单号, 电话). */
const DATA_LABEL_SIZE = 3;

/** The context's vote for one intent (`intent` -1: none), with the evidence note that explains it. */
export interface ContextVote {
  intent: number;
  weight: number;
  note: string;
}

/** The classifier's indices of the intents a context vote can name. */
export interface ContextIntents {
  ack: number;
  goodbye: number;
  other: number;
}

/**
 * What the agent's previous turn did (`turn`) and the request it is about (`topic`, -1 when
 * unclear): the model and the patterns read the agent's words as if a customer had written them
 * ("您的发票在开具中" → invoice). `read` runs the pattern matcher, so it comes before the
 * customer's message is matched.
 */
export class AgentTopicReader {
  turn: AgentTurn = AgentTurn.None;
  topic = -1;
  private readonly agentFeatures = new FeatureBuffer();
  private readonly topicScores: Float64Array;

  constructor(
    private readonly patterns: PatternMatcher,
    private readonly modelScores: ModelScores,
    private readonly stopWords: ReadonlySet<number>,
    /** The classifier's intent of each pattern group. */
    private readonly groupIntent: Int32Array,
    private readonly patternScale: number,
    /** Per intent of the classifier (ids.ts `intentPrecedence`). */
    private readonly precedence: Uint8Array,
  ) {
    this.topicScores = new Float64Array(precedence.length);
  }

  read(agent: AgentTurnRead): void {
    const { patterns, topicScores, precedence } = this;
    const intentCount = precedence.length;
    this.topic = -1;
    // The end of the agent's message is what the customer answers (product cards come first).
    const text = lastCharacters(agent.tail, AGENT_TAIL);
    this.turn = classifyAgentTurn(text);
    patterns.match(text);
    topicScores.fill(0);
    this.modelScores.scoreAgentTurn(
      text,
      patterns.masked ? patterns.mask : null,
      this.agentFeatures,
      this.stopWords,
      topicScores,
    );
    for (let k = 0; k < patterns.firedCount; k++) {
      const g = patterns.fired[k] ?? 0;
      const i = this.groupIntent[g] ?? 0;
      topicScores[i] =
        (topicScores[i] ?? 0) +
        this.patternScale * (patterns.groups[g]?.weight ?? 0) * (patterns.hitFactors[g] ?? 0);
    }
    // Only requests are topics: the agent's greetings and thanks are not what a follow-up is about.
    for (let i = 0; i < intentCount; i++)
      if ((precedence[i] ?? REQUEST_PRECEDENCE) !== REQUEST_PRECEDENCE) topicScores[i] = -Infinity;
    const norm = logSumExp(topicScores, 0, intentCount);
    let best = -1;
    for (let i = 0; i < intentCount; i++)
      if (best < 0 || (topicScores[i] ?? -Infinity) > (topicScores[best] ?? -Infinity)) best = i;
    if (best >= 0 && Math.exp((topicScores[best] ?? -Infinity) - norm) >= TOPIC_CONFIDENCE) this.topic = best;
  }
}

/** Whether the message is data with at most a label ("[订单x]单号", "单号[数字x]") and nothing else. */
export function isDataOnly(
  text: string,
  features: FeatureBuffer,
  mask: Uint8Array | null,
  dataLabels: ReadonlySet<string>,
): boolean {
  return (
    features.dataTokens > 0 &&
    (features.contentSize === 0 ||
      (features.contentSize <= DATA_LABEL_SIZE && onlyDataLabels(text, mask, dataLabels)))
  );
}

/** Whether the agent's turn asked the customer something (a question, for data, or whether anything else is needed). */
export function askedSomething(turn: AgentTurn): boolean {
  return (
    turn === AgentTurn.Question || turn === AgentTurn.AskedForData || turn === AgentTurn.AskedAnythingElse
  );
}

/** Whether any clause of the last extracted message asks something. */
export function asksSomething(features: FeatureBuffer): boolean {
  for (let s = 0; s < features.segmentCount; s++) if (features.questions[s] === 1) return true;
  return false;
}

/**
 * The context's vote into `out`: data given on request or alone, a short answer after the agent
 * asked or spoke, "nothing else" after the agent asked whether anything else is needed. `turn` is
 * the agent's turn as the message answers it (an opening expects no answer: `None`).
 */
export function voteFromContext(
  out: ContextVote,
  text: string,
  features: FeatureBuffer,
  dataOnly: boolean,
  turn: AgentTurn,
  intents: ContextIntents,
): void {
  out.intent = -1;
  out.weight = 0;
  out.note = '';
  // Data with a few polite words ("[数字x] 谢谢", "[邮箱x] 麻烦你了") answers a request for it.
  const dataAnswer = features.dataTokens > 0 && features.contentSize <= DATA_ANSWER_WORDS;
  const asked = askedSomething(turn);
  if (dataOnly) {
    if (asked) set(out, intents.ack, ACK_DATA_ANSWER, 'data given after the agent asked');
    else if (turn === AgentTurn.Statement)
      set(out, intents.ack, ACK_DATA_AFTER_STATEMENT, 'data given after the agent spoke');
    else set(out, intents.other, OTHER_DATA_ALONE, 'only data, no request');
  } else if (
    dataAnswer &&
    turn === AgentTurn.AskedForData &&
    (!asksSomething(features) || features.contentSize <= SHORT_ANSWER)
  ) {
    set(out, intents.ack, ACK_DATA_WITH_WORDS, 'data given after the agent asked for it');
  } else if (features.contentSize > 0 && features.contentSize <= SHORT_ANSWER && turn !== AgentTurn.None) {
    if (turn === AgentTurn.AskedAnythingElse && saysNothingElse(text))
      set(out, intents.goodbye, GOODBYE_NOTHING_ELSE, 'nothing else after the agent asked');
    else if (asked)
      set(
        out,
        intents.ack,
        features.contentSize <= 2 ? ACK_WORD_AFTER_QUESTION : ACK_SHORT_AFTER_QUESTION,
        'short answer after the agent asked',
      );
    else set(out, intents.ack, ACK_SHORT_AFTER_STATEMENT, 'short answer after the agent spoke');
  }
}

/**
 * How much a short follow-up ("从哪看?", "多久能到账") leans towards the agent's topic, or 0 when it
 * does not follow up. A bare answer to a question ("给了啊" after "给个好评好吗?") acknowledges; a
 * question continues the topic. The less the message says, the more the context decides what it
 * is about; a message that names no request of its own (`requestPatternFired` false) leans on it more.
 */
export function followUpWeight(
  features: FeatureBuffer,
  dataOnly: boolean,
  turn: AgentTurn,
  requestPatternFired: () => boolean,
): number {
  const followsUp =
    features.contentSize > 0 &&
    features.contentSize <= FOLLOW_UP_SIZE &&
    !dataOnly &&
    (features.contentSize > SHORT_ANSWER || !askedSomething(turn) || asksSomething(features));
  if (!followsUp) return 0;
  return features.contentSize <= SHORT_ANSWER || !requestPatternFired() ? TOPIC_WEIGHT_SHORT : TOPIC_WEIGHT;
}

function set(out: ContextVote, intent: number, weight: number, note: string): void {
  out.intent = intent;
  out.weight = weight;
  out.note = note;
}

const PLACEHOLDER = /\[[^\]\s]{1,12}\]/gu;
const DIGITS_AND_PUNCTUATION = /[\d\s\p{P}]+/gu;

/** Whether the folded text (minus masked noise) is data plus one data label and nothing else. */
function onlyDataLabels(text: string, mask: Uint8Array | null, labels: ReadonlySet<string>): boolean {
  if (text.length > 80) return false;
  let kept = text;
  if (mask !== null) {
    kept = '';
    for (let i = 0; i < text.length; i++) if (mask[i] === 0) kept += text[i];
  }
  return labels.has(kept.replace(PLACEHOLDER, '').replace(DIGITS_AND_PUNCTUATION, ''));
}

/** The folded characters that come from the last `count` characters of the original. */
function lastCharacters(normalized: NormalizedText, count: number): string {
  const cut = normalized.original.length - count;
  if (cut <= 0) return normalized.text;
  let i = 0;
  while (i < normalized.text.length && (normalized.starts[i] ?? 0) < cut) i++;
  return normalized.text.slice(i);
}
