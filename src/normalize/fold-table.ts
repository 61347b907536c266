import { T2S_PAIRS } from '../generated/hanzi.js';

/** How one BMP code unit is treated by `normalize`. */
export const enum CharKind {
  /** Kept (possibly replaced by `fold`). */
  Keep = 0,
  /** Dropped: zero-width, control, format characters. */
  Drop = 1,
  /** Any white space; runs collapse to one ASCII space. */
  Space = 2,
  /** Punctuation; a run of the same character collapses to one. */
  Punct = 3,
}

interface FoldEntry {
  kind: CharKind;
  /** Replacement text, or null when the character maps to itself. */
  fold: string | null;
}

const t2s = new Uint16Array(0x10000);
for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) t2s[T2S_PAIRS.charCodeAt(i)] = T2S_PAIRS.charCodeAt(i + 1);

const PUNCT = /^[\p{P}~^`|]$/u;
const SPACE = /^\s$/u;
// Default-ignorable and formatting characters that carry no meaning in chat text.
const DROP = /^(?:[\p{Cc}\p{Cf}\u115F\u1160\u3164\uFFA0]|\u034F|\u180B|\u180C|\u180D|\u180F)$/u;

function classify(code: number): FoldEntry {
  const char = String.fromCharCode(code);
  if (SPACE.test(char)) return { kind: CharKind.Space, fold: ' ' };
  if (DROP.test(char)) return { kind: CharKind.Drop, fold: null };
  const simplified = t2s[code];
  if (simplified) return { kind: CharKind.Keep, fold: String.fromCharCode(simplified) };
  let folded = char.normalize('NFKC').toLowerCase();
  // A compatibility character may fold to traditional Han (e.g. CJK compatibility ideographs).
  if (folded.length === 1) {
    const again = t2s[folded.charCodeAt(0)];
    if (again) folded = String.fromCharCode(again);
  }
  if (folded.length === 1 && SPACE.test(folded)) return { kind: CharKind.Space, fold: ' ' };
  if (folded === '') return { kind: CharKind.Drop, fold: null };
  const kind = folded.length === 1 && PUNCT.test(folded) ? CharKind.Punct : CharKind.Keep;
  return { kind, fold: folded === char ? null : folded };
}

/** `foldOf[code]`: the folded code, SELF (maps to itself) or MULTI (see `multiFolds`). */
export const SELF = -1;
export const MULTI = -2;
// Typed tables, filled once per distinct character: a 65,536-slot plain array would be a slow
// dictionary in V8, and these lookups run once per character of every message.
const kindOf = new Uint8Array(0x10000); // kind + 1; 0 = not computed yet
const foldOf = new Int32Array(0x10000);
const multiFolds = new Map<number, string>();

function fill(code: number): void {
  const entry = classify(code);
  kindOf[code] = entry.kind + 1;
  const fold = entry.fold;
  if (fold === null) foldOf[code] = SELF;
  else if (fold.length === 1) foldOf[code] = fold.charCodeAt(0);
  else {
    foldOf[code] = MULTI;
    multiFolds.set(code, fold);
  }
}

/** How `normalize` treats the BMP code unit (after folding it). */
export function foldKind(code: number): CharKind {
  if (kindOf[code] === 0) fill(code);
  return (kindOf[code]! - 1) as CharKind;
}

/** The code unit `code` folds to, SELF when it stays, MULTI when it expands (see `multiFold`). */
export function foldCode(code: number): number {
  if (kindOf[code] === 0) fill(code);
  return foldOf[code]!;
}

/** The expansion of a code unit whose `foldCode` is MULTI (ﬁ → fi). */
export function multiFold(code: number): string {
  return multiFolds.get(code) ?? String.fromCharCode(code);
}
