import type { OperatorTable } from '../conditions/operators.js';
import type { Almanac as FactValues } from '../conditions/types.js';
import { HuashuError } from '../errors.js';
import type { Rule, RuleEvent } from './rule-schema.js';

import type * as JsonRulesEngineModule from 'json-rules-engine';

type JsonRulesEngine = typeof JsonRulesEngineModule;

let loading: Promise<JsonRulesEngine> | undefined;

const MISSING_ENGINE =
  'json-rules-engine is needed for rules outside the compiled subset (condition priorities, paths other than simple "$.a.b") or for engine: "json-rules-engine", and it is not installed here: run `npm install json-rules-engine` (an optional peer dependency; browser bundles leave it out), or keep the rules to the compiled subset so recommend() runs them';

/**
 * json-rules-engine, loaded on first use: the compiled path never pays for its import. It is an
 * optional peer dependency (it and its six dependencies are ~2 MB installed, for the rare pack
 * rule outside the compiled subset), and browser bundles leave it out (package.json `browser` maps
 * it to an empty module). Without it the call is refused with a HuashuError saying how to add it.
 */
function loadEngine(): Promise<JsonRulesEngine> {
  loading ??= import('json-rules-engine').then(
    (m) => {
      // Named exports under ESM and CJS interop alike; some loaders only expose module.exports as default.
      const engine =
        typeof m.Engine === 'function'
          ? m
          : (m as unknown as { default?: JsonRulesEngine } | undefined)?.default;
      if (typeof engine?.Engine !== 'function')
        throw new HuashuError('MISSING_PEER_DEPENDENCY', MISSING_ENGINE);
      return engine;
    },
    (cause: unknown) => {
      // Not installed: forget the failed attempt, so installing it later in a long-lived process works.
      loading = undefined;
      throw new HuashuError('MISSING_PEER_DEPENDENCY', MISSING_ENGINE, { cause });
    },
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
