/**
 * The part of JSONPath the compiled evaluator resolves itself: `$`, `.name`, `['name']` and `[0]`
 * steps (`$.order.shipped`, `$.items[0]`). Results match json-rules-engine's resolver (jsonpath-plus
 * with `wrap: false`) for these paths: a step reads an own property only, anything missing is
 * undefined. Other paths (wildcards, filters, `..`) are left to json-rules-engine.
 */

const STEP = /\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\['([^'\\]*)'\]/y;

/** The steps of a simple path, or undefined when the path needs full JSONPath. */
export function parseSimplePath(path: string): string[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const steps: string[] = [];
  STEP.lastIndex = 1;
  while (STEP.lastIndex < path.length) {
    const at = STEP.lastIndex;
    const match = STEP.exec(path);
    if (!match || match.index !== at) return undefined;
    const step = match[1] ?? match[2] ?? match[3];
    if (step === undefined || !isPlainStep(step)) return undefined;
    steps.push(step);
  }
  return steps;
}

/** Names jsonpath-plus gives a meaning of its own (`$`, `@`, `~`, `^`, `*`, …) are not plain. */
function isPlainStep(step: string): boolean {
  return step !== '' && !/[$@~^*?()[\]'",:.\s]/.test(step) && step !== 'length';
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Follow `steps` from `value`, reading own properties only. */
export function resolveSteps(value: unknown, steps: readonly string[]): unknown {
  let current = value;
  for (const step of steps) {
    if (current === null || current === undefined || !hasOwn.call(current, step)) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** The value json-rules-engine's almanac hands to the operator for `fact` + `path`. */
export function resolveFactPath(factValue: unknown, steps: readonly string[]): unknown {
  // As almanac.factValue: a path applies to non-null objects; other values pass through unchanged.
  if (factValue !== null && typeof factValue === 'object') return resolveSteps(factValue, steps);
  return factValue;
}
