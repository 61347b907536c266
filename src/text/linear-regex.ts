import { type CharTest, nativeTest, type RegexNode } from './regex-syntax.js';

/**
 * A regex engine whose time is linear in the text, for data patterns the native engine could
 * backtrack on without end (see safe-regex.ts): Thompson's construction run as a Pike VM, the
 * method of RE2. Every thread of the machine advances one code point at a time and threads that
 * reach the same instruction merge, so a search costs at most (program size × text length).
 *
 * The threads are kept in priority order (the order a backtracking engine would try them), so the
 * match found is the one JavaScript's own engine finds: the leftmost, and of those the first by
 * the pattern's preferences (greedy or lazy quantifiers, left alternatives first). Characters,
 * classes and escapes keep JavaScript's meaning (regex-syntax.ts tests them natively).
 */

/** Above this many instructions a pattern is refused (a search costs program size × text length). */
export const MAX_PROGRAM_SIZE = 20_000;

const CHAR = 0;
const SET = 1;
const SPLIT = 2;
const JUMP = 3;
const ASSERT = 4;
const MATCH = 5;
/** A dead end: an optional repeat whose pass matched nothing (see `compileLinearProgram`). */
const FAIL = 6;

const ASSERT_START = 0;
const ASSERT_END = 1;
const ASSERT_WORD_BOUNDARY = 2;
const ASSERT_NOT_WORD_BOUNDARY = 3;

/** A compiled pattern: parallel arrays indexed by instruction. */
export interface LinearProgram {
  /** CHAR, SET, SPLIT, JUMP, ASSERT, MATCH or FAIL. */
  readonly ops: Uint8Array;
  /** CHAR: the code point; SPLIT and JUMP: the preferred target; ASSERT: which assertion. */
  readonly first: Int32Array;
  /** SPLIT: the other target. */
  readonly second: Int32Array;
  /** CHAR and SET: the instruction after the code point is read. */
  readonly next: Int32Array;
  /** SET: the test of its instruction. */
  readonly tests: ReadonlyArray<CharTest | undefined>;
  readonly multiline: boolean;
  readonly isWordChar: CharTest;
}

class ProgramTooLarge extends Error {
  constructor() {
    super(`a pattern compiles to more than ${MAX_PROGRAM_SIZE} instructions`);
  }
}

/** Whether `node` can match the empty string. */
function canMatchEmpty(node: RegexNode): boolean {
  switch (node.kind) {
    case 'char':
    case 'set':
      return false;
    case 'assert':
      return true;
    case 'seq':
      return node.items.every(canMatchEmpty);
    case 'alt':
      return node.options.some(canMatchEmpty);
    case 'repeat':
      return node.min === 0 || canMatchEmpty(node.node);
  }
}

/**
 * Compile a parsed pattern; throws when the program would exceed `MAX_PROGRAM_SIZE`.
 *
 * JavaScript rejects a pass of a quantifier beyond its minimum that matches nothing
 * (`/(?:a*?)?/` on "a" matches "a": the empty pass of the group fails, so `a*?` must take the
 * "a"). When such a pass can match nothing, its body is compiled twice: a copy where nothing has
 * been read yet, whose end is FAIL, and a copy entered by the first code point read. The state
 * "read something in this pass" is thus part of the instruction, and merged threads stay equal.
 */
export function compileLinearProgram(node: RegexNode, flags: string): LinearProgram {
  const ops: number[] = [];
  const first: number[] = [];
  const second: number[] = [];
  const next: number[] = [];
  const tests: Array<CharTest | undefined> = [];
  const ignoreCase = flags.includes('i');
  const emit = (op: number, a = 0, b = 0, test?: CharTest): number => {
    if (ops.length >= MAX_PROGRAM_SIZE) throw new ProgramTooLarge();
    ops.push(op);
    first.push(a);
    second.push(b);
    next.push(ops.length);
    tests.push(test);
    return ops.length - 1;
  };
  /** One optional pass of `body`: rejected when it reads nothing (see above). */
  const optionalPass = (body: RegexNode): void => {
    if (!canMatchEmpty(body)) {
      visit(body);
      return;
    }
    const emptyStart = ops.length;
    visit(body);
    const emptyEnd = ops.length;
    emit(FAIL);
    const readStart = ops.length;
    visit(body);
    // Reading a code point in the first copy continues in the second, at the same place.
    for (let pc = emptyStart; pc < emptyEnd; pc++)
      if (ops[pc] === CHAR || ops[pc] === SET) next[pc] = readStart + (next[pc]! - emptyStart);
  };
  const caseless = new Map<number, CharTest>();

  const visit = (n: RegexNode): void => {
    switch (n.kind) {
      case 'char':
        if (!ignoreCase) emit(CHAR, n.codePoint);
        else {
          let test = caseless.get(n.codePoint);
          if (test === undefined) {
            test = nativeTest(`\\u{${n.codePoint.toString(16)}}`, flags);
            caseless.set(n.codePoint, test);
          }
          emit(SET, 0, 0, test);
        }
        return;
      case 'set':
        emit(SET, 0, 0, n.test);
        return;
      case 'assert':
        emit(
          ASSERT,
          n.which === '^'
            ? ASSERT_START
            : n.which === '$'
              ? ASSERT_END
              : n.which === '\\b'
                ? ASSERT_WORD_BOUNDARY
                : ASSERT_NOT_WORD_BOUNDARY,
        );
        return;
      case 'seq':
        for (const item of n.items) visit(item);
        return;
      case 'alt': {
        // split L1, next; L1: option; jump end; next: split L2, … ; last option; end:
        const jumps: number[] = [];
        n.options.forEach((option, i) => {
          if (i < n.options.length - 1) {
            const split = emit(SPLIT);
            first[split] = ops.length;
            visit(option);
            jumps.push(emit(JUMP));
            second[split] = ops.length;
          } else visit(option);
        });
        for (const jump of jumps) first[jump] = ops.length;
        return;
      }
      case 'repeat': {
        for (let i = 0; i < n.min; i++) visit(n.node);
        if (n.max === Infinity) {
          // loop: split body, out; body; jump loop; out:
          const loop = emit(SPLIT);
          optionalPass(n.node);
          emit(JUMP, loop);
          preferred(loop, loop + 1, ops.length, n.lazy);
          return;
        }
        // Each optional copy: split body, end; body; … (all skips go to the end).
        const splits: number[] = [];
        for (let i = n.min; i < n.max; i++) {
          splits.push(emit(SPLIT));
          optionalPass(n.node);
        }
        for (const split of splits) preferred(split, split + 1, ops.length, n.lazy);
        return;
      }
    }
  };
  const preferred = (split: number, body: number, skip: number, lazy: boolean): void => {
    first[split] = lazy ? skip : body;
    second[split] = lazy ? body : skip;
  };

  visit(node);
  emit(MATCH);
  return {
    ops: Uint8Array.from(ops),
    first: Int32Array.from(first),
    second: Int32Array.from(second),
    next: Int32Array.from(next),
    tests,
    multiline: flags.includes('m'),
    isWordChar: nativeTest('\\w', flags),
  };
}

/** `compileLinearProgram`, or undefined when the program would exceed `MAX_PROGRAM_SIZE`. */
export function tryCompileLinearProgram(node: RegexNode, flags: string): LinearProgram | undefined {
  try {
    return compileLinearProgram(node, flags);
  } catch (error) {
    if (error instanceof ProgramTooLarge) return undefined;
    throw error;
  }
}

function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** The code point before UTF-16 offset `at` (−1 at the start). */
function codePointBefore(text: string, at: number): number {
  if (at === 0) return -1;
  const low = text.charCodeAt(at - 1);
  if (at >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(at - 2)!;
  }
  return low;
}

/** One search over one text: the thread lists and the marks that merge threads. */
class Run {
  private readonly size: number;
  private current: Int32Array;
  private next: Int32Array;
  private currentStarts: Int32Array;
  private nextStarts: Int32Array;
  private currentCount = 0;
  private nextCount = 0;
  /** The step at which each instruction was last added (merges threads at one instruction). */
  private readonly marks: Int32Array;
  private readonly stack: Int32Array;
  private step = 0;

  constructor(
    private readonly program: LinearProgram,
    private readonly text: string,
  ) {
    this.size = program.ops.length;
    this.current = new Int32Array(this.size);
    this.next = new Int32Array(this.size);
    this.currentStarts = new Int32Array(this.size);
    this.nextStarts = new Int32Array(this.size);
    this.marks = new Int32Array(this.size).fill(-1);
    this.stack = new Int32Array(this.size + 1);
  }

  private holds(assertion: number, at: number): boolean {
    const { text, program } = this;
    switch (assertion) {
      case ASSERT_START:
        return at === 0 || (program.multiline && isLineTerminator(text.charCodeAt(at - 1)));
      case ASSERT_END:
        return at === text.length || (program.multiline && isLineTerminator(text.charCodeAt(at)));
      default: {
        const before = codePointBefore(text, at);
        const after = at < text.length ? text.codePointAt(at)! : -1;
        const boundary =
          (before >= 0 && program.isWordChar(before)) !== (after >= 0 && program.isWordChar(after));
        return assertion === ASSERT_WORD_BOUNDARY ? boundary : !boundary;
      }
    }
  }

  /**
   * Adds the threads `pc` leads to at offset `at` to the next list, in priority order: a
   * depth-first walk over jumps, splits (preferred target first) and assertions that hold.
   */
  private add(pc: number, start: number, at: number): void {
    const { ops, first, second } = this.program;
    const stack = this.stack;
    let depth = 0;
    stack[depth++] = pc;
    while (depth > 0) {
      const at_pc = stack[--depth]!;
      if (this.marks[at_pc] === this.step) continue;
      this.marks[at_pc] = this.step;
      switch (ops[at_pc]) {
        case JUMP:
          stack[depth++] = first[at_pc]!;
          break;
        case SPLIT:
          // The other target waits below the preferred one, so it is walked after it.
          stack[depth++] = second[at_pc]!;
          stack[depth++] = first[at_pc]!;
          break;
        case ASSERT:
          if (this.holds(first[at_pc]!, at)) stack[depth++] = at_pc + 1;
          break;
        case FAIL:
          break;
        default:
          this.next[this.nextCount] = at_pc;
          this.nextStarts[this.nextCount++] = start;
      }
    }
  }

  private swap(): void {
    [this.current, this.next] = [this.next, this.current];
    [this.currentStarts, this.nextStarts] = [this.nextStarts, this.currentStarts];
    this.currentCount = this.nextCount;
    this.nextCount = 0;
    this.step++;
  }

  /** The first match as JavaScript's engine finds it, as `[start, end)`, or null. */
  find(from: number, firstOnly: boolean): [number, number] | null {
    const { text, program } = this;
    const { ops, first, next, tests } = program;
    let found: [number, number] | null = null;
    let at = from;
    this.add(0, at, at);
    this.swap();
    for (;;) {
      const codePoint = at < text.length ? text.codePointAt(at)! : -1;
      const width = codePoint > 0xffff ? 2 : 1;
      const nextAt = at + width;
      for (let t = 0; t < this.currentCount; t++) {
        const pc = this.current[t]!;
        const start = this.currentStarts[t]!;
        const op = ops[pc];
        if (op === MATCH) {
          found = [start, at];
          if (firstOnly) return found;
          break; // threads after this one have lower priority: dropped
        }
        if (codePoint < 0) continue;
        if (op === CHAR ? first[pc] === codePoint : tests[pc]!(codePoint)) this.add(next[pc]!, start, nextAt);
      }
      if (at >= text.length) break;
      at = nextAt;
      // A new start at each offset until a match is found (the lowest priority of all).
      if (found === null) this.add(0, at, at);
      this.swap();
      if (this.currentCount === 0 && found !== null) break;
    }
    return found;
  }
}

/** The first match of `program` in `text` as `[start, end)` UTF-16 offsets, or null. */
export function findLinear(program: LinearProgram, text: string): [number, number] | null {
  return new Run(program, text).find(0, false);
}

/** Whether `program` matches anywhere in `text` (stops at the first match it reaches). */
export function testLinear(program: LinearProgram, text: string): boolean {
  return new Run(program, text).find(0, true) !== null;
}
