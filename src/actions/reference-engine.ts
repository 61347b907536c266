import type { OperatorTable } from '../conditions/operators.js';
import type { Almanac as FactValues } from '../conditions/types.js';
import { HuashuError } from '../errors.js';
import type { Rule, RuleEvent } from './rule-schema.js';

import type * as JsonRulesEngineModule from 'json-rules-engine';

type JsonRulesEngine = typeof JsonRulesEngineModule;

let loading: Promise<JsonRulesEngine> | undefined;

/**
 * json-rules-engine, loaded on first use: the compiled path never pays for its import. Browser
 * bundles leave it out (package.json `browser` maps it to an empty module: it and its four
 * dependencies would be ~80 KB of every bundle, for the rare pack rule outside the compiled
 * subset); there the import yields no engine and the call is refused with a HuashuError.
 */
function loadEngine(): Promise<JsonRulesEngine> {
  loading ??= import('json-rules-engine').then((m) => {
    // Named exports under ESM and CJS interop alike; some loaders only expose module.exports as default.
    const engine =
      typeof m.Engine === 'function'
        ? m
        : (m as unknown as { default?: JsonRulesEngine } | undefined)?.default;
    if (typeof engine?.Engine !== 'function')
      throw new HuashuError(
        'MISSING_PEER_DEPENDENCY',
        'json-rules-engine is not part of this build (browser bundles leave it out): run rules outside the compiled subset (condition priorities, paths other than simple "$.a.b") in Node, or keep the rules to the compiled subset so recommend() runs them',
      );
    return engine;
  });
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
