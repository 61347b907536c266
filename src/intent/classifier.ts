import type { Evidence, IntentCandidate } from '../analysis/types.js';
import { invalidArgument } from '../arguments.js';
import type { IntentId } from '../ids.js';
import { contextSchema, isContext, type Context } from '../context.js';
import { parseOrThrow } from '../errors.js';
import { intentCalibration } from '../generated/intent-calibration.js';
import { intentModel } from '../generated/intent-model.js';
import { intentSettings } from '../generated/intent-settings.js';
import { intentPatterns } from '../generated/intent-patterns.js';
import { isNormalizedText, normalize, toOriginalRange, type NormalizedText } from '../normalize/index.js';
import { analysedPart } from '../normalize/window.js';
import { previousAgentText, readAgentTurn, type AgentTurnRead, type MessageRead } from '../text/message.js';
import {
  AgentTurn,
  agentTurnKind,
  classifyAgentTurn,
  followsUpAgentTurn,
  NOTHING_ELSE,
  type AgentTurnKind,
} from './agent-turn.js';
import { builtInIntentModel, type BuiltInIntentModel } from './built-in-model.js';
import { calibrateConfidence, calibrationGroup } from './calibration.js';
import { extractFeatures, FeatureBuffer, MAX_SEGMENTS, stopWordKeys } from './features.js';
import {
  BUILT_IN_INTENT_IDS,
  intentPrecedence,
  NEVER_SECONDARY,
  OTHER_INTENT,
  REQUEST_PRECEDENCE,
} from './ids.js';
import {
  countFeatures,
  deserializeCounts,
  lengthScale,
  NaiveBayes,
  type CountedDocument,
} from './naive-bayes.js';
import { compactText, PatternMatcher } from './patterns.js';
import { SpellingIndex, spellingPairsOfWordCounts } from './spelling.js';
import { documentFeatures } from './training.js';
import type { RegexPlan } from '../text/safe-regex.js';
import { intentOptionsSchema, type IntentModel, type IntentOptions, type PatternGroup } from './schema.js';

/** What `classify()` returns: fills `Analysis.intent` and `Analysis.intents`. */
export interface IntentResult {
  intent: { id: IntentId; confidence: number };
  intents: IntentCandidate[];
}

/** classifyMessage()'s result: the intents, and what the agent's previous turn did (when there was one). */
export interface MessageIntent extends IntentResult {
  previousAgentTurn: AgentTurnKind | undefined;
}

export interface IntentClassifier {
  /** Every intent id the classifier can answer (built-in and user-defined). */
  readonly intents: readonly string[];
  classify(normalized: NormalizedText, context?: Context): IntentResult;
  /** classify() of a message analyze() has already read (no argument checks, nothing read twice). */
  classifyMessage(message: MessageRead): MessageIntent;
  /**
   * `classifyMessage(message).intent` alone: the same winner and confidence, without listing the
   * candidates and their evidence (a fifth of the work), for callers that read only the winner.
   */
  topIntent(message: MessageRead): IntentResult['intent'];
}

const DEFAULT_THRESHOLD = 0.3;
const DEFAULT_MARGIN = 0.03;
const DEFAULT_EXAMPLE_WEIGHT = 3;
/** Candidates listed besides the primary and secondary intents. */
const MAX_CANDIDATES = 5;
const MIN_CANDIDATE_CONFIDENCE = 0.05;
/** How many intents are ranked per message (candidates come from these). */
const RANKED = 8;
/** A clause's winner is a secondary request when its clause confidence reaches this. */
const SECONDARY_CONFIDENCE = 0.6;
/** Between clauses of equal rank, the first one wins unless a later one is surer by more than this. */
const CLAUSE_TIE = 0.02;
/** A pattern-backed clause this sure replaces a whole-message winner no pattern supports. */
const CLAUSE_OVERRIDE = 0.8;
/** Log-odds a user example adds when the whole message equals it. */
const EXAMPLE_MATCH_WEIGHT = 8;
/** Model evidence: n-grams listed per candidate, and the least contribution worth showing. */
const MODEL_EVIDENCE = 3;
const MODEL_EVIDENCE_MIN = 0.5;
/** How many of the listed candidates get their n-grams as evidence. */
const MODEL_EVIDENCE_CANDIDATES = 3;
/** Floor of an external model's probabilities (log(0) would veto an intent outright). */
const PROBABILITY_FLOOR = 1e-3;
/** PROBABILITY_FLOOR as a log-probability (the built-in model reports logarithms directly). */
const LOG_PROBABILITY_FLOOR = Math.log(PROBABILITY_FLOOR);

// Context weights (log-odds). A short answer after an agent's question is an acknowledgement
// ("好的", "是的", a bare order number after "请提供订单号"); see domain.md §2 `ack`.
const ACK_DATA_ANSWER = 6;
// Data asked for, with a few words and no question of its own ("[数字x] 谢谢", "[数字x] 提现[数字x]"):
// the message's point is the data, whatever the words around it say.
const ACK_DATA_WITH_WORDS = 30;
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

interface BuiltIn {
  /** Pattern log-odds scale, calibrated at build time against the built-in model. */
  patternScale: number;
  /** Built on the first unknown English word (Chinese-only traffic never needs it). */
  spelling: SpellingIndex | undefined;
  stopWords: ReadonlySet<number>;
  groups: PatternGroup[];
  mask: string[];
  plans: Record<string, RegexPlan>;
  /** Words that only label data next to them (单号, 电话): data and one of them is data only. */
  dataLabels: ReadonlySet<string>;
  /** Words that open a request made by the way (顺便, "by the way"), matched at a clause's start. */
  asides: readonly string[];
}

let builtIn: BuiltIn | undefined;

let builtInNaiveBayes: NaiveBayes | undefined;

/**
 * The shipped naive Bayes counts, decoded on first use: only a classifier that learns user
 * examples (and has no model of the caller's) reads them; the default runs the linear model.
 */
function naiveBayes(): NaiveBayes {
  if (builtInNaiveBayes === undefined) {
    const { temperature, alpha, priorWeight, patternScale } = intentModel();
    builtInNaiveBayes = new NaiveBayes(deserializeCounts(intentModel()), {
      temperature,
      alpha,
      priorWeight,
      patternScale,
    });
  }
  return builtInNaiveBayes;
}

/** The shipped patterns and model settings, decoded on first use (not at import) and shared. */
function loadBuiltIn(): BuiltIn {
  if (builtIn === undefined) {
    builtIn = {
      patternScale: intentSettings().patternScale,
      spelling: undefined,
      stopWords: stopWordKeys(intentSettings().stopWords),
      groups: intentPatterns().groups,
      mask: intentPatterns().mask,
      plans: intentPatterns().plans,
      dataLabels: new Set(intentPatterns().dataLabels),
      asides: intentPatterns().asides,
    };
  }
  return builtIn;
}

function logSumExp(values: Float64Array, from: number, count: number): number {
  let max = -Infinity;
  for (let i = from; i < from + count; i++) if ((values[i] ?? -Infinity) > max) max = values[i] ?? -Infinity;
  if (max === -Infinity) return 0;
  let sum = 0;
  for (let i = from; i < from + count; i++) sum += Math.exp((values[i] ?? -Infinity) - max);
  return max + Math.log(sum);
}

/**
 * The hybrid intent classifier: declarative patterns (one Aho–Corasick pass), a naive Bayes model
 * trained at build time, and the conversation context, combined as log-odds and turned into
 * confidences with a softmax. Throws `HuashuError` `INVALID_OPTIONS` for bad options.
 */
export function createIntentClassifier(
  options: IntentOptions = {},
  /**
   * Internal, for the intent lab: the calibration fit (calibrate.ts) reads the raw confidences;
   * the pattern-scale fit (pattern-scale.ts) runs a model trained without a fold in the built-in
   * model's place, with the pattern log-odds scaled as it tries.
   */
  internal: { calibrated?: boolean; model?: BuiltInIntentModel; patternScale?: number } = {},
): IntentClassifier {
  const settings = parseOrThrow(
    intentOptionsSchema,
    options,
    'INVALID_OPTIONS',
    'createIntentClassifier(options)',
  );
  const base = loadBuiltIn();
  const threshold = settings.threshold ?? DEFAULT_THRESHOLD;
  const margin = settings.margin ?? DEFAULT_MARGIN;
  const exampleWeight = settings.exampleWeight ?? DEFAULT_EXAMPLE_WEIGHT;
  // The statistical model: the caller's, else the shipped logistic regression. User examples are
  // learned at once by adding them to naive Bayes counts (no retraining), so with examples and no
  // model of the caller's the classifier runs on naive Bayes.
  const examples = settings.examples ?? [];
  const builtIn =
    settings.classifier === undefined && examples.length === 0
      ? (internal.model ?? builtInIntentModel())
      : undefined;
  const external: IntentModel | undefined = settings.classifier ?? builtIn;
  // Pattern log-odds are scaled by the built-in setting, whatever the model (fitted against naive
  // Bayes; scripts/intent-lab/pattern-scale.ts measures it against the linear model).
  const patternScale = internal.patternScale ?? base.patternScale;
  // The primary intent's confidence is calibrated for the built-in model only: the fit measured
  // its answers, not those of naive Bayes with user examples or of a caller's model. Decisions
  // (threshold, margin, clauses) read the uncalibrated scores, so calibration changes no answer.
  const calibration =
    builtIn !== undefined && internal.calibrated !== false ? intentCalibration() : undefined;
  const reported = (confidence: number, intent: string, afterAgentTurn: boolean): number =>
    round(
      calibration === undefined
        ? confidence
        : calibrateConfidence(confidence, calibration.groups[calibrationGroup(intent)], afterAgentTurn),
    );

  const userGroups = (settings.patterns ?? []).map((g, i) => ({ ...g, id: g.id ?? `user.${g.intent}#${i}` }));
  const patterns =
    userGroups.length > 0
      ? new PatternMatcher([...base.groups, ...userGroups], base.mask, base.plans)
      : shared(base);

  // User examples: added to the naive Bayes counts (new ids become new classes: no retraining, time
  // proportional to the examples) and remembered whole for an exact match.
  // Naive Bayes runs only without another model (user examples and no model of the caller's); its
  // uses below are all on that path, hence `model!`.
  let model = external === undefined ? naiveBayes() : undefined;
  if (model !== undefined && examples.length > 0) {
    const buffer = new FeatureBuffer();
    const documents: CountedDocument[] = examples.map((e) => ({
      keys: documentFeatures(e.text, patterns, base.stopWords, buffer).keys,
      intent: e.intent,
      weight: exampleWeight,
    }));
    model = new NaiveBayes(countFeatures(documents, model.counts), model.settings);
  }
  const exactExamples = new Map<string, string>();
  for (const e of examples) {
    const key = compactText(normalize(e.text).text);
    if (key !== '') exactExamples.set(key, e.intent);
  }

  // One list of intents; every source maps into it.
  const intents: string[] = [...BUILT_IN_INTENT_IDS];
  const indexOf = new Map(intents.map((id, i) => [id, i]));
  const intern = (id: string): number => {
    let i = indexOf.get(id);
    if (i === undefined) {
      i = intents.length;
      intents.push(id);
      indexOf.set(id, i);
    }
    return i;
  };
  const modelIntents = external ? external.intents : model!.intents;
  const modelToIntent = Int32Array.from(modelIntents, intern);
  const groupIntent = Int32Array.from(patterns.groups, (g) => intern(g.intent));
  for (const e of examples) intern(e.intent);
  const exampleIntent = new Map([...exactExamples].map(([k, id]) => [k, intern(id)]));
  const intentCount = intents.length;
  const otherIndex = intern(OTHER_INTENT);
  const ackIndex = intern('ack');
  const goodbyeIndex = intern('goodbye');
  const precedence = Uint8Array.from(intents, intentPrecedence);
  const neverSecondary = Uint8Array.from(intents, (id) => (NEVER_SECONDARY.has(id) ? 1 : 0));
  const inModel = new Uint8Array(intentCount);
  for (const i of modelToIntent) inModel[i] = 1;
  const intentToModel = new Int32Array(intentCount).fill(-1);
  modelToIntent.forEach((i, m) => (intentToModel[i] = m));

  // Per-call scratch (classify is synchronous).
  const features = new FeatureBuffer();
  let modelUsed = false;
  const agentFeatures = new FeatureBuffer();
  // What the agent's previous turn asked and is about (set by readAgentContext for the current message).
  let agentTopic = -1;
  let agentTurn: AgentTurn = AgentTurn.None;
  let featureIndex = new Int32Array(256);
  const modelCount = modelIntents.length;
  const modelSegments = new Float64Array(MAX_SEGMENTS * modelCount);
  const scores = new Float64Array(intentCount);
  const segmentScores = new Float64Array(MAX_SEGMENTS * intentCount);
  const confidences = new Float64Array(Math.max(intentCount, modelCount));
  const topicScores = new Float64Array(intentCount);
  const patternBacked = new Uint8Array(intentCount);
  const segmentPatterns = new Uint8Array(MAX_SEGMENTS * intentCount);
  const order = new Int32Array(RANKED);
  const evidenceStarts = new Int32Array(MODEL_EVIDENCE);
  const evidenceEnds = new Int32Array(MODEL_EVIDENCE);
  const evidenceWeights = new Float64Array(MODEL_EVIDENCE);

  /** Model log-posteriors (calibrated) into `target[row…]`; intents the model lacks get its floor. */
  function addModelScores(
    source: Float64Array,
    sourceRow: number,
    target: Float64Array,
    targetRow: number,
    weight: number,
  ): void {
    if (weight <= 0) return; // no known feature: the model has no opinion (uniform)
    // Unnormalised log-posteriors: a softmax does not care about a constant, so none is subtracted.
    const t = model!.settings.temperature * lengthScale(weight);
    let max = -Infinity;
    for (let c = 0; c < modelCount; c++) {
      const v = ((model!.logPrior[c] ?? 0) + (source[sourceRow + c] ?? 0)) / t;
      target[targetRow + (modelToIntent[c] ?? 0)] = v;
      if (v > max) max = v;
    }
    if (modelCount === intentCount) return;
    // A user intent known only by its patterns starts neutral: the probability of a uniform guess.
    let sum = 0;
    for (let c = 0; c < modelCount; c++)
      sum += Math.exp((target[targetRow + (modelToIntent[c] ?? 0)] ?? 0) - max);
    const floor = max + Math.log(sum) - Math.log(modelCount);
    for (let i = 0; i < intentCount; i++) if (inModel[i] === 0) target[targetRow + i] = floor;
  }

  /** `out[i] = softmax(values[row…])[i]`; terms below e^-30 of the maximum are taken as 0. */
  function softmax(values: Float64Array, row: number, out: Float64Array): void {
    let max = -Infinity;
    for (let i = 0; i < intentCount; i++)
      if ((values[row + i] ?? -Infinity) > max) max = values[row + i] ?? -Infinity;
    let sum = 0;
    for (let i = 0; i < intentCount; i++) {
      const d = (values[row + i] ?? -Infinity) - max;
      const e = d < -30 ? 0 : Math.exp(d);
      out[i] = e;
      sum += e;
    }
    for (let i = 0; i < intentCount; i++) out[i] = (out[i] ?? 0) / sum;
  }

  /** Softmax probability of the entry scored `top` (the row's maximum). */
  function winnerProbability(values: Float64Array, row: number, top: number): number {
    let sum = 0;
    for (let i = 0; i < intentCount; i++) {
      const d = (values[row + i] ?? -Infinity) - top;
      if (d > -30) sum += Math.exp(d);
    }
    return 1 / sum;
  }

  /**
   * The best RANKED intents by confidence into `order[0…]`, best first (insertion into a short
   * list instead of sorting every intent). Returns how many were ranked.
   */
  function rankTop(values: Float64Array): number {
    let count = 0;
    for (let i = 0; i < intentCount; i++) {
      const v = values[i] ?? 0;
      if (count === RANKED && v <= (values[order[count - 1] ?? 0] ?? 0)) continue;
      let at = count < RANKED ? count++ : count - 1;
      while (at > 0 && (values[order[at - 1] ?? 0] ?? 0) < v) {
        order[at] = order[at - 1] ?? 0;
        at--;
      }
      order[at] = i;
    }
    return count;
  }

  /**
   * The request the agent's message is about, or -1 when unclear: the model and the patterns read
   * the agent's words as if a customer had written them ("您的发票在开具中" → invoice). Runs the
   * pattern matcher, so it is called before the customer's message is matched.
   */
  function readAgentContext(agent: AgentTurnRead): void {
    agentTopic = -1;
    // The end of the agent's message is what the customer answers (product cards come first).
    const text = lastCharacters(agent.tail, AGENT_TAIL);
    agentTurn = classifyAgentTurn(text);
    patterns.match(text);
    topicScores.fill(0);
    // Only naive Bayes reads the agent's words as features; another model's topic is the patterns'.
    if (external === undefined) {
      extractFeatures(text, patterns.masked ? patterns.mask : null, agentFeatures, base.stopWords);
      if (agentFeatures.contentSize > 0) {
        if (featureIndex.length < agentFeatures.count) featureIndex = new Int32Array(agentFeatures.count * 2);
        const totals = confidences; // scratch of length ≥ modelCount
        totals.fill(0);
        model!.score(agentFeatures, featureIndex, totals, null);
        addModelScores(totals, 0, topicScores, 0, model!.lastWeight);
      }
    }
    for (let k = 0; k < patterns.firedCount; k++) {
      const g = patterns.fired[k] ?? 0;
      const i = groupIntent[g] ?? 0;
      topicScores[i] =
        (topicScores[i] ?? 0) +
        patternScale * (patterns.groups[g]?.weight ?? 0) * (patterns.hitFactors[g] ?? 0);
    }
    // Only requests are topics: the agent's greetings and thanks are not what a follow-up is about.
    for (let i = 0; i < intentCount; i++)
      if ((precedence[i] ?? REQUEST_PRECEDENCE) !== REQUEST_PRECEDENCE) topicScores[i] = -Infinity;
    const norm = logSumExp(topicScores, 0, intentCount);
    let best = -1;
    for (let i = 0; i < intentCount; i++)
      if (best < 0 || (topicScores[i] ?? -Infinity) > (topicScores[best] ?? -Infinity)) best = i;
    if (best >= 0 && Math.exp((topicScores[best] ?? -Infinity) - norm) >= TOPIC_CONFIDENCE) agentTopic = best;
    return;
  }

  /** Replace unknown English words by the vocabulary word they misspell ("cancelaltion" → cancel). */
  function correctSpelling(text: string): void {
    for (let i = 0; i < features.count; i++) {
      if (features.words[i] !== 1 || model!.index.get(features.keys[i] ?? 0) >= 0) continue;
      base.spelling ??= new SpellingIndex(spellingPairsOfWordCounts(intentModel().spelling, base.stopWords));
      const corrected = base.spelling.correct(text, features.starts[i] ?? 0, features.ends[i] ?? 0);
      if (corrected >= 0) features.keys[i] = corrected;
    }
  }

  /** Whether a pattern of a request intent fired in the last matched message. */
  function anyRequestPattern(): boolean {
    for (let i = 0; i < intentCount; i++)
      if (patternBacked[i] === 1 && precedence[i] === REQUEST_PRECEDENCE) return true;
    return false;
  }

  /** Whether any clause of the last extracted message asks something. */
  function asksSomething(): boolean {
    for (let s = 0; s < features.segmentCount; s++) if (features.questions[s] === 1) return true;
    return false;
  }

  function classify(message: NormalizedText, context?: Context): IntentResult {
    if (!isNormalizedText(message))
      throw invalidArgument(
        'INVALID_INPUT',
        'classify(normalized, context)',
        'normalized',
        'the object normalize(text) returned: classify(normalize(text))',
        message,
      );
    if (context !== undefined && !isContext(context))
      parseOrThrow(contextSchema, context, 'INVALID_INPUT', 'classify(normalized, context)');
    // A bounded window (the first MAX_ANALYSED_CHARS folded characters, as signals and entities
    // read): a pasted log or a hostile megabyte costs no more than a long chat message.
    const agent = previousAgentText(context);
    return classifyRead(analysedPart(message), agent === undefined ? undefined : readAgentTurn(agent));
  }

  function classifyMessage(message: MessageRead): MessageIntent {
    const result = classifyRead(message.window, message.previousAgent);
    // classifyRead read the agent's turn (readAgentContext) when there was one.
    return {
      ...result,
      previousAgentTurn: message.previousAgent === undefined ? undefined : agentTurnKind(agentTurn),
    };
  }

  function topIntent(message: MessageRead): IntentResult['intent'] {
    return classifyRead(message.window, message.previousAgent, false).intent;
  }

  function classifyRead(
    normalized: NormalizedText,
    agent: AgentTurnRead | undefined,
    withCandidates = true,
  ): IntentResult {
    const text = normalized.text;
    if (agent !== undefined) readAgentContext(agent);
    const topic = agent !== undefined ? agentTopic : -1;
    patterns.match(text);
    extractFeatures(text, patterns.masked ? patterns.mask : null, features, base.stopWords);
    const segmentCount = features.segmentCount;
    scores.fill(0);
    segmentScores.fill(0, 0, segmentCount * intentCount);

    // 1. The statistical model.
    let known = 0;
    modelUsed = false;
    // Data with at most a label ("[订单x]单号", "单号[数字x]") and no pattern is data only, too.
    const dataOnly =
      features.dataTokens > 0 &&
      (features.contentSize === 0 ||
        (features.contentSize <= DATA_LABEL_SIZE &&
          onlyDataLabels(text, patterns.masked ? patterns.mask : null, base.dataLabels)));
    if (features.contentSize === 0 || dataOnly) {
      // Placeholders, numbers and symbols alone say nothing the model knows: context decides.
    } else if (external === undefined) {
      if (featureIndex.length < features.count) featureIndex = new Int32Array(features.count * 2);
      const totals = confidences; // reused as a temporary of length ≥ modelCount
      totals.fill(0);
      modelSegments.fill(0, 0, segmentCount * modelCount);
      correctSpelling(text);
      known = model!.score(features, featureIndex, totals, modelSegments);
      modelUsed = true;
      addModelScores(totals, 0, scores, 0, model!.lastWeight);
      if (segmentCount > 1)
        for (let s = 0; s < segmentCount; s++)
          addModelScores(
            modelSegments,
            s * modelCount,
            segmentScores,
            s * intentCount,
            model!.perSegment[s] ?? 0,
          );
    } else {
      // The built-in model also scores each clause, so a clause can carry its own request.
      if (external === builtIn && segmentCount > 1) {
        for (let s = 0; s < segmentCount; s++) {
          const from = features.segmentStarts[s] ?? 0;
          const to = s + 1 < segmentCount ? (features.segmentStarts[s + 1] ?? text.length) : text.length;
          const part = builtIn.logPredictText(text.slice(from, to));
          const row = s * intentCount;
          segmentScores.fill(-Math.log(Math.max(1, modelCount)), row, row + intentCount);
          for (let c = 0; c < modelCount; c++)
            segmentScores[row + (modelToIntent[c] ?? 0)] = Math.max(part[c] ?? 0, LOG_PROBABILITY_FLOOR);
        }
      }
      // Last, so the built-in model's evidence is about the whole message.
      modelUsed = true;
      // Intents the model does not know start neutral (a uniform guess over its intents).
      scores.fill(-Math.log(Math.max(1, modelCount)), 0, intentCount);
      if (external === builtIn) {
        const logProbabilities = builtIn.logPredictText(text);
        for (let c = 0; c < modelCount; c++)
          scores[modelToIntent[c] ?? 0] = Math.max(logProbabilities[c] ?? 0, LOG_PROBABILITY_FLOOR);
      } else {
        const probabilities = external.predict(normalized);
        for (let c = 0; c < modelCount; c++)
          scores[modelToIntent[c] ?? 0] = Math.log(Math.max(probabilities[c] ?? 0, PROBABILITY_FLOOR));
      }
      known = features.count;
    }

    // 2. Patterns (log-odds per fired group), per message and per clause.
    patternBacked.fill(0);
    if (segmentCount > 1) segmentPatterns.fill(0, 0, segmentCount * intentCount);
    for (let k = 0; k < patterns.firedCount; k++) {
      const g = patterns.fired[k] ?? 0;
      const weight = patternScale * (patterns.groups[g]?.weight ?? 0) * (patterns.hitFactors[g] ?? 0);
      const i = groupIntent[g] ?? 0;
      scores[i] = (scores[i] ?? 0) + weight;
      if (weight > 0) patternBacked[i] = 1;
      if (segmentCount > 1) {
        const row = (features.charSegments[patterns.hitStarts[g] ?? 0] ?? 0) * intentCount;
        segmentScores[row + i] = (segmentScores[row + i] ?? 0) + weight;
        if (weight > 0) segmentPatterns[row + i] = 1;
      }
    }

    // 3. User examples (whole message) and the conversation context.
    let exampleHit = -1;
    if (exampleIntent.size > 0 && text.length <= 2000) {
      exampleHit = exampleIntent.get(compactText(text)) ?? -1;
      if (exampleHit >= 0) scores[exampleHit] = (scores[exampleHit] ?? 0) + EXAMPLE_MATCH_WEIGHT;
    }
    let turn = agent !== undefined ? agentTurn : AgentTurn.None;
    // After a greeting or an open offer of help, the customer starts afresh: no answer is expected.
    if (turn === AgentTurn.Opening) turn = AgentTurn.None;
    // Whether the message answers or follows up an agent's turn (the calibration's agent-turn shift).
    const answering = agent !== undefined && followsUpAgentTurn(agentTurnKind(agentTurn));
    let contextNote = '';
    let contextIntent = -1;
    let contextWeight = 0;

    // Data with a few polite words ("[数字x] 谢谢", "[邮箱x] 麻烦你了") answers a request for it.
    const dataAnswer = features.dataTokens > 0 && features.contentSize <= DATA_ANSWER_WORDS;
    const asked =
      turn === AgentTurn.Question || turn === AgentTurn.AskedForData || turn === AgentTurn.AskedAnythingElse;
    if (dataOnly) {
      if (asked)
        [contextIntent, contextWeight, contextNote] = [
          ackIndex,
          ACK_DATA_ANSWER,
          'data given after the agent asked',
        ];
      else if (turn === AgentTurn.Statement)
        [contextIntent, contextWeight, contextNote] = [
          ackIndex,
          ACK_DATA_AFTER_STATEMENT,
          'data given after the agent spoke',
        ];
      else
        [contextIntent, contextWeight, contextNote] = [otherIndex, OTHER_DATA_ALONE, 'only data, no request'];
    } else if (
      dataAnswer &&
      turn === AgentTurn.AskedForData &&
      (!asksSomething() || features.contentSize <= SHORT_ANSWER)
    ) {
      [contextIntent, contextWeight, contextNote] = [
        ackIndex,
        ACK_DATA_WITH_WORDS,
        'data given after the agent asked for it',
      ];
    } else if (features.contentSize > 0 && features.contentSize <= SHORT_ANSWER && turn !== AgentTurn.None) {
      if (turn === AgentTurn.AskedAnythingElse && NOTHING_ELSE.test(text))
        [contextIntent, contextWeight, contextNote] = [
          goodbyeIndex,
          GOODBYE_NOTHING_ELSE,
          'nothing else after the agent asked',
        ];
      else if (asked)
        [contextIntent, contextWeight, contextNote] = [
          ackIndex,
          features.contentSize <= 2 ? ACK_WORD_AFTER_QUESTION : ACK_SHORT_AFTER_QUESTION,
          'short answer after the agent asked',
        ];
      else
        [contextIntent, contextWeight, contextNote] = [
          ackIndex,
          ACK_SHORT_AFTER_STATEMENT,
          'short answer after the agent spoke',
        ];
    }
    if (contextIntent >= 0) scores[contextIntent] = (scores[contextIntent] ?? 0) + contextWeight;

    // A short follow-up ("从哪看?", "多久能到账") continues the topic of the agent's last message.
    let topicIntent = -1;
    let topicWeight = 0;
    // A bare answer to a question ("给了啊" after "给个好评好吗?") acknowledges; a question continues the topic.
    const followsUp =
      features.contentSize > 0 &&
      features.contentSize <= FOLLOW_UP_SIZE &&
      !dataOnly &&
      (features.contentSize > SHORT_ANSWER || !asked || asksSomething());
    if (topic >= 0 && followsUp) {
      topicIntent = topic;
      // The less the message says, the more the context decides what it is about.
      // A message that names no request of its own (no pattern) leans on the context more.
      topicWeight =
        features.contentSize <= SHORT_ANSWER || !anyRequestPattern() ? TOPIC_WEIGHT_SHORT : TOPIC_WEIGHT;
      scores[topic] = (scores[topic] ?? 0) + topicWeight;
    }

    // 4. Confidences.
    softmax(scores, 0, confidences);
    const ranked = rankTop(confidences);
    let primary = order[0] ?? otherIndex;
    const runnerUp = ranked > 1 ? (order[1] ?? otherIndex) : otherIndex;
    const nothingKnown = known === 0 && patterns.firedCount === 0 && contextIntent < 0 && exampleHit < 0;

    // 5. Clauses. A clause's confident winner of higher precedence (see ids.ts) becomes primary when
    // it is a request that asks (a pattern of its intent fired in the clause, or the clause is a
    // question) or a social act ("好的 谢谢" → thanks); a pattern-backed request clause also replaces
    // a whole-message guess that no pattern supports. Other clause winners are secondary requests.
    const secondaries: Array<{ intent: number; confidence: number }> = [];
    let promotedConfidence = -1;
    if (segmentCount > 1 && !nothingKnown) {
      let best: { intent: number; confidence: number; rank: number } | undefined;
      let firstRequest = -1;
      let asideIntent = -1;
      for (let s = 0; s < segmentCount; s++) {
        const row = s * intentCount;
        let winner = -1;
        let winnerScore = -Infinity;
        for (let i = 0; i < intentCount; i++) {
          const v = segmentScores[row + i] ?? -Infinity;
          if (v > winnerScore) {
            winner = i;
            winnerScore = v;
          }
        }
        const confidence = winnerProbability(segmentScores, row, winnerScore);
        if (winner < 0 || confidence < SECONDARY_CONFIDENCE) continue;
        if (neverSecondary[winner] === 0) {
          const existing = secondaries.find((x) => x.intent === winner);
          if (existing) existing.confidence = Math.max(existing.confidence, confidence);
          else secondaries.push({ intent: winner, confidence });
        }
        const rank = precedence[winner] ?? REQUEST_PRECEDENCE;
        // Only a clause that says it (a pattern of its intent fired there, or it asks) takes over.
        const asks = segmentPatterns[row + winner] === 1 || features.questions[s] === 1;
        if (!asks) continue;
        // "顺便开个发票", "另外…", "also…": a request added by the way is not the main one.
        if (startsWithAside(text, features.segmentStarts[s] ?? 0, base.asides)) {
          if (asideIntent < 0) asideIntent = winner;
        } else if (firstRequest < 0 && rank === REQUEST_PRECEDENCE) firstRequest = winner;
        // Clauses are visited in order: a later one must be clearly surer to win a tie of rank.
        if (
          best === undefined ||
          rank > best.rank ||
          (rank === best.rank && confidence > best.confidence + CLAUSE_TIE)
        )
          best = { intent: winner, confidence, rank };
      }
      const primaryRank = precedence[primary] ?? REQUEST_PRECEDENCE;
      // Data given on request ("[数字x] 谢谢", "[数字x] 提现[数字x]") stays an acknowledgement.
      if (
        best !== undefined &&
        (contextWeight >= ACK_DATA_WITH_WORDS ||
          (contextWeight >= ACK_DATA_ANSWER && best.rank !== REQUEST_PRECEDENCE))
      )
        best = undefined;
      // A message confidently out of scope as a whole stays so, whatever one clause suggests.
      if (primary === otherIndex && (confidences[primary] ?? 0) >= CLAUSE_OVERRIDE) best = undefined;
      if (
        best !== undefined &&
        best.intent !== primary &&
        (best.rank > primaryRank ||
          (best.rank === primaryRank &&
            firstRequest >= 0 &&
            firstRequest === best.intent &&
            asideIntent === primary) ||
          (best.rank === REQUEST_PRECEDENCE &&
            patternBacked[primary] === 0 &&
            patternBacked[best.intent] === 1 &&
            best.confidence >= CLAUSE_OVERRIDE))
      ) {
        primary = best.intent;
        promotedConfidence = best.confidence;
      } else if (best !== undefined && best.intent === primary) {
        // The clauses agree with the whole message: two requests side by side are not ambiguity.
        promotedConfidence = Math.max(confidences[primary] ?? 0, best.confidence);
      }
    }

    const top = promotedConfidence >= 0 ? promotedConfidence : (confidences[primary] ?? 0);
    const second = confidences[runnerUp] ?? 0;
    // A runner-up that another clause asks for is a second request, not a doubt about the first.
    const runnerUpIsSecondary = secondaries.some((x) => x.intent === runnerUp && x.intent !== primary);
    const unsure =
      nothingKnown ||
      top < threshold ||
      (promotedConfidence < 0 && !runnerUpIsSecondary && top - second < margin);
    const intent = unsure
      ? {
          id: OTHER_INTENT as IntentId,
          confidence: reported(
            nothingKnown ? 1 : Math.max(confidences[otherIndex] ?? 0, 1 - top),
            OTHER_INTENT,
            answering,
          ),
        }
      : {
          id: (intents[primary] ?? OTHER_INTENT) as IntentId,
          confidence: reported(top, intents[primary] ?? OTHER_INTENT, answering),
        };

    if (!withCandidates) return { intent, intents: [] };

    // 6. Candidates with evidence: the primary, secondary requests, then the best of the rest.
    const listed: number[] = [];
    const add = (i: number) => {
      if (!listed.includes(i)) listed.push(i);
    };
    if (!nothingKnown) {
      add(primary);
      for (const s of secondaries.sort((a, b) => b.confidence - a.confidence))
        if (s.intent !== primary) add(s.intent);
      for (let k = 0; k < ranked && listed.length < MAX_CANDIDATES; k++) {
        const i = order[k] ?? 0;
        if ((confidences[i] ?? 0) < MIN_CANDIDATE_CONFIDENCE) break;
        add(i);
      }
    }
    const candidates: IntentCandidate[] = listed.map((i, rank) => {
      // A secondary request is as sure as its clause says, even when the message as a whole is about another.
      const clause = secondaries.find((s) => s.intent === i)?.confidence ?? 0;
      const confidence = Math.max(confidences[i] ?? 0, clause);
      const evidence = evidenceFor(
        i,
        normalized,
        contextIntent === i ? contextNote : '',
        contextWeight,
        exampleHit === i,
        rank < MODEL_EVIDENCE_CANDIDATES,
      );
      if (i === topicIntent)
        evidence.push({
          source: 'context',
          detail: "continues the topic of the agent's message",
          weight: topicWeight,
        });
      // Only the primary intent's confidence is calibrated (the fit measured how often the top
      // answer is right); the other candidates keep the model's probabilities, and so does a
      // listed `other` when the primary is `other` only because no intent stood out (the
      // in-scope fact reads it as the probability of out of scope).
      const id = (intents[i] ?? OTHER_INTENT) as IntentId;
      const calibrated = id === intent.id && !unsure;
      return { id, confidence: calibrated ? intent.confidence : round(confidence), evidence };
    });
    return { intent, intents: candidates };
  }

  function evidenceFor(
    intent: number,
    normalized: NormalizedText,
    contextNote: string,
    contextWeight: number,
    example: boolean,
    grams: boolean,
  ): Evidence[] {
    const evidence: Evidence[] = [];
    if (example)
      evidence.push({
        source: 'example',
        detail: 'the message equals a user example',
        weight: EXAMPLE_MATCH_WEIGHT,
      });
    for (let k = 0; k < patterns.firedCount; k++) {
      const g = patterns.fired[k] ?? 0;
      if (groupIntent[g] !== intent) continue;
      const group = patterns.groups[g];
      if (!group) continue;
      evidence.push({
        source: 'pattern',
        detail: group.id,
        range: toOriginalRange(normalized, patterns.hitStarts[g] ?? 0, patterns.hitEnds[g] ?? 0),
        weight: round(patternScale * group.weight * (patterns.hitFactors[g] ?? 0)),
      });
    }
    if (contextNote !== '') evidence.push({ source: 'context', detail: contextNote, weight: contextWeight });
    if (external === builtIn && builtIn !== undefined) {
      const m = intentToModel[intent] ?? -1;
      // Only when the model read this message (data alone is left to the context).
      const spans =
        modelUsed && grams && m >= 0 ? builtIn.explain(m, MODEL_EVIDENCE, MODEL_EVIDENCE_MIN) : [];
      for (const span of spans)
        evidence.push({
          source: 'model',
          detail: normalized.text.slice(span.start, span.end),
          range: toOriginalRange(normalized, span.start, span.end),
          weight: round(span.weight),
        });
      if (spans.length === 0 && evidence.length === 0)
        evidence.push({ source: 'model', detail: `model:${builtIn.name}` });
      return evidence;
    }
    if (external !== undefined) {
      evidence.push({ source: 'model', detail: `model:${external.name}` });
      return evidence;
    }
    // The model's strongest n-grams for this intent (for the first candidates; the others say only
    // that the model weighed them, which keeps a message's cost bounded).
    if (!modelUsed) return evidence;
    if (!grams) {
      if (evidence.length === 0) evidence.push({ source: 'model', detail: 'naive Bayes' });
      return evidence;
    }
    const c = intentToModel[intent] ?? -1;
    if (c < 0) return evidence;
    // Top MODEL_EVIDENCE features by contribution, kept in small typed arrays (no sort, no objects).
    let shown = 0;
    for (let k = 0; k < features.count; k++) {
      const f = featureIndex[k] ?? -1;
      if (f < 0) continue;
      const start = features.starts[k] ?? 0;
      const end = features.ends[k] ?? 0;
      if (end <= start) continue; // message-level tokens point at no text
      const weight = model!.contribution(f, c);
      if (weight < MODEL_EVIDENCE_MIN) continue;
      // A character also stands for its run-start / run-end bigrams (same range): keep the best one.
      let same = -1;
      for (let j = 0; j < shown; j++) if (evidenceStarts[j] === start && evidenceEnds[j] === end) same = j;
      if (same >= 0) {
        if ((evidenceWeights[same] ?? 0) >= weight) continue;
        for (let j = same; j + 1 < shown; j++) {
          evidenceStarts[j] = evidenceStarts[j + 1] ?? 0;
          evidenceEnds[j] = evidenceEnds[j + 1] ?? 0;
          evidenceWeights[j] = evidenceWeights[j + 1] ?? 0;
        }
        shown--;
      }
      if (shown === MODEL_EVIDENCE && weight <= (evidenceWeights[shown - 1] ?? 0)) continue;
      let at = shown < MODEL_EVIDENCE ? shown++ : shown - 1;
      while (at > 0 && (evidenceWeights[at - 1] ?? 0) < weight) {
        evidenceStarts[at] = evidenceStarts[at - 1] ?? 0;
        evidenceEnds[at] = evidenceEnds[at - 1] ?? 0;
        evidenceWeights[at] = evidenceWeights[at - 1] ?? 0;
        at--;
      }
      evidenceStarts[at] = start;
      evidenceEnds[at] = end;
      evidenceWeights[at] = weight;
    }
    for (let j = 0; j < shown; j++) {
      const start = evidenceStarts[j] ?? 0;
      const end = evidenceEnds[j] ?? 0;
      evidence.push({
        source: 'model',
        detail: normalized.text.slice(start, end),
        range: toOriginalRange(normalized, start, end),
        weight: round(evidenceWeights[j] ?? 0),
      });
    }
    return evidence;
  }

  return { intents, classify, classifyMessage, topIntent };
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

function startsWithAside(text: string, at: number, asides: readonly string[]): boolean {
  for (const marker of asides) if (text.startsWith(marker, at)) return true;
  return false;
}

/** The folded characters that come from the last `count` characters of the original. */
function lastCharacters(normalized: NormalizedText, count: number): string {
  const cut = normalized.original.length - count;
  if (cut <= 0) return normalized.text;
  let i = 0;
  while (i < normalized.text.length && (normalized.starts[i] ?? 0) < cut) i++;
  return normalized.text.slice(i);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

let sharedMatcher: PatternMatcher | undefined;
function shared(base: BuiltIn): PatternMatcher {
  if (sharedMatcher === undefined) sharedMatcher = new PatternMatcher(base.groups, base.mask, base.plans);
  return sharedMatcher;
}
