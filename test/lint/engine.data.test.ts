/**
 * scripts/data/lint.ts turns rules/lint/ into src/generated/lint-data.ts; a broken data folder
 * must fail the build with every problem listed (file and JSON path), not the first one.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lintGenerator } from '../../scripts/data/lint.js';
import { HuashuError } from '../../src/errors.js';

const root = mkdtempSync(join(tmpdir(), 'huashu-lint-data-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(name: string, value: unknown): void {
  writeFileSync(join(root, 'rules', 'lint', name), typeof value === 'string' ? value : JSON.stringify(value));
}

describe('the lint data generator', () => {
  it('builds the shipped data', async () => {
    const files = await lintGenerator.generate(join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
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
    // Once the schema errors are fixed, the examples are checked too.
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
