import type * as z from 'zod/mini';
import { checkCondition, type CheckOptions, type ConditionIssue } from '../conditions/checks.js';
import { compileCondition } from '../conditions/compile.js';
import { objectOf, specOf, type FactSpecs } from '../conditions/fact-spec.js';
import { conditionSchema } from '../conditions/schema.js';
import type { CompiledCondition, TopLevelCondition } from '../conditions/types.js';
import { factsSchema, type Facts } from '../facts.js';

/**
 * A template's `when`: a condition in the one condition language (src/conditions), over the facts
 * templates know — the top-level keys of the facts schema and `analysis` — compiled once at load and
 * evaluated by select() and by the reply step alike. It runs synchronously with no json-rules-engine
 * to fall back on, so every part must compile (simple paths, no nested priorities), and an empty
 * `all` is refused: a template that always fits leaves `when` out.
 */

/** The facts a `when` may read: the top-level keys of the facts schema, plus `analysis`. */
export const CONDITION_FACTS = [
  'channel',
  'shop',
  'agent',
  'customer',
  'order',
  'responsibility',
  'analysis',
] as const;

/** What select() puts under the `analysis` fact. */
export const ANALYSIS_FACT_FIELDS = [
  'intent',
  'confidence',
  'intents',
  'signals',
  'entities',
  'risk',
  'locale',
  'previousAgentTurn',
] as const;

const WHEN_OPTIONS = { compiledOnly: true, allowEmptyAll: false } as const satisfies CheckOptions;

/** The syntax check (the template metadata schema): shape, limits, operators, values, fact names. */
const WHEN_FACT_NAMES: FactSpecs = Object.fromEntries(CONDITION_FACTS.map((fact) => [fact, { kind: 'unknown' }]));

/**
 * The facts with their fields, for the check after the schema (validate.ts): a path's first step
 * must be a field the fact has; the values' types are left open.
 */
function whenFactSpecs(): FactSpecs {
  const specs = Object.create(null) as Record<string, FactSpecs[string]>;
  const shape = factsSchema.shape as Record<string, z.core.$ZodType>;
  for (const fact of CONDITION_FACTS) {
    if (fact === 'analysis') specs[fact] = objectOf(ANALYSIS_FACT_FIELDS);
    else specs[fact] = specOf(shape[fact] as z.core.$ZodType, false);
  }
  return specs;
}
const WHEN_FACT_SPECS = whenFactSpecs();

/** The `when` schema of template metadata. */
export const whenSchema: z.ZodMiniType<TopLevelCondition> = conditionSchema({ ...WHEN_OPTIONS, facts: WHEN_FACT_NAMES });

/** The facts and fields a (schema-valid) `when` reads, each problem at its path. */
export function checkWhenFacts(when: TopLevelCondition): ConditionIssue[] {
  return checkCondition(when, { ...WHEN_OPTIONS, facts: WHEN_FACT_SPECS });
}

/** A checked `when` (whenSchema, at load or at build time) compiled to a predicate over select()'s almanac. */
export function compileWhen(when: TopLevelCondition): CompiledCondition {
  return compileCondition(when, { checked: true });
}

/** What the almanac reads of an analysis (analyze()'s result, or select()'s looser input). */
export interface AlmanacAnalysis {
  intent: { id: string; confidence?: number | null | undefined };
  intents?: ReadonlyArray<{ id: string }> | undefined;
  signals?: ReadonlyArray<{ id: string }> | undefined;
  entities?: ReadonlyArray<{ type: string }> | undefined;
  risk?: string | null | undefined;
  previousAgentTurn?: string | null | undefined;
}

/**
 * The facts a `when` is evaluated on: the order facts at the top, the message's analysis under
 * `analysis` (ANALYSIS_FACT_FIELDS; lists of ids in the analysis's order). One builder for select() and the
 * reply step, so a template fits the same message the same way in both.
 */
export function whenAlmanac(
  facts: Facts,
  analysis: AlmanacAnalysis,
  locale: string | null,
): Record<string, unknown> {
  const fields: Record<(typeof ANALYSIS_FACT_FIELDS)[number], unknown> = {
    intent: analysis.intent.id,
    confidence: analysis.intent.confidence ?? null,
    intents: (analysis.intents ?? []).map((i) => i.id),
    signals: (analysis.signals ?? []).map((s) => s.id),
    entities: (analysis.entities ?? []).map((e) => e.type),
    risk: analysis.risk ?? null,
    locale,
    previousAgentTurn: analysis.previousAgentTurn ?? null,
  };
  return { ...facts, analysis: fields };
}
