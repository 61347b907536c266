import { regexes } from 'zod/v4/core';
import * as z from 'zod/mini';
import { hasOwn, nullObject } from '../util/own.js';
import type { TemplateLocale, VariableDeclaration, VariableType } from './definition.js';

/** The zod schema a value of each variable type must satisfy. */
export function variableValueSchema(type: VariableType): z.ZodMiniType {
  switch (type) {
    case 'text':
      return z.string();
    case 'number':
    case 'amount':
      return z.number();
    case 'date':
      return z.union(
        [z.iso.datetime({ offset: true, local: true }), z.iso.date(), z.number()],
        'expected an ISO 8601 date or date-time ("2024-05-20", "2024-05-20T18:00:00+08:00") or epoch milliseconds',
      );
    case 'phone':
      return z.string().check(z.regex(/\d/, 'expected a phone number'));
    case 'gender':
      return z.enum(['female', 'male', 'unknown']);
    case 'list':
      return z.array(z.string()).check(z.minLength(1, 'expected at least one item'));
    case 'boolean':
      return z.boolean();
  }
}

interface PathNode {
  declaration?: VariableDeclaration;
  children: Map<string, PathNode>;
}

function pathTree(variables: Readonly<Record<string, VariableDeclaration>>): PathNode {
  const root: PathNode = { children: new Map() };
  for (const [path, declaration] of Object.entries(variables)) {
    let node = root;
    for (const part of path.split('.')) {
      let child = node.children.get(part);
      if (child === undefined) {
        child = { children: new Map() };
        node.children.set(part, child);
      }
      node = child;
    }
    node.declaration = declaration;
  }
  return root;
}

function hasRequired(node: PathNode): boolean {
  if (node.declaration) return node.declaration.optional !== true;
  for (const child of node.children.values()) if (hasRequired(child)) return true;
  return false;
}

/**
 * A plain object's own properties in an object with no prototype: zod reads `input[key]`, which
 * would find a value a polluted Object.prototype holds. compileVariables reads own values only,
 * and the two must agree.
 */
function ownView(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype ? Object.assign(nullObject(), value) : value;
}

function nodeSchema(node: PathNode): z.ZodMiniType {
  if (node.declaration) {
    const value = variableValueSchema(node.declaration.type);
    // An optional variable that is left out reads as null, so strict templates can test it.
    return node.declaration.optional ? z._default(z.nullable(value), null) : value;
  }
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [key, child] of node.children) shape[key] = nodeSchema(child);
  // Extra keys pass through: callers may pass their whole facts object as the variables.
  const object = z.pipe(z.transform(ownView), z.looseObject(shape));
  if (hasRequired(node)) return object;
  // Nothing required below: the object may be left out or null (a bot passing `customer: null`).
  return z.pipe(
    z.transform((value: unknown): unknown => (value === null ? undefined : value)),
    z.prefault(object, {}),
  );
}

/**
 * The schema `render()` checks variables with: every declared path with its type, optional ones
 * filled with null, anything else passed through untouched.
 */
export function variablesSchema(variables: Readonly<Record<string, VariableDeclaration>>): z.ZodMiniType {
  return nodeSchema(pathTree(variables));
}

type LeafCheck = (value: unknown) => boolean;

const GENDERS = new Set(['female', 'male', 'unknown']);
const DIGIT = /\d/;
// The patterns z.iso.date() and z.iso.datetime({ offset: true, local: true }) test with.
const ISO_DATE = regexes.date;
const ISO_DATETIME = regexes.datetime({ offset: true, local: true });

/**
 * A check per type that accepts exactly what `variableValueSchema(type)` accepts, without zod's
 * per-call cost (dates use zod's own ISO patterns).
 */
function leafCheck(type: VariableType): LeafCheck {
  switch (type) {
    case 'text':
      return (v) => typeof v === 'string';
    case 'number':
    case 'amount':
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'gender':
      return (v) => typeof v === 'string' && GENDERS.has(v);
    case 'phone':
      return (v) => typeof v === 'string' && DIGIT.test(v);
    case 'list':
      return (v) => Array.isArray(v) && v.length > 0 && v.every((item) => typeof item === 'string');
    case 'date':
      return (v) =>
        typeof v === 'number'
          ? Number.isFinite(v)
          : typeof v === 'string' && (ISO_DATE.test(v) || ISO_DATETIME.test(v));
  }
}

interface CompiledNode {
  key: string;
  check?: LeafCheck;
  /** A leaf that may be missing, or an object with nothing required below it. */
  optional: boolean;
  children?: CompiledNode[];
}

function compileNode(key: string, node: PathNode): CompiledNode {
  if (node.declaration) {
    return { key, check: leafCheck(node.declaration.type), optional: node.declaration.optional === true };
  }
  return {
    key,
    optional: !hasRequired(node),
    children: [...node.children].map(([k, child]) => compileNode(k, child)),
  };
}

const FAILED = Symbol('failed');

/**
 * A variable's value: an own property, or one a class instance's own prototype chain defines
 * (a getter), never what every object inherits from Object.prototype.
 */
function readVariable(source: object, key: string): unknown {
  if (hasOwn(source, key)) return (source as Record<string, unknown>)[key];
  let prototype = Object.getPrototypeOf(source) as object | null;
  while (prototype !== null && prototype !== Object.prototype) {
    if (hasOwn(prototype, key)) return (source as Record<string, unknown>)[key];
    prototype = Object.getPrototypeOf(prototype) as object | null;
  }
  return undefined;
}

function build(nodes: readonly CompiledNode[], source: Record<string, unknown> | undefined): Record<string, unknown> | typeof FAILED {
  // No prototype: the keys are declared paths (checked), and even so nothing here can reach one.
  const out = nullObject();
  for (const node of nodes) {
    const value = source === undefined ? undefined : readVariable(source, node.key);
    if (node.check !== undefined) {
      if (value === undefined || value === null) {
        if (!node.optional) return FAILED;
        out[node.key] = null;
      } else if (node.check(value)) {
        out[node.key] = value;
      } else {
        return FAILED;
      }
    } else {
      const absent = value === undefined || (value === null && node.optional);
      if (!absent && (value === null || typeof value !== 'object' || Array.isArray(value))) return FAILED;
      const child = build(node.children!, absent ? undefined : (value as Record<string, unknown>));
      if (child === FAILED) return FAILED;
      out[node.key] = child;
    }
  }
  return out;
}

const COMPLETE = 0;
const INCOMPLETE = 1;
const INVALID = 2;

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * COMPLETE when every declared variable is present and valid in plain objects (the caller's
 * object can be rendered as it is), INCOMPLETE when optional ones are missing (a filled copy is
 * needed), INVALID when `build` would fail too.
 */
function inspect(nodes: readonly CompiledNode[], source: Record<string, unknown>): number {
  let state = COMPLETE;
  for (const node of nodes) {
    const value = hasOwn(source, node.key) ? source[node.key] : undefined;
    if (node.check !== undefined) {
      if (value === undefined || value === null) {
        if (!node.optional) return INVALID;
        state = INCOMPLETE;
      } else if (!node.check(value)) {
        return INVALID;
      }
    } else if (value === undefined || value === null) {
      if (!node.optional) return INVALID;
      state = INCOMPLETE;
    } else if (typeof value !== 'object' || Array.isArray(value)) {
      return INVALID;
    } else {
      const inner = isPlainObject(value) ? inspect(node.children!, value as Record<string, unknown>) : INCOMPLETE;
      if (inner === INVALID) return INVALID;
      if (inner === INCOMPLETE) state = INCOMPLETE;
    }
  }
  return state;
}

/**
 * The render context for a template: the caller's variables as they are when every declared one
 * is there, else a copy with only the declared variables, optional ones filled with null (strict
 * templates can then test them). Returns undefined when the variables do not fit, and the caller
 * asks the zod schema (`variablesSchema`) for the exact problems: the two accept the same values
 * (a property test checks it).
 */
export function compileVariables(
  variables: Readonly<Record<string, VariableDeclaration>>,
): (vars: Record<string, unknown>) => Record<string, unknown> | undefined {
  const nodes = [...pathTree(variables).children].map(([key, node]) => compileNode(key, node));
  return (vars) => {
    const state = isPlainObject(vars) ? inspect(nodes, vars) : INCOMPLETE;
    if (state === COMPLETE) return vars;
    if (state === INVALID) return undefined;
    const context = build(nodes, vars);
    return context === FAILED ? undefined : context;
  };
}

/** Declared paths (required first) under `prefix` — what a missing object at `prefix` leaves out. */
export function declaredUnder(
  variables: Readonly<Record<string, VariableDeclaration>>,
  prefix: string,
): string[] {
  const paths = Object.keys(variables).filter(
    (path) => prefix === '' || path === prefix || path.startsWith(`${prefix}.`),
  );
  const required = paths.filter((path) => variables[path]?.optional !== true);
  return required.length > 0 ? required : paths;
}

/** The value at `path`, following own properties only; undefined when a step is missing. */
export function getPath(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Write `value` at a dotted path into objects with no prototype. Paths are declared variables,
 * which never name `__proto__`, `constructor` or `prototype` (variablePathSchema); even a path
 * that slipped through only adds own properties here: a null-prototype object has no
 * `__proto__` setter, and an intermediate step is read as an own property, never inherited.
 */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = hasOwn(node, part) ? node[part] : undefined;
    if (next === null || typeof next !== 'object') node[part] = nullObject();
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

/** A variable's example value in `locale`; undefined when a per-locale example lacks it. */
export function exampleValue(declaration: VariableDeclaration, locale: TemplateLocale): unknown {
  const { example } = declaration;
  const perLocale = example !== null && typeof example === 'object' && !Array.isArray(example);
  return perLocale ? (example as Partial<Record<TemplateLocale, unknown>>)[locale] : example;
}

/** The complete example variables of a template in one locale, as a nested object. */
export function exampleVariables(
  variables: Readonly<Record<string, VariableDeclaration>>,
  locale: TemplateLocale,
): Record<string, unknown> {
  const example = nullObject();
  for (const [path, declaration] of Object.entries(variables)) {
    setPath(example, path, exampleValue(declaration, locale));
  }
  return example;
}
