import { AhoCorasick } from '@monyone/aho-corasick/fast';
import { PHRASE_LEXICON } from '../generated/phrase-lexicon.js';
import type { NormalizedText } from '../normalize/index.js';
import type { LexiconPayload } from './lexicon-types.js';

/** One phrase of the lexicon found in the folded text, `[start, end)` in folded offsets. */
export interface PhraseMatch {
  start: number;
  end: number;
  payloads: readonly LexiconPayload[];
}

// Built once at module load: the automaton over every signal and entity phrase, and what each means.
const automaton = new AhoCorasick(PHRASE_LEXICON.keywords);
const payloadsOf = new Map<string, readonly LexiconPayload[]>();
PHRASE_LEXICON.keywords.forEach((keyword, i) => {
  const ids = PHRASE_LEXICON.keywordPayloads[i] ?? [];
  payloadsOf.set(
    keyword,
    ids.map((id) => PHRASE_LEXICON.payloads[id]).filter((p): p is LexiconPayload => p !== undefined),
  );
});

/** ASCII letters and digits: a Latin phrase must not start or end inside a longer word (sue ≠ issue). */
export function isWordCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

const cache = new WeakMap<NormalizedText, PhraseMatch[]>();

/**
 * Every lexicon phrase in the folded text, ordered by end then start: one Aho-Corasick pass,
 * shared by `extractSignals` and `extractEntities` on the same `NormalizedText` (memoised).
 */
export function scanPhrases(normalized: NormalizedText): PhraseMatch[] {
  const cached = cache.get(normalized);
  if (cached !== undefined) return cached;
  const text = normalized.text;
  const matches: PhraseMatch[] = [];
  for (const { begin, end, keyword } of automaton.matchInText(text)) {
    if (isWordCode(keyword.charCodeAt(0)) && begin > 0 && isWordCode(text.charCodeAt(begin - 1))) continue;
    if (
      isWordCode(keyword.charCodeAt(keyword.length - 1)) &&
      end < text.length &&
      isWordCode(text.charCodeAt(end))
    )
      continue;
    const payloads = payloadsOf.get(keyword);
    if (payloads !== undefined) matches.push({ start: begin, end, payloads });
  }
  cache.set(normalized, matches);
  return matches;
}
