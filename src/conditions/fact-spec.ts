import type * as z from 'zod/mini';

/**
 * What a fact (or a field of an object fact) holds, for the static checks: which paths exist under
 * it and which values an operator may compare it with. Next-action rules declare every fact fully;
 * template `when` declares the facts and their fields and leaves the values' types open.
 */

export type ScalarKind = 'string' | 'number' | 'boolean';

export interface ValueSpec {
  /**
   * `value`: a plain value of undeclared type (no path under it, values not type-checked);
   * `unknown`: anything (paths under it and values are not checked).
   */
  kind: ScalarKind | 'string[]' | 'object' | 'value' | 'unknown';
  /** The closed set of values, when there is one. */
  enum?: readonly string[];
  /** For object facts: their fields. Without it, any path is accepted. */
  fields?: Readonly<Record<string, ValueSpec>>;
  /** `false`: the fields are declared, the values compared with the fact itself are not type-checked. */
  typed?: boolean;
}

/** The facts a condition may name, with what each holds. */
export type FactSpecs = Readonly<Record<string, ValueSpec>>;

/** Whether values compared with this spec are type-checked. */
export function isTyped(spec: ValueSpec): boolean {
  return spec.typed !== false && spec.kind !== 'value' && spec.kind !== 'unknown';
}

/** `a string`, `one of "low", "high"`, … for messages. */
export function describeKind(spec: ValueSpec): string {
  if (spec.enum) return `one of ${spec.enum.map((v) => `"${v}"`).join(', ')}`;
  return {
    string: 'a string',
    number: 'a number',
    boolean: 'true or false',
    'string[]': 'a list',
    object: 'an object',
    value: 'a plain value',
    unknown: 'any value',
  }[spec.kind];
}

interface ZodDef {
  type: string;
  innerType?: z.core.$ZodType;
  entries?: object;
  shape?: object;
}

/** A zod schema's value spec (the facts schema's fields). `typed: false` keeps the fields, not the types. */
export function specOf(schema: z.core.$ZodType, typed = true): ValueSpec {
  const def = schema._zod.def as ZodDef;
  if (def.type === 'optional' && def.innerType) return specOf(def.innerType, typed);
  if (def.type === 'object' && def.shape) {
    // No prototype: `fields[step]` for a path step finds declared fields only.
    const fields = Object.create(null) as Record<string, ValueSpec>;
    for (const [key, value] of Object.entries(def.shape))
      fields[key] = typed ? specOf(value as z.core.$ZodType) : { kind: 'unknown' };
    return typed ? { kind: 'object', fields } : { kind: 'object', fields, typed: false };
  }
  if (!typed) return { kind: 'value' };
  if (def.type === 'enum' && def.entries)
    return { kind: 'string', enum: Object.values(def.entries) as string[] };
  if (def.type === 'boolean' || def.type === 'number' || def.type === 'string') return { kind: def.type };
  return { kind: 'object' };
}

/** An object spec with these fields, each of undeclared type. */
export function objectOf(fields: readonly string[]): ValueSpec {
  const out = Object.create(null) as Record<string, ValueSpec>;
  for (const field of fields) out[field] = { kind: 'unknown' };
  return { kind: 'object', fields: out, typed: false };
}
