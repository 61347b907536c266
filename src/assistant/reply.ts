import type { Recommender } from '../actions/recommender.js';
import type { Recommendation } from '../actions/types.js';
import type { Analysis } from '../analysis/types.js';
import type { Context } from '../context.js';
import { HuashuError } from '../errors.js';
import { detectLanguage, tellsChineseScript } from '../language/index.js';
import type { ConversationTurn, LintContext, LintResult } from '../lint/types.js';
import { recentTurns } from '../text/message.js';
import { isSupportedLocale, type SupportedLocale } from '../vocabulary.js';
import {
  checkAsyncOptions,
  checkRecommendInput,
  checkReplyInput,
  type AsyncOptions,
  type CheckedInput,
  type RecommendInput,
  type ReplyOptions,
} from './inputs.js';
import { maskPersonalData } from './mask-reply.js';
import { viewMessage, type AnalysisFacts, type MessageView } from './view.js';

/** What `assistant.reply()` returns: the analysis, the recommendation, the reply as sent, and its lint result. */
export interface FullReply extends Recommendation {
  analysis: Analysis;
  /** The rendered parts joined, one per line: the reply the agent sends. Empty when nothing rendered. */
  text: string;
  /** huashu's linter run on `text`, as a check of its own output. */
  lint: LintResult;
}

/** What the pipeline runs on, all built once by createAssistant. */
export interface PipelineParts {
  /** analyze() of a validated text and context. */
  analyze: (text: string, context: Context) => Analysis;
  recommender: Recommender;
  lint: (reply: string, context: LintContext) => LintResult;
  /** For messages with no language to tell. */
  defaultLocale: SupportedLocale;
  /** For messages in a language without templates. */
  fallbackLocale: SupportedLocale;
}

export interface Pipeline {
  recommend(input: RecommendInput): Recommendation;
  recommendAsync(input: RecommendInput, options?: AsyncOptions): Promise<Recommendation>;
  reply(text: string, options?: ReplyOptions): FullReply;
  /** reply() with the analysis of the same text and context already made (see analysed-reply.ts). */
  replyAnalysed(text: string, options: ReplyOptions, analysis: Analysis): FullReply;
  replyAsync(text: string, options?: ReplyOptions & AsyncOptions): Promise<FullReply>;
}

const EMPTY_LINT: LintResult = Object.freeze({ findings: [], errorCount: 0, warningCount: 0 }) as LintResult;

/**
 * The customer's locale: the analysed language when huashu writes it; `fallbackLocale` for another
 * language (a Spanish or Japanese message is not answered in Chinese). Chinese that reads the same
 * in both scripts (好的) takes the conversation's script. A message with no language to tell (a
 * number, a placeholder, an emoji, a pasted link or path) is answered in the conversation's
 * language — `conversationLocale` — else in `defaultLocale`.
 */
function localeOf(analysis: AnalysisFacts, input: CheckedInput, parts: PipelineParts): SupportedLocale {
  const detected =
    analysis.language?.locale ?? (input.text === undefined ? undefined : detectLanguage(input.text).locale);
  // "OK", "thx", "yes" in a Chinese conversation: customers type a word or two of English
  // anywhere; the conversation's language is what they read.
  if (detected === 'en' && input.text !== undefined && fewLatinWords(input.text)) {
    const held = conversationLocale(input.context);
    if (held !== undefined && held !== 'en') return held;
  }
  // 好的, 了解, 等太久了 read the same in both Chinese scripts: a traditional conversation is
  // answered in traditional characters.
  if (detected === 'zh-Hans' && input.text !== undefined && !tellsChineseScript(input.text)) {
    const held = conversationLocale(input.context);
    if (held === 'zh-Hant') return held;
  }
  if (isSupportedLocale(detected)) return detected;
  if (detected !== undefined && detected !== 'und') return parts.fallbackLocale;
  return conversationLocale(input.context) ?? parts.defaultLocale;
}

/** At most this many Latin words (and no other letters) make a message too short to set the language. */
const FEW_WORDS = 2;
const LATIN_WORD = /[a-z]+/gi;

/** Whether the text's letters are at most FEW_WORDS short Latin words (OK, thx, ok sure). */
function fewLatinWords(text: string): boolean {
  if (text.length > 40) return false;
  const words = text.match(LATIN_WORD) ?? [];
  return words.length <= FEW_WORDS && words.every((word) => word.length <= 8);
}

/** How many earlier turns, newest first, may tell the conversation's language. */
const LANGUAGE_TURNS = 4;

/**
 * The language the conversation is held in, for a message that has none: the agent's previous
 * message, else the newest of the last few turns of the history that is in a language huashu
 * writes ("Could you send your order number?" → a bare `12345` is answered in English).
 */
function conversationLocale(context: Context): SupportedLocale | undefined {
  for (const turn of recentTurns(context, LANGUAGE_TURNS)) {
    const locale = detectLanguage(turn.text).locale;
    if (isSupportedLocale(locale)) return locale;
  }
  return undefined;
}

/**
 * The conversation the reply answers, for the linter's conversation rules (greet first, apologise
 * on a complaint, offer further help): the caller's history, else the agent's previous message,
 * then the customer's message. Undefined without context: those rules then do not run.
 */
function conversationBefore(input: CheckedInput): ConversationTurn[] | undefined {
  const context = input.context;
  const customer: ConversationTurn = { role: 'customer', text: input.text ?? '' };
  if (context.history !== undefined) return [...context.history, customer];
  const previous = context.previousAgentMessage;
  if (typeof previous === 'string') return [{ role: 'agent', text: previous }, customer];
  return undefined;
}

/** The reply as sent: the parts' texts, one per line. */
function joinedText(recommendation: Recommendation): string {
  return recommendation.replies
    .map((r) => r.text)
    .filter((t): t is string => t !== undefined)
    .join('\n');
}

/** analyze → recommend → render → lint of its own output: recommend() and reply(), sync and async. */
export function createPipeline(parts: PipelineParts): Pipeline {
  const { recommender } = parts;

  /** Validated input → the analysis and the message's view (rule facts, almanac, variables). */
  function prepare(input: CheckedInput): { analysis: AnalysisFacts; view: MessageView } {
    const analysis = input.analysis ?? parts.analyze(input.text as string, input.context);
    const locale = localeOf(analysis, input, parts);
    return { analysis, view: viewMessage(analysis, input.facts, input.context, locale, input.variables) };
  }

  function asyncNeeded(): HuashuError {
    const names = recommender.engineOnly.map(
      (e) => `"${e.name}" (${e.reasons.map((r) => r.message).join('; ')})`,
    );
    return new HuashuError(
      'INVALID_RULES',
      `These rules need json-rules-engine, which is asynchronous: ${names.join(', ')}. Call recommendAsync()/replyAsync(), or keep rules to the compiled subset (simple "$.a.b" paths, no condition priorities).`,
      {
        issues: recommender.engineOnly.flatMap((e) =>
          e.reasons.map((r) => ({ path: `${e.name}: ${r.path}`, message: r.message })),
        ),
      },
    );
  }

  function finish(input: CheckedInput, analysis: Analysis, recommended: Recommendation): FullReply {
    const facts = input.facts;
    const history = conversationBefore(input);
    const lintOf = (text: string): LintResult =>
      text === ''
        ? EMPTY_LINT
        : parts.lint(text, { facts, locale: recommended.locale, ...(history ? { history } : {}) });
    let recommendation = recommended;
    let text = joinedText(recommendation);
    let lint = lintOf(text);
    // Personal data the reply would echo (an ID number read as an order number) is masked.
    const masked = maskPersonalData(recommendation.replies, lint);
    if (masked !== undefined) {
      recommendation = { ...recommendation, replies: masked };
      text = joinedText(recommendation);
      lint = lintOf(text);
    }
    return { analysis, ...recommendation, text, lint };
  }

  /** reply() of a checked input: analysed unless it carries the analysis. */
  function replyTo(input: CheckedInput): FullReply {
    const { analysis, view } = prepare(input);
    if (recommender.engineOnly.length > 0) throw asyncNeeded();
    return finish(input, analysis as Analysis, recommender.recommend(view));
  }

  return {
    recommend(input) {
      const { view } = prepare(checkRecommendInput(input, 'recommend(input)'));
      if (recommender.engineOnly.length > 0) throw asyncNeeded();
      return recommender.recommend(view);
    },
    async recommendAsync(input, options) {
      const { engine } = checkAsyncOptions(options, 'recommendAsync(input, options)');
      const { view } = prepare(checkRecommendInput(input, 'recommendAsync(input)'));
      return recommender.recommendAsync(view, engine);
    },
    reply: (text, options) => replyTo(checkReplyInput(text, options, 'reply')),
    replyAnalysed: (text, options, given) =>
      replyTo({ ...checkReplyInput(text, options, 'reply'), analysis: given }),
    async replyAsync(text, options) {
      const input = checkReplyInput(text, options, 'replyAsync');
      const { analysis, view } = prepare(input);
      return finish(input, analysis as Analysis, await recommender.recommendAsync(view, input.engine));
    },
  };
}
