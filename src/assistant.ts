import { z } from 'zod';
import {
  createNextActions,
  type AsyncOptions,
  type FullReply,
  type RecommendInput,
  type ReplyOptions,
} from './actions/pipeline.js';
import { indexReplyTemplates } from './actions/reply-templates.js';
import type { Recommendation } from './actions/types.js';
import type { Analysis } from './analysis/types.js';
import { invalidArgument, isPlainObject } from './arguments.js';
import { contextSchema, isContext, type Context } from './context.js';
import { HuashuError, parseOrThrow } from './errors.js';
import { detectLanguage } from './language/index.js';
import { createLinter, type Linter } from './lint/linter.js';
import type { LintContext, LintResult } from './lint/types.js';
import { normalize } from './normalize/index.js';
import { assistantOptionsSchema, type AssistantOptions } from './options.js';
import { extractEntities } from './entities/index.js';
import { createIntentClassifier } from './intent/index.js';
import { assessRiskUnchecked } from './risk/index.js';
import { extractSignals } from './signals/index.js';
import {
  createTemplateCatalogue,
  type RenderOptions,
  type TemplateCatalogue,
  type TemplateLocale,
} from './templates/index.js';

const textSchema = z.string({ error: 'expected the message text as a string' });

export interface Assistant {
  /** Intent, language, signals and entities of one customer message. */
  analyze(text: string, context?: Context): Analysis;
  /**
   * A reply from a template (`templates.list()` shows the ids and their variables). Throws
   * `UNKNOWN_TEMPLATE`, `MISSING_VARIABLE` (naming the template and variable) or `INVALID_INPUT`.
   */
  render(id: string, vars?: Record<string, unknown>, options?: RenderOptions): string;
  /** The reply-template catalogue: `list(filter)` and `select(analysis, facts)`, best first. */
  templates: Pick<TemplateCatalogue, 'list' | 'select'>;
  /**
   * Next actions (with the reason, in the customer's locale) and the reply parts for a message
   * (`text`, or an `analysis`) and the shop's `facts`. Throws `INVALID_INPUT` on bad input.
   */
  recommend(input: RecommendInput): Recommendation;
  /**
   * As recommend(), also running pack rules outside the compiled subset through json-rules-engine;
   * `{ engine: 'json-rules-engine' }` runs every rule through it (the reference semantics, slower).
   */
  recommendAsync(input: RecommendInput, options?: AsyncOptions): Promise<Recommendation>;
  /** analyze → recommend → render → lint of its own output: everything for one message. */
  reply(text: string, options?: ReplyOptions): FullReply;
  /** As reply(), for packs with rules only json-rules-engine runs. */
  replyAsync(text: string, options?: ReplyOptions & AsyncOptions): Promise<FullReply>;
  /**
   * Lint an agent's reply: forbidden language, shipping wording, over-promises, personal data,
   * off-platform contact (and the conversation rules when `context.conversation` is given).
   * Findings are data; throws only `INVALID_INPUT` for a reply that is not a string or a bad context.
   */
  lint(reply: string, context?: LintContext): LintResult;
}

/**
 * Build an assistant: loads and compiles the built-in data (and the packs in `options`) once,
 * then answers per message without further set-up. Throws `HuashuError` `INVALID_OPTIONS`.
 */
export function createAssistant(options: AssistantOptions = {}): Assistant {
  // No options is the common case; zod compiles its parser on first use (~10 ms), so skip it then.
  if (
    typeof options !== 'object' ||
    options === null ||
    Array.isArray(options) ||
    Object.keys(options).length > 0
  )
    parseOrThrow(assistantOptionsSchema, options, 'INVALID_OPTIONS', 'createAssistant(options)');
  // Built now, so bad intent examples or patterns fail here (INVALID_OPTIONS), not on a message.
  const classifier = createIntentClassifier(options.intents ?? {});
  const catalogue = createTemplateCatalogue(
    options.templates ?? [],
    options.defaultLocale === undefined ? {} : { defaultLocale: options.defaultLocale },
  );

  function analyze(text: string, context?: Context): Analysis {
    // The common case skips zod; zod only runs to explain bad input.
    const message =
      typeof text === 'string' ? text : parseOrThrow(textSchema, text, 'INVALID_INPUT', 'analyze(text)');
    if (context !== undefined && !isContext(context))
      parseOrThrow(contextSchema, context, 'INVALID_INPUT', 'analyze(text, context)');
    const normalized = normalize(message);
    const { intent, intents } = classifier.classify(normalized, context);
    // Signals and entities share one phrase scan of `normalized`; risk needs the intent, so it comes last.
    const signals = extractSignals(normalized, context);
    return {
      text: message,
      normalized: normalized.text,
      language: detectLanguage(message),
      intent,
      intents,
      signals,
      entities: extractEntities(normalized, context),
      risk: assessRiskUnchecked({ intent, signals, context }),
    };
  }

  // Suggestions are whole approved sentences: each template rendered with its own example values.
  const suggest = (templateId: string, locale: TemplateLocale) => catalogue.example(templateId, locale);
  // Configured: built now, so a bad pack fails here. Otherwise built on first use.
  let linter: Linter | undefined =
    options.lint === undefined ? undefined : createLinter(options.lint, { suggest });
  const lint = (reply: string, context?: LintContext): LintResult =>
    (linter ??= createLinter({}, { suggest })).lint(reply, context);

  // Like the linter: built now when rule packs are given (so they fail here), else on first use,
  // so a bot that only analyses never pays for compiling rules and indexing templates.
  const buildNextActions = () =>
    createNextActions({
      analyze,
      lint,
      templates: indexReplyTemplates(catalogue),
      ...(options.actions === undefined ? {} : { actions: options.actions }),
      defaultLocale: options.defaultLocale ?? 'zh-Hans',
    });
  let nextActions: ReturnType<typeof createNextActions> | undefined =
    options.actions === undefined ? undefined : buildNextActions();
  const actions = () => (nextActions ??= buildNextActions());

  return {
    analyze,
    recommend: (input) => actions().recommend(input),
    // Async methods report bad arguments as a rejected promise, as every other failure of theirs.
    recommendAsync: async (input, asyncOptions) =>
      actions().recommendAsync(
        input,
        optionsObject(asyncOptions, 'recommendAsync(input, options)', ASYNC_OPTIONS),
      ),
    reply: (text, replyOptions) =>
      actions().reply(text, optionsObject(replyOptions, 'reply(text, options)', REPLY_OPTIONS)),
    replyAsync: async (text, replyOptions) =>
      actions().replyAsync(
        text,
        optionsObject(replyOptions, 'replyAsync(text, options)', REPLY_ASYNC_OPTIONS),
      ),
    render: catalogue.render,
    templates: { list: catalogue.list, select: catalogue.select },
    lint,
  };
}

const REPLY_OPTIONS = '{ facts, context, variables }';
const REPLY_ASYNC_OPTIONS = '{ facts, context, variables, engine }';
const ASYNC_OPTIONS = "{ engine: 'auto' | 'json-rules-engine' }";

/** An optional options argument: undefined or a plain object; anything else (null, 42, []) is refused. */
function optionsObject<T>(options: T | undefined, call: string, shape: string): T | undefined {
  if (options === undefined || isPlainObject(options)) return options;
  throw invalidArgument('INVALID_INPUT', call, 'options', `an options object ${shape} or nothing`, options);
}

export { HuashuError };
