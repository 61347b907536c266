import type { ConditionNode } from './types.js';

/**
 * How many leaf conditions must hold for a (checked) condition to hold: every leaf of an `all`,
 * the largest branch of an `any`. More leaves = a more specific template, ranked first.
 */
export function conditionSize(condition: ConditionNode): number {
  if ('all' in condition) return condition.all.reduce((n, c) => n + conditionSize(c), 0);
  if ('any' in condition) return condition.any.reduce((n, c) => Math.max(n, conditionSize(c)), 0);
  if ('not' in condition) return conditionSize(condition.not);
  return 1;
}
