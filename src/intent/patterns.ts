import { AutomatonScanner, createAutomaton, type Automaton } from '../text/automaton.js';
import { normalize } from '../normalize/index.js';
import { compileSafeRegex, type RegexPlan, type SafeRegex } from '../text/safe-regex.js';
import type { PatternGroup } from './schema.js';

/**
 * The pattern groups and mask literals of rules/intents/, as the build step ships them: their
 * literals already folded (`foldPatternLiterals`), so a classifier starts without folding them.
 */
export interface BuiltInPatterns {
  groups: PatternGroup[];
  mask: string[];
  /** Words that only label data next to them (单号, 电话), of every locale. */
  dataLabels: string[];
  /** Words that open a request made by the way (顺便, "by the way"), of every locale. */
  asides: string[];
  /** The build step's plan of every group regex, by source (see `compileSafeRegex`). */
  plans: Record<string, RegexPlan>;
}

/** A pattern group ready to match; `intent` is resolved to an index by the classifier. */
export interface CompiledGroup {
  id: string;
  intent: string;
  weight: number;
}

const enum LiteralKind {
  Phrase = 0,
  Keyword = 1,
  Negative = 2,
  Mask = 3,
}

const DEFAULT_WEIGHT = 2.5;
/** Above this length the whole-message (`exact`) lookup is skipped: such messages are never one word. */
const EXACT_MAX_LENGTH = 40;

function isLatinWordCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** The folded text without spaces and punctuation, for whole-message (`exact`) patterns. */
export function compactText(text: string): string {
  let out = '';
  let from = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    const drop =
      code === 0x20 ||
      (code < 0x80 && !isLatinWordCode(code)) ||
      (code >= 0x3000 && code <= 0x303f) ||
      code === 0x2026 ||
      code === 0xff5e;
    if (drop) {
      if (from >= 0) out += text.slice(from, i);
      from = -1;
    } else if (from < 0) from = i;
  }
  return out;
}

/** Fold a pattern literal the way messages are folded; a trailing `*` marks a Latin prefix. */
function foldLiteral(literal: string): { text: string; prefix: boolean } {
  const prefix = literal.endsWith('*');
  return { text: normalize(prefix ? literal.slice(0, -1) : literal).text, prefix };
}

/** A literal that is already folded: only the prefix mark is read. */
function foldedLiteral(literal: string): { text: string; prefix: boolean } {
  const prefix = literal.endsWith('*');
  return { text: prefix ? literal.slice(0, -1) : literal, prefix };
}

/** The key of an `exact` literal: its folded text without spaces and punctuation. */
function exactKey(literal: string): string {
  return compactText(normalize(literal).text);
}

/**
 * `groups` and `mask` with every literal in the form the matcher looks up (folded, the prefix mark
 * kept; `exact` as its key), for `PatternMatcher`'s `folded` argument. The build step ships the
 * built-in patterns so: folding ~2,000 literals is most of a classifier's start-up in cold code.
 * Throws a RangeError for a literal whose folded text would read as a prefix mark.
 */
export function foldPatternLiterals(
  groups: readonly PatternGroup[],
  mask: readonly string[],
): { groups: PatternGroup[]; mask: string[] } {
  const fold = (literal: string): string => {
    const { text, prefix } = foldLiteral(literal);
    if (text.endsWith('*')) throw new RangeError(`pattern literal "${literal}" folds to a text ending in *`);
    return prefix ? `${text}*` : text;
  };
  const foldList = (list: readonly string[] | undefined) => (list === undefined ? undefined : list.map(fold));
  return {
    groups: groups.map((group) => {
      const out: PatternGroup = { ...group };
      if (group.phrases) out.phrases = foldList(group.phrases);
      if (group.keywords) out.keywords = foldList(group.keywords);
      if (group.negative) out.negative = foldList(group.negative);
      if (group.exact) out.exact = group.exact.map(exactKey);
      return out;
    }),
    mask: mask.map((literal) => foldLiteral(literal).text),
  };
}

/**
 * The matcher of the shipped patterns (their literals folded by the build step), then `more`
 * groups as written (a caller's own, folded here).
 */
export function shippedPatternMatcher(
  shipped: Pick<BuiltInPatterns, 'groups' | 'mask' | 'plans'>,
  more: readonly PatternGroup[] = [],
): PatternMatcher {
  return new PatternMatcher([...shipped.groups, ...more], shipped.mask, shipped.plans, {
    groups: shipped.groups.length,
    mask: true,
  });
}

/**
 * Every literal of every group in one Aho–Corasick automaton, so a message is scanned once whatever
 * the number of patterns; regexes run after it and `exact` is one map lookup. Results of the last
 * `match()` stay in the public buffers (matching is synchronous and not re-entrant).
 */
export class PatternMatcher {
  readonly groups: readonly CompiledGroup[];
  private readonly automaton: Automaton | null;
  /** Walks the automaton by character code (see AutomatonScanner); null when its shape is unknown. */
  private readonly scanner: AutomatonScanner | null;
  /** literal → refs `(group << 3) | (kind << 1) | prefix`; group is -1 (all ones) for masks. */
  private readonly refs = new Map<string, number[]>();
  private readonly regexes: Array<{ group: number; regex: SafeRegex }> = [];
  private readonly exact = new Map<string, number[]>();

  // Per-call results.
  private stamp = 0;
  private readonly hitStamps: Uint32Array;
  private readonly vetoStamps: Uint32Array;
  /** Start / end (folded text) of each group's strongest hit. */
  readonly hitStarts: Int32Array;
  readonly hitEnds: Int32Array;
  /** 1 for a phrase or regex, 0.5 for a keyword, 2 for an exact whole-message match. */
  readonly hitFactors: Float32Array;
  /** Groups that fired in the last match (vetoed ones excluded), in `firedCount` entries. */
  readonly fired: Int32Array;
  firedCount = 0;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  /** Characters masked by `mask` literals in the last match. */
  mask = new Uint8Array(256);
  masked = false;

  /**
   * `plans`: the build step's plans of built-in regexes by source (checked then, compiled here on
   * first use); a regex without one is checked now. `folded`: how many of the first `groups`, and
   * whether `maskLiterals`, hold literals already folded by `foldPatternLiterals` (the built-in ones).
   */
  constructor(
    groups: readonly PatternGroup[],
    maskLiterals: readonly string[] = [],
    plans: Readonly<Record<string, RegexPlan>> = {},
    folded: { groups: number; mask: boolean } = { groups: 0, mask: false },
  ) {
    const compiled: CompiledGroup[] = [];
    const literals = new Set<string>();
    const addRef = (literal: string, ref: number) => {
      if (literal === '') return;
      let list = this.refs.get(literal);
      if (!list) this.refs.set(literal, (list = []));
      if (!list.includes(ref)) list.push(ref);
      literals.add(literal);
    };
    groups.forEach((group, g) => {
      compiled.push({
        id: group.id ?? `${group.intent}#${g}`,
        intent: group.intent,
        weight: group.weight ?? DEFAULT_WEIGHT,
      });
      const isFolded = g < folded.groups;
      const read = isFolded ? foldedLiteral : foldLiteral;
      const add = (list: readonly string[] | undefined, kind: LiteralKind) => {
        for (const literal of list ?? []) {
          const { text, prefix } = read(literal);
          addRef(text, (g << 3) | (kind << 1) | (prefix ? 1 : 0));
        }
      };
      add(group.phrases, LiteralKind.Phrase);
      add(group.keywords, LiteralKind.Keyword);
      add(group.negative, LiteralKind.Negative);
      for (const source of group.regex ?? [])
        this.regexes.push({
          group: g,
          regex: compileSafeRegex(source, '', Object.hasOwn(plans, source) ? plans[source] : undefined),
        });
      for (const literal of group.exact ?? []) {
        const key = isFolded ? literal : exactKey(literal);
        if (key === '') continue;
        let list = this.exact.get(key);
        if (!list) this.exact.set(key, (list = []));
        if (!list.includes(g)) list.push(g);
      }
    });
    for (const literal of maskLiterals)
      addRef(folded.mask ? literal : foldLiteral(literal).text, (-1 << 3) | (LiteralKind.Mask << 1));
    this.groups = compiled;
    this.automaton = literals.size > 0 ? createAutomaton([...literals]) : null;
    this.scanner = this.automaton === null ? null : AutomatonScanner.of(this.automaton);
    const size = compiled.length;
    this.hitStamps = new Uint32Array(size);
    this.vetoStamps = new Uint32Array(size);
    this.hitStarts = new Int32Array(size);
    this.hitEnds = new Int32Array(size);
    this.hitFactors = new Float32Array(size);
    this.fired = new Int32Array(size);
    this.touched = new Int32Array(size);
  }

  /** One literal found at [begin, end) of the folded text. */
  private readonly onKeyword = (text: string, begin: number, end: number, keyword: string): void => {
    const refs = this.refs.get(keyword);
    if (refs === undefined) return;
    const startsLatin = isLatinWordCode(keyword.charCodeAt(0));
    const endsLatin = isLatinWordCode(keyword.charCodeAt(keyword.length - 1));
    const leftOk = !startsLatin || begin === 0 || !isLatinWordCode(text.charCodeAt(begin - 1));
    const rightWord = endsLatin && end < text.length && isLatinWordCode(text.charCodeAt(end));
    for (const ref of refs) {
      const kind = (ref >> 1) & 3;
      if (kind === LiteralKind.Mask) {
        if (!this.masked) this.mask.fill(0, 0, text.length);
        this.masked = true;
        this.mask.fill(1, begin, end);
        continue;
      }
      if (!leftOk || (rightWord && (ref & 1) === 0)) continue;
      const group = ref >> 3;
      if (kind === LiteralKind.Negative) this.vetoStamps[group] = this.stamp;
      else this.hit(group, begin, end, kind === LiteralKind.Keyword ? 0.5 : 1);
    }
  };

  private hit(group: number, start: number, end: number, factor: number): void {
    if (this.hitStamps[group] !== this.stamp) {
      this.hitStamps[group] = this.stamp;
      this.touched[this.touchedCount++] = group;
      this.hitFactors[group] = factor;
      this.hitStarts[group] = start;
      this.hitEnds[group] = end;
    } else if (factor > (this.hitFactors[group] ?? 0)) {
      this.hitFactors[group] = factor;
      this.hitStarts[group] = start;
      this.hitEnds[group] = end;
    }
  }

  /** Match the folded `text`; results are in `fired`, `hit*` and `mask`. */
  match(text: string): void {
    if (++this.stamp === 0xffffffff) {
      this.hitStamps.fill(0);
      this.vetoStamps.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    this.masked = false;
    this.touchedCount = 0;
    if (this.mask.length < text.length)
      this.mask = new Uint8Array(Math.max(text.length, this.mask.length * 2));
    if (this.scanner !== null) this.scanner.scan(text, this.onKeyword);
    else if (this.automaton !== null)
      for (const { begin, end, keyword } of this.automaton.matchInText(text))
        this.onKeyword(text, begin, end, keyword);
    for (const { group, regex } of this.regexes) {
      const found = regex.find(text);
      if (found !== null) this.hit(group, found[0], found[1], 1);
    }
    if (this.exact.size > 0 && text.length <= EXACT_MAX_LENGTH) {
      const groups = this.exact.get(compactText(text));
      if (groups !== undefined) for (const group of groups) this.hit(group, 0, text.length, 2);
    }
    let count = 0;
    for (let t = 0; t < this.touchedCount; t++) {
      const g = this.touched[t] ?? 0;
      if (this.vetoStamps[g] !== stamp) this.fired[count++] = g;
    }
    this.firedCount = count;
  }
}
