import { createAutomaton, scanKeywords, type Automaton } from './automaton.js';
import { PHRASE_LEXICON } from '../generated/phrase-lexicon.js';
import type { NormalizedText } from '../normalize/index.js';
import type { LexiconPayload } from '../signals/lexicon-types.js';

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
    PHRASE_LEXICON.keywords.forEach((keyword, i) => {
      const ids = PHRASE_LEXICON.keywordPayloads[i] ?? [];
      payloadsOf.set(
        keyword,
        ids.map((id) => PHRASE_LEXICON.payloads[id]).filter((p): p is LexiconPayload => p !== undefined),
      );
    });
    automaton = createAutomaton(PHRASE_LEXICON.keywords);
  }
  return automaton;
}

/** ASCII letters and digits: a Latin phrase must not start or end inside a longer word (sue ≠ issue). */
export function isWordCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
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
    if (isWordCode(keyword.charCodeAt(0)) && begin > 0 && isWordCode(text.charCodeAt(begin - 1))) return;
    if (
      isWordCode(keyword.charCodeAt(keyword.length - 1)) &&
      end < text.length &&
      isWordCode(text.charCodeAt(end))
    )
      return;
    const payloads = payloadsOf.get(keyword);
    if (payloads !== undefined) matches.push({ start: begin, end, payloads });
  });
  return matches;
}
