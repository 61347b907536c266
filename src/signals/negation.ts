import { phraseLexicon } from '../generated/phrase-lexicon.js';

const SPACE = 0x20;
const APOSTROPHES = new Set([0x27, 0x2019]);
let fillers: { zh: ReadonlySet<string>; en: ReadonlySet<string> } | undefined;
/** The filler words of the lexicon, read on first use (not at import). */
const fillerSets = () =>
  (fillers ??= { zh: new Set(phraseLexicon().zhFillers), en: new Set(phraseLexicon().enFillers) });

function isLatinLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || APOSTROPHES.has(code);
}

/** How far back (in folded characters) a negator may stand before the phrase it governs. */
const MAX_WALK = 24;

/**
 * Whether the phrase starting at `start` is governed by a negator: walking back from it, only
 * filler words (会, 给, going, to, a…), spaces and other phrases of a signal may come before a
 * negator (不会给差评, I won't leave a bad review, 不会去12315投诉). Anything else — 就, 怕, a comma,
 * "make me" — ends the walk, so 不退款就给差评 and "don't make me sue" stay threats.
 *
 * `negatorEnds` holds the end offsets of negators; `phraseStarts` maps a phrase's end offset to its
 * start, so the walk can step over a neighbouring phrase.
 */
export function isNegated(
  text: string,
  start: number,
  negatorEnds: ReadonlySet<number>,
  phraseStarts: ReadonlyMap<number, number>,
): boolean {
  let p = start;
  const limit = Math.max(0, start - MAX_WALK);
  const filler = fillerSets();
  while (p > limit) {
    if (negatorEnds.has(p)) return true;
    const phraseStart = phraseStarts.get(p);
    if (phraseStart !== undefined && phraseStart < p) {
      p = phraseStart;
      continue;
    }
    const code = text.charCodeAt(p - 1);
    if (code === SPACE) {
      p--;
      continue;
    }
    if (isLatinLetter(code)) {
      let wordStart = p - 1;
      while (wordStart > 0 && isLatinLetter(text.charCodeAt(wordStart - 1))) wordStart--;
      if (!filler.en.has(text.slice(wordStart, p).replaceAll('\u2019', "'"))) return false;
      p = wordStart;
      continue;
    }
    if (filler.zh.has(text.charAt(p - 1))) {
      p--;
      continue;
    }
    return false;
  }
  return negatorEnds.has(p);
}
