/**
 * scripts/data/lint.ts turns rules/lint/ into src/generated/lint-data.ts; a broken data folder
 * must fail the build with every problem listed (file and JSON path), not the first one.
 */
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lintGenerator } from '../../scripts/data/lint.js';
import { HuashuError } from '../../src/errors.js';

const repository = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const root = mkdtempSync(join(tmpdir(), 'huashu-lint-data-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(name: string, value: unknown): void {
  writeFileSync(join(root, 'rules', 'lint', name), typeof value === 'string' ? value : JSON.stringify(value));
}

describe('the lint data generator', () => {
  it('builds the shipped data', async () => {
    const files = await lintGenerator.generate(repository);
    expect(files.map((f) => f.name)).toEqual(['lint-data.ts']);
    expect(files[0]!.content).toContain('export function lintData()');
  });

  it('lists every problem of a broken folder', async () => {
    mkdirSync(join(root, 'rules', 'lint'), { recursive: true });
    write('broken.json', '{ not json');
    write('no-overpromise.en.json', {
      rule: 'no-overpromise',
      locale: 'en',
      phrases: [
        { patterns: ['guaranteed'], examples: ['we promise'] },
        { patterns: ['(a|b'], examples: ['a'] },
        { patterns: ['sure'], examples: ['sure'], counterExamples: ['for sure'] },
        { category: 'scolding', patterns: ['x'], examples: ['x'] },
      ],
    });
    write('no-overpromise.zh-Hans.json', { rule: 'no-overpromise', locale: 'en', phrases: [] });
    let error: unknown;
    try {
      await lintGenerator.generate(root);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HuashuError);
    const issues = (error as HuashuError).issues.map((i) => `${i.file}: ${i.path}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        'rules/lint/broken.json: ',
        'rules/lint/no-overpromise.en.json: phrases[1].patterns[0]',
        'rules/lint/no-overpromise.en.json: phrases[3].category',
        'rules/lint/no-overpromise.zh-Hans.json: ',
        'rules/lint/categories.json: ',
        'rules/lint/no-forbidden-phrase.zh-Hant.json: ',
      ]),
    );
    expect(issues).toEqual(expect.arrayContaining(['rules/lint/skeleton.json: ', 'rules/lint/words.json: ']));
    // Once the schema errors are fixed, the examples are checked too (with the folder's alphabet).
    for (const name of ['skeleton.json', 'words.json'])
      copyFileSync(join(repository, 'rules', 'lint', name), join(root, 'rules', 'lint', name));
    write('no-overpromise.en.json', {
      rule: 'no-overpromise',
      locale: 'en',
      phrases: [
        { patterns: ['guaranteed'], examples: ['we promise'] },
        { patterns: ['sure'], examples: ['sure'], counterExamples: ['for sure'] },
      ],
    });
    try {
      await lintGenerator.generate(root);
    } catch (e) {
      error = e;
    }
    const second = (error as HuashuError).issues.map((i) => `${i.file}: ${i.path}`);
    expect(second).toEqual(
      expect.arrayContaining([
        'rules/lint/no-overpromise.en.json: phrases[0].examples[0]',
        'rules/lint/no-overpromise.en.json: phrases[1].counterExamples[0]',
      ]),
    );
  });
});

describe('the skeleton alphabet and rule words', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huashu-lint-alphabet-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function problems(file: string, value: unknown): Promise<string[]> {
    mkdirSync(join(dir, 'rules', 'lint'), { recursive: true });
    for (const name of ['skeleton.json', 'words.json'])
      copyFileSync(join(repository, 'rules', 'lint', name), join(dir, 'rules', 'lint', name));
    writeFileSync(join(dir, 'rules', 'lint', file), JSON.stringify(value));
    try {
      await lintGenerator.generate(dir);
    } catch (error) {
      return (error as HuashuError).issues
        .filter((issue) => issue.file === `rules/lint/${file}`)
        .map((issue) => `${issue.path}: ${issue.message}`);
    }
    return [];
  }

  const alphabet = {
    particles: '亲呢啊',
    address: { character: '亲', wordWithNext: '爱', wordWithPrevious: '母' },
    folds: { 您: '你' },
    sentenceMarks: '。.',
    keptSymbols: '%',
  };

  it.each([
    [
      'a traditional particle (never in folded text)',
      { ...alphabet, particles: '亲親呢' },
      'particles: "親" never occurs in folded text: write "亲"',
    ],
    [
      'an address that is not a particle',
      { ...alphabet, address: { ...alphabet.address, character: '吧' } },
      'address.character',
    ],
    ['a Latin particle', { ...alphabet, particles: '亲a' }, 'particles'],
    [
      'a particle word whose key is not a particle',
      { ...alphabet, particleWords: { 吧: { wordWithNext: '台' } } },
      'particleWords.吧',
    ],
    [
      'a traditional character in a particle word',
      { ...alphabet, particles: '亲呢啊哈', particleWords: { 哈: { wordWithNext: '囉' } } },
      'particleWords.哈: "囉" never occurs in folded text',
    ],
    ['a letter as a sentence mark', { ...alphabet, sentenceMarks: '。x' }, 'sentenceMarks'],
    ['a character listed twice', { ...alphabet, keptSymbols: '%%' }, 'keptSymbols'],
    ['an unknown key', { ...alphabet, extra: 1 }, ''],
  ])('skeleton.json: %s is reported', async (_, value, path) => {
    const found = await problems('skeleton.json', value);
    expect(found.some((p) => p.startsWith(path))).toBe(true);
  });

  const shippedWords = () =>
    JSON.parse(readFileSync(join(repository, 'rules', 'lint', 'words.json'), 'utf8')) as Record<
      string,
      unknown
    >;

  // no-overpromise reads its Chinese grammar words on the skeleton (particles and punctuation gone, 您 → 你).
  const overpromiseWords = Object.fromEntries(
    [
      'outcome',
      'dispatch',
      'effort',
      'hedge',
      'neutral',
      'time',
      'negation',
      'negationNeutral',
      'question',
      'request',
      'requestNeutral',
      'pastBefore',
      'conditionBefore',
      'resultOpening',
      'notResult',
      'resultComplement',
      'resultAdverb',
      'thirdParty',
    ].map((list) => [list, ['到']]),
  );
  it.each([
    ['carriers in skeleton form', ['顺丰', 'ems'], []],
    [
      'a carrier with a particle (呢 is dropped by the skeleton)',
      ['顺丰呢'],
      ['shipping-wording.zh.carriers[0]: write "顺丰呢" as the skeleton reads it: "顺丰"'],
    ],
  ])('words.json: shipping-wording grammar words, %s', async (_, carriers, expected) => {
    const words = shippedWords();
    const shipping = words['shipping-wording'] as { zh: Record<string, unknown> };
    words['shipping-wording'] = { ...shipping, zh: { ...shipping.zh, carriers } };
    expect(await problems('words.json', words)).toEqual(expected);
  });

  it('words.json: words the rules compare with folded text must be folded', async () => {
    const words = {
      'greet-first': { openingAddresses: ['親'] },
      'offer-further-help': { questionMarks: '?？' },
      'no-offplatform-contact': {
        accountLabels: ['號碼', 'ID'],
        accountLinks: ['是'],
        accountSeparators: [':'],
      },
      'no-overpromise': { zh: overpromiseWords },
      'shipping-wording': shippedWords()['shipping-wording'],
    };
    expect(await problems('words.json', words)).toEqual([
      'greet-first.openingAddresses[0]: write "親" folded: "亲"',
      'no-offplatform-contact.accountLabels[0]: write "號碼" folded: "号码"',
      'no-offplatform-contact.accountLabels[1]: write "ID" folded: "id"',
    ]);
  });

  it.each([
    ['a word in skeleton form', ['帮你'], []],
    [
      'a question particle and mark (dropped by the skeleton: never matched)',
      ['吗', '吧?'],
      ['no-overpromise.zh.effort[1]: write "吧?" as the skeleton reads it: ""'],
    ],
    [
      '您 (read as 你)',
      ['帮您'],
      ['no-overpromise.zh.effort[0]: write "帮您" as the skeleton reads it: "帮你"'],
    ],
  ])('words.json: no-overpromise grammar words, %s', async (_, effort, expected) => {
    const words = shippedWords();
    words['no-overpromise'] = { zh: { ...overpromiseWords, effort } };
    expect(await problems('words.json', words)).toEqual(expected);
  });
});
