import * as z from 'zod/mini';
import type { SupportedLocale } from '../language/index.js';
import { compileCondition, type CompileOptions } from '../conditions/compile.js';
import { parseSimplePath } from '../conditions/fact-path.js';
import type { OperatorTable } from '../conditions/operators.js';
import type { Almanac as FactValues, ConditionNode, TopLevelCondition } from '../conditions/types.js';
import { RULE_FACT_READERS } from './rule-facts.js';

const localized = z.strictObject({ 'zh-Hans': z.string(), 'zh-Hant': z.string(), en: z.string() });
type Localized = z.infer<typeof localized>;

/** rules/actions/explain.json: the words `because` is written with. */
export const explainVocabularySchema = z.strictObject({
  $comment: z.optional(z.string()),
  facts: z.record(z.string(), localized),
  operators: z
    .record(z.string(), localized)
    .check(z.refine((ops) => 'other' in ops, 'needs an "other" entry')),
  words: z.object({
    and: localized,
    or: localized,
    list: localized,
    not: localized,
    quote: localized,
    true: localized,
    false: localized,
    always: localized,
  }),
  values: z.record(z.string(), localized),
});
export type ExplainVocabulary = z.infer<typeof explainVocabularySchema>;

type Texts = Record<SupportedLocale, string>;

function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => slots[name] ?? whole);
}

function perLocale(make: (locale: SupportedLocale) => string): Texts {
  return { 'zh-Hans': make('zh-Hans'), 'zh-Hant': make('zh-Hant'), en: make('en') };
}

/** `because` for one rule: which of its conditions held, in the customer's locale. */
export type Explainer = (facts: FactValues, locale: SupportedLocale) => string;

interface Node {
  /** The condition described as written (used under `not`). */
  describe: Texts;
  /** What held, given that this node held. */
  explain: (facts: FactValues, locale: SupportedLocale) => string;
}

class ExplainCompiler {
  constructor(
    private readonly vocabulary: ExplainVocabulary,
    private readonly operators: OperatorTable,
  ) {}

  private word(name: keyof ExplainVocabulary['words'], locale: SupportedLocale): string {
    return this.vocabulary.words[name][locale];
  }

  private factLabel(fact: string, path: string | undefined, locale: SupportedLocale): string {
    const steps = path === undefined ? [] : parseSimplePath(path);
    const key = steps && steps.length > 0 ? `${fact}.${steps.join('.')}` : fact;
    const label: Localized | undefined = this.vocabulary.facts[key] ?? this.vocabulary.facts[fact];
    const base = label?.[locale] ?? fact;
    return steps && steps.length > 0 && !this.vocabulary.facts[key] ? `${base} ${steps.join('.')}` : base;
  }

  private valueLabel(value: unknown, locale: SupportedLocale): string {
    if (Array.isArray(value))
      return value.map((v) => this.valueLabel(v, locale)).join(this.word('list', locale));
    if (value !== null && typeof value === 'object' && 'fact' in value) {
      const ref = value as { fact: string; path?: string };
      return this.factLabel(ref.fact, ref.path, locale);
    }
    if (typeof value === 'boolean') return this.word(value ? 'true' : 'false', locale);
    if (typeof value === 'string') {
      const label = this.vocabulary.values[value]?.[locale] ?? value;
      return fill(this.word('quote', locale), { value: label });
    }
    return String(value);
  }

  private leafText(leaf: Extract<ConditionNode, { fact: string }>, locale: SupportedLocale): string {
    const fact = this.factLabel(leaf.fact, leaf.path, locale);
    // A yes/no field with its own label reads better bare: "the carrier has scanned the parcel".
    const steps = leaf.path === undefined ? undefined : parseSimplePath(leaf.path);
    // (A labelled yes/no fact of its own, like `asks`, too.)
    const labelled =
      steps !== undefined && steps.length > 0
        ? `${leaf.fact}.${steps.join('.')}` in this.vocabulary.facts
        : leaf.path === undefined && leaf.fact in this.vocabulary.facts;
    if (
      labelled &&
      typeof leaf.value === 'boolean' &&
      (leaf.operator === 'equal' || leaf.operator === 'notEqual')
    ) {
      const positive = (leaf.operator === 'equal') === leaf.value;
      return positive ? fact : fill(this.word('not', locale), { condition: fact });
    }
    const template = this.vocabulary.operators[leaf.operator] ?? this.vocabulary.operators.other;
    return fill(template?.[locale] ?? '{fact} {operator} {value}', {
      fact,
      operator: leaf.operator,
      value: this.valueLabel(leaf.value, locale),
    });
  }

  /** The child's predicate, or undefined for one only json-rules-engine evaluates (then it is listed). */
  private test(condition: ConditionNode): ((facts: FactValues) => boolean) | undefined {
    try {
      return compileCondition(condition, {
        checked: true,
        operators: this.operators,
        readers: RULE_FACT_READERS as NonNullable<CompileOptions['readers']>,
      });
    } catch {
      return undefined;
    }
  }

  node(condition: ConditionNode): Node {
    if ('all' in condition || 'any' in condition) {
      const isAll = 'all' in condition;
      const list = isAll ? condition.all : (condition as { any: ConditionNode[] }).any;
      const children = list.map((c) => ({ node: this.node(c), test: isAll ? undefined : this.test(c) }));
      const joiner = isAll ? 'and' : 'or';
      const describe = perLocale((locale) =>
        children.length === 0
          ? this.word('always', locale)
          : children.map((c) => c.node.describe[locale]).join(this.word(joiner, locale)),
      );
      if (children.length === 0)
        return { describe, explain: (_facts, locale) => this.word('always', locale) };
      if (isAll)
        return {
          describe,
          explain: (facts, locale) =>
            children.map((c) => c.node.explain(facts, locale)).join(this.word('and', locale)),
        };
      return {
        describe,
        // Of an `any`, only the alternatives that held are the reason.
        explain: (facts, locale) =>
          children
            .filter((c) => c.test === undefined || c.test(facts))
            .map((c) => c.node.explain(facts, locale))
            .join(this.word('and', locale)),
      };
    }
    if ('not' in condition) {
      const inner = this.node(condition.not);
      const describe = perLocale((locale) =>
        fill(this.word('not', locale), { condition: inner.describe[locale] }),
      );
      return { describe, explain: (_facts, locale) => describe[locale] };
    }
    const describe = perLocale((locale) => this.leafText(condition, locale));
    const { operator, value } = condition;
    // For "one of" operators the reason is the value that matched, not the whole list.
    if (
      (operator === 'in' || operator === 'intersects') &&
      Array.isArray(value) &&
      condition.path === undefined
    ) {
      const fact = condition.fact;
      return {
        describe,
        explain: (facts, locale) => {
          const actual = facts[fact];
          const matched =
            operator === 'in'
              ? actual
              : Array.isArray(actual)
                ? value.filter((v) => actual.includes(v))
                : value;
          return this.leafText(
            { fact, operator: operator === 'in' ? 'equal' : 'contains', value: matched },
            locale,
          );
        },
      };
    }
    return { describe, explain: (_facts, locale) => describe[locale] };
  }
}

/** Compile the `because` of a rule; conditions are assumed to have held (called for fired rules only). */
export function compileExplainer(
  conditions: TopLevelCondition,
  vocabulary: ExplainVocabulary,
  operators: OperatorTable,
): Explainer {
  const root = new ExplainCompiler(vocabulary, operators).node(conditions);
  // Rules without `any`, `in` or `intersects` explain the same way every time: a per-locale constant.
  if (!/"(any|in|intersects)"/.test(JSON.stringify(conditions))) {
    const fixed = perLocale((locale) => root.explain({}, locale));
    return (_facts, locale) => fixed[locale];
  }
  return root.explain;
}
