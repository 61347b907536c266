import { AhoCorasick } from '@monyone/aho-corasick/fast';
import { AUTOMATON_SNAPSHOTS } from '../generated/automata.js';

/**
 * Multi-phrase matching with @monyone/aho-corasick's double-array automaton.
 *
 * Building a double array for a few thousand phrases takes 30–130 ms, which would dominate the
 * time from import to the first result. The built-in phrase sets are fixed at build time, so
 * `scripts/data/automata.ts` builds them once and stores the arrays; at run time a phrase list
 * with a stored snapshot is restored from it (same library, same matching code, same output
 * order), and any other list (user packs) is built as usual.
 */
export type Automaton = AhoCorasick;

/** The state of the library's double array, as plain data. */
export interface AutomatonSnapshot {
  /** Characters in code order: `chars[i]` has code `i + 1`. */
  chars: string;
  base: number[];
  check: number[];
  failure: number[];
  head: number;
  tail: number;
  /** Unique keywords, referenced by index from `outputs`. */
  words: string[];
  /** `[node, wordIndex…]` for every node with outputs, in the library's order. */
  outputs: number[][];
}

interface DoubleArrayState {
  head: number;
  tail: number;
  base: ArrayLike<number>;
  check: ArrayLike<number>;
  failure: ArrayLike<number>;
  keywords: Array<string[] | null>;
  code: Map<string, number>;
}

type BuildListener = (keywords: readonly string[]) => void;
let buildListener: BuildListener | undefined;

/** Build-time hook: called with every phrase list built without a snapshot. */
export function onAutomatonBuild(listener: BuildListener | undefined): void {
  buildListener = listener;
}

/** A key for an ordered phrase list (two 32-bit FNV-1a hashes and the count). */
export function automatonKey(keywords: readonly string[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const keyword of keywords) {
    for (let i = 0; i < keyword.length; i++) {
      const c = keyword.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    h1 = Math.imul(h1 ^ 0xffff, 0x01000193);
    h2 = Math.imul(h2 ^ 0xffff, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return `${keywords.length}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
}

/** Snapshot of an automaton built for `keywords` (build time). */
export function snapshotAutomaton(keywords: readonly string[]): AutomatonSnapshot {
  const trie = (new AhoCorasick([...keywords]) as unknown as { trie: DoubleArrayState }).trie;
  const chars = [...trie.code.entries()].sort((a, b) => a[1] - b[1]).map(([c]) => c);
  const wordIndex = new Map<string, number>();
  const words: string[] = [];
  const outputs: number[][] = [];
  trie.keywords.forEach((list, node) => {
    if (!list || list.length === 0) return;
    outputs.push([
      node,
      ...list.map((word) => {
        let index = wordIndex.get(word);
        if (index === undefined) {
          index = words.length;
          words.push(word);
          wordIndex.set(word, index);
        }
        return index;
      }),
    ]);
  });
  return {
    chars: chars.join(''),
    base: Array.from(trie.base),
    check: Array.from(trie.check),
    failure: Array.from(trie.failure),
    head: trie.head,
    tail: trie.tail,
    words,
    outputs,
  };
}

let doubleArrayPrototype: object | undefined;

/** Rebuild the library's automaton from a snapshot without re-running its construction. */
export function restoreAutomaton(snapshot: AutomatonSnapshot): AhoCorasick {
  doubleArrayPrototype ??= Object.getPrototypeOf(
    (new AhoCorasick(['a']) as unknown as { trie: object }).trie,
  ) as object;
  const keywords: Array<string[] | null> = new Array<string[] | null>(snapshot.base.length).fill(null);
  for (const [node, ...indices] of snapshot.outputs) {
    keywords[node ?? 0] = indices.map((i) => snapshot.words[i] ?? '');
  }
  const code = new Map<string, number>();
  // Characters are stored by UTF-16 unit, as the library splits keywords.
  for (let i = 0; i < snapshot.chars.length; i++) code.set(snapshot.chars[i]!, i + 1);
  const state: DoubleArrayState = {
    head: snapshot.head,
    tail: snapshot.tail,
    base: Int32Array.from(snapshot.base),
    check: Int32Array.from(snapshot.check),
    failure: Int32Array.from(snapshot.failure),
    keywords,
    code,
  };
  const automaton = Object.create(AhoCorasick.prototype) as AhoCorasick;
  (automaton as unknown as { trie: DoubleArrayState }).trie = Object.assign(
    Object.create(doubleArrayPrototype),
    state,
  );
  return automaton;
}

const restored = new Map<string, AhoCorasick>();

/** An automaton for `keywords`: restored from a build-time snapshot when there is one, else built. */
export function createAutomaton(keywords: readonly string[]): AhoCorasick {
  const key = automatonKey(keywords);
  const stored = AUTOMATON_SNAPSHOTS[key];
  if (stored !== undefined) {
    // Matching never mutates the automaton, so every assistant (and linter) shares one restored copy.
    let automaton = restored.get(key);
    if (automaton === undefined) {
      automaton = restoreAutomaton(JSON.parse(stored) as AutomatonSnapshot);
      restored.set(key, automaton);
    }
    return automaton;
  }
  buildListener?.(keywords);
  return new AhoCorasick([...keywords]);
}

/** The double array inside @monyone/aho-corasick's fast automaton (see src/text/automaton.ts). */
interface DoubleArray {
  code: Map<string, number>;
  base: ArrayLike<number>;
  check: ArrayLike<number>;
  failure: ArrayLike<number>;
  keywords: ArrayLike<readonly string[] | null>;
}

/**
 * The same Aho–Corasick pass as the library's `matchInText`, driven by character code: the
 * library looks each character up as a one-character string (a new string per CJK character) and
 * returns an object per match; this walks the same double array with a code table and reports
 * matches through a callback, so matching allocates nothing.
 */
export class AutomatonScanner {
  private constructor(
    private readonly codes: Int32Array,
    private readonly trie: DoubleArray,
  ) {}

  static of(automaton: Automaton): AutomatonScanner | null {
    const trie = (automaton as unknown as { trie?: Partial<DoubleArray> }).trie;
    if (!trie?.code || !trie.base || !trie.check || !trie.failure || !trie.keywords) return null;
    const codes = new Int32Array(0x10000);
    for (const [character, code] of trie.code) {
      if (character.length !== 1) return null;
      codes[character.charCodeAt(0)] = code;
    }
    return new AutomatonScanner(codes, trie as DoubleArray);
  }

  scan(text: string, onKeyword: (text: string, begin: number, end: number, keyword: string) => void): void {
    const { base, check, failure, keywords } = this.trie;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const code = this.codes[text.charCodeAt(i)] ?? 0;
      if (code === 0) {
        node = 0;
        continue;
      }
      let next = 0;
      for (let state = node; state >= 0; state = failure[state] ?? -1) {
        const candidate = state + (base[state] ?? 0) + code;
        if (check[candidate] === state) {
          next = candidate;
          break;
        }
      }
      node = next;
      const found = keywords[node];
      if (found) for (const keyword of found) onKeyword(text, i + 1 - keyword.length, i + 1, keyword);
    }
  }
}

const scanners = new WeakMap<Automaton, AutomatonScanner | null>();

/**
 * Every keyword occurrence in `text`, in the order of the library's `matchInText` (by end, then
 * as stored), reported through `onKeyword` without allocating: one pass by character code.
 */
export function scanKeywords(
  automaton: Automaton,
  text: string,
  onKeyword: (text: string, begin: number, end: number, keyword: string) => void,
): void {
  let scanner = scanners.get(automaton);
  if (scanner === undefined) {
    scanner = AutomatonScanner.of(automaton);
    scanners.set(automaton, scanner);
  }
  if (scanner !== null) scanner.scan(text, onKeyword);
  else
    for (const { begin, end, keyword } of automaton.matchInText(text)) onKeyword(text, begin, end, keyword);
}
