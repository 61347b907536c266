import { phraseLexicon } from '../generated/phrase-lexicon.js';
import { toOriginalRange, type NormalizedText } from '../normalize/index.js';
import type { Contribution } from './contribution.js';

// normalize() folds ！ to ! and collapses a run of one mark, so runs are found on the folded text
// and counted on the original they map back to.
const MARK_RUN = /[!?]+/g;
// A run of capitalised words, starting with a word of two letters or more (I WILL SUE → WILL SUE…).
const CAPS_RUN = /\b[A-Z]{2,}(?:[ \t,.!?'’-]+[A-Z]+(?:['’][A-Z]+)?)*\b/g;
let shoutWordSet: ReadonlySet<string> | undefined;
/** The shout words of the lexicon, read on first use (not at import). */
const shoutWords = (): ReadonlySet<string> => (shoutWordSet ??= new Set(phraseLexicon().shoutWords));

function countMarks(original: string, from: number, to: number): { exclamations: number; questions: number } {
  let exclamations = 0;
  let questions = 0;
  for (let i = from; i < to; i++) {
    const code = original.charCodeAt(i);
    if (code === 0x21 || code === 0xff01) exclamations++;
    else if (code === 0x3f || code === 0xff1f) questions++;
  }
  return { exclamations, questions };
}

/**
 * Typographic emphasis: ！！ and ?! read as anger, ？？？ as impatience, a shouted sentence in
 * capitals (WHERE IS MY ORDER) as anger.
 */
export function emphasisContributions(normalized: NormalizedText, out: Contribution[]): void {
  const text = normalized.text;
  if (text.includes('!') || text.includes('?')) {
    MARK_RUN.lastIndex = 0;
    for (let m = MARK_RUN.exec(text); m !== null; m = MARK_RUN.exec(text)) {
      const range = toOriginalRange(normalized, m.index, m.index + m[0].length);
      const { exclamations, questions } = countMarks(normalized.original, range[0], range[1]);
      if (exclamations >= 1 && questions >= 1) {
        out.push({ signal: 'emotion.anger', weight: exclamations + questions >= 3 ? 0.45 : 0.3, range });
      } else if (exclamations >= 2) {
        out.push({ signal: 'emotion.anger', weight: exclamations >= 3 ? 0.5 : 0.35, range });
      } else if (questions >= 2) {
        out.push({ signal: 'emotion.urgency', weight: questions >= 3 ? 0.45 : 0.3, range });
      }
    }
  }
  const original = normalized.original;
  CAPS_RUN.lastIndex = 0;
  for (let m = CAPS_RUN.exec(original); m !== null; m = CAPS_RUN.exec(original)) {
    const words = m[0].split(/[ \t,.!?-]+/).filter((w) => w !== '');
    let letters = 0;
    let speech = false;
    const shout = shoutWords();
    for (const word of words) {
      letters += word.length;
      if (shout.has(word.toLowerCase().replaceAll('’', "'"))) speech = true;
    }
    if (words.length >= 2 && letters >= 6 && speech) {
      out.push({ signal: 'emotion.anger', weight: 0.4, range: [m.index, m.index + m[0].length] });
    }
  }
}
