import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIntentClassifier } from '../../src/intent/classifier.js';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';
import { corpusFileSchema, type CorpusFile } from '../../src/intent/schema.js';
import { normalize } from '../../src/normalize/index.js';

// The corpora's `tests` are held back from training (nlp.js style): each one must be classified as
// its intent, in every locale. A misclassified test fails the suite with the message and the guess.
const root = join(import.meta.dirname, '..', '..');
const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
const corpora: Record<string, CorpusFile> = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    corpusFileSchema.parse(
      JSON.parse(readFileSync(join(root, 'rules', 'intents', `corpus.${locale}.json`), 'utf8')),
    ),
  ]),
);
const classifier = createIntentClassifier();

describe.each(LOCALES)('corpus.%s.json', (locale) => {
  const corpus = corpora[locale]!;

  it('covers every intent id of domain.md §2, once, with utterances and tests', () => {
    expect(corpus.data.map((e) => e.intent).sort()).toEqual([...BUILT_IN_INTENT_IDS].sort());
    for (const entry of corpus.data) {
      expect(entry.utterances.length, `${entry.intent} utterances`).toBeGreaterThanOrEqual(
        locale === 'zh-Hans' ? 60 : 15,
      );
      expect(entry.tests.length, `${entry.intent} tests`).toBeGreaterThanOrEqual(5);
    }
  });

  it('holds its tests back: no test is also a training utterance', () => {
    const training = new Set(corpus.data.flatMap((e) => e.utterances.map((u) => normalize(u).text)));
    const leaked = corpus.data.flatMap((e) => e.tests.filter((t) => training.has(normalize(t).text)));
    expect(leaked).toEqual([]);
  });

  it.each(corpus.data.map((e) => [e.intent, e.tests] as const))(
    'classifies every %s test',
    (intent, tests) => {
      const wrong = tests
        .map((text) => ({ text, got: classifier.classify(normalize(text)).intent.id }))
        .filter((r) => r.got !== intent);
      expect(wrong).toEqual([]);
    },
  );
});
