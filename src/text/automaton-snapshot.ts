import { AhoCorasick } from '@monyone/aho-corasick/fast';
import {
  encodeVarints,
  VARINT_ENDS as ENDS,
  VARINT_STEP as STEP,
  VARINT_VALUE as VALUE,
  zigzag,
} from '../util/varint.js';

/**
 * Compact snapshots of @monyone/aho-corasick's double-array automaton (see ./automaton.ts).
 *
 * The library spends 30–130 ms placing a few thousand phrases in its double array; the built-in
 * phrase lists are fixed at build time, so each data generator stores the placement of its lists
 * (scripts/data/automata.ts) and the run time only replays it. A snapshot holds what cannot be
 * recomputed cheaply — where each node's children sit — and nothing the caller already has:
 *
 * - `chars`: the alphabet in code order (`chars[i]` has code `i + 1`, the library's
 *   first-appearance order), so the scanner's code table needs no pass over the phrases;
 * - `trie`: the nodes in breadth-first order, each as varints: its number of children, then (if
 *   any) the zigzag delta of its children's offset (`node + base[node]`) from the previous one,
 *   then its children's codes as gaps, as ../util/varint.ts writes them (plain ASCII, so bundlers
 *   do not escape it).
 *
 * `check` (each child's parent) follows from the placement; failure links are computed in the
 * same breadth-first pass exactly as the library computes them; each node's outputs are the
 * phrases that end there (in the caller's order) followed by those of its failure node, as the
 * library lists them. A restored automaton therefore reports the same matches in the same order.
 */
export interface AutomatonSnapshot {
  /** Length of the double array. */
  size: number;
  /** Characters in code order: `chars[i]` has code `i + 1`. */
  chars: string;
  /** The breadth-first node stream described above. */
  trie: string;
}

/** The double array inside the library's fast automaton. */
export interface DoubleArrayState {
  head: number;
  tail: number;
  base: ArrayLike<number>;
  check: ArrayLike<number>;
  failure: ArrayLike<number>;
  keywords: Array<string[] | null>;
  code: Map<string, number>;
}

/** The trie of the automaton the library builds for `keywords` (build time). */
function libraryTrie(keywords: readonly string[]): DoubleArrayState {
  return (new AhoCorasick([...keywords]) as unknown as { trie: DoubleArrayState }).trie;
}

/** Snapshot of the automaton the library builds for `keywords` (build time). */
export function snapshotAutomaton(keywords: readonly string[]): AutomatonSnapshot {
  const trie = libraryTrie(keywords);
  const size = trie.base.length;
  const children: number[][] = Array.from({ length: size }, () => []);
  for (let slot = 1; slot < size; slot++) {
    const parent = trie.check[slot]!;
    if (parent >= 0) children[parent]!.push(slot - parent - trie.base[parent]!);
  }
  const stream: number[] = [];
  const queue = [0];
  let previousOffset = 0;
  for (let at = 0; at < queue.length; at++) {
    const node = queue[at]!;
    const codes = children[node]!.sort((a, b) => a - b);
    stream.push(codes.length);
    if (codes.length === 0) continue;
    const offset = node + trie.base[node]!;
    stream.push(zigzag(offset - previousOffset));
    previousOffset = offset;
    let previous = 0;
    for (const code of codes) {
      stream.push(code - previous - 1);
      previous = code;
      queue.push(offset + code);
    }
  }
  const chars = [...trie.code.entries()].sort((a, b) => a[1] - b[1]).map(([c]) => c);
  return { size, chars: chars.join(''), trie: encodeVarints(stream) };
}

let doubleArrayPrototype: object | undefined;

/**
 * The library's automaton for `keywords`, rebuilt from a snapshot of that same list without
 * re-running its placement. Throws when the snapshot does not fit the list (a build bug).
 */
export function restoreAutomaton(snapshot: AutomatonSnapshot, keywords: readonly string[]): AhoCorasick {
  const { size, chars, trie } = snapshot;
  const codeOf = new Int32Array(0x10000);
  const code = new Map<string, number>();
  for (let i = 0; i < chars.length; i++) {
    codeOf[chars.charCodeAt(i)] = i + 1;
    code.set(chars[i]!, i + 1);
  }
  const base = new Int32Array(size);
  const check = new Int32Array(size).fill(-1);
  const failure = new Int32Array(size).fill(-1);
  const queue = new Int32Array(size);
  check[0] = 0;
  let queued = 1;
  let at = 0;
  let previousOffset = 0;
  // One breadth-first pass: place each node's children, then their failure links (the library's
  // rule; a failure node is shallower, so its own children are already placed).
  for (let q = 0; q < queued; q++) {
    const node = queue[q]!;
    let value = 0;
    let scale = 1;
    let digit: number;
    do {
      digit = VALUE[trie.charCodeAt(at++)]!;
      value += digit * scale;
      scale *= STEP;
    } while (digit >= ENDS);
    const count = value;
    if (count === 0) continue;
    value = 0;
    scale = 1;
    do {
      digit = VALUE[trie.charCodeAt(at++)]!;
      value += digit * scale;
      scale *= STEP;
    } while (digit >= ENDS);
    const offset = previousOffset + (value & 1 ? -((value + 1) >> 1) : value >> 1);
    previousOffset = offset;
    base[node] = offset - node;
    const parentFailure = failure[node]!;
    let c = 0;
    for (let k = 0; k < count; k++) {
      value = 0;
      scale = 1;
      do {
        digit = VALUE[trie.charCodeAt(at++)]!;
        value += digit * scale;
        scale *= STEP;
      } while (digit >= ENDS);
      c += value + 1;
      const child = offset + c;
      check[child] = node;
      let f = parentFailure;
      while (f >= 0 && check[f + base[f]! + c] !== f) f = failure[f]!;
      const next = f < 0 ? -1 : f + base[f]! + c;
      failure[child] = next < 0 ? 0 : check[next] !== f ? 0 : next;
      queue[queued++] = child;
    }
  }
  if (at !== trie.length) throw new Error('automaton snapshot: the node stream does not fit its size');
  failure[0] = -1;
  // Outputs as the library lists them: the phrases ending at a node (input order), then the
  // outputs of its failure node, filled in breadth-first order.
  const outputs: Array<string[] | null> = new Array<string[] | null>(size).fill(null);
  for (const keyword of keywords) {
    let node = 0;
    for (let i = 0; i < keyword.length; i++) {
      const next = node + base[node]! + codeOf[keyword.charCodeAt(i)]!;
      if (codeOf[keyword.charCodeAt(i)] === 0 || check[next] !== node)
        throw new Error(`automaton snapshot: "${keyword}" is not in the snapshot`);
      node = next;
    }
    const list = outputs[node];
    if (list) list.push(keyword);
    else outputs[node] = [keyword];
  }
  for (let q = 1; q < queued; q++) {
    const node = queue[q]!;
    const inherited = outputs[failure[node]!];
    if (!inherited) continue;
    const list = outputs[node];
    if (list) for (const keyword of inherited) list.push(keyword);
    else outputs[node] = inherited.slice();
  }
  doubleArrayPrototype ??= Object.getPrototypeOf(libraryTrie(['a'])) as object;
  const state: DoubleArrayState = { head: 1, tail: size - 1, base, check, failure, keywords: outputs, code };
  const automaton = Object.create(AhoCorasick.prototype) as AhoCorasick;
  (automaton as unknown as { trie: DoubleArrayState }).trie = Object.assign(
    Object.create(doubleArrayPrototype),
    state,
  );
  return automaton;
}
