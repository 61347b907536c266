/**
 * Phrase-set compile and match bounds. A pattern ending in a word class (`你(没|没有)(看|读)`) is compiled as heads in the automaton
 * and adjacent tails looked up where a head ends, instead of every head × tail literal. This
 * differential test compiles every built-in phrase both ways and checks that they find the same
 * phrases: for each entry, the same starts, and from each start the same longest end (the full
 * expansion also reports shorter alternatives at the same start, which the linter reports once).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInLists, builtInReader, builtInSources } from '../../src/lint/built-in-data.js';
import { PHRASE_RULE_IDS } from '../../src/lint/data-schema.js';
import { MAX_TRIES_PER_ENTRY, PhraseSet } from '../../src/lint/phrase-set.js';

const sources = builtInSources(new Set(PHRASE_RULE_IDS));
const reader = builtInReader();
const adjacent = PhraseSet.compile(sources, builtInLists(), reader, true).set;
const expanded = PhraseSet.compile(sources, builtInLists(), reader, false).set;

/** `entry id @ start → longest end` for every match. */
function longestMatches(set: PhraseSet, text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const match of set.matchText(text)) {
    const key = `${match.entry.ruleId}/${match.entry.id}@${match.start}`;
    out.set(key, Math.max(out.get(key) ?? -1, match.end));
  }
  return out;
}

/** Every literal alternative of every built-in pattern's words, as fragments to build texts from. */
const fragments: string[] = [
  ...new Set(
    sources.flatMap((source) =>
      source.entry.patterns.flatMap((pattern) =>
        pattern
          .split(/[()|…]/)
          .map((part) => part.trim())
          .filter((part) => part !== ''),
      ),
    ),
  ),
];

describe('adjacent tails find what the full expansion finds', () => {
  it('on texts made of the patterns’ own words, punctuation and particles', () => {
    const piece = fc.oneof(
      { arbitrary: fc.constantFrom(...fragments), weight: 8 },
      { arbitrary: fc.constantFrom('，', '。', '？', ' ', '吗', '呢', '亲', '.', "'", '了'), weight: 2 },
      { arbitrary: fc.string({ maxLength: 3 }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(longestMatches(adjacent, text)).toEqual(longestMatches(expanded, text));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    '您别再闹了',
    '这也要问吗？',
    '你到底有没有仔细看过没有',
    'Even a toddler knows that.',
    '不要。闹',
    '請寄回我們的維修點：深圳市寶安區新安路66號',
  ])('%s', (text) => {
    expect(longestMatches(adjacent, text)).toEqual(longestMatches(expanded, text));
  });
});

describe('bounded tries per entry', () => {
  const source = {
    ruleId: 'no-forbidden-phrase',
    file: 'test',
    path: 'phrases[0]',
    entry: { id: 'bare-yi-fa', patterns: ['已发'], unlessFollowedBy: ['货'] },
  };
  const set = PhraseSet.compile([source], builtInLists(), reader).set;
  const found = (text: string) => set.matchText(text).length;

  it('finds a match after a few near misses', () => {
    expect(found(`${'已发货'.repeat(100)}已发。`)).toBe(1);
  });

  it(`stops trying an entry after ${MAX_TRIES_PER_ENTRY} candidates in one text (a megabyte of near misses)`, () => {
    expect(found(`${'已发货'.repeat(MAX_TRIES_PER_ENTRY)}已发。`)).toBe(0);
    expect(found(`${'已发货'.repeat(MAX_TRIES_PER_ENTRY - 1)}已发。`)).toBe(1);
  });
});
