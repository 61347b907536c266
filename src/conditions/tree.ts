import { MAX_CONDITION_DEPTH, MAX_CONDITION_NODES, MAX_CONDITION_VALUE_DEPTH } from '../limits.js';
import { hasOwn } from '../util/own.js';

/**
 * The size check every condition tree (a template's `when`, a next-action rule's `conditions`)
 * passes before anything recursive reads it: the shape checks, zod, the compilers and
 * json-rules-engine all recurse, so a deep or cyclic tree would overflow the stack (a raw
 * RangeError) or never end. This walk is iterative (an explicit stack) and stops at the first
 * problem, so it costs at most MAX_CONDITION_NODES steps whatever it is given.
 */

export interface TreeProblem {
  /** Where, from the tree's root: `['all', 0, 'not']`. */
  path: PropertyKey[];
  message: string;
}

export interface TreeLimits {
  maxDepth?: number;
  maxNodes?: number;
  maxValueDepth?: number;
}

const BOOLEAN_KEYS = ['all', 'any', 'not'] as const;
/** Leaf keys holding JSON data: their nesting and cycles are checked too. */
const VALUE_KEYS = ['value', 'params'] as const;

function isContainer(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

interface Frame {
  value: object;
  path: PropertyKey[];
  /** Condition depth (1 at the root); for JSON values, the depth inside the leaf's value. */
  depth: number;
  /** Inside a leaf's `value` / `params`. */
  inValue: boolean;
  /** Set on the second visit, when the frame's children are done: leave the ancestor set. */
  exit: boolean;
}

/** The first size problem of a condition tree, or undefined when it is within the limits. */
export function conditionTreeProblem(root: unknown, limits: TreeLimits = {}): TreeProblem | undefined {
  const maxDepth = limits.maxDepth ?? MAX_CONDITION_DEPTH;
  const maxNodes = limits.maxNodes ?? MAX_CONDITION_NODES;
  const maxValueDepth = limits.maxValueDepth ?? MAX_CONDITION_VALUE_DEPTH;
  if (!isContainer(root)) return undefined; // not a tree: the shape check says what it should be

  // Ancestors of the frame being expanded: meeting one again is a cycle. A subtree shared by two
  // parents (not a cycle) is walked twice and counted twice, so sharing cannot hide size either.
  const ancestors = new Set<object>();
  const stack: Frame[] = [{ value: root, path: [], depth: 1, inValue: false, exit: false }];
  let nodes = 0;

  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.exit) {
      ancestors.delete(frame.value);
      continue;
    }
    const { value, path, depth, inValue } = frame;
    if (ancestors.has(value)) {
      return {
        path,
        message: inValue
          ? 'the value contains itself (a cycle): a condition value is JSON data'
          : 'the condition contains itself (a cycle): conditions must be a tree, as in JSON',
      };
    }
    if (++nodes > maxNodes) {
      return {
        path: [],
        message: `more than ${maxNodes} conditions and values in one tree (MAX_CONDITION_NODES): split it into several rules or templates`,
      };
    }
    if (inValue && depth > maxValueDepth) {
      return {
        path,
        message: `the value nests deeper than ${maxValueDepth} levels (MAX_CONDITION_VALUE_DEPTH): use a flat value or a list`,
      };
    }
    if (!inValue && depth > maxDepth) {
      return {
        path,
        message: `conditions nest deeper than ${maxDepth} levels (MAX_CONDITION_DEPTH): flatten them (an "all" inside an "all" is one "all")`,
      };
    }
    ancestors.add(value);
    stack.push({ ...frame, exit: true });

    if (inValue) {
      const push = (key: PropertyKey, child: unknown) => {
        if (isContainer(child))
          stack.push({ value: child, path: [...path, key], depth: depth + 1, inValue, exit: false });
      };
      if (Array.isArray(value)) for (let i = value.length - 1; i >= 0; i--) push(i, value[i]);
      else for (const [key, child] of Object.entries(value)) push(key, child);
      continue;
    }
    const record = value as Record<string, unknown>;
    let boolean = false;
    for (const key of BOOLEAN_KEYS) {
      if (!hasOwn(record, key)) continue;
      boolean = true;
      const inner = record[key];
      if (key === 'not') {
        if (isContainer(inner) && !Array.isArray(inner)) {
          stack.push({ value: inner, path: [...path, key], depth: depth + 1, inValue: false, exit: false });
        }
      } else if (Array.isArray(inner)) {
        if (inner.length > maxNodes) {
          return {
            path: [...path, key],
            message: `more than ${maxNodes} conditions in one list (MAX_CONDITION_NODES): split it into several rules or templates`,
          };
        }
        // Pushed in reverse so problems are found in reading order.
        for (let i = inner.length - 1; i >= 0; i--) {
          const child = inner[i];
          if (isContainer(child)) {
            stack.push({
              value: child,
              path: [...path, key, i],
              depth: depth + 1,
              inValue: false,
              exit: false,
            });
          }
        }
      }
    }
    if (boolean) continue;
    for (const key of VALUE_KEYS) {
      const inner = hasOwn(record, key) ? record[key] : undefined;
      if (isContainer(inner))
        stack.push({ value: inner, path: [...path, key], depth: 1, inValue: true, exit: false });
    }
  }
  return undefined;
}
