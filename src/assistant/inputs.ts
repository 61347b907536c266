import * as z from 'zod/mini';
import { invalidArgument, isPlainObject } from '../arguments.js';
import { contextSchema, isContext, type Context } from '../context.js';
import { parseOrThrow, safeParse } from '../errors.js';
import { factsSchema, type Facts } from '../facts.js';
import { AGENT_TURN_KINDS } from '../intent/agent-turn.js';
import { RISKS } from '../vocabulary.js';
import { isAnalysisInput } from './analysis-guard.js';
import type { AnalysisFacts } from './view.js';

/**
 * The assistant's inputs, validated once, at the facade. The common, well-formed call takes a
 * fast path (typeof checks, isContext, isAnalysisInput); zod only runs to explain bad input, and
 * lists every problem.
 */

/** What recommend() reads of an analysis: analyze() output fits, and so does a hand-made one. */
export const analysisInputSchema = z.looseObject({
  intent: z.looseObject({
    id: z.string().check(z.minLength(1)),
    confidence: z.number().check(z.gte(0), z.lte(1)),
  }),
  intents: z.optional(z.array(z.looseObject({ id: z.string(), confidence: z.number() }))),
  signals: z.optional(z.array(z.looseObject({ id: z.string() }))),
  entities: z.optional(
    z.array(
      z.looseObject({
        type: z.string(),
        value: z.optional(z.string()),
        placeholder: z.optional(z.boolean()),
      }),
    ),
  ),
  risk: z.optional(z.enum(RISKS)),
  language: z.optional(z.looseObject({ locale: z.string() })),
  previousAgentTurn: z.optional(z.enum(AGENT_TURN_KINDS)),
  /** The folded text, as analyze() gives it: whether the message asks something is read from it. */
  normalized: z.optional(z.string()),
});

const variablesSchema = z.record(z.string(), z.unknown(), {
  error: 'expected template variables as an object',
});

export const recommendInputSchema = z
  .strictObject({
    /** The customer message; analysed unless `analysis` is given. */
    text: z.optional(z.string()),
    /** An analysis (from analyze(), or built by hand); used as is. */
    analysis: z.optional(analysisInputSchema),
    facts: z.optional(factsSchema),
    context: z.optional(contextSchema),
    /** Extra template variables beyond the facts (e.g. `delay.reason`, `followUp.dueAt`). */
    variables: z.optional(variablesSchema),
  })
  .check(
    z.refine((input) => input.text !== undefined || input.analysis !== undefined, {
      message: 'give the message as "text" or its "analysis"',
    }),
  );
const inputWithoutAnalysisSchema = z.strictObject({
  text: z.optional(z.string()),
  facts: z.optional(factsSchema),
  context: z.optional(contextSchema),
  variables: z.optional(variablesSchema),
});

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

const replyOptionsSchema = z.strictObject({
  facts: z.optional(factsSchema),
  context: z.optional(contextSchema),
  variables: z.optional(variablesSchema),
});
export type ReplyOptions = z.input<typeof replyOptionsSchema>;

const asyncOptionsSchema = z.strictObject({ engine: z.optional(z.enum(['auto', 'json-rules-engine'])) });
/** `engine: 'json-rules-engine'` runs every rule through json-rules-engine instead of the compiled evaluator. */
export type AsyncOptions = z.input<typeof asyncOptionsSchema>;
export type EngineChoice = NonNullable<AsyncOptions['engine']>;

const textSchema = z.string({ error: 'expected the message text as a string' });

/** A validated recommend()/reply() input. */
export interface CheckedInput {
  text: string | undefined;
  analysis: AnalysisFacts | undefined;
  facts: Facts;
  context: Context;
  variables: Record<string, unknown> | undefined;
}

export function checkText(text: unknown, what: string): string {
  return typeof text === 'string' ? text : parseOrThrow(textSchema, text, 'INVALID_INPUT', what);
}

export function checkContext(context: unknown, what: string): Context | undefined {
  if (context === undefined || isContext(context)) return context;
  return parseOrThrow(contextSchema, context, 'INVALID_INPUT', what);
}

/**
 * recommend()'s input. A well-formed analysis skips zod (see isAnalysisInput): copying the
 * evidence of analyze() output was most of recommend()'s cost.
 */
export function checkRecommendInput(input: unknown, what: string): CheckedInput {
  let parsed: Omit<RecommendInput, 'analysis'> & { analysis?: AnalysisFacts | undefined };
  if (isPlainObject(input) && input.analysis !== undefined && isAnalysisInput(input.analysis)) {
    const { analysis, ...rest } = input;
    const others = safeParse(inputWithoutAnalysisSchema, rest);
    parsed = others.success
      ? { ...(others.data as Omit<RecommendInput, 'analysis'>), analysis }
      : (parseOrThrow(recommendInputSchema, input, 'INVALID_INPUT', what) as RecommendInput);
  } else {
    parsed = parseOrThrow(recommendInputSchema, input, 'INVALID_INPUT', what) as RecommendInput;
  }
  return {
    text: parsed.text,
    analysis: parsed.analysis,
    facts: parsed.facts ?? {},
    context: parsed.context ?? {},
    variables: parsed.variables,
  };
}

const REPLY_OPTIONS = '{ facts, context, variables }';
const REPLY_ASYNC_OPTIONS = '{ facts, context, variables, engine }';
const ASYNC_OPTIONS = "{ engine: 'auto' | 'json-rules-engine' }";

/** An optional options argument: undefined or a plain object; anything else (null, 42, []) is refused. */
function optionsObject(options: unknown, call: string, shape: string): Record<string, unknown> {
  if (options === undefined) return {};
  if (isPlainObject(options)) return options;
  throw invalidArgument('INVALID_INPUT', call, 'options', `an options object ${shape} or nothing`, options);
}

/** reply()'s text and options (and, for replyAsync, the engine). */
export function checkReplyInput(
  text: unknown,
  options: unknown,
  what: 'reply' | 'replyAsync',
): CheckedInput & { engine: EngineChoice | undefined } {
  const message = checkText(text, `${what}(text)`);
  const call = `${what}(text, options)`;
  const { engine, ...rest } = optionsObject(
    options,
    call,
    what === 'reply' ? REPLY_OPTIONS : REPLY_ASYNC_OPTIONS,
  );
  const checkedEngine =
    what === 'replyAsync' && engine !== undefined ? checkAsyncOptions({ engine }, call).engine : undefined;
  const rejectEngine = what === 'reply' && engine !== undefined ? { engine } : {};
  const { facts, context, variables } = parseOrThrow(
    replyOptionsSchema,
    { ...rest, ...rejectEngine },
    'INVALID_INPUT',
    call,
  );
  return {
    text: message,
    analysis: undefined,
    facts: facts ?? {},
    context: context ?? {},
    variables,
    engine: checkedEngine,
  };
}

export function checkAsyncOptions(options: unknown, call: string): AsyncOptions {
  return parseOrThrow(asyncOptionsSchema, optionsObject(options, call, ASYNC_OPTIONS), 'INVALID_INPUT', call);
}
