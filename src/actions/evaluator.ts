import {
  compileCondition,
  engineOnlyReasons,
  type CompileOptions,
  type EngineOnlyReason,
} from '../conditions/compile.js';
import type { OperatorTable } from '../conditions/operators.js';
import type { Almanac as FactValues, CompiledCondition } from '../conditions/types.js';
import { createReferenceEngine, type ReferenceRun } from './reference-engine.js';
import type { Rule } from './rule-schema.js';
import { RULE_FACT_READERS } from './rule-facts.js';
import { settleTicks } from './settle-order.js';

/** `auto`: compiled unless a rule needs json-rules-engine; `json-rules-engine`: always the engine. */
export type EngineChoice = 'auto' | 'json-rules-engine';

/** A rule ready to run: its definition, its place in the run order and, when compiled, its predicate. */
export interface PreparedRule {
  rule: Rule;
  name: string;
  priority: number;
  /** Position in the rule list as given (json-rules-engine's addRule order). */
  index: number;
  /** The compiled predicate; undefined for rules only json-rules-engine can run. */
  test: CompiledCondition | undefined;
  ticks: number;
}

export interface RuleEvaluator {
  /** Every rule in json-rules-engine's event order: priority high → low, then settle order. */
  readonly rules: readonly PreparedRule[];
  /** Rules outside the compiled subset, with the reasons; `run` refuses while any exist. */
  readonly engineOnly: ReadonlyArray<{ name: string; reasons: EngineOnlyReason[] }>;
  /** The rules whose conditions hold, in event order. Synchronous; every rule must be compiled. */
  run(facts: FactValues): PreparedRule[];
  /**
   * Same through json-rules-engine when some rule needs it (or `engine` is `json-rules-engine`:
   * every rule through the reference engine), else the compiled path.
   */
  runAsync(facts: FactValues, engine?: EngineChoice): Promise<PreparedRule[]>;
}

/**
 * Compile rules for synchronous evaluation with json-rules-engine's semantics: same truth table,
 * same events, same order (priority sets high → low; within a set, the order the engine's promise
 * chains settle in, which depends only on condition shape — see settle-order.ts).
 */
export function createRuleEvaluator(rules: readonly Rule[], operators: OperatorTable): RuleEvaluator {
  const engineOnly: Array<{ name: string; reasons: EngineOnlyReason[] }> = [];
  const prepared: PreparedRule[] = rules.map((rule, index) => {
    const reasons = engineOnlyReasons(rule.conditions);
    const priority = rule.priority ?? 1;
    if (reasons.length > 0) {
      engineOnly.push({ name: rule.name, reasons });
      return { rule, name: rule.name, priority, index, test: undefined, ticks: 0 };
    }
    // Checked when the rules loaded (built-ins at build time, packs by checkRuleFile).
    const test = compileCondition(rule.conditions, {
      checked: true,
      operators,
      readers: RULE_FACT_READERS as NonNullable<CompileOptions['readers']>,
    });
    return { rule, name: rule.name, priority, index, test, ticks: settleTicks(rule.conditions) };
  });
  const ordered = [...prepared].sort(
    (a, b) => b.priority - a.priority || a.ticks - b.ticks || a.index - b.index,
  );
  const byName = new Map(prepared.map((p) => [p.name, p]));
  const tests = ordered.map((p) => p.test);

  function run(facts: FactValues): PreparedRule[] {
    if (engineOnly.length > 0)
      throw new Error(
        `rules ${engineOnly.map((e) => `"${e.name}"`).join(', ')} need json-rules-engine: use the async API`,
      );
    const fired: PreparedRule[] = [];
    for (let i = 0; i < tests.length; i++)
      if ((tests[i] as CompiledCondition)(facts)) fired.push(ordered[i] as PreparedRule);
    return fired;
  }

  let reference: Promise<{ run(facts: FactValues): Promise<ReferenceRun> }> | undefined;
  async function runAsync(facts: FactValues, engine: EngineChoice = 'auto'): Promise<PreparedRule[]> {
    if (engineOnly.length === 0 && engine === 'auto') return run(facts);
    reference ??= createReferenceEngine(rules, operators);
    const result = await (await reference).run(facts);
    return result.names.map((name) => byName.get(name) as PreparedRule);
  }

  return { rules: ordered, engineOnly, run, runAsync };
}
