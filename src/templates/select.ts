import * as z from 'zod/mini';
import { conditionSize } from '../conditions/size.js';
import type { ConditionNode as Condition } from '../conditions/types.js';
import { STAGES, TEMPLATE_LOCALES, type Channel, type Stage, type TemplateLocale } from './definition.js';
import type { Facts } from '../facts.js';
import type { TemplateEntry, TemplateMatch } from './types.js';
import type { ValidTemplate } from './validate.js';
import { getPath } from './variables.js';
import { whenAlmanac } from './when.js';
import { LOCALE_FALLBACK, SECONDARY_INTENT_MIN_CONFIDENCE } from '../vocabulary.js';

/** What `select()` accepts as an analysis: any object with these fields (analyze() output fits). */
export const analysisInputSchema = z.looseObject({
  intent: z.looseObject({ id: z.string(), confidence: z.optional(z.number()) }),
  intents: z.optional(z.array(z.looseObject({ id: z.string(), confidence: z.number() }))),
  language: z.optional(z.looseObject({ locale: z.string() })),
  signals: z.optional(z.array(z.looseObject({ id: z.string() }))),
  entities: z.optional(z.array(z.looseObject({ type: z.string() }))),
  risk: z.optional(z.string()),
  previousAgentTurn: z.optional(z.string()),
});


const STAGE_ORDER = new Map(STAGES.map((stage, i) => [stage, i]));

export { LOCALE_FALLBACK };

export function supportedLocale(locale: string | undefined): TemplateLocale | undefined {
  return (TEMPLATE_LOCALES as readonly string[]).includes(locale ?? '') ? (locale as TemplateLocale) : undefined;
}

function leafFacts(condition: Condition, out: string[] = []): string[] {
  if ('all' in condition) condition.all.forEach((c) => leafFacts(c, out));
  else if ('any' in condition) condition.any.forEach((c) => leafFacts(c, out));
  else if ('not' in condition) leafFacts(condition.not, out);
  else out.push(condition.path ? `${condition.fact}${condition.path.slice(1)}` : condition.fact);
  return out;
}

export interface SelectInput {
  analysis: z.infer<typeof analysisInputSchema>;
  facts: Facts;
  locale: TemplateLocale;
  channel: Channel | undefined;
  stage: Stage | undefined;
  limit: number | undefined;
  entry: (template: ValidTemplate, locale: TemplateLocale) => TemplateEntry;
}

/**
 * Rank the templates that fit: a template fits when one of its intents is the message's intent
 * (or a secondary intent), or — for templates with no intents — when its `when` holds; a `when`
 * that fails always excludes. Score: 1 for the primary intent, 0.5 × confidence for a secondary
 * one, 0.6 for a condition-only template, plus 0.1 per condition in a matched `when` (a specific
 * template beats a generic one), minus 0.05 when only a fallback locale exists.
 */
export function selectTemplates(templates: readonly ValidTemplate[], input: SelectInput): TemplateMatch[] {
  const { analysis, facts } = input;
  const primary = analysis.intent.id;
  const secondary = new Map<string, number>();
  for (const candidate of analysis.intents ?? []) {
    if (candidate.id !== primary && candidate.confidence >= SECONDARY_INTENT_MIN_CONFIDENCE) {
      secondary.set(candidate.id, Math.max(secondary.get(candidate.id) ?? 0, candidate.confidence));
    }
  }
  const almanac = whenAlmanac(facts, analysis, analysis.language?.locale ?? null);

  const matches: TemplateMatch[] = [];
  for (const template of templates) {
    const { definition } = template;
    if (input.stage !== undefined && definition.stage !== input.stage) continue;
    if (input.channel !== undefined && !definition.channels.includes(input.channel)) continue;

    const reasons: string[] = [];
    let score: number;
    if (definition.intents.includes(primary)) {
      score = 1;
      reasons.push(`intent ${primary}`);
    } else {
      const best = definition.intents.reduce((max, id) => Math.max(max, secondary.get(id) ?? 0), 0);
      if (best > 0) {
        score = 0.5 * best;
        reasons.push(`secondary intent ${definition.intents.find((id) => secondary.get(id) === best)}`);
      } else if (definition.intents.length === 0 && definition.when !== undefined) {
        score = 0.6;
      } else {
        continue;
      }
    }
    if (definition.when !== undefined) {
      if (template.when !== undefined && !template.when(almanac)) continue;
      score += 0.1 * conditionSize(definition.when);
      reasons.push(`when ${[...new Set(leafFacts(definition.when))].join(', ')}`);
    }

    const locale = LOCALE_FALLBACK[input.locale].find((l) => template.compiled[l] !== undefined);
    if (locale === undefined) continue;
    const fallback = locale !== input.locale;
    if (fallback) score -= 0.05;

    const missing = Object.entries(definition.variables)
      .filter(([path, declaration]) => declaration.optional !== true && getPath(facts, path.split('.')) === undefined)
      .map(([path]) => path);
    matches.push({
      ...input.entry(template, locale),
      score: Math.round(score * 1000) / 1000,
      reasons,
      missing,
      fallback,
    });
  }
  matches.sort(
    (a, b) =>
      b.score - a.score ||
      (STAGE_ORDER.get(a.stage) ?? 0) - (STAGE_ORDER.get(b.stage) ?? 0) ||
      a.id.localeCompare(b.id),
  );
  return input.limit === undefined ? matches : matches.slice(0, input.limit);
}
