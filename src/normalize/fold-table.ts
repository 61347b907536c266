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

const cache: Array<FoldEntry | undefined> = new Array<FoldEntry | undefined>(0x10000);

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

/** The treatment of a BMP code unit (computed once per distinct character, then cached). */
export function foldEntry(code: number): FoldEntry {
  let entry = cache[code];
  if (entry === undefined) {
    entry = classify(code);
    cache[code] = entry;
  }
  return entry;
}
