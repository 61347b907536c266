import { createRecommender } from '../actions/recommender.js';
import { indexReplyTemplates } from '../actions/reply-templates.js';
import type { Recommendation } from '../actions/types.js';
import type { Analysis } from '../analysis/types.js';
import type { Context } from '../context.js';
import { parseOrThrow } from '../errors.js';
import { createIntentClassifier } from '../intent/index.js';
import { buildLinter, type BuiltLinter } from '../lint/linter.js';
import type { LintContext, LintResult } from '../lint/types.js';
import { assistantOptionsSchema, type AssistantOptions } from '../options.js';
import {
  createTemplateCatalogue,
  type RenderOptions,
  type TemplateCatalogue,
  type TemplateLocale,
} from '../templates/index.js';
import { readMessage } from '../text/message.js';
import { analyzeMessage } from './analyze.js';
import {
  checkContext,
  checkText,
  type AsyncOptions,
  type RecommendInput,
  type ReplyOptions,
} from './inputs.js';
import { registerAnalysedReply } from './analysed-reply.js';
import { createPipeline, type FullReply, type Pipeline } from './reply.js';
import { builtInSuggestion } from '../lint/suggestions.js';

export interface Assistant {
  /**
   * Intent, language, signals, entities and risk of one customer message. `context` is the
   * conversation around it: the agent's previous turn (`previousAgentMessage`, or the last agent
   * turn of `history`), earlier turns, the channel and counted repeat contacts.
   */
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
  // The template catalogue: built now when the options bring templates (so a bad pack fails here),
  // else on first use, so analyze() alone never pays for indexing the built-in templates.
  const buildCatalogue = () =>
    createTemplateCatalogue(options.templates ?? [], {
      ...(options.defaultLocale === undefined ? {} : { defaultLocale: options.defaultLocale }),
      ...(options.templateCompiler === undefined ? {} : { templateCompiler: options.templateCompiler }),
    });
  let catalogue: TemplateCatalogue | undefined =
    options.templates === undefined ? undefined : buildCatalogue();
  const templates = () => (catalogue ??= buildCatalogue());

  /** analyze() of a validated text and context: the message is read once, then analysed. */
  const analyzeChecked = (text: string, context: Context | undefined): Analysis =>
    analyzeMessage(readMessage(text, context), classifier);

  // Suggestions are whole approved sentences. A built-in template's is rendered at build time with
  // neutral values (亲 / 親 / "customer", never a sample name or date); a template a pack defines
  // is the shop's own, rendered with the pack's example values.
  const packTemplateIds = new Set((options.templates ?? []).map((t) => t.id));
  const suggest = (templateId: string, locale: TemplateLocale) =>
    (packTemplateIds.has(templateId) ? undefined : builtInSuggestion(templateId, locale)) ??
    templates().example(templateId, locale);
  // Configured: built now, so a bad pack fails here. Otherwise built on first use.
  let linter: BuiltLinter | undefined =
    options.lint === undefined ? undefined : buildLinter(options.lint, { suggest });
  const lint = (reply: string, context?: LintContext): LintResult =>
    (linter ??= buildLinter({}, { suggest })).linter.lint(reply, context);
  // The reply pipeline lints its own output with facts and history reply() has validated.
  const lintOwnReply = (reply: string, context: LintContext): LintResult =>
    (linter ??= buildLinter({}, { suggest })).lintChecked(reply, context);

  // Like the linter: built now when rule packs are given (so they fail here), else on first use,
  // so a bot that only analyses never pays for compiling rules and indexing templates.
  const buildPipeline = () =>
    createPipeline({
      analyze: analyzeChecked,
      recommender: createRecommender({
        templates: indexReplyTemplates(templates()),
        ...(options.actions === undefined ? {} : { actions: options.actions }),
      }),
      lint: lintOwnReply,
      defaultLocale: options.defaultLocale ?? 'zh-Hans',
      fallbackLocale: options.fallbackLocale ?? 'en',
    });
  let pipeline: Pipeline | undefined = options.actions === undefined ? undefined : buildPipeline();
  const steps = () => (pipeline ??= buildPipeline());

  const assistant: Assistant = {
    analyze: (text, context) =>
      analyzeChecked(checkText(text, 'analyze(text)'), checkContext(context, 'analyze(text, context)')),
    recommend: (input) => steps().recommend(input),
    // Async methods report bad arguments as a rejected promise, as every other failure of theirs.
    recommendAsync: async (input, asyncOptions) => steps().recommendAsync(input, asyncOptions),
    reply: (text, replyOptions) => steps().reply(text, replyOptions),
    replyAsync: async (text, replyOptions) => steps().replyAsync(text, replyOptions),
    render: (id, vars, renderOptions) => templates().render(id, vars, renderOptions),
    templates: {
      list: (filter) => templates().list(filter),
      select: (analysis, facts, selectOptions) => templates().select(analysis, facts, selectOptions),
    },
    lint,
  };
  registerAnalysedReply(assistant, (text, replyOptions, analysis) =>
    steps().replyAnalysed(text, replyOptions, analysis),
  );
  return assistant;
}
