import type { OperatorTable } from '../conditions/operators.js';
import type { Almanac as FactValues } from '../conditions/types.js';
import type { Rule, RuleEvent } from './rule-schema.js';

import type * as JsonRulesEngineModule from 'json-rules-engine';

type JsonRulesEngine = typeof JsonRulesEngineModule;

let loading: Promise<JsonRulesEngine> | undefined;

/** json-rules-engine, loaded on first use: the compiled path never pays for its import. */
function loadEngine(): Promise<JsonRulesEngine> {
  // Named exports under ESM and CJS interop alike; some loaders only expose module.exports as default.
  loading ??= import('json-rules-engine').then((m) =>
    typeof m.Engine === 'function' ? m : (m as unknown as { default: JsonRulesEngine }).default,
  );
  return loading;
}

export interface ReferenceRun {
  /** The success events, in the order the engine emitted them. */
  events: RuleEvent[];
  /** The names of the rules that fired, in the same order. */
  names: string[];
}

/** A json-rules-engine Engine over `rules`, with huashu's and the user's operators registered. */
export async function createReferenceEngine(
  rules: readonly Rule[],
  operators: OperatorTable,
): Promise<{ run(facts: FactValues): Promise<ReferenceRun> }> {
  const { Engine, Operator } = await loadEngine();
  // The engine writes into the rule objects it is given (it parses priorities in place): hand it copies.
  const engine = new Engine(structuredClone(rules as Rule[]) as never[], { allowUndefinedFacts: true });
  for (const op of operators.custom) engine.addOperator(new Operator(op.name, op.compare, op.validate));
  return {
    async run(facts) {
      const result = await engine.run({ ...facts });
      return {
        events: result.events as RuleEvent[],
        names: result.results.map((r) => String((r as { name?: unknown }).name)),
      };
    },
  };
}
