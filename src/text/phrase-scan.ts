import { createAutomaton, scanKeywords, type Automaton } from './automaton.js';
import { phraseLexicon } from '../generated/phrase-lexicon.js';
import type { NormalizedText } from '../normalize/index.js';
import type { LexiconPayload } from '../signals/lexicon-types.js';
import { isDigitCode } from './char-class.js';

/** One phrase of the lexicon found in the folded text, `[start, end)` in folded offsets. */
export interface PhraseMatch {
  start: number;
  end: number;
  payloads: readonly LexiconPayload[];
}

// Built once, on first use (so importing the package for linting alone does not pay for it): the
// automaton over every signal and entity phrase, and what each phrase means.
let automaton: Automaton | undefined;
const payloadsOf = new Map<string, readonly LexiconPayload[]>();

function phraseAutomaton(): Automaton {
  if (automaton === undefined) {
    const lexicon = phraseLexicon();
    lexicon.keywords.forEach((keyword, i) => {
      const ids = lexicon.keywordPayloads[i] ?? [];
      payloadsOf.set(
        keyword,
        ids.map((id) => lexicon.payloads[id]).filter((p): p is LexiconPayload => p !== undefined),
      );
    });
    automaton = createAutomaton(lexicon.keywords);
  }
  return automaton;
}

/**
 * Latin letters (accented ones too: ü, é, ñ) and digits: a Latin phrase must not start or end
 * inside a longer word (sue ≠ issue, m ≠ Müller). Folded text is lower case.
 */
export function isWordCode(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    // Latin-1 letters and Latin Extended-A and -B, without × and ÷.
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}

const UNDERSCORE = 0x5f;
const DOT = 0x2e;

/**
 * Whether the folded character at `at` continues the word or number a Latin or digit phrase's edge
 * touches (`step`: the direction away from the phrase): a letter or digit, an underscore (an
 * export's mask, [ORDERID_12315]), or a decimal point with a digit beyond it (12315.00 元).
 */
function continuesWord(text: string, at: number, step: 1 | -1): boolean {
  const code = text.charCodeAt(at);
  if (isWordCode(code) || code === UNDERSCORE) return true;
  return code === DOT && isDigitCode(text.charCodeAt(at + step));
}

/**
 * Every lexicon phrase (signals, entities, cues, topics, negators) in the folded text, ordered by
 * end then start: one Aho-Corasick pass, read once per message (see message.ts) and shared by
 * signals and entities.
 */
export function scanPhrases(normalized: NormalizedText): PhraseMatch[] {
  const text = normalized.text;
  const matches: PhraseMatch[] = [];
  scanKeywords(phraseAutomaton(), text, (_, begin, end, keyword) => {
    if (isWordCode(keyword.charCodeAt(0)) && continuesWord(text, begin - 1, -1)) return;
    if (isWordCode(keyword.charCodeAt(keyword.length - 1)) && continuesWord(text, end, 1)) return;
    const payloads = payloadsOf.get(keyword);
    if (payloads !== undefined) matches.push({ start: begin, end, payloads });
  });
  return matches;
}
