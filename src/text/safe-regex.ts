import {
  compileLinearProgram,
  findLinear,
  testLinear,
  tryCompileLinearProgram,
  type LinearProgram,
} from './linear-regex.js';
import { type CharTest, RegexParser, type RegexNode, UnsupportedRegex } from './regex-syntax.js';

/**
 * Regular expressions from data (intent pattern groups, carrier number formats), run so that no
 * pattern can stall a message: on huashu's linear-time engine (linear-regex.ts, a Pike VM as in
 * RE2), or — only when a static check proves backtracking bounded — on the native engine, which
 * is several times faster per call on chat-sized messages. Both give JavaScript's answer.
 *
 * The rule, for built-in data at build time and for user data at `createAssistant()`:
 * 1. The pattern must be valid JavaScript (`u` flag) and runnable in linear time: no lookaround
 *    (`(?=`, `(?!`, `(?<=`, `(?<!`), no backreferences (`\1`, `\k<name>`), repeat counts at most
 *    1,000 and a compiled program of at most 20,000 instructions.
 * 2. It runs natively only when every quantifier is bounded (no `*`, `+`, `{n,}`), no quantified
 *    group contains a quantifier (star height ≤ 1), and the ways one start position can be tried
 *    stay few (alternatives that can start on the same character multiply; see `backtrackingWays`).
 *    Then a native search costs at most a constant per start position: linear in the text.
 *    Anything else runs on the linear-time engine.
 */
export interface SafeRegex {
  readonly source: string;
  /** `native` when proven bounded (see above), else `linear`. */
  readonly engine: 'native' | 'linear';
  /** Whether the pattern matches anywhere in `text`. */
  test(text: string): boolean;
  /** The first (leftmost) match as `[start, end)` UTF-16 offsets, or null. */
  find(text: string): [number, number] | null;
}

/** Above this many backtracking paths from one start position, a pattern runs on the linear engine. */
export const MAX_NATIVE_WAYS = 1_000;
/** Above this longest match (code points), a pattern runs on the linear engine. */
export const MAX_NATIVE_LENGTH = 256;

/** What can start a match of `node`: specific code points, any character, or nothing (empty match). */
interface First {
  points: Set<number>;
  tests: CharTest[];
  nullable: boolean;
}

function firstOf(node: RegexNode): First {
  switch (node.kind) {
    case 'char':
      return { points: new Set([node.codePoint]), tests: [], nullable: false };
    case 'set':
      return { points: new Set(), tests: [node.test], nullable: false };
    case 'assert':
      return { points: new Set(), tests: [], nullable: true };
    case 'repeat': {
      const inner = firstOf(node.node);
      return { ...inner, nullable: inner.nullable || node.min === 0 };
    }
    case 'alt': {
      const out: First = { points: new Set(), tests: [], nullable: false };
      for (const option of node.options) {
        const first = firstOf(option);
        for (const p of first.points) out.points.add(p);
        out.tests.push(...first.tests);
        out.nullable ||= first.nullable;
      }
      return out;
    }
    case 'seq': {
      const out: First = { points: new Set(), tests: [], nullable: true };
      for (const item of node.items) {
        const first = firstOf(item);
        for (const p of first.points) out.points.add(p);
        out.tests.push(...first.tests);
        if (!first.nullable) {
          out.nullable = false;
          break;
        }
      }
      return out;
    }
  }
}

/** Whether two alternatives could both start on the same character (conservative: when unsure, yes). */
function mayOverlap(a: First, b: First): boolean {
  if (a.nullable || b.nullable) return true;
  if (a.tests.length > 0 && b.tests.length > 0) return true;
  for (const p of a.points) if (b.points.has(p) || b.tests.some((test) => test(p))) return true;
  for (const p of b.points) if (a.tests.some((test) => test(p))) return true;
  return false;
}

/**
 * An upper bound on the paths a backtracking engine may try from one start position: sequences
 * multiply, a bounded quantifier adds one path per count, and alternatives add up only when they
 * can start on the same character (the others fail on their first character). Infinity for an
 * unbounded quantifier.
 */
export function backtrackingWays(node: RegexNode): number {
  switch (node.kind) {
    case 'char':
    case 'set':
    case 'assert':
      return 1;
    case 'seq':
      return node.items.reduce((ways, item) => Math.min(Infinity, ways * backtrackingWays(item)), 1);
    case 'alt': {
      const firsts = node.options.map(firstOf);
      const ways = node.options.map(backtrackingWays);
      // Components of alternatives that may start alike: the worst component's paths add up.
      const component = node.options.map((_, i) => i);
      const root = (i: number): number => (component[i] === i ? i : (component[i] = root(component[i]!)));
      for (let i = 0; i < firsts.length; i++)
        for (let j = i + 1; j < firsts.length; j++)
          if (mayOverlap(firsts[i]!, firsts[j]!)) component[root(i)] = root(j);
      const sums = new Map<number, number>();
      ways.forEach((w, i) => sums.set(root(i), (sums.get(root(i)) ?? 0) + w));
      return Math.max(...sums.values());
    }
    case 'repeat': {
      if (node.max === Infinity) return Infinity;
      const inner = backtrackingWays(node.node);
      let total = 0;
      for (let k = node.min; k <= node.max && total <= MAX_NATIVE_WAYS; k++) total += inner ** k;
      return total;
    }
  }
}

function longestMatch(node: RegexNode): number {
  switch (node.kind) {
    case 'char':
    case 'set':
      return 1;
    case 'assert':
      return 0;
    case 'seq':
      return node.items.reduce((sum, item) => sum + longestMatch(item), 0);
    case 'alt':
      return Math.max(...node.options.map(longestMatch));
    case 'repeat':
      return node.max * longestMatch(node.node);
  }
}

/** The items of a sequence, nested sequences (groups) flattened into it. */
function sequenceItems(node: RegexNode, out: RegexNode[] = []): RegexNode[] {
  if (node.kind === 'seq') for (const item of node.items) sequenceItems(item, out);
  else out.push(node);
  return out;
}

/**
 * The longest run of literal characters that every match of `node` contains ('' when none): a
 * text without it cannot match, so the slow engine need not run (or even be compiled) for it.
 */
function requiredLiteral(node: RegexNode): string {
  let best = '';
  let run = '';
  const candidate = (literal: string) => {
    if (literal.length > best.length) best = literal;
  };
  for (const item of sequenceItems(node)) {
    if (item.kind === 'char') {
      run += String.fromCodePoint(item.codePoint);
      continue;
    }
    candidate(run);
    run = '';
    // A group that must occur at least once carries its own required literal.
    if (item.kind === 'repeat' && item.min >= 1) candidate(requiredLiteral(item.node));
  }
  candidate(run);
  return best;
}

/**
 * The outcome of the checks for one valid pattern: which engine runs it. JSON-safe, so the build
 * step stores it beside each built-in pattern and the run time compiles built-ins without
 * repeating the checks (see `compileSafeRegex`).
 */
export type RegexPlan =
  | { engine: 'native' }
  /**
   * `linear`: `required` is a literal every match contains (absent when there is none, or the
   * pattern ignores case); `whole`: the pattern is anchored at both ends (`^…$`, no top-level `|`,
   * no `m` flag), so a match is the whole text.
   */
  | { engine: 'linear'; required?: string; whole?: true };

/** Whether every match of the parsed pattern is the whole text: `^…$` at the top level, no `m`. */
function matchesWholeText(node: RegexNode, flags: string): boolean {
  if (flags.includes('m') || node.kind !== 'seq' || node.items.length < 2) return false;
  const first = node.items[0]!;
  const last = node.items[node.items.length - 1]!;
  return first.kind === 'assert' && first.which === '^' && last.kind === 'assert' && last.which === '$';
}

const ALLOWED_FLAGS = /^[imsu]*$/;

function nativeRegexFlags(flags: string): string {
  return `u${flags.replace('u', '')}`;
}

/** The parse of a valid pattern, or why it cannot be used. */
function parse(source: string, flags: string): { node: RegexNode; parser: RegexParser } | string {
  if (typeof source !== 'string' || source === '') return 'a pattern must be a non-empty string';
  if (!ALLOWED_FLAGS.test(flags)) return `unsupported flags "${flags}" (use i, m, s)`;
  try {
    new RegExp(source, nativeRegexFlags(flags));
  } catch (error) {
    return `not a valid regular expression: ${(error as Error).message}`;
  }
  const parser = new RegexParser(source, flags);
  try {
    return { node: parser.parse(), parser };
  } catch (error) {
    if (error instanceof UnsupportedRegex) return `unsupported: ${error.message}`;
    throw error;
  }
}

/**
 * The checks: the plan of a valid pattern with its compiled linear-time program (compiled to
 * check its size, and kept for `compileSafeRegex`), or why it cannot be used.
 */
function analyse(source: string, flags: string): { plan: RegexPlan; program: LinearProgram } | string {
  const parsed = parse(source, flags);
  if (typeof parsed === 'string') return parsed;
  const { node, parser } = parsed;
  const program = tryCompileLinearProgram(node, flags);
  if (program === undefined)
    return 'unsupported: the pattern is too large for the linear-time engine (write fewer or smaller repeats)';
  const native =
    !parser.unbounded &&
    !parser.nested &&
    backtrackingWays(node) <= MAX_NATIVE_WAYS &&
    longestMatch(node) <= MAX_NATIVE_LENGTH;
  if (native) return { plan: { engine: 'native' }, program };
  const required = flags.includes('i') ? '' : requiredLiteral(node);
  const plan: RegexPlan = {
    engine: 'linear',
    ...(required === '' ? {} : { required }),
    ...(matchesWholeText(node, flags) ? { whole: true as const } : {}),
  };
  return { plan, program };
}

/**
 * Why `source` cannot be used as a data pattern (see the rule above), or undefined when it can.
 * Schemas call this so that the error names the file or pack and the path.
 */
export function regexProblem(source: string, flags = ''): string | undefined {
  const result = analyse(source, flags);
  return typeof result === 'string' ? result : undefined;
}

/**
 * The plan of a data pattern (which engine runs it), or an `Error` with `regexProblem`'s
 * message. The build step stores the plans of the built-in patterns with the data.
 */
export function planSafeRegex(source: string, flags = ''): RegexPlan {
  const result = analyse(source, flags);
  if (typeof result === 'string') throw new Error(`Invalid pattern ${JSON.stringify(source)}: ${result}`);
  return result.plan;
}

/** The plans of `sources` (all with `flags`), keyed by source: what the build step stores. */
export function planSafeRegexes(sources: Iterable<string>, flags = ''): Record<string, RegexPlan> {
  const plans: Record<string, RegexPlan> = {};
  for (const source of sources) plans[source] ??= planSafeRegex(source, flags);
  return plans;
}

/**
 * Compile a data pattern (flags: any of `i`, `m`, `s`; `u` is implied). Throws `Error` with
 * `regexProblem`'s message when the pattern breaks the rule: validate with `regexProblem` first
 * where the caller can name the pack and path.
 *
 * `plan`: the pattern's plan as the build step computed it (built-in data only): the checks are
 * not repeated, and the engine compiles the pattern on its first use, so `createAssistant()` pays
 * nothing for patterns a message never reaches. Without a plan the checks run now.
 */
export function compileSafeRegex(source: string, flags = '', plan?: RegexPlan): SafeRegex {
  const checked = plan === undefined ? analyse(source, flags) : undefined;
  if (typeof checked === 'string') throw new Error(`Invalid pattern ${JSON.stringify(source)}: ${checked}`);
  const result = plan ?? checked!.plan;
  if (result.engine === 'native') {
    let regex: RegExp | undefined;
    const native = () => (regex ??= new RegExp(source, nativeRegexFlags(flags)));
    return {
      source,
      engine: 'native',
      test: (text) => native().test(text),
      find: (text) => {
        const found = native().exec(text);
        return found === null ? null : [found.index, found.index + found[0].length];
      },
    };
  }
  const { required = '', whole = false } = result;
  // Checked now: the program the checks compiled. From a plan: compiled on first use.
  let compiled: LinearProgram | undefined = checked?.program;
  const program = (): LinearProgram => {
    if (compiled !== undefined) return compiled;
    const parsed = parse(source, flags);
    if (typeof parsed === 'string') throw new Error(`Invalid pattern ${JSON.stringify(source)}: ${parsed}`);
    return (compiled = compileLinearProgram(parsed.node, flags));
  };
  return {
    source,
    engine: 'linear',
    // A text without the required literal cannot match: most messages skip the engine.
    test: (text) => text.includes(required) && testLinear(program(), text),
    find: (text) => {
      if (!text.includes(required)) return null;
      // Anchored at both ends: a match is the whole text (the cheaper search answers).
      if (whole) return testLinear(program(), text) ? [0, text.length] : null;
      return findLinear(program(), text);
    },
  };
}
