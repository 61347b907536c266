import { z } from 'zod';
import type { HuashuIssue } from '../errors.js';
import type { CustomOperator } from '../conditions/operators.js';
import type { Rule } from './rule-schema.js';

/**
 * `createAssistant({ actions })`: user rules added to the built-ins, overriding a built-in of the
 * same `name`, and built-ins switched off by name. Rules are json-rules-engine rule JSON (see
 * rules/actions/rule.schema.json); `huashu/node`'s `loadActionRules(dir)` reads a folder of them.
 */
export const actionOptionsSchema = z
  .object({
    /** Rules to add; a rule named like a built-in replaces it (in its place in the run order). */
    rules: z.array(z.unknown(), { error: 'expected an array of rules' }).optional(),
    /** Names of built-in rules to switch off. */
    disable: z.array(z.string(), { error: 'expected an array of rule names' }).optional(),
    /** Custom operators, `(factValue, value) => boolean`, as json-rules-engine's addOperator. */
    operators: z
      .record(
        z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'an operator name is letters, digits and _'),
        z.custom<CustomOperator>(
          (v) => typeof v === 'function',
          'expected a function (factValue, value) => boolean',
        ),
      )
      .optional(),
  })
  .strict();
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
