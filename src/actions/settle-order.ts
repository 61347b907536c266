import { isFactReference, type ConditionNode, type TopLevelCondition } from '../conditions/types.js';

/**
 * json-rules-engine settles rules of one priority in parallel; the order their events come out in
 * is the order their promise chains settle. That depends only on the shape of the conditions, so
 * the rule evaluator sorts each priority's rules by it once, at compile time.
 *
 * Microtask ticks json-rules-engine (v7) takes to settle a condition, counted from its source
 * (rule.js evaluate, condition.js evaluate, almanac.js factValue): a leaf is Promise.all of the
 * value and the fact (+1 tick each for a `path`), then two `then`s; a list of two or more runs
 * through a priority cursor (+4); `not` adds its negation and the boolean's own `then`.
 * Assumes every fact a rule names is given (its value may be undefined), as recommend() does: the
 * engine skips a path's tick for a fact it was never given. Verified by the differential tests.
 */
function conditionTicks(node: ConditionNode): number {
  if ('all' in node) return listTicks(node.all) + 1;
  if ('any' in node) return listTicks(node.any) + 1;
  if ('not' in node) return conditionTicks(node.not) + 2;
  const factTicks = node.path ? 1 : 0;
  const valueTicks = isFactReference(node.value) ? (node.value.path ? 1 : 0) : 0;
  return Math.max(factTicks, valueTicks) + 3;
}

function listTicks(list: readonly ConditionNode[]): number {
  if (list.length === 0) return 0;
  if (list.length === 1) return conditionTicks(list[0] as ConditionNode);
  let max = 0;
  for (const child of list) max = Math.max(max, conditionTicks(child));
  return max + 4;
}

/** The ticks a rule's conditions take to settle in json-rules-engine: fewer settle (and fire) first. */
export function settleTicks(conditions: TopLevelCondition): number {
  if ('all' in conditions) return listTicks(conditions.all);
  if ('any' in conditions) return listTicks(conditions.any);
  return conditionTicks(conditions.not) + 1;
}
