import * as z from 'zod/mini';
import type { HuashuIssue } from '../errors.js';
import { hasOwn } from '../util/own.js';

const localizedSchema = z.strictObject({
  'zh-Hans': z.string().check(z.minLength(1)),
  'zh-Hant': z.string().check(z.minLength(1)),
  en: z.string().check(z.minLength(1)),
});
export type Localized = z.infer<typeof localizedSchema>;

const paramSpecSchema = z.strictObject({
  type: z.enum(['string', 'number', 'boolean', 'string[]']),
  enum: z.optional(z.array(z.string()).check(z.minLength(1))),
  required: z.optional(z.boolean()),
  exclusiveMin: z.optional(z.number()),
  description: localizedSchema,
});
export type ActionParamSpec = z.infer<typeof paramSpecSchema>;

const actionSpecSchema = z.strictObject({
  id: z
    .string()
    .check(
      z.regex(
        /^[a-z][a-z_]*(\.[a-z][a-z_]*)*$/,
        'an action id is lower-case words joined by ".", e.g. "case.own"',
      ),
    ),
  description: localizedSchema,
  params: z.record(z.string(), paramSpecSchema),
  conflictsWith: z.array(z.string()),
  /**
   * A costly action (money or goods leave the shop): the rules that recommend it name the
   * primary intent, require `intentConfidence` of at least COSTLY_ACTION_MIN_CONFIDENCE, and
   * the facts that justify it; `guard` says which, in words.
   */
  costly: z.optional(z.strictObject({ guard: localizedSchema })),
});
export type ActionSpec = z.infer<typeof actionSpecSchema>;

/** rules/actions/catalogue.json: every action a rule may recommend. */
export const actionCatalogueFileSchema = z.strictObject({
  $comment: z.optional(z.string()),
  actions: z.array(actionSpecSchema).check(z.minLength(1)),
});
export type ActionCatalogueFile = z.infer<typeof actionCatalogueFileSchema>;

export interface ActionCatalogue {
  readonly actions: ReadonlyMap<string, ActionSpec>;
  /** Symmetric: `conflicts.get(a).has(b)` iff a must not appear with b. */
  readonly conflicts: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Cross-checks a parsed catalogue (unique ids, conflicts naming known actions) and indexes it. */
export function indexCatalogue(
  file: ActionCatalogueFile,
  issues: HuashuIssue[],
  where = 'catalogue',
): ActionCatalogue {
  const actions = new Map<string, ActionSpec>();
  file.actions.forEach((action, i) => {
    if (actions.has(action.id))
      issues.push({ file: where, path: `actions[${i}].id`, message: `duplicate action id "${action.id}"` });
    actions.set(action.id, action);
  });
  const conflicts = new Map<string, Set<string>>();
  for (const id of actions.keys()) conflicts.set(id, new Set());
  file.actions.forEach((action, i) => {
    action.conflictsWith.forEach((other, j) => {
      if (!actions.has(other)) {
        issues.push({
          file: where,
          path: `actions[${i}].conflictsWith[${j}]`,
          message: `unknown action "${other}"`,
        });
        return;
      }
      if (other === action.id) {
        issues.push({
          file: where,
          path: `actions[${i}].conflictsWith[${j}]`,
          message: 'an action cannot conflict with itself',
        });
        return;
      }
      conflicts.get(action.id)?.add(other);
      conflicts.get(other)?.add(action.id);
    });
  });
  return { actions, conflicts };
}

/** Problems with the params a rule gives an action, checked against the catalogue's param specs. */
export function checkActionParams(spec: ActionSpec, params: Record<string, unknown> | undefined): string[] {
  const problems: string[] = [];
  const given = params ?? {};
  for (const [name, value] of Object.entries(given)) {
    const param = hasOwn(spec.params, name) ? spec.params[name] : undefined;
    if (!param) {
      const known = Object.keys(spec.params);
      problems.push(
        `"${spec.id}" takes no param "${name}"${known.length ? ` (params: ${known.join(', ')})` : ' (it takes no params)'}`,
      );
      continue;
    }
    const problem = checkParamValue(param, value);
    if (problem) problems.push(`param "${name}" of "${spec.id}": ${problem}`);
  }
  for (const [name, param] of Object.entries(spec.params)) {
    if (param.required && !hasOwn(given, name)) problems.push(`"${spec.id}" needs param "${name}"`);
  }
  return problems;
}

function checkParamValue(param: ActionParamSpec, value: unknown): string | undefined {
  const values = param.type === 'string[]' ? value : [value];
  if (param.type === 'string[]' && !Array.isArray(values)) return 'expected an array of strings';
  for (const item of values as unknown[]) {
    const type = param.type === 'string[]' ? 'string' : param.type;
    if (typeof item !== type || (type === 'number' && !Number.isFinite(item)))
      return `expected ${param.type === 'string[]' ? 'an array of strings' : `a ${type}`}`;
    if (param.enum && !param.enum.includes(item as string))
      return `"${String(item)}" is not one of ${param.enum.join(', ')}`;
    if (param.exclusiveMin !== undefined && typeof item === 'number' && item <= param.exclusiveMin)
      return `must be greater than ${param.exclusiveMin}`;
  }
  return undefined;
}
