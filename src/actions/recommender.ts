import { type HuashuIssue, parseOrThrow } from '../errors.js';
import type { ActionId, TemplateId } from '../ids.js';
import type { SupportedLocale } from '../language/index.js';
import { actionCatalogue } from '../generated/actions-catalogue.js';
import { actionExplainVocabulary } from '../generated/actions-explain.js';
import { builtInActionRules } from '../generated/actions-rules.js';
import { indexCatalogue, type ActionCatalogue } from './catalogue.js';
import type { Almanac as FactValues } from '../conditions/types.js';
import { invalidRules } from './data.js';
import {
  createRuleEvaluator,
  type EngineChoice,
  type PreparedRule,
  type RuleEvaluator,
} from './evaluator.js';
import { compileExplainer, type ExplainVocabulary, type Explainer } from './explain.js';
import { OperatorTable } from '../conditions/operators.js';
import { actionOptionsSchema, assembleRules, type ActionOptions } from './pack.js';
import type { ReplyTemplates } from './reply-templates.js';
import type { RuleFacts } from './rule-facts.js';
import { replyStages, type ActionRef } from './rule-schema.js';
import type { Recommendation, RecommendedAction, RecommendedReply, SuppressedAction } from './types.js';
import { checkRuleFile } from './validate-rules.js';

export interface RecommenderOptions {
  /** User rules, disabled built-ins and custom operators. */
  actions?: ActionOptions;
  /** The template catalogue replies are picked from and rendered with; no replies without it. */
  templates?: ReplyTemplates;
}

/** Per message: the rule facts, the values templates are rendered with, and the almanac of templates' `when`. */
export interface RecommendInputs {
  rules: RuleFacts;
  variables: Record<string, unknown>;
  /** Built only when a rule picks a template by stage. */
  almanac: () => FactValues;
}

export interface Recommender {
  readonly rules: readonly PreparedRule[];
  readonly engineOnly: RuleEvaluator['engineOnly'];
  readonly catalogue: ActionCatalogue;
  recommend(inputs: RecommendInputs): Recommendation;
  recommendAsync(inputs: RecommendInputs, engine?: EngineChoice): Promise<Recommendation>;
}

interface ActionStep {
  id: string;
  params: Record<string, unknown>;
  descriptions: Readonly<Record<SupportedLocale, string>>;
}

interface RuleSteps {
  prepared: PreparedRule;
  explain: Explainer;
  actions?: ActionStep[];
  reply?: { templateId?: string; stage?: string; requires?: readonly string[] };
}

const STAGE_ORDER = new Map<string, number>(replyStages.map((stage, i) => [stage, i]));

/**
 * The next-action engine: built-in rules (+ a pack), compiled once; per message it runs the rules
 * on the facts and turns their events into actions (conflicts resolved by priority, duplicates
 * merged, each with its reason) and reply parts (one template per stage, rendered).
 * Throws `INVALID_RULES` listing every problem of the pack, `INVALID_OPTIONS` for bad options.
 */
export function createRecommender(
  options: RecommenderOptions = {},
  vocabulary: ExplainVocabulary = actionExplainVocabulary(),
): Recommender {
  const actionOptions = parseOrThrow(
    actionOptionsSchema,
    options.actions ?? {},
    'INVALID_OPTIONS',
    'options.actions',
  );
  const issues: HuashuIssue[] = [];
  const catalogue = indexCatalogue(actionCatalogue(), issues);
  const operators = new OperatorTable(actionOptions.operators ?? {});
  for (const name of Object.keys(actionOptions.operators ?? {}))
    if (OperatorTable.isBuiltIn(name))
      issues.push({
        path: `actions.operators.${name}`,
        message: `"${name}" is a built-in operator: choose another name`,
      });
  const { templates } = options;
  const checked = checkRuleFile(
    { rules: actionOptions.rules ?? [], disable: actionOptions.disable ?? [] },
    { catalogue, operators, ...(templates ? { hasTemplate: (id: string) => templates.has(id) } : {}) },
  );
  issues.push(...checked.issues.map((issue) => ({ ...issue, path: `actions.${issue.path}` })));
  const rules = assembleRules(builtInActionRules(), checked, issues);
  if (issues.length > 0) throw invalidRules(issues, 'next-action rules in options.actions');

  const evaluator = createRuleEvaluator(rules, operators);
  const steps = new Map<string, RuleSteps>();
  for (const prepared of evaluator.rules)
    steps.set(prepared.name, prepareSteps(prepared, catalogue, vocabulary, operators));

  function build(fired: readonly PreparedRule[], inputs: RecommendInputs): Recommendation {
    const facts = inputs.rules;
    const locale = facts.locale;
    const actions: RecommendedAction[] = [];
    const suppressed: SuppressedAction[] = [];
    const accepted = new Map<string, RecommendedAction>();
    const byStage = new Map<string, { templateId: string; rule: string }>();
    const pending: RuleSteps[] = [];
    let almanac: FactValues | undefined;

    for (const prepared of fired) {
      const step = steps.get(prepared.name) as RuleSteps;
      if (step.actions) {
        let because: string | undefined;
        for (const action of step.actions) {
          const existing = accepted.get(action.id);
          if (existing) {
            if (!existing.rules.includes(prepared.name)) existing.rules.push(prepared.name);
            continue;
          }
          const conflict = firstConflict(catalogue, action.id, accepted);
          if (conflict) {
            suppressed.push({
              id: action.id as ActionId,
              rule: prepared.name,
              priority: prepared.priority,
              by: { id: conflict.id, rule: conflict.rule },
            });
            continue;
          }
          because ??= step.explain(facts, locale);
          const recommended: RecommendedAction = {
            id: action.id as ActionId,
            params: action.params,
            priority: prepared.priority,
            rule: prepared.name,
            because,
            description: action.descriptions[locale],
            rules: [prepared.name],
          };
          accepted.set(action.id, recommended);
          actions.push(recommended);
        }
      } else if (step.reply && templates) pending.push(step);
    }

    // Replies after actions: a part that `requires` an action is sent only if the action survived conflicts.
    if (templates)
      for (const step of pending) {
        const reply = step.reply as NonNullable<RuleSteps['reply']>;
        if (reply.requires && !reply.requires.every((id) => accepted.has(id))) continue;
        const { prepared } = step;
        let templateId = reply.templateId;
        if (templateId === undefined && reply.stage !== undefined) {
          if (byStage.has(reply.stage)) continue;
          almanac ??= inputs.almanac();
          templateId = templates.pick(reply.stage, facts.intent, facts.channel, almanac, {
            locale,
            vars: inputs.variables,
          });
        }
        if (templateId === undefined || !templates.fits(templateId, facts.channel)) continue;
        const stage = templates.stageOf(templateId) as string;
        // A rule's own template that cannot render (a fact it needs is missing) gives way to one of
        // its stage for the intent that can: the customer gets an answer, not a blank.
        if (reply.templateId !== undefined && !byStage.has(stage)) {
          const replyLocale = templates.localeFor(templateId, locale) ?? locale;
          if (templates.missing(templateId, replyLocale, inputs.variables).length > 0) {
            almanac ??= inputs.almanac();
            const renderable = templates.pick(stage, facts.intent, facts.channel, almanac, {
              locale,
              vars: inputs.variables,
              renderableOnly: true,
            });
            if (renderable !== undefined) templateId = renderable;
          }
        }
        if (!byStage.has(stage)) byStage.set(stage, { templateId, rule: prepared.name });
      }

    const replies: RecommendedReply[] = [];
    if (templates && byStage.size > 0) {
      const ordered = [...byStage.entries()].sort(
        ([a], [b]) => (STAGE_ORDER.get(a) ?? 99) - (STAGE_ORDER.get(b) ?? 99),
      );
      for (const [stage, { templateId: id, rule }] of ordered) {
        const templateId = id as TemplateId;
        const replyLocale = templates.localeFor(templateId, locale) ?? locale;
        const missing = templates.missing(templateId, replyLocale, inputs.variables);
        replies.push(
          missing.length > 0
            ? { templateId, stage, locale: replyLocale, missing, rule }
            : {
                templateId,
                stage,
                locale: replyLocale,
                text: templates.render(templateId, inputs.variables, replyLocale, facts.channel),
                rule,
              },
        );
      }
    }
    return { locale, actions, replies, suppressed };
  }

  return {
    rules: evaluator.rules,
    engineOnly: evaluator.engineOnly,
    catalogue,
    recommend: (inputs) => build(evaluator.run(inputs.rules), inputs),
    recommendAsync: async (inputs, engine) => build(await evaluator.runAsync(inputs.rules, engine), inputs),
  };
}

function firstConflict(
  catalogue: ActionCatalogue,
  id: string,
  accepted: ReadonlyMap<string, RecommendedAction>,
): RecommendedAction | undefined {
  const conflicts = catalogue.conflicts.get(id);
  if (!conflicts || conflicts.size === 0) return undefined;
  for (const other of conflicts) {
    const winner = accepted.get(other);
    if (winner) return winner;
  }
  return undefined;
}

function prepareSteps(
  prepared: PreparedRule,
  catalogue: ActionCatalogue,
  vocabulary: ExplainVocabulary,
  operators: OperatorTable,
): RuleSteps {
  const { rule } = prepared;
  const explain = compileExplainer(rule.conditions, vocabulary, operators);
  if (rule.event.type === 'action') {
    return { prepared, explain, actions: rule.event.params.actions.map((ref) => actionStep(ref, catalogue)) };
  }
  const { templateId, stage, requires } = rule.event.params;
  return {
    prepared,
    explain,
    reply: {
      ...(templateId === undefined ? {} : { templateId }),
      ...(stage === undefined ? {} : { stage }),
      ...(requires === undefined ? {} : { requires }),
    },
  };
}

function actionStep(ref: ActionRef, catalogue: ActionCatalogue): ActionStep {
  const id = typeof ref === 'string' ? ref : ref.id;
  // Frozen: every recommendation shares these objects, so a caller cannot alter the next one.
  const params = Object.freeze(
    Object.fromEntries(
      Object.entries(typeof ref === 'string' ? {} : (ref.params ?? {})).map(([k, v]) => [
        k,
        Array.isArray(v) ? Object.freeze([...v]) : v,
      ]),
    ),
  );
  const spec = catalogue.actions.get(id);
  const descriptions = spec?.description ?? { 'zh-Hans': id, 'zh-Hant': id, en: id };
  return { id, params, descriptions };
}
