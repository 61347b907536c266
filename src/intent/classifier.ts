import type { IntentCandidate } from '../analysis/types.js';
import { invalidArgument } from '../arguments.js';
import type { IntentId } from '../ids.js';
import { contextSchema, isContext, type Context } from '../context.js';
import { parseOrThrow } from '../errors.js';
import { intentCalibration } from '../generated/intent-calibration.js';
import { intentSettings } from '../generated/intent-settings.js';
import { intentPatterns } from '../generated/intent-patterns.js';
import { isNormalizedText, normalize, type NormalizedText } from '../normalize/index.js';
import { analysedPart } from '../normalize/window.js';
import { previousAgentText, readAgentTurn, type AgentTurnRead, type MessageRead } from '../text/message.js';
import type { RegexPlan } from '../text/safe-regex.js';
import { AgentTurn, agentTurnKind, followsUpAgentTurn, type AgentTurnKind } from './agent-turn.js';
import { builtInIntentModel, type BuiltInIntentModel } from './built-in-model.js';
import { calibrateConfidence, calibrationGroup, LONG_MESSAGE_UNITS } from './calibration.js';
import { readClauses, type ClauseScores, type SecondaryRequest } from './clauses.js';
import {
  AgentTopicReader,
  followUpWeight,
  isDataOnly,
  voteFromContext,
  type ContextIntents,
  type ContextVote,
} from './conversation-context.js';
import { EvidenceWriter, EXAMPLE_MATCH_WEIGHT } from './evidence.js';
import { extractFeatures, FeatureBuffer, MAX_SEGMENTS } from './features.js';
import { stopWordKeys } from './word-keys.js';
import {
  BUILT_IN_INTENT_IDS,
  intentPrecedence,
  NEVER_SECONDARY,
  OTHER_INTENT,
  REQUEST_PRECEDENCE,
} from './ids.js';
import { ModelScores } from './model-scores.js';
import { countFeatures, NaiveBayes, type CountedDocument } from './naive-bayes.js';
import { compactText, shippedPatternMatcher, type PatternMatcher } from './patterns.js';
import { rankTop, round, softmaxInto } from './score-math.js';
import type { SpellingIndex } from './spelling.js';
import { documentFeatures } from './training.js';
import { intentOptionsSchema, type IntentModel, type IntentOptions, type PatternGroup } from './schema.js';

/** What `classify()` returns: fills `Analysis.intent` and `Analysis.intents`. */
export interface IntentResult {
  intent: { id: IntentId; confidence: number };
  intents: IntentCandidate[];
}

/** classifyMessage()'s result: the intents, and what the agent's previous turn did (when there was one). */
export interface MessageIntent extends IntentResult {
  previousAgentTurn: AgentTurnKind | undefined;
  /** More than LONG_MESSAGE_UNITS content units: the confidence was calibrated as a long message's. */
  longMessage: boolean;
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
/** How many of the listed candidates get their n-grams as evidence. */
const MODEL_EVIDENCE_CANDIDATES = 3;

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

/**
 * The hybrid intent classifier: a statistical model, declarative patterns (one Aho–Corasick pass)
 * and the conversation context, combined as log-odds and turned into confidences with a softmax.
 * This file assembles it (options, the one list of intents every source maps into, scratch) and
 * runs the steps in order; each step's logic has its own file: 1. the model's scores
 * (model-scores.ts), 2. patterns (patterns.ts), 3. the agent's turn and short answers
 * (conversation-context.ts), 4. confidences (score-math.ts), 5. clauses (clauses.ts), 6. evidence
 * (evidence.ts). Throws `HuashuError` `INVALID_OPTIONS` for bad options.
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
  const reported = (confidence: number, intent: string, afterAgentTurn: boolean, long: boolean): number =>
    round(
      calibration === undefined
        ? confidence
        : calibrateConfidence(confidence, calibration.groups[calibrationGroup(intent)], afterAgentTurn, long),
    );

  const userGroups = (settings.patterns ?? []).map((g, i) => ({ ...g, id: g.id ?? `user.${g.intent}#${i}` }));
  const patterns = userGroups.length > 0 ? shippedPatternMatcher(base, userGroups) : shared(base);

  // User examples: added to the naive Bayes counts (new ids become new classes: no retraining, time
  // proportional to the examples) and remembered whole for an exact match.
  // Naive Bayes runs only without another model (user examples and no model of the caller's); its
  // uses below are all on that path, hence `model!`. The schema requires `exampleModel` there.
  let model = external === undefined ? settings.exampleModel!.naiveBayes() : undefined;
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
  const intentToModel = new Int32Array(intentCount).fill(-1);
  modelToIntent.forEach((i, m) => (intentToModel[i] = m));

  // Per-call scratch (classify is synchronous).
  const features = new FeatureBuffer();
  /** Whether the message classifyRead read last was long (calibration; classifyMessage reports it). */
  let lastLong = false;
  const scores = new Float64Array(intentCount);
  const segmentScores = new Float64Array(MAX_SEGMENTS * intentCount);
  const confidences = new Float64Array(intentCount);
  const patternBacked = new Uint8Array(intentCount);
  const segmentPatterns = new Uint8Array(MAX_SEGMENTS * intentCount);
  const order = new Int32Array(RANKED);
  const vote: ContextVote = { intent: -1, weight: 0, note: '' };
  const contextIntents: ContextIntents = { ack: ackIndex, goodbye: goodbyeIndex, other: otherIndex };
  const clauseScores: ClauseScores = {
    intentCount,
    segmentScores,
    segmentPatterns,
    confidences,
    patternBacked,
    precedence,
    neverSecondary,
    other: otherIndex,
  };

  // The steps' parts (one file each): the model's scores, the agent's turn, the evidence.
  const modelScores = new ModelScores(
    external === builtIn && builtIn !== undefined
      ? { kind: 'built-in', model: builtIn }
      : external !== undefined
        ? { kind: 'external', model: external }
        : { kind: 'naive-bayes', model: model! },
    modelToIntent,
    intentCount,
    () => (base.spelling ??= settings.exampleModel!.spelling(base.stopWords)),
  );
  const agentReader = new AgentTopicReader(
    patterns,
    modelScores,
    base.stopWords,
    groupIntent,
    patternScale,
    precedence,
  );
  const evidence = new EvidenceWriter(patterns, modelScores, groupIntent, intentToModel, patternScale);

  /** Whether a pattern of a request intent fired in the last matched message. */
  const anyRequestPattern = (): boolean => {
    for (let i = 0; i < intentCount; i++)
      if (patternBacked[i] === 1 && precedence[i] === REQUEST_PRECEDENCE) return true;
    return false;
  };

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
    // classifyRead read the agent's turn when there was one.
    return {
      ...result,
      previousAgentTurn: message.previousAgent === undefined ? undefined : agentTurnKind(agentReader.turn),
      longMessage: lastLong,
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
    // The agent's turn first: reading it runs the pattern matcher too.
    if (agent !== undefined) agentReader.read(agent);
    const topic = agent !== undefined ? agentReader.topic : -1;
    patterns.match(text);
    const mask = patterns.masked ? patterns.mask : null;
    extractFeatures(text, mask, features, base.stopWords);
    lastLong = features.contentSize > LONG_MESSAGE_UNITS;
    const segmentCount = features.segmentCount;
    scores.fill(0);
    segmentScores.fill(0, 0, segmentCount * intentCount);

    // 1. The statistical model (model-scores.ts). Placeholders, numbers and symbols alone, or with
    // a data label ("[订单x]单号"), say nothing the model knows: the context decides.
    const dataOnly = isDataOnly(text, features, mask, base.dataLabels);
    let known = 0;
    modelScores.used = false;
    if (features.contentSize > 0 && !dataOnly)
      known = modelScores.scoreMessage(normalized, features, scores, segmentScores);

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

    // 3. User examples (whole message) and the conversation context (conversation-context.ts).
    let exampleHit = -1;
    if (exampleIntent.size > 0 && text.length <= 2000) {
      exampleHit = exampleIntent.get(compactText(text)) ?? -1;
      if (exampleHit >= 0) scores[exampleHit] = (scores[exampleHit] ?? 0) + EXAMPLE_MATCH_WEIGHT;
    }
    let turn = agent !== undefined ? agentReader.turn : AgentTurn.None;
    // After a greeting or an open offer of help, the customer starts afresh: no answer is expected.
    if (turn === AgentTurn.Opening) turn = AgentTurn.None;
    // Whether the message answers or follows up an agent's turn (the calibration's agent-turn shift).
    const answering = agent !== undefined && followsUpAgentTurn(agentTurnKind(agentReader.turn));
    voteFromContext(vote, text, features, dataOnly, turn, contextIntents);
    if (vote.intent >= 0) scores[vote.intent] = (scores[vote.intent] ?? 0) + vote.weight;
    // A short follow-up ("从哪看?", "多久能到账") continues the topic of the agent's last message.
    let topicIntent = -1;
    let topicWeight = 0;
    if (topic >= 0) {
      topicWeight = followUpWeight(features, dataOnly, turn, anyRequestPattern);
      if (topicWeight > 0) {
        topicIntent = topic;
        scores[topic] = (scores[topic] ?? 0) + topicWeight;
      }
    }

    // 4. Confidences.
    softmaxInto(scores, 0, intentCount, confidences);
    const ranked = rankTop(confidences, intentCount, order);
    let primary = order[0] ?? otherIndex;
    const runnerUp = ranked > 1 ? (order[1] ?? otherIndex) : otherIndex;
    const nothingKnown = known === 0 && patterns.firedCount === 0 && vote.intent < 0 && exampleHit < 0;

    // 5. Clauses (clauses.ts): a clause's request may take over, or stand as a secondary one.
    let secondaries: SecondaryRequest[] = [];
    let promotedConfidence = -1;
    if (segmentCount > 1 && !nothingKnown)
      ({ primary, promotedConfidence, secondaries } = readClauses(
        clauseScores,
        features,
        text,
        base.asides,
        primary,
        vote.weight,
      ));

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
            lastLong,
          ),
        }
      : {
          id: (intents[primary] ?? OTHER_INTENT) as IntentId,
          confidence: reported(top, intents[primary] ?? OTHER_INTENT, answering, lastLong),
        };

    if (!withCandidates) return { intent, intents: [] };

    // 6. Candidates with evidence (evidence.ts): the primary, secondary requests, then the best of the rest.
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
      const found = evidence.evidenceFor(
        i,
        normalized,
        features,
        vote.intent === i ? vote.note : '',
        vote.weight,
        exampleHit === i,
        rank < MODEL_EVIDENCE_CANDIDATES,
      );
      if (i === topicIntent)
        found.push({
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
      return { id, confidence: calibrated ? intent.confidence : round(confidence), evidence: found };
    });
    return { intent, intents: candidates };
  }

  return { intents, classify, classifyMessage, topIntent };
}

let sharedMatcher: PatternMatcher | undefined;
function shared(base: BuiltIn): PatternMatcher {
  sharedMatcher ??= shippedPatternMatcher(base);
  return sharedMatcher;
}
