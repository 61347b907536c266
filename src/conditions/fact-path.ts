import { INHERITED_KEYS } from '../util/own.js';

/**
 * Fact paths: the JSONPath a condition reads inside a fact (`"path": "$.shipped"`). The compiled
 * evaluator resolves the simple subset itself — `$`, `.name`, `['name']` and `[0]` steps
 * (`$.order.shipped`, `$.items[0]`) — with json-rules-engine's results (its almanac and
 * jsonpath-plus with `wrap: false`): a path applies to a non-null object fact and a scalar fact passes
 * through unchanged; each step reads an own property of a truthy value; anything missing is
 * undefined. Other paths (wildcards, filters, `..`) are json-rules-engine's alone.
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

/** Names jsonpath-plus gives a meaning of its own (`$`, `@`, `~`, `^`, `*`, `a,b`, `0:2`, …) are not plain. */
function isPlainStep(step: string): boolean {
  return step !== '' && !/[$@~^*?()[\]'"`,:.\s]/.test(step);
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Follow `steps` from `value` as jsonpath-plus does: an own property of a truthy value, else undefined. */
export function resolveSteps(value: unknown, steps: readonly string[]): unknown {
  let current = value;
  for (const step of steps) {
    // jsonpath-plus tests `val && hasOwn(val, loc)`: '' has an own "length", yet reads as missing.
    if (!current || !hasOwn.call(current, step)) return undefined;
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

/**
 * The first name in a path that every object inherits (`$.constructor`, `$['__proto__']`,
 * `$..toString`), if any: a condition reads the facts' own fields, never the prototype chain.
 */
export function inheritedStep(path: string): string | undefined {
  for (const match of path.matchAll(/[A-Za-z_$][A-Za-z0-9_$]*/g))
    if (INHERITED_KEYS.has(match[0])) return match[0];
  return undefined;
}
