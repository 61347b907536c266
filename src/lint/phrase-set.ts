import { AutomatonScanner, createAutomaton, scanKeywords, type Automaton } from '../text/automaton.js';
import type { HuashuIssue } from '../errors.js';
import { isDigitCode } from '../text/char-class.js';
import { gapAfterHas, isQuestionMark } from './clause.js';
import { expandAlternatives, type CompilableEntry, type PhraseCategory } from './data-schema.js';
import {
  Break,
  isWordCode,
  skeletonLength,
  skeletonUnits,
  type Skeleton,
  type SkeletonReader,
} from './skeleton.js';

/** Rule id of the allow-list's pseudo-entries: their matches shield findings, they are never reported. */
export const ALLOW_RULE = '$allow';

/** An entry of the phrase data, compiled: literals are in skeleton form, `@lists` expanded. */
export interface CompiledEntry {
  /** Position in the set, unique per compile. */
  readonly serial: number;
  readonly ruleId: string;
  readonly role: string;
  /** `<file or pack>#<index>` unless the data names it. */
  readonly id: string;
  readonly category?: PhraseCategory;
  readonly locale?: string;
  readonly at?: 'clause-start' | 'clause-end' | 'clause';
  readonly mood?: 'question';
  readonly maxGap: number;
  /** Digits may follow a Latin literal ending in a letter (wx12345). */
  readonly digitsAfter?: true;
  readonly unlessPrecededBy?: readonly string[];
  readonly unlessFollowedBy?: readonly string[];
  readonly unlessBefore?: readonly string[];
  readonly beforeWindow: number;
  readonly unlessAfter?: readonly string[];
  readonly afterWindow: number;
  readonly unlessInside?: readonly string[];
  readonly unlessLater?: readonly string[];
  readonly expected?: string;
  readonly fix?: string;
  readonly note?: string;
}

/** Where an entry comes from, for compile problems and example checks. */
export interface EntrySource {
  ruleId: string;
  role?: string;
  locale?: string;
  /** The data file or pack name. */
  file: string;
  /** JSON path of the entry in its file, e.g. `phrases[3]`. */
  path: string;
  entry: CompilableEntry;
}

/** One phrase found in a reply's skeleton: `[start, end)` are skeleton offsets. */
export interface PhraseMatch {
  readonly entry: CompiledEntry;
  readonly start: number;
  readonly end: number;
}

interface CompiledPattern {
  readonly entry: CompiledEntry;
  /** Literals between `…` gaps; parts[0] is the automaton's keyword. */
  readonly parts: readonly string[];
  readonly wordStart: boolean;
  readonly wordEnd: boolean;
  /**
   * For `anchor…(a|b|c)`: the alternatives after the gap, by first character, longest first, so
   * each gap position costs one lookup however many alternatives there are.
   */
  readonly tails?: ReadonlyMap<number, readonly string[]>;
  /** Whether each tail ends a Latin word (checked like `wordEnd`). */
  readonly tailWordEnd?: boolean;
  /**
   * The tails follow the anchor directly (`anchor(a|b|c)`, no gap): a pattern ending in a word
   * class puts only its head in the automaton, not head × class.
   */
  readonly adjacent?: boolean;
}

/** A keyword's patterns, and the scan in which all of them went past their entries' caps. */
interface KeywordPatterns {
  readonly patterns: CompiledPattern[];
  exhaustedScan: number;
}

const DEFAULT_GAP = 8;
/** Matches kept per entry and reply; far above what the linter reports (MAX_FINDINGS_PER_RULE). */
export const MAX_MATCHES_PER_ENTRY = 1000;
/**
 * Candidates tried per entry and reply, matched or not: a megabyte of a near miss (已发货 for an
 * entry that wants 已发 with nothing after) would otherwise try every one of its 300,000 places.
 * Only text far beyond any real reply reaches it.
 */
export const MAX_TRIES_PER_ENTRY = 10 * MAX_MATCHES_PER_ENTRY;
const DEFAULT_BEFORE_WINDOW = 8;
const DEFAULT_AFTER_WINDOW = 12;

/**
 * Every phrase of every rule in one Aho–Corasick automaton over reply skeletons: a reply is scanned
 * once whatever the number of phrases; gaps, word boundaries and `unless…` contexts are checked on
 * the few hits only, in windows of bounded size so a megabyte of adversarial text stays linear.
 */
export class PhraseSet {
  readonly entries: readonly CompiledEntry[];
  /** How texts are read into skeletons for this set (the alphabet its literals were compiled with). */
  readonly reader: SkeletonReader;
  private readonly automaton: Automaton | null;
  private scanner: AutomatonScanner | null | undefined;
  private readonly byKeyword: Map<string, KeywordPatterns>;
  // Per entry, stamped with the scan they belong to (no clearing between scans): matches kept so
  // far, candidates tried so far, and the last start of any of its `unlessLater` literals.
  private readonly counts: Int32Array;
  private readonly tries: Int32Array;
  private readonly countScan: Int32Array;
  private readonly lastLater: Int32Array;
  private readonly lastLaterScan: Int32Array;
  private scan = 0;
  // The scan in progress, read by `onKeyword` (one callback for every scan, no closure per text).
  private skeleton: Skeleton | undefined;
  /** The skeleton's code units while it is scanned by code unit (its string not made yet), and its length. */
  private units: Uint16Array | undefined;
  private length = 0;
  private only: CompiledEntry | undefined;
  private found: PhraseMatch[] = [];

  private constructor(entries: CompiledEntry[], patterns: CompiledPattern[], reader: SkeletonReader) {
    this.entries = entries;
    this.reader = reader;
    this.byKeyword = new Map();
    for (const pattern of patterns) {
      const keyword = pattern.parts[0]!;
      const list = this.byKeyword.get(keyword);
      if (list) list.patterns.push(pattern);
      else this.byKeyword.set(keyword, { patterns: [pattern], exhaustedScan: 0 });
    }
    this.automaton = this.byKeyword.size > 0 ? createAutomaton([...this.byKeyword.keys()]) : null;
    this.counts = new Int32Array(entries.length);
    this.tries = new Int32Array(entries.length);
    this.countScan = new Int32Array(entries.length);
    this.lastLater = new Int32Array(entries.length);
    this.lastLaterScan = new Int32Array(entries.length);
  }

  /**
   * Compile entries; `issues` lists every problem (unknown `@list`, a literal that is only noise…).
   * The set is built from the entries without problems, so callers decide whether to throw.
   */
  static compile(
    sources: readonly EntrySource[],
    lists: ReadonlyMap<string, readonly string[]>,
    reader: SkeletonReader,
    /** `false` expands every pattern in full: the reference the adjacent-tail compile is tested against. */
    useAdjacentTails = true,
  ): { set: PhraseSet; issues: HuashuIssue[]; compiled: Array<CompiledEntry | undefined> } {
    // Many literals recur (shared lists, the same word in several entries): each is read once.
    const skeletons = new Map<string, string>();
    const skeletonText = (literal: string): string => {
      let text = skeletons.get(literal);
      if (text === undefined) skeletons.set(literal, (text = reader.skeletonText(literal)));
      return text;
    };
    const issues: HuashuIssue[] = [];
    const compiledFor: Array<CompiledEntry | undefined> = [];
    const entries: CompiledEntry[] = [];
    const patterns: CompiledPattern[] = [];
    const listCache = new Map<string, string[]>();
    for (const source of sources) {
      const problems: HuashuIssue[] = [];
      const problem = (path: string, message: string) =>
        problems.push({ file: source.file, path: `${source.path}${path}`, message });
      const { entry } = source;
      const literals = (field: keyof CompilableEntry & `unless${string}`): string[] | undefined => {
        const values = entry[field];
        if (values === undefined) return undefined;
        const out: string[] = [];
        values.forEach((value, index) => {
          if (value.startsWith('@')) {
            const name = value.slice(1);
            const list = lists.get(name);
            if (list === undefined) return problem(`.${field}[${index}]`, `no shared list "${name}"`);
            let compiled = listCache.get(name);
            if (compiled === undefined) {
              compiled = list.map(skeletonText).filter((text) => text !== '');
              listCache.set(name, compiled);
            }
            out.push(...compiled);
          } else {
            const text = skeletonText(value);
            if (text === '')
              problem(`.${field}[${index}]`, `"${value}" is only spaces, punctuation or particles`);
            else out.push(text);
          }
        });
        return [...new Set(out)];
      };
      const compiled: CompiledEntry = {
        serial: entries.length,
        ruleId: source.ruleId,
        role: entry.role ?? source.role ?? 'phrase',
        id: entry.id ?? `${source.file}#${source.path}`,
        maxGap: entry.maxGap ?? DEFAULT_GAP,
        beforeWindow: entry.beforeWindow ?? DEFAULT_BEFORE_WINDOW,
        afterWindow: entry.afterWindow ?? DEFAULT_AFTER_WINDOW,
        ...optional('category', entry.category),
        ...optional('locale', source.locale),
        ...optional('at', entry.at),
        ...optional('mood', entry.mood),
        ...optional('digitsAfter', entry.digitsAfter),
        ...optional('unlessPrecededBy', literals('unlessPrecededBy')),
        ...optional('unlessFollowedBy', literals('unlessFollowedBy')),
        ...optional('unlessBefore', literals('unlessBefore')),
        ...optional('unlessAfter', literals('unlessAfter')),
        ...optional('unlessInside', literals('unlessInside')),
        ...optional('unlessLater', literals('unlessLater')),
        ...optional('expected', entry.expected),
        ...optional('fix', entry.fix),
        ...optional('note', entry.note),
      };
      const own: CompiledPattern[] = [];
      entry.patterns.forEach((pattern, index) => {
        const adjacent = useAdjacentTails ? adjacentTails(pattern, skeletonText) : undefined;
        if (adjacent !== undefined) {
          // One pattern per head (and per kind of tail end), its tails in one table.
          for (const head of adjacent.heads) {
            for (const wordEnd of [false, true]) {
              const tails = new Map<number, string[]>();
              for (const tail of adjacent.tails) {
                if (isWordCode(tail.charCodeAt(tail.length - 1)) !== wordEnd) continue;
                const list = tails.get(tail.charCodeAt(0));
                if (list === undefined) tails.set(tail.charCodeAt(0), [tail]);
                else if (!list.includes(tail)) list.push(tail);
              }
              if (tails.size === 0) continue;
              for (const list of tails.values()) list.sort((a, b) => b.length - a.length);
              const parts = [head];
              own.push({
                entry: compiled,
                parts,
                wordStart: isWordCode(head.charCodeAt(0)),
                wordEnd,
                tails,
                tailWordEnd: wordEnd,
                adjacent: true,
              });
            }
          }
          return;
        }
        const options = expandAlternatives(pattern);
        if (options === undefined) return problem(`.patterns[${index}]`, `malformed pattern "${pattern}"`);
        for (const option of options) {
          const parts = option.split('…').map(skeletonText);
          if (parts.some((part) => part === '')) {
            problem(
              `.patterns[${index}]`,
              `"${option}" has a part that is only spaces, punctuation or particles (they are ignored when matching)`,
            );
            continue;
          }
          const first = parts[0]!;
          const last = parts[parts.length - 1]!;
          own.push({
            entry: compiled,
            parts,
            wordStart: isWordCode(first.charCodeAt(0)),
            wordEnd: isWordCode(last.charCodeAt(last.length - 1)),
          });
        }
      });
      if (problems.length > 0) {
        issues.push(...problems);
        compiledFor.push(undefined);
        continue;
      }
      compiledFor.push(compiled);
      entries.push(compiled);
      patterns.push(...mergeTails(dedupePatterns(own)));
    }
    return { set: new PhraseSet(entries, patterns, reader), issues, compiled: compiledFor };
  }

  /**
   * Every phrase match in the skeleton, in the automaton's order (by end of the first literal),
   * appended to `found`. At most `MAX_MATCHES_PER_ENTRY` per entry: only degenerate input has more.
   */
  match(skeleton: Skeleton, only?: CompiledEntry, found: PhraseMatch[] = []): PhraseMatch[] {
    const length = skeletonLength(skeleton);
    if (this.automaton === null || length === 0) return found;
    if (this.scan === 0x7fffffff) {
      this.scan = 0;
      this.countScan.fill(0);
      this.lastLaterScan.fill(0);
      for (const keyword of this.byKeyword.values()) keyword.exhaustedScan = 0;
    }
    this.scan++;
    this.skeleton = skeleton;
    this.length = length;
    this.only = only;
    this.found = found;
    try {
      this.scanner ??= AutomatonScanner.of(this.automaton);
      const units = skeletonUnits(skeleton);
      this.units = units;
      // Most replies have no phrase: scanned by code unit, their skeleton never becomes a string.
      if (this.scanner !== null && units !== undefined) this.scanner.scanCodes(units, length, this.onHit);
      else if (this.scanner !== null) this.scanner.scan(skeleton.text, this.onKeyword);
      else scanKeywords(this.automaton, skeleton.text, this.onKeyword);
    } finally {
      this.skeleton = undefined;
      this.units = undefined;
      this.only = undefined;
      this.found = [];
    }
    return found;
  }

  // Scanned by code unit: the skeleton's string is made only when a candidate gets past the checks
  // the units answer (most hits are a head whose tail does not follow).
  private readonly onHit = (begin: number, hitEnd: number, keyword: string): void =>
    this.onKeyword(undefined, begin, hitEnd, keyword);

  private readonly onKeyword = (
    scanned: string | undefined,
    begin: number,
    hitEnd: number,
    keyword: string,
  ): void => {
    const candidates = this.byKeyword.get(keyword);
    if (candidates === undefined || candidates.exhaustedScan === this.scan) return;
    const skeleton = this.skeleton!;
    // Whether every pattern of this keyword is past its entry's caps: the keyword's further hits
    // in this scan are then skipped at once (a megabyte of 谢谢 is 500,000 hits).
    let exhausted = this.only === undefined;
    for (const pattern of candidates.patterns) {
      const entry = pattern.entry;
      if (this.only !== undefined && entry !== this.only) continue;
      const serial = entry.serial;
      if (this.countScan[serial] !== this.scan) {
        this.countScan[serial] = this.scan;
        this.counts[serial] = 0;
        this.tries[serial] = 0;
      }
      const count = this.counts[serial]! + 1;
      // Past either cap an entry costs nothing more: degenerate input (a megabyte of one phrase,
      // or of a near miss that fails its context every time) stays linear with a small constant.
      if (count > MAX_MATCHES_PER_ENTRY || ++this.tries[serial]! > MAX_TRIES_PER_ENTRY) continue;
      exhausted = false;
      const end = this.matchRest(skeleton, pattern, begin, hitEnd);
      if (end < 0) continue;
      if (!this.contextAllows(skeleton, entry, begin, end)) continue;
      if (entry.unlessLater !== undefined) {
        if (this.lastLaterScan[serial] !== this.scan) {
          const text = scanned ?? skeleton.text;
          let last = -1;
          for (const literal of entry.unlessLater) last = Math.max(last, text.lastIndexOf(literal));
          this.lastLater[serial] = last;
          this.lastLaterScan[serial] = this.scan;
        }
        if (this.lastLater[serial]! >= end) continue;
      }
      this.counts[serial] = count;
      // Two alternatives of an entry may find the same span: the linter reports a span once.
      this.found.push({ entry, start: begin, end });
    }
    if (exhausted) candidates.exhaustedScan = this.scan;
  };

  /** Read, skeletonise and match one text: for example checks and one-off matching. */
  matchText(text: string, only?: CompiledEntry): PhraseMatch[] {
    return this.match(this.reader.readAside(text), only);
  }

  /** End of the whole pattern when its gaps and boundaries fit, else -1. */
  private matchRest(skeleton: Skeleton, pattern: CompiledPattern, start: number, firstEnd: number): number {
    if (pattern.wordStart && !wordBoundaryBefore(skeleton, start)) return -1;
    if (pattern.tails !== undefined) return this.matchTail(skeleton, pattern, firstEnd);
    const { text, breaks } = skeleton;
    let position = firstEnd;
    const parts = pattern.parts;
    for (let p = 1; p < parts.length; p++) {
      const part = parts[p]!;
      const limit = Math.min(position + pattern.entry.maxGap, text.length - part.length);
      let at = -1;
      for (let i = position; i <= limit; i++) {
        // A gap stays inside one sentence.
        if (breaks[i] === Break.Sentence) break;
        if (text.startsWith(part, i)) {
          at = i;
          break;
        }
      }
      if (at < 0) return -1;
      position = at + part.length;
    }
    if (pattern.wordEnd && !wordEndsAt(skeleton, position, pattern.entry)) return -1;
    return position;
  }

  /** The first gap position where a tail starts; the longest tail there. */
  private matchTail(skeleton: Skeleton, pattern: CompiledPattern, position: number): number {
    const breaks = skeleton.breaks;
    const units = this.units;
    // Adjacent tails are the rest of one literal: no gap, and (like any literal) not stopped by a break.
    const limit = Math.min(
      position + (pattern.adjacent === true ? 0 : pattern.entry.maxGap),
      this.length - 1,
    );
    for (let i = position; i <= limit; i++) {
      if (breaks[i] === Break.Sentence && pattern.adjacent !== true) return -1;
      const tails = pattern.tails!.get(units !== undefined ? units[i]! : skeleton.text.charCodeAt(i));
      if (tails === undefined) continue;
      for (const tail of tails) {
        if (
          !(units !== undefined
            ? unitsStartWith(units, this.length, tail, i)
            : skeleton.text.startsWith(tail, i))
        )
          continue;
        const end = i + tail.length;
        if (pattern.tailWordEnd && !wordEndsAt(skeleton, end, pattern.entry)) continue;
        return end;
      }
    }
    return -1;
  }

  private contextAllows(skeleton: Skeleton, entry: CompiledEntry, start: number, end: number): boolean {
    const { text, breaks } = skeleton;
    const at = entry.at;
    if ((at === 'clause-start' || at === 'clause') && (breaks[start] ?? Break.Sentence) < Break.Clause)
      return false;
    if ((at === 'clause-end' || at === 'clause') && (breaks[end] ?? Break.Sentence) < Break.Clause)
      return false;
    if (entry.mood === 'question' && !clauseIsQuestion(skeleton, end)) return false;
    if (entry.unlessPrecededBy !== undefined && (breaks[start] ?? Break.Sentence) < Break.Clause)
      for (const literal of entry.unlessPrecededBy) if (text.endsWith(literal, start)) return false;
    if (entry.unlessFollowedBy !== undefined && (breaks[end] ?? Break.Sentence) < Break.Clause)
      for (const literal of entry.unlessFollowedBy) if (text.startsWith(literal, end)) return false;
    if (entry.unlessInside !== undefined)
      for (const literal of entry.unlessInside) if (occursWithin(text, literal, start, end)) return false;
    if (entry.unlessBefore !== undefined) {
      let from = start;
      while (from > 0 && start - from < entry.beforeWindow && breaks[from] !== Break.Sentence) from--;
      for (const literal of entry.unlessBefore) if (occursWithin(text, literal, from, start)) return false;
    }
    if (entry.unlessAfter !== undefined) {
      let to = end;
      while (to < text.length && to - end < entry.afterWindow && breaks[to] !== Break.Sentence) to++;
      for (const literal of entry.unlessAfter) if (occursWithin(text, literal, end, to)) return false;
    }
    return true;
  }
}

/** How far (skeleton characters) a phrase may stand from the end of the question it is part of. */
const QUESTION_WINDOW = 48;
/** How far (reply characters) after a clause's last kept character its question mark may stand. */
const QUESTION_MARK_WINDOW = 8;

/**
 * Whether the clause around skeleton offset `end` ends as a question: its last kept character is
 * 吗 (嗎 folds to it; not 么, which ends 怎么 and 为什么), or a ? / ？ follows it in the reply as
 * written. The clause, not the sentence: in 您没看到的话我再发一次，可以吗？ the question is the
 * second clause's. Both searches are bounded, so a long text with many candidates stays linear.
 */
export function clauseIsQuestion(skeleton: Skeleton, end: number): boolean {
  const { text, breaks } = skeleton;
  const limit = Math.min(text.length, end + QUESTION_WINDOW);
  let next = end;
  while (next < limit && (breaks[next] ?? Break.Sentence) < Break.Clause) next++;
  if (next < text.length && (breaks[next] ?? Break.Sentence) < Break.Clause) return false;
  const last = next - 1;
  if (last < 0) return false;
  if (text[last] === '吗') return true;
  return gapAfterHas(skeleton, next, isQuestionMark, QUESTION_MARK_WINDOW);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function dedupePatterns(patterns: CompiledPattern[]): CompiledPattern[] {
  const seen = new Set<string>();
  return patterns.filter((p) => {
    // Adjacent-tail patterns are one per head already.
    if (p.adjacent === true) return true;
    const key = p.parts.join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Characters whose skeleton depends on their neighbours (亲 as an address, a decimal point, an apostrophe). */
const CONTEXT_CHARACTERS = /[亲親.'’]/;
/** A final word class this large or larger is matched as adjacent tails. */
const MIN_ADJACENT_TAILS = 2;

/**
 * A pattern without gaps that ends in a group of alternatives (`你(没|没有)(看|读|瞧)`), split into
 * its heads and tails, skeletonised: the automaton then holds each head once, and the tails are
 * looked up where a head ends — the same literals as the full expansion (the property test in
 * test/lint/adjacent-tails.test.ts checks it), at a fraction of the automaton's size.
 * Undefined when the pattern does not have that shape, when a head or a tail folds to nothing,
 * when the group has an empty alternative, or when the join could fold differently (亲, a dot, an
 * apostrophe on either side): those patterns are expanded in full.
 */
function adjacentTails(
  pattern: string,
  skeletonText: (literal: string) => string,
): { heads: string[]; tails: string[] } | undefined {
  if (pattern.includes('…') || !pattern.endsWith(')')) return undefined;
  const open = pattern.lastIndexOf('(');
  if (open <= 0) return undefined;
  const alternatives = pattern.slice(open + 1, -1).split('|');
  if (alternatives.length < MIN_ADJACENT_TAILS || alternatives.some((a) => a === '')) return undefined;
  const written = expandAlternatives(pattern.slice(0, open));
  if (written === undefined) return undefined;
  const tails: string[] = [];
  for (const alternative of alternatives) {
    if (CONTEXT_CHARACTERS.test(alternative[0]!)) return undefined;
    const tail = skeletonText(alternative);
    if (tail === '') return undefined;
    tails.push(tail);
  }
  const heads = new Set<string>();
  for (const head of written) {
    if (head === '' || CONTEXT_CHARACTERS.test(head[head.length - 1]!)) return undefined;
    const folded = skeletonText(head);
    if (folded === '') return undefined;
    heads.add(folded);
  }
  return { heads: [...heads], tails };
}

/**
 * Two-part patterns of one entry with the same anchor (`一定…到`, `一定…送达`…) become one pattern
 * with a tail table. Latin tails keep their own patterns when word ends differ.
 */
function mergeTails(patterns: CompiledPattern[]): CompiledPattern[] {
  const out: CompiledPattern[] = [];
  const groups = new Map<string, CompiledPattern[]>();
  for (const pattern of patterns) {
    if (pattern.parts.length !== 2 || pattern.tails !== undefined) {
      out.push(pattern);
      continue;
    }
    const key = `${pattern.parts[0]}\u0000${pattern.wordStart}\u0000${pattern.wordEnd}`;
    const group = groups.get(key);
    if (group) group.push(pattern);
    else groups.set(key, [pattern]);
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    const tails = new Map<number, string[]>();
    for (const pattern of group) {
      const tail = pattern.parts[1]!;
      const list = tails.get(tail.charCodeAt(0));
      if (list === undefined) tails.set(tail.charCodeAt(0), [tail]);
      else if (!list.includes(tail)) list.push(tail);
    }
    for (const list of tails.values()) list.sort((a, b) => b.length - a.length);
    out.push({ ...first, tails, tailWordEnd: first.wordEnd });
  }
  return out;
}

/** The first `length` of `units` (a skeleton's code units; the array may be longer) hold `literal` at `at`. */
function unitsStartWith(units: Uint16Array, length: number, literal: string, at: number): boolean {
  if (at + literal.length > length) return false;
  for (let k = 0; k < literal.length; k++) if (units[at + k] !== literal.charCodeAt(k)) return false;
  return true;
}

/** A Latin literal of `entry` may end at `end`: a word boundary, or digits when the entry allows them. */
function wordEndsAt(skeleton: Skeleton, end: number, entry: CompiledEntry): boolean {
  return (
    wordBoundaryAfter(skeleton, end) ||
    (entry.digitsAfter === true &&
      isDigitCode(skeleton.text.charCodeAt(end)) &&
      !isDigitCode(skeleton.text.charCodeAt(end - 1)))
  );
}

/** `literal` lies entirely inside `[from, to)` of `text`. Bounded: O((to - from) · |literal|). */
export function occursWithin(text: string, literal: string, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i + literal.length <= to; i++) if (text.startsWith(literal, i)) return true;
  return false;
}

/** A Latin pattern may only start where a word starts (`ask` is not in `task`). */
export function wordBoundaryBefore(skeleton: Skeleton, start: number): boolean {
  return (
    start === 0 ||
    (skeleton.breaks[start] ?? Break.Sentence) >= Break.Word ||
    !isWordCode(skeleton.text.charCodeAt(start - 1))
  );
}

export function wordBoundaryAfter(skeleton: Skeleton, end: number): boolean {
  return (
    end >= skeleton.text.length ||
    (skeleton.breaks[end] ?? Break.Sentence) >= Break.Word ||
    !isWordCode(skeleton.text.charCodeAt(end))
  );
}
