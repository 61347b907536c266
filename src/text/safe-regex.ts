import { RE2JS } from 're2js';

/**
 * Regular expressions from data (intent pattern groups, carrier number formats), run so that no
 * pattern can stall a message: on re2js, a port of RE2 whose matching is linear in the text, or —
 * only when a static check proves backtracking bounded — on the native engine, which is ~10×
 * faster per call on chat-sized messages.
 *
 * The rule, for built-in data at build time and for user data at `createAssistant()`:
 * 1. The pattern must be valid JavaScript (`u` flag) and runnable by RE2: no lookaround
 *    (`(?=`, `(?!`, `(?<=`, `(?<!`), no backreferences (`\1`, `\k<name>`); `\p{Script=Han}` is
 *    accepted (RE2 spells it `\p{Han}`). `\d \w \s \b` are ASCII in RE2, as on huashu's folded text.
 * 2. It runs natively only when every quantifier is bounded (no `*`, `+`, `{n,}`), no quantified
 *    group contains a quantifier (star height ≤ 1), and the ways one start position can be tried
 *    stay few (alternatives that can start on the same character multiply; see `backtrackingWays`).
 *    Then a native search costs at most a constant per start position: linear in the text.
 *    Anything else runs on re2js.
 */
export interface SafeRegex {
  readonly source: string;
  /** `native` when proven bounded (see above), else `re2`. */
  readonly engine: 'native' | 're2';
  /** Whether the pattern matches anywhere in `text`. */
  test(text: string): boolean;
  /** The first (leftmost) match as `[start, end)` UTF-16 offsets, or null. */
  find(text: string): [number, number] | null;
}

/** Above this many backtracking paths from one start position, a pattern runs on re2js. */
export const MAX_NATIVE_WAYS = 1_000;
/** Above this longest match (code points), a pattern runs on re2js. */
export const MAX_NATIVE_LENGTH = 256;

type CharTest = (codePoint: number) => boolean;

/** The parsed pattern, as far as the checks need it. */
type Node =
  | { kind: 'char'; codePoint: number }
  | { kind: 'set'; test: CharTest }
  /** `^`, `$`, `\\b` or `\\B`. */
  | { kind: 'assert'; which: string }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; node: Node; min: number; max: number };

class Unsupported extends Error {}

const LOOKAROUND: Record<string, string> = {
  '(?=': 'a lookahead "(?=…)"',
  '(?!': 'a negative lookahead "(?!…)"',
  '(?<=': 'a lookbehind "(?<=…)"',
  '(?<!': 'a negative lookbehind "(?<!…)"',
};

const QUANTIFIER = /(?:([*+?])|\{(\d+)(,(\d*))?\})(\??)/y;
const PROPERTY_PREFIXES = ['Script=', 'sc=', 'General_Category=', 'gc='];

function hex(codePoint: number): string {
  return `\\x{${codePoint.toString(16)}}`;
}

/** Parses JavaScript regex syntax (`u` mode) into `Node`s and writes the RE2 spelling alongside. */
class Parser {
  private at = 0;
  /** Quantifiers seen, and whether one is unbounded. */
  unbounded = false;
  nested = false;

  constructor(
    private readonly source: string,
    private readonly flags: string,
  ) {}

  parse(): { node: Node; re2: string } {
    const result = this.alternation(0);
    if (this.at < this.source.length) throw new Unsupported(`an unmatched ")" at ${this.at}`);
    return result;
  }

  private peek(text: string): boolean {
    return this.source.startsWith(text, this.at);
  }

  private alternation(depth: number): { node: Node; re2: string } {
    const options: Node[] = [];
    const parts: string[] = [];
    for (;;) {
      const seq = this.sequence(depth);
      options.push(seq.node);
      parts.push(seq.re2);
      if (!this.peek('|')) break;
      this.at++;
    }
    return {
      node: options.length === 1 ? options[0]! : { kind: 'alt', options },
      re2: parts.join('|'),
    };
  }

  private sequence(depth: number): { node: Node; re2: string } {
    const items: Node[] = [];
    let re2 = '';
    while (this.at < this.source.length && !this.peek('|') && !this.peek(')')) {
      const atom = this.atom(depth);
      const quantified = this.quantifier(atom);
      items.push(quantified.node);
      re2 += quantified.re2;
    }
    return { node: items.length === 1 ? items[0]! : { kind: 'seq', items }, re2 };
  }

  private quantifier(atom: { node: Node; re2: string }): { node: Node; re2: string } {
    QUANTIFIER.lastIndex = this.at;
    const match = QUANTIFIER.exec(this.source);
    if (match === null) return atom;
    this.at += match[0].length;
    let min: number;
    let max: number;
    if (match[1] === '*') [min, max] = [0, Infinity];
    else if (match[1] === '+') [min, max] = [1, Infinity];
    else if (match[1] === '?') [min, max] = [0, 1];
    else {
      min = Number(match[2]);
      max = match[3] === undefined ? min : match[4] === '' ? Infinity : Number(match[4]);
    }
    if (max === Infinity) this.unbounded = true;
    if (max > 1 && containsRepeat(atom.node)) this.nested = true;
    return { node: { kind: 'repeat', node: atom.node, min, max }, re2: atom.re2 + match[0] };
  }

  private atom(depth: number): { node: Node; re2: string } {
    const source = this.source;
    const char = source[this.at]!;
    if (char === '(') return this.group(depth);
    if (char === '[') return this.charClass();
    if (char === '\\') return this.escape();
    if (char === '.') {
      this.at++;
      const dotAll = this.flags.includes('s');
      return {
        node: {
          kind: 'set',
          test: (cp) => dotAll || (cp !== 0x0a && cp !== 0x0d && cp !== 0x2028 && cp !== 0x2029),
        },
        re2: '.',
      };
    }
    if (char === '^' || char === '$') {
      this.at++;
      return { node: { kind: 'assert', which: char }, re2: char };
    }
    const codePoint = source.codePointAt(this.at)!;
    this.at += codePoint > 0xffff ? 2 : 1;
    return { node: { kind: 'char', codePoint }, re2: String.fromCodePoint(codePoint) };
  }

  private group(depth: number): { node: Node; re2: string } {
    for (const [opening, name] of Object.entries(LOOKAROUND))
      if (this.peek(opening))
        throw new Unsupported(`${name} at ${this.at}: RE2, the linear-time engine, has no lookaround`);
    let open = '(';
    if (this.peek('(?:')) {
      open = '(?:';
      this.at += 3;
    } else if (this.peek('(?<')) {
      const end = this.source.indexOf('>', this.at);
      open = `(?P<${this.source.slice(this.at + 3, end)}>`;
      this.at = end + 1;
    } else if (this.peek('(?')) {
      throw new Unsupported(`the group "${this.source.slice(this.at, this.at + 4)}…" at ${this.at}`);
    } else this.at++;
    const inner = this.alternation(depth + 1);
    if (!this.peek(')')) throw new Unsupported(`an unclosed group at ${this.at}`);
    this.at++;
    return { node: inner.node, re2: `${open}${inner.re2})` };
  }

  private charClass(): { node: Node; re2: string } {
    const start = this.at;
    let i = this.at + 1;
    if (this.source[i] === '^') i++;
    if (this.source[i] === ']')
      throw new Unsupported(
        `the class "${this.source.slice(start, i + 1)}" at ${start}: write (?:) or [\\s\\S]`,
      );
    let re2 = this.source.slice(start, i);
    while (i < this.source.length && this.source[i] !== ']') {
      if (this.source[i] === '\\') {
        const escape = this.classEscape(i);
        re2 += escape.re2;
        i = escape.end;
      } else {
        const codePoint = this.source.codePointAt(i)!;
        const width = codePoint > 0xffff ? 2 : 1;
        re2 += this.source.slice(i, i + width);
        i += width;
      }
    }
    this.at = i + 1;
    const jsClass = new RegExp(`^${this.source.slice(start, this.at)}$`, this.nativeFlags());
    return {
      node: { kind: 'set', test: (cp) => jsClass.test(String.fromCodePoint(cp)) },
      re2: `${re2}]`,
    };
  }

  private nativeFlags(): string {
    return `u${this.flags.includes('i') ? 'i' : ''}${this.flags.includes('s') ? 's' : ''}`;
  }

  /** An escape inside a class: the same as outside, minus assertions and backreferences. */
  private classEscape(i: number): { re2: string; end: number } {
    const saved = this.at;
    this.at = i;
    const escape = this.escape(true);
    const end = this.at;
    this.at = saved;
    return { re2: escape.re2, end };
  }

  private escape(inClass = false): { node: Node; re2: string } {
    const source = this.source;
    const start = this.at;
    const next = source[this.at + 1] ?? '';
    this.at += 2;
    const set = (re2: string): { node: Node; re2: string } => {
      const js = new RegExp(`^${source.slice(start, this.at)}$`, this.nativeFlags());
      return { node: { kind: 'set', test: (cp) => js.test(String.fromCodePoint(cp)) }, re2 };
    };
    const char = (codePoint: number) => ({
      node: { kind: 'char', codePoint } as Node,
      re2: hex(codePoint),
    });
    if (/[1-9]/.test(next))
      throw new Unsupported(`a backreference "\\${next}" at ${start}: RE2, the linear-time engine, has none`);
    if (next === 'k')
      throw new Unsupported(
        `a named backreference "\\k<…>" at ${start}: RE2, the linear-time engine, has none`,
      );
    if ('dDwWsS'.includes(next)) return set(`\\${next}`);
    if (next === 'b' || next === 'B') {
      if (inClass) return char(0x08);
      return { node: { kind: 'assert', which: `\\${next}` }, re2: `\\${next}` };
    }
    if (next === 'p' || next === 'P') {
      const close = source.indexOf('}', this.at);
      let property = source.slice(this.at + 1, close);
      this.at = close + 1;
      for (const prefix of PROPERTY_PREFIXES)
        if (property.startsWith(prefix)) property = property.slice(prefix.length);
      if (property.includes('='))
        throw new Unsupported(
          `the property "\\${next}{${property}}" at ${start}: RE2 knows scripts and categories`,
        );
      return set(`\\${next}{${property}}`);
    }
    if (next === 'u') {
      if (source[this.at] === '{') {
        const close = source.indexOf('}', this.at);
        const codePoint = parseInt(source.slice(this.at + 1, close), 16);
        this.at = close + 1;
        return char(codePoint);
      }
      let codePoint = parseInt(source.slice(this.at, this.at + 4), 16);
      this.at += 4;
      const low = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(source.slice(this.at));
      if (codePoint >= 0xd800 && codePoint <= 0xdbff && low !== null) {
        codePoint = ((codePoint - 0xd800) << 10) + (parseInt(low[1]!, 16) - 0xdc00) + 0x10000;
        this.at += 6;
      }
      return char(codePoint);
    }
    if (next === 'x') {
      const codePoint = parseInt(source.slice(this.at, this.at + 2), 16);
      this.at += 2;
      return char(codePoint);
    }
    if (next === 'c') {
      const codePoint = source.charCodeAt(this.at) % 32;
      this.at += 1;
      return char(codePoint);
    }
    const controls: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, f: 0x0c, v: 0x0b, '0': 0 };
    if (next in controls) return char(controls[next]!);
    // An identity escape of a syntax character (\. \[ \/ …): the character itself.
    const codePoint = next.codePointAt(0) ?? 0;
    return { node: { kind: 'char', codePoint }, re2: `\\${next}` };
  }
}

function containsRepeat(node: Node): boolean {
  switch (node.kind) {
    case 'repeat':
      return node.max > 1 || containsRepeat(node.node);
    case 'seq':
      return node.items.some(containsRepeat);
    case 'alt':
      return node.options.some(containsRepeat);
    default:
      return false;
  }
}

/** What can start a match of `node`: specific code points, any character, or nothing (empty match). */
interface First {
  points: Set<number>;
  tests: CharTest[];
  nullable: boolean;
}

function firstOf(node: Node): First {
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
export function backtrackingWays(node: Node): number {
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

function longestMatch(node: Node): number {
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
function sequenceItems(node: Node, out: Node[] = []): Node[] {
  if (node.kind === 'seq') for (const item of node.items) sequenceItems(item, out);
  else out.push(node);
  return out;
}

/**
 * The longest run of literal characters that every match of `node` contains ('' when none): a
 * text without it cannot match, so the slow engine need not run (or even be compiled) for it.
 */
function requiredLiteral(node: Node): string {
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
 * The outcome of the checks for one valid pattern: which engine runs it and its RE2 spelling.
 * JSON-safe, so the build step stores it beside each built-in pattern and the run time compiles
 * built-ins without repeating the checks (see `compileSafeRegex`).
 */
export type RegexPlan =
  | { engine: 'native' }
  /**
   * `re2`: the pattern in RE2 syntax, what re2js compiles; `required`: a literal every match
   * contains (absent when there is none, or the pattern ignores case); `whole`: the pattern is
   * anchored at both ends (`^…$`, no top-level `|`, no `m` flag), so a match is the whole text.
   */
  | { engine: 're2'; re2: string; required?: string; whole?: true };

/** Whether every match of the parsed pattern is the whole text: `^…$` at the top level, no `m`. */
function matchesWholeText(node: Node, flags: string): boolean {
  if (flags.includes('m') || node.kind !== 'seq' || node.items.length < 2) return false;
  const first = node.items[0]!;
  const last = node.items[node.items.length - 1]!;
  return first.kind === 'assert' && first.which === '^' && last.kind === 'assert' && last.which === '$';
}

const ALLOWED_FLAGS = /^[imsu]*$/;

function re2Flags(flags: string): number {
  let out = 0;
  if (flags.includes('i')) out |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('s')) out |= RE2JS.DOTALL;
  if (flags.includes('m')) out |= RE2JS.MULTILINE;
  return out;
}

function analyse(source: string, flags: string): RegexPlan | string {
  if (typeof source !== 'string' || source === '') return 'a pattern must be a non-empty string';
  if (!ALLOWED_FLAGS.test(flags)) return `unsupported flags "${flags}" (use i, m, s)`;
  try {
    new RegExp(source, `u${flags.replace('u', '')}`);
  } catch (error) {
    return `not a valid regular expression: ${(error as Error).message}`;
  }
  let parsed: { node: Node; re2: string };
  const parser = new Parser(source, flags);
  try {
    parsed = parser.parse();
  } catch (error) {
    if (error instanceof Unsupported) return `unsupported: ${error.message}`;
    throw error;
  }
  try {
    RE2JS.compile(parsed.re2, re2Flags(flags));
  } catch (error) {
    return `RE2 cannot run this pattern: ${(error as Error).message}`;
  }
  const native =
    !parser.unbounded &&
    !parser.nested &&
    backtrackingWays(parsed.node) <= MAX_NATIVE_WAYS &&
    longestMatch(parsed.node) <= MAX_NATIVE_LENGTH;
  if (native) return { engine: 'native' };
  const required = flags.includes('i') ? '' : requiredLiteral(parsed.node);
  return {
    engine: 're2',
    re2: parsed.re2,
    ...(required === '' ? {} : { required }),
    ...(matchesWholeText(parsed.node, flags) ? { whole: true as const } : {}),
  };
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
 * The plan of a data pattern (its engine and RE2 spelling), or an `Error` with `regexProblem`'s
 * message. The build step stores the plans of the built-in patterns with the data.
 */
export function planSafeRegex(source: string, flags = ''): RegexPlan {
  const result = analyse(source, flags);
  if (typeof result === 'string') throw new Error(`Invalid pattern ${JSON.stringify(source)}: ${result}`);
  return result;
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
  const result = plan ?? analyse(source, flags);
  if (typeof result === 'string') throw new Error(`Invalid pattern ${JSON.stringify(source)}: ${result}`);
  if (result.engine === 'native') {
    let regex: RegExp | undefined;
    const native = () => (regex ??= new RegExp(source, `u${flags.replace('u', '')}`));
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
  const { re2: re2Source, required = '', whole = false } = result;
  let regex: RE2JS | undefined;
  const re2 = () => (regex ??= RE2JS.compile(re2Source, re2Flags(flags)));
  return {
    source,
    engine: 're2',
    // A text without the required literal cannot match; otherwise the DFA answers whether there
    // is a match without tracking positions: most messages have none.
    test: (text) => text.includes(required) && re2().test(text),
    find: (text) => {
      if (!text.includes(required) || !re2().test(text)) return null;
      // Anchored at both ends: the match is the whole text (no second, position-tracking pass).
      if (whole) return [0, text.length];
      const matcher = re2().matcher(text);
      return matcher.find() ? [matcher.start(), matcher.end()] : null;
    },
  };
}
