import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadIntentRules } from '../../scripts/data/intents-rules.js';
import { patternsOf } from '../../scripts/data/intents-train.js';
import { intentPatterns } from '../../src/generated/intent-patterns.js';
import { foldPatternLiterals, PatternMatcher, shippedPatternMatcher } from '../../src/intent/patterns.js';
import { HuashuError } from '../../src/errors.js';
import { normalize } from '../../src/normalize/index.js';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'huashu-intent-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rules/intents loader (build step)', () => {
  it('loads the shipped rules', () => {
    const rules = loadIntentRules(root);
    expect(rules.corpora.map((c) => c.data.locale)).toEqual(['zh-Hans', 'zh-Hant', 'en']);
    expect(rules.patterns.flatMap((p) => p.data.patterns).length).toBeGreaterThan(50);
    expect(rules.stopWords).toContain('please');
  });

  it('lists every problem with its file and JSON path, then throws one INVALID_RULES', () => {
    cpSync(join(root, 'rules', 'intents'), join(dir, 'rules', 'intents'), { recursive: true });
    const folder = join(dir, 'rules', 'intents');
    writeFileSync(
      join(folder, 'patterns.en.json'),
      JSON.stringify({
        locale: 'en',
        patterns: [
          { id: 'x', intent: 'no.such', phrases: ['a'] },
          { id: 'x', intent: 'ack', regex: ['('] },
        ],
      }),
    );
    writeFileSync(
      join(folder, 'corpus.zh-Hant.json'),
      JSON.stringify({ locale: 'en', data: [{ intent: 'ack', utterances: [], tests: [] }] }),
    );
    writeFileSync(join(folder, 'stopwords.en.json'), '{ not json');
    try {
      loadIntentRules(dir);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HuashuError);
      expect((error as HuashuError).code).toBe('INVALID_RULES');
      const issues = (error as HuashuError).issues.map((i) => `${i.file}: ${i.path}`);
      expect(issues).toEqual(
        expect.arrayContaining([
          'rules/intents/patterns.en.json: patterns[1].regex[0]',
          'rules/intents/corpus.zh-Hant.json: data[0].utterances',
          'rules/intents/stopwords.en.json: ',
        ]),
      );
    }
  });

  it('reports unknown intents and duplicate pattern ids in files that parse', () => {
    writeFileSync(
      join(dir, 'rules', 'intents', 'patterns.en.json'),
      JSON.stringify({
        locale: 'en',
        patterns: [
          { id: 'x', intent: 'no.such', phrases: ['a'] },
          { id: 'x', intent: 'ack', phrases: ['b'] },
        ],
      }),
    );
    writeFileSync(
      join(dir, 'rules', 'intents', 'corpus.zh-Hant.json'),
      JSON.stringify({ locale: 'zh-Hant', data: [] }),
    );
    writeFileSync(
      join(dir, 'rules', 'intents', 'stopwords.en.json'),
      JSON.stringify({ locale: 'en', words: ['the'] }),
    );
    try {
      loadIntentRules(dir);
      expect.unreachable();
    } catch (error) {
      const messages = (error as HuashuError).issues.map((i) => `${i.path}: ${i.message}`);
      expect(messages).toEqual(
        expect.arrayContaining([
          'patterns[0].intent: unknown intent "no.such" (built-in ids only)',
          'patterns[1].id: duplicate pattern id "x" (also in rules/intents/patterns.en.json)',
        ]),
      );
    }
  });

  it.each([
    ['folded words and an aside ending in a space', { dataLabels: ['单号'], asides: ['also ', 'btw'] }, []],
    [
      'a traditional label, a capitalised aside',
      { dataLabels: ['單號'], asides: ['BTW'] },
      ['dataLabels[0]: write "單號" folded: "单号"', 'asides[0]: write "BTW" folded: "btw"'],
    ],
    ['an empty aside', { asides: [''] }, ['asides[0]: an empty string matches everything; remove it']],
  ])('checks the classifier words of a pattern file: %s', (_name, words, expected) => {
    const folder = join(dir, 'words', 'rules', 'intents');
    cpSync(join(root, 'rules', 'intents'), folder, { recursive: true });
    writeFileSync(
      join(folder, 'patterns.en.json'),
      JSON.stringify({ locale: 'en', ...words, patterns: [{ id: 'x', intent: 'ack', phrases: ['ok'] }] }),
    );
    let messages: string[] = [];
    try {
      loadIntentRules(join(dir, 'words'), (text) => normalize(text).text);
    } catch (error) {
      messages = (error as HuashuError).issues.map((i) => `${i.path}: ${i.message}`);
    }
    expect(messages).toEqual(expected);
  });

  it('the shipped patterns are the rules folded ahead of time, and match as the rules do', () => {
    const built = patternsOf(loadIntentRules(root));
    const shipped = intentPatterns();
    expect({ groups: shipped.groups, mask: shipped.mask }).toEqual(
      foldPatternLiterals(built.groups, built.mask),
    );
    const folding = new PatternMatcher(built.groups, built.mask, built.plans);
    const folded = shippedPatternMatcher(shipped);
    const read = (matcher: PatternMatcher, text: string) => {
      matcher.match(text);
      return {
        fired: Array.from(matcher.fired.subarray(0, matcher.firedCount), (g) => [
          g,
          matcher.hitStarts[g],
          matcher.hitEnds[g],
          matcher.hitFactors[g],
        ]),
        mask: matcher.masked ? Array.from(matcher.mask.subarray(0, text.length)) : [],
      };
    };
    // Every literal the rules hold, as a message of its own and inside one: the two agree on all.
    const literals = built.groups.flatMap((g) => [
      ...(g.phrases ?? []),
      ...(g.keywords ?? []),
      ...(g.exact ?? []),
    ]);
    let compared = 0;
    for (const literal of [...literals, ...built.mask]) {
      for (const text of [literal, `请问${literal}吗？订单金额:[金额x]`, `${literal} thanks`]) {
        const message = normalize(text.replace(/\*$/, '')).text;
        expect(read(folded, message), message).toEqual(read(folding, message));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it('the shipped classifier words reach the built patterns', () => {
    const built = patternsOf(loadIntentRules(root));
    expect(built.dataLabels).toContain('订单号');
    expect(built.asides).toEqual(expect.arrayContaining(['顺便', 'also ', 'by the way']));
  });
});
