import { AhoCorasick } from '@monyone/aho-corasick/fast';
import { automatonSnapshot } from '../generated/automata.js';
import { restoreAutomaton } from './automaton-snapshot.js';

/**
 * Multi-phrase matching with @monyone/aho-corasick's double-array automaton.
 *
 * Building a double array for a few thousand phrases takes 30–130 ms, which would dominate the
 * time from import to the first result. The built-in phrase sets are fixed at build time, so
 * each data generator snapshots the automata of its own lists (scripts/data/automata.ts,
 * ./automaton-snapshot.ts); at run time a phrase list with a stored snapshot is restored from it
 * (same library, same matching code, same output order), and any other list (user packs) is built
 * as usual.
 */
export type Automaton = AhoCorasick;

type CreateListener = (keywords: readonly string[], restored: boolean) => void;
let createListener: CreateListener | undefined;

/**
 * Build time and tests: the phrase lists `createAutomaton` is called with while `run` runs, and
 * whether each came from a snapshot. The data generators use it to learn their lists from the
 * code that builds them.
 */
export function captureAutomatonLists(run: () => unknown): Array<{ keywords: string[]; restored: boolean }> {
  const lists: Array<{ keywords: string[]; restored: boolean }> = [];
  const previous = createListener;
  createListener = (keywords, restored) => lists.push({ keywords: [...keywords], restored });
  try {
    run();
  } finally {
    createListener = previous;
  }
  return lists;
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

const restored = new Map<string, AhoCorasick>();

/** An automaton for `keywords`: restored from a build-time snapshot when there is one, else built. */
export function createAutomaton(keywords: readonly string[]): AhoCorasick {
  const key = automatonKey(keywords);
  const snapshot = automatonSnapshot(key);
  createListener?.(keywords, snapshot !== undefined);
  if (snapshot !== undefined) {
    // Matching never mutates the automaton, so every assistant (and linter) shares one restored copy.
    let automaton = restored.get(key);
    if (automaton === undefined) {
      automaton = restoreAutomaton(snapshot, keywords);
      restored.set(key, automaton);
    }
    return automaton;
  }
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

  /** As `scan`, over the first `length` code units of `units`: a text not made into a string yet. */
  scanCodes(
    units: ArrayLike<number>,
    length: number,
    onKeyword: (begin: number, end: number, keyword: string) => void,
  ): void {
    const { base, check, failure, keywords } = this.trie;
    let node = 0;
    for (let i = 0; i < length; i++) {
      const code = this.codes[units[i]!] ?? 0;
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
      if (found) for (const keyword of found) onKeyword(i + 1 - keyword.length, i + 1, keyword);
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
