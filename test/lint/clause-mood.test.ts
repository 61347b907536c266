/**
 * `clauseIsQuestion`: the check behind a phrase entry's `mood: question` (你没看详情页吗？ is a
 * rhetorical question at the customer; 你没看详情页的话我发给你 is not).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInReader } from '../../src/lint/built-in-data.js';
import { clauseIsQuestion } from '../../src/lint/phrase-set.js';

const reader = builtInReader();

/** Whether the sentence holding the end of `phrase` in `text` is a question. */
function isQuestionAfter(text: string, phrase: string): boolean {
  const skeleton = reader.readAside(text);
  const at = skeleton.text.indexOf(phrase);
  if (at < 0) throw new Error(`"${phrase}" is not in the skeleton of "${text}": ${skeleton.text}`);
  return clauseIsQuestion(skeleton, at + phrase.length);
}

describe('clauseIsQuestion', () => {
  it.each([
    ['您没看详情页吗？', '你没看', true],
    ['您没看详情页吗', '你没看', true],
    ['您没看详情页嗎', '你没看', true],
    ['您没看详情页？', '你没看', true],
    ['您没看详情页?', '你没看', true],
    ['您没看详情页呢？', '你没看', true],
    ['您没看详情页 ？ ', '你没看', true],
    ['Did you even look?', 'did', true],
    ['您没看详情页的话我发给您。', '你没看', false],
    ['您没看详情页，我发给您', '你没看', false],
    ['您没看到吗，我再发一次', '你没看', true],
    ['您没看到的话我再发一次，可以吗？', '你没看', false],
    ['您没看详情页。我发给您？', '你没看', false],
    ['不知道为什么', '不知道', false],
    ['您怎么', '你', false],
    ['Did you look. Yes?', 'did', false],
    ['Did you look, or not?', 'did', false],
  ])('%s → %s', (text, phrase, expected) => {
    expect(isQuestionAfter(text, phrase)).toBe(expected);
  });

  it('looks no further than its window: a question mark far beyond the phrase does not count', () => {
    expect(isQuestionAfter(`你没看${'好'.repeat(100)}吗？`, '你没看')).toBe(false);
    expect(isQuestionAfter(`你没看${'好'.repeat(10)}吗？`, '你没看')).toBe(true);
  });

  it('agrees with the plain definition on short texts, and never throws', () => {
    const piece = fc.constantFrom(
      '你',
      '看',
      '吗',
      '嗎',
      '么',
      '？',
      '?',
      '。',
      '，',
      ' ',
      '呢',
      'a',
      '\u200b',
      '😀',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 20 }).map((p) => p.join('')),
        fc.nat(),
        (text, seed) => {
          const skeleton = reader.readAside(text);
          const end = skeleton.text.length === 0 ? 0 : seed % (skeleton.text.length + 1);
          const got = clauseIsQuestion(skeleton, end);
          // Plain definition: the clause's last kept character, and what follows it as written.
          let next = end;
          while (next < skeleton.text.length && skeleton.breaks[next]! < 2) next++;
          const last = next - 1;
          const tail =
            last < 0
              ? ''
              : text.slice(
                  skeleton.ends[last],
                  next < skeleton.text.length ? skeleton.starts[next] : text.length,
                );
          const expected = last >= 0 && (skeleton.text[last] === '吗' || /[?？]/.test(tail.slice(0, 8)));
          expect(got).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
