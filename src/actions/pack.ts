import * as z from 'zod/mini';
import type { HuashuIssue } from '../errors.js';
import type { CustomOperator } from '../conditions/operators.js';
import type { Rule } from './rule-schema.js';

const OPERATOR_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Custom operators by name. Checked entry by entry rather than with z.record: zod's record refuses
 * an object with an own `constructor` function as "not a plain object", so an operator named
 * `constructor` (which `loadActionRules` accepts) got "expected record, received object".
 */
export const operatorsSchema = z
  .custom<Record<string, CustomOperator>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'expected an object of custom operators (name → (factValue, value) => boolean)',
  )
  .check(
    z.superRefine((operators, ctx) => {
      for (const name of Object.keys(operators)) {
        if (!OPERATOR_NAME.test(name))
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: 'an operator name is letters, digits and _',
          });
        if (typeof operators[name] !== 'function')
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: 'expected a function (factValue, value) => boolean',
          });
      }
    }),
  );

/**
 * `createAssistant({ actions })`: user rules added to the built-ins, overriding a built-in of the
 * same `name`, and built-ins switched off by name. Rules are json-rules-engine rule JSON (see
 * rules/actions/rule.schema.json); `huashu/node`'s `loadActionRules(dir)` reads a folder of them.
 */
export const actionOptionsSchema = z.strictObject({
  /** Rules to add; a rule named like a built-in replaces it (in its place in the run order). */
  rules: z.optional(z.array(z.unknown(), { error: 'expected an array of rules' })),
  /** Names of built-in rules to switch off. */
  disable: z.optional(z.array(z.string(), { error: 'expected an array of rule names' })),
  /** Custom operators, `(factValue, value) => boolean`, as json-rules-engine's addOperator. */
  operators: z.optional(operatorsSchema),
});
export type ActionOptions = z.input<typeof actionOptionsSchema>;

/** Built-ins with a pack applied: overrides in place, disabled ones removed, new ones appended in order. */
export function assembleRules(
  builtIns: readonly Rule[],
  pack: { rules: readonly Rule[]; disable: readonly string[] },
  issues: HuashuIssue[],
  where = 'actions',
): Rule[] {
  const builtInNames = new Set(builtIns.map((r) => r.name));
  const overrides = new Map(pack.rules.filter((r) => builtInNames.has(r.name)).map((r) => [r.name, r]));
  const disabled = new Set<string>();
  pack.disable.forEach((name, i) => {
    if (!builtInNames.has(name))
      issues.push({ path: `${where}.disable[${i}]`, message: `there is no built-in rule named "${name}"` });
    else if (overrides.has(name))
      issues.push({
        path: `${where}.disable[${i}]`,
        message: `"${name}" is both overridden and disabled: keep one`,
      });
    else disabled.add(name);
  });
  const assembled = builtIns.filter((r) => !disabled.has(r.name)).map((r) => overrides.get(r.name) ?? r);
  for (const rule of pack.rules) if (!builtInNames.has(rule.name)) assembled.push(rule);
  return assembled;
}
