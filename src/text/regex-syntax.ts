/**
 * JavaScript regex syntax (`u` mode) read into a tree: what the safety checks of safe-regex.ts
 * measure and what the linear-time engine of linear-regex.ts compiles. Character classes, `.` and
 * escapes such as `\d` or `\p{…}` keep JavaScript's own meaning: each becomes a test that runs the
 * native engine on one code point.
 */

/** Whether a code point belongs to a character set. */
export type CharTest = (codePoint: number) => boolean;

/** The parsed pattern. Groups are only grouping here (matching reports the whole match). */
export type RegexNode =
  | { kind: 'char'; codePoint: number }
  | { kind: 'set'; test: CharTest }
  /** `^`, `$`, `\\b` or `\\B`. */
  | { kind: 'assert'; which: string }
  | { kind: 'seq'; items: RegexNode[] }
  | { kind: 'alt'; options: RegexNode[] }
  /** `lazy`: `*?`, `+?`, `??`, `{n,m}?` (tries fewer repeats first). */
  | { kind: 'repeat'; node: RegexNode; min: number; max: number; lazy: boolean };

/** A construct no linear-time engine can run, or that huashu does not read. */
export class UnsupportedRegex extends Error {}

/** The largest repeat count `{n}` / `{n,m}` accepted (the compiled program grows with it). */
export const MAX_REPEAT = 1_000;

const LOOKAROUND: Record<string, string> = {
  '(?=': 'a lookahead "(?=…)"',
  '(?!': 'a negative lookahead "(?!…)"',
  '(?<=': 'a lookbehind "(?<=…)"',
  '(?<!': 'a negative lookbehind "(?<!…)"',
};

const QUANTIFIER = /(?:([*+?])|\{(\d+)(,(\d*))?\})(\??)/y;

/** The native flags a one-code-point test needs to mean what the pattern means. */
export function nativeFlags(flags: string): string {
  return `u${flags.includes('i') ? 'i' : ''}${flags.includes('s') ? 's' : ''}`;
}

/** A test of one code point by a native regex (`^…$` around one class, escape or character). */
export function nativeTest(source: string, flags: string): CharTest {
  const regex = new RegExp(`^(?:${source})$`, nativeFlags(flags));
  return (codePoint) => regex.test(String.fromCodePoint(codePoint));
}

/** Reads a pattern already known to be valid JavaScript (`new RegExp(source, 'u' + flags)`). */
export class RegexParser {
  private at = 0;
  /** Whether a quantifier has no upper bound (`*`, `+`, `{n,}`). */
  unbounded = false;
  /** Whether a quantifier that repeats more than once holds another quantifier. */
  nested = false;

  constructor(
    private readonly source: string,
    private readonly flags: string,
  ) {}

  parse(): RegexNode {
    const node = this.alternation();
    if (this.at < this.source.length) throw new UnsupportedRegex(`an unmatched ")" at ${this.at}`);
    return node;
  }

  private peek(text: string): boolean {
    return this.source.startsWith(text, this.at);
  }

  private alternation(): RegexNode {
    const options: RegexNode[] = [];
    for (;;) {
      options.push(this.sequence());
      if (!this.peek('|')) break;
      this.at++;
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (this.at < this.source.length && !this.peek('|') && !this.peek(')'))
      items.push(this.quantifier(this.atom()));
    return items.length === 1 ? items[0]! : { kind: 'seq', items };
  }

  private quantifier(atom: RegexNode): RegexNode {
    const start = this.at;
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
    if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT))
      throw new UnsupportedRegex(
        `the repeat "${match[0]}" at ${start}: a repeat count is at most ${MAX_REPEAT}`,
      );
    if (max === Infinity) this.unbounded = true;
    if (max > 1 && containsRepeat(atom)) this.nested = true;
    return { kind: 'repeat', node: atom, min, max, lazy: match[5] === '?' };
  }

  private atom(): RegexNode {
    const source = this.source;
    const char = source[this.at]!;
    if (char === '(') return this.group();
    if (char === '[') return this.charClass();
    if (char === '\\') return this.escape();
    if (char === '.') {
      this.at++;
      const dotAll = this.flags.includes('s');
      return {
        kind: 'set',
        test: (cp) => dotAll || (cp !== 0x0a && cp !== 0x0d && cp !== 0x2028 && cp !== 0x2029),
      };
    }
    if (char === '^' || char === '$') {
      this.at++;
      return { kind: 'assert', which: char };
    }
    const codePoint = source.codePointAt(this.at)!;
    this.at += codePoint > 0xffff ? 2 : 1;
    return { kind: 'char', codePoint };
  }

  private group(): RegexNode {
    for (const [opening, name] of Object.entries(LOOKAROUND))
      if (this.peek(opening))
        throw new UnsupportedRegex(`${name} at ${this.at}: the linear-time engine has no lookaround`);
    if (this.peek('(?:')) this.at += 3;
    else if (this.peek('(?<')) this.at = this.source.indexOf('>', this.at) + 1;
    else if (this.peek('(?'))
      throw new UnsupportedRegex(`the group "${this.source.slice(this.at, this.at + 4)}…" at ${this.at}`);
    else this.at++;
    const inner = this.alternation();
    if (!this.peek(')')) throw new UnsupportedRegex(`an unclosed group at ${this.at}`);
    this.at++;
    return inner;
  }

  private charClass(): RegexNode {
    const start = this.at;
    let i = this.at + 1;
    if (this.source[i] === '^') i++;
    if (this.source[i] === ']')
      throw new UnsupportedRegex(
        `the class "${this.source.slice(start, i + 1)}" at ${start}: write (?:) or [\\s\\S]`,
      );
    // An escape is two characters (a longer one, \u{…} or \p{…}, holds no "]").
    while (i < this.source.length && this.source[i] !== ']') i += this.source[i] === '\\' ? 2 : 1;
    this.at = i + 1;
    return { kind: 'set', test: nativeTest(this.source.slice(start, this.at), this.flags) };
  }

  private escape(): RegexNode {
    const source = this.source;
    const start = this.at;
    const next = source[this.at + 1] ?? '';
    this.at += 2;
    const char = (codePoint: number): RegexNode => ({ kind: 'char', codePoint });
    if (/[1-9]/.test(next))
      throw new UnsupportedRegex(`a backreference "\\${next}" at ${start}: the linear-time engine has none`);
    if (next === 'k')
      throw new UnsupportedRegex(
        `a named backreference "\\k<…>" at ${start}: the linear-time engine has none`,
      );
    if ('dDwWsS'.includes(next)) return { kind: 'set', test: nativeTest(`\\${next}`, this.flags) };
    if (next === 'b' || next === 'B') return { kind: 'assert', which: `\\${next}` };
    if (next === 'p' || next === 'P') {
      this.at = source.indexOf('}', this.at) + 1;
      return { kind: 'set', test: nativeTest(source.slice(start, this.at), this.flags) };
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
    return char(next.codePointAt(0) ?? 0);
  }
}

/** Whether `node` holds a quantifier that repeats more than once. */
export function containsRepeat(node: RegexNode): boolean {
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
