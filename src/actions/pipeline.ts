import { z } from 'zod';
import type { Analysis } from '../analysis/types.js';
import { contextSchema, type Context } from '../context.js';
import { HuashuError, parseOrThrow } from '../errors.js';
import { factsSchema, type Facts } from '../facts.js';
import { detectLanguage, type SupportedLocale } from '../language/index.js';
import type { LintContext, LintResult } from '../lint/types.js';
import type { Almanac as FactValues } from '../conditions/types.js';
import { createRecommender, type Recommender, type RecommenderOptions } from './recommender.js';
import { isAnalysisInput } from './analysis-guard.js';
import { buildRuleFacts, type AnalysisFacts } from './rule-facts.js';
import { nullObject, PROTOTYPE_KEYS } from '../util/own.js';
import type { Recommendation } from './types.js';

const SUPPORTED: readonly string[] = ['zh-Hans', 'zh-Hant', 'en'];

/** What recommend() reads of an analysis: analyze() output fits, and so does a hand-made one. */
export const analysisInputSchema = z
  .object({
    intent: z.object({ id: z.string().min(1), confidence: z.number().min(0).max(1) }).loose(),
    intents: z.array(z.object({ id: z.string(), confidence: z.number() }).loose()).optional(),
    signals: z.array(z.object({ id: z.string() }).loose()).optional(),
    entities: z
      .array(
        z
          .object({ type: z.string(), value: z.string().optional(), placeholder: z.boolean().optional() })
          .loose(),
      )
      .optional(),
    risk: z.enum(['low', 'medium', 'high']).optional(),
    language: z.object({ locale: z.string() }).loose().optional(),
  })
  .loose();

const variablesSchema = z.record(z.string(), z.unknown(), {
  error: 'expected template variables as an object',
});

export const recommendInputSchema = z
  .object({
    /** The customer message; analysed unless `analysis` is given. */
    text: z.string().optional(),
    /** An analysis (from analyze(), or built by hand); used as is. */
    analysis: analysisInputSchema.optional(),
    facts: factsSchema.optional(),
    context: contextSchema.optional(),
    /** Extra template variables beyond the facts (e.g. `delay.reason`, `followUp.dueAt`). */
    variables: variablesSchema.optional(),
  })
  .strict()
  .refine((input) => input.text !== undefined || input.analysis !== undefined, {
    message: 'give the message as "text" or its "analysis"',
  });
const inputWithoutAnalysisSchema = z
  .object({
    text: z.string().optional(),
    facts: factsSchema.optional(),
    context: contextSchema.optional(),
    variables: variablesSchema.optional(),
  })
  .strict();

interface ParsedInput {
  text?: string;
  analysis?: AnalysisFacts;
  facts?: Facts;
  context?: Context;
  variables?: Record<string, unknown>;
}

/** recommend()'s input; `analyze()` output fits `analysis` (hence an interface, not zod's loose type). */
export interface RecommendInput {
  /** The customer message; analysed unless `analysis` is given. */
  text?: string;
  /** An analysis (from analyze(), or built by hand); used as is. */
  analysis?: AnalysisFacts;
  facts?: Facts;
  context?: Context;
  /** Extra template variables beyond the facts (e.g. `delay.reason`, `followUp.dueAt`). */
  variables?: Record<string, unknown>;
}

const replyOptionsSchema = z
  .object({
    facts: factsSchema.optional(),
    context: contextSchema.optional(),
    variables: variablesSchema.optional(),
  })
  .strict();
export type ReplyOptions = z.input<typeof replyOptionsSchema>;
const textSchema = z.string({ error: 'expected the message text as a string' });
const asyncOptionsSchema = z.object({ engine: z.enum(['auto', 'json-rules-engine']).optional() }).strict();
/** `engine: 'json-rules-engine'` runs every rule through json-rules-engine instead of the compiled evaluator. */
export type AsyncOptions = z.input<typeof asyncOptionsSchema>;

/** What `assistant.reply()` returns: the analysis, the recommendation, the reply as sent, and its lint result. */
export interface FullReply extends Recommendation {
  analysis: Analysis;
  /** The rendered parts joined, one per line: the reply the agent sends. Empty when nothing rendered. */
  text: string;
  /** huashu's linter run on `text`, as a check of its own output. */
  lint: LintResult;
}

export interface NextActionsDependencies extends RecommenderOptions {
  analyze: (text: string, context?: Context) => Analysis;
  lint?: (reply: string, context?: LintContext) => LintResult;
  defaultLocale: SupportedLocale;
}

type AnalysisInput = AnalysisFacts;

const EMPTY_LINT: LintResult = Object.freeze({ findings: [], errorCount: 0, warningCount: 0 }) as LintResult;

/** The customer's locale: the analysed language when huashu writes it, else the default. */
function localeOf(
  analysis: AnalysisInput,
  text: string | undefined,
  fallback: SupportedLocale,
): SupportedLocale {
  const detected =
    analysis.language?.locale ?? (text === undefined ? undefined : detectLanguage(text).locale);
  return detected !== undefined && SUPPORTED.includes(detected) ? (detected as SupportedLocale) : fallback;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Template variables: the facts, an order number the customer wrote filling a missing `order.id`,
 * then the caller's `variables` (objects merged one level: `{ order: { promisedShipAt } }` keeps
 * the facts' other order fields).
 */
function templateVariables(
  facts: Facts,
  analysis: AnalysisInput,
  variables: Record<string, unknown> | undefined,
): Record<string, unknown> {
  // Keys come from the caller: a null-prototype object turns even `__proto__` into a plain key,
  // and no variable is ever named so (variablePathSchema), so those keys are dropped.
  const vars: Record<string, unknown> = Object.assign(nullObject(), facts);
  if (facts.order?.id === undefined) {
    const written = analysis.entities?.find(
      (e) => e.type === 'order_id' && e.placeholder !== true && e.value,
    );
    if (written?.value !== undefined) vars.order = { ...facts.order, id: written.value };
  }
  if (variables)
    for (const [key, value] of Object.entries(variables)) {
      if (PROTOTYPE_KEYS.has(key)) continue;
      const current = vars[key];
      vars[key] = isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value;
    }
  return vars;
}

/** The almanac of templates' `when` conditions, as the template catalogue's select() builds it. */
function templateAlmanac(facts: Facts, analysis: AnalysisInput, locale: SupportedLocale): FactValues {
  return {
    ...facts,
    analysis: {
      intent: analysis.intent.id,
      confidence: analysis.intent.confidence,
      intents: (analysis.intents ?? []).map((i) => i.id),
      signals: (analysis.signals ?? []).map((s) => s.id),
      entities: (analysis.entities ?? []).map((e) => e.type),
      risk: analysis.risk ?? null,
      locale,
    },
  };
}

/** assistant.recommend / recommendAsync / reply, over one compiled recommender. */
export function createNextActions(deps: NextActionsDependencies) {
  const recommender: Recommender = createRecommender({
    ...(deps.actions === undefined ? {} : { actions: deps.actions }),
    ...(deps.templates === undefined ? {} : { templates: deps.templates }),
  });

  function prepare(input: unknown, what: string) {
    const parsed = parseInput(input, what);
    const context: Context = parsed.context ?? {};
    const analysis = parsed.analysis ?? deps.analyze(parsed.text as string, context);
    return inputsFor(analysis, parsed.facts ?? {}, context, parsed.text, parsed.variables);
  }

  /**
   * The input, validated. A well-formed analysis skips zod (see isAnalysisInput): copying the
   * evidence of analyze() output was most of recommend()'s cost. Anything off goes through the
   * full schema, which lists every problem.
   */
  function parseInput(input: unknown, what: string): ParsedInput {
    if (isPlainObject(input) && input.analysis !== undefined && isAnalysisInput(input.analysis)) {
      const { analysis, ...rest } = input;
      const others = inputWithoutAnalysisSchema.safeParse(rest);
      if (others.success) return { ...(others.data as Omit<ParsedInput, 'analysis'>), analysis };
    }
    const parsed = parseOrThrow(recommendInputSchema, input, 'INVALID_INPUT', what);
    // zod's output spells optional fields `T | undefined`; the shape is the same.
    return parsed as ParsedInput;
  }

  /** Validated inputs → what the recommender runs on. */
  function inputsFor(
    analysis: AnalysisInput,
    facts: Facts,
    context: Context,
    text: string | undefined,
    variables?: Record<string, unknown>,
  ) {
    const locale = localeOf(analysis, text, deps.defaultLocale);
    const ruleFacts = buildRuleFacts(analysis, facts, context, locale);
    return {
      facts: ruleFacts,
      vars: templateVariables(facts, analysis, variables),
      templateAlmanac: () => templateAlmanac(facts, analysis, locale),
    };
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

  /** Next actions and reply parts for one message. Throws INVALID_INPUT on bad input. */
  function recommend(input: RecommendInput): Recommendation {
    const inputs = prepare(input, 'recommend(input)');
    if (recommender.engineOnly.length > 0) throw asyncNeeded();
    return recommender.recommend(inputs);
  }

  /**
   * As recommend(), also running rules outside the compiled subset through json-rules-engine;
   * `{ engine: 'json-rules-engine' }` runs every rule through it (the reference semantics).
   */
  async function recommendAsync(input: RecommendInput, options: AsyncOptions = {}): Promise<Recommendation> {
    const { engine } = parseOrThrow(
      asyncOptionsSchema,
      options,
      'INVALID_INPUT',
      'recommendAsync(input, options)',
    );
    return recommender.recommendAsync(prepare(input, 'recommendAsync(input)'), engine);
  }

  function finish(analysis: Analysis, facts: Facts, recommendation: Recommendation): FullReply {
    const text = recommendation.replies
      .map((r) => r.text)
      .filter((t): t is string => t !== undefined)
      .join('\n');
    const lint =
      text === '' || deps.lint === undefined
        ? EMPTY_LINT
        : deps.lint(text, { facts, locale: recommendation.locale });
    return { analysis, ...recommendation, text, lint };
  }

  function replyInputs(text: unknown, options: unknown, what: string) {
    const message = parseOrThrow(textSchema, text, 'INVALID_INPUT', `${what}(text)`);
    const {
      facts = {},
      context = {},
      variables,
    } = parseOrThrow(replyOptionsSchema, options ?? {}, 'INVALID_INPUT', `${what}(text, options)`);
    const analysis = deps.analyze(message, context);
    return { analysis, facts, inputs: inputsFor(analysis, facts, context, message, variables) };
  }

  /** analyze → recommend → render → lint of its own output, all of it returned. */
  function reply(text: string, options: ReplyOptions = {}): FullReply {
    const { analysis, facts, inputs } = replyInputs(text, options, 'reply');
    if (recommender.engineOnly.length > 0) throw asyncNeeded();
    return finish(analysis, facts, recommender.recommend(inputs));
  }

  async function replyAsync(text: string, options: ReplyOptions & AsyncOptions = {}): Promise<FullReply> {
    const { engine, ...rest } = options;
    const { engine: choice } = parseOrThrow(
      asyncOptionsSchema,
      engine === undefined ? {} : { engine },
      'INVALID_INPUT',
      'replyAsync(text, options)',
    );
    const { analysis, facts, inputs } = replyInputs(text, rest, 'replyAsync');
    return finish(analysis, facts, await recommender.recommendAsync(inputs, choice));
  }

  return { recommend, recommendAsync, reply, replyAsync, recommender };
}
