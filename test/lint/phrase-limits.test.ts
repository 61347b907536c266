import { describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant/index.js';
import { isHuashuError } from '../../src/errors.js';
import { MAX_PHRASE_LENGTH, MAX_REGEX_LENGTH } from '../../src/limits.js';

/** createAssistant's error code and message, or 'ok'. */
function build(options: unknown): string {
  try {
    createAssistant(options as never);
    return 'ok';
  } catch (error) {
    if (!isHuashuError(error)) throw error;
    return `${error.code}: ${error.message}`;
  }
}

// Texts that are not noise (an allowed phrase must hold a word) and repeat no cheaper structure.
const phrase = (length: number) => '好的亲'.repeat(Math.ceil(length / 3)).slice(0, length);
const letters = (length: number) => 'refund'.repeat(Math.ceil(length / 6)).slice(0, length);

const pack = (pattern: string) => ({
  lint: {
    packs: [
      {
        name: 'shop',
        rule: 'no-forbidden-phrase',
        phrases: [{ category: 'custom', patterns: [pattern], examples: [`您${pattern}`] }],
      },
    ],
  },
});

describe('phrase and regex length limits: valid at the limit, a typed error one past it, naming the limit', () => {
  const cases: Array<[string, (length: number) => unknown, number, string, RegExp]> = [
    [
      'lint.allow entry',
      (n) => ({ lint: { allow: [phrase(n)] } }),
      MAX_PHRASE_LENGTH,
      'INVALID_OPTIONS',
      /lint\.allow\[0\].*MAX_PHRASE_LENGTH/s,
    ],
    ['lint pack pattern', (n) => pack(phrase(n)), MAX_PHRASE_LENGTH, 'INVALID_RULES', /MAX_PHRASE_LENGTH/],
    [
      'intent phrase',
      (n) => ({ intents: { patterns: [{ intent: 'complaint', phrases: [phrase(n)] }] } }),
      MAX_PHRASE_LENGTH,
      'INVALID_OPTIONS',
      /phrases\[0\].*MAX_PHRASE_LENGTH/s,
    ],
    [
      'intent keyword',
      (n) => ({ intents: { patterns: [{ intent: 'complaint', keywords: [letters(n)] }] } }),
      MAX_PHRASE_LENGTH,
      'INVALID_OPTIONS',
      /keywords\[0\].*MAX_PHRASE_LENGTH/s,
    ],
    [
      'intent regex',
      (n) => ({ intents: { patterns: [{ intent: 'complaint', regex: [letters(n)] }] } }),
      MAX_REGEX_LENGTH,
      'INVALID_OPTIONS',
      /regex\[0\].*MAX_REGEX_LENGTH/s,
    ],
  ];

  it.each(cases)('%s', (_name, options, limit, code, message) => {
    expect(build(options(limit))).toBe('ok');
    const refused = build(options(limit + 1));
    expect(refused.startsWith(`${code}:`), refused).toBe(true);
    expect(refused).toMatch(message);
  });

  it.each(cases)(
    '%s of a megabyte is refused at once, before it is compiled',
    (_name, options, _limit, code) => {
      const started = performance.now();
      const refused = build(options(1_000_000));
      expect(refused.startsWith(`${code}:`), refused).toBe(true);
      // A generous bound: it took minutes before the limit (an allowed phrase of 1 MB never finished).
      expect(performance.now() - started).toBeLessThan(5_000);
    },
  );
});

describe('values zod cannot read fail as typed errors, not as a TypeError from inside zod', () => {
  // zod 4 runs a string's length checks on any value with a `length`: found by the fuzz suite.
  const hostile = { length: { isAdmin: true, toString: 'x' } };
  it.each([
    [
      'a phrase example',
      {
        lint: {
          packs: [
            { name: 'shop', phrases: [{ category: 'custom', patterns: ['别烦我'], examples: [hostile] }] },
          ],
        },
      },
      'INVALID_RULES',
    ],
    ['an allowed phrase', { lint: { allow: [hostile] } }, 'INVALID_OPTIONS'],
    [
      'an intent phrase',
      { intents: { patterns: [{ intent: 'complaint', phrases: [hostile] }] } },
      'INVALID_OPTIONS',
    ],
  ])('%s', (_name, options, code) => {
    const refused = build(options);
    expect(refused.startsWith(`${code}:`), refused).toBe(true);
  });
});
