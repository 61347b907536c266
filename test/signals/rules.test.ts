import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePhraseRules, type RuleFile } from '../../scripts/data/signals.js';
import { HuashuError } from '../../src/errors.js';
import { normalize } from '../../src/normalize/index.js';

const root = join(import.meta.dirname, '..', '..');
const fold = (phrase: string) => normalize(phrase).text;

function builtInFiles(): RuleFile[] {
  return ['signals', 'entities'].flatMap((folder) =>
    readdirSync(join(root, 'rules', folder))
      .filter((name) => name.endsWith('.json'))
      .map((name) => ({
        file: `rules/${folder}/${name}`,
        json: JSON.parse(readFileSync(join(root, 'rules', folder, name), 'utf8')) as unknown,
      })),
  );
}

function replace(files: RuleFile[], file: string, json: unknown): RuleFile[] {
  return files.map((f) => (f.file === file ? { file, json } : f));
}

function issuesOf(files: RuleFile[]) {
  try {
    compilePhraseRules(files, fold);
  } catch (error) {
    expect(error).toBeInstanceOf(HuashuError);
    expect((error as HuashuError).code).toBe('INVALID_RULES');
    return (error as HuashuError).issues;
  }
  throw new Error('expected INVALID_RULES');
}

describe('signal and entity rule files', () => {
  it('the built-in files compile into one folded lexicon', () => {
    const { lexicon, entityData } = compilePhraseRules(builtInFiles(), fold);
    expect(lexicon.keywords.length).toBeGreaterThan(500);
    // Traditional phrases in the data are folded: 給負評 is stored as 给负评.
    expect(lexicon.keywords).toContain('给负评');
    expect(lexicon.keywords).not.toContain('給負評');
    // Contractions get their curly-apostrophe twin.
    expect(lexicon.keywords).toContain('won’t');
    // Combinations stay out of the automaton: they are matched in code from these folded lists.
    expect(lexicon.keywords).not.toContain('下周一');
    expect(lexicon.keywords).not.toContain('深蓝色');
    expect(entityData.weekdays.prefixes.find((p) => p.offset === '+1w')?.zh).toContain('下');
    expect(entityData.colorModifiers[0]?.[0]).toBe('哑光'); // longest first
    expect(entityData.carriers.map((c) => c.code)).toContain('SF');
  });

  it('lists every problem with its file and JSON path', () => {
    let files = builtInFiles();
    const anger = files.find((f) => f.file === 'rules/signals/emotion.anger.json')?.json as Record<
      string,
      unknown
    >;
    files = replace(files, 'rules/signals/emotion.anger.json', {
      ...anger,
      groups: [
        { weight: 2, phrases: ['生气', '生氣', ''] },
        { weight: 0.5, requires: 'nope', phrases: ['x'] },
      ],
    });
    files = replace(files, 'rules/entities/carriers.json', {
      carriers: [{ code: 'sf', name: 'SF', names: ['顺丰'], prefixed: ['^sf(\\d'] }],
    });
    files = files.filter((f) => f.file !== 'rules/signals/abuse.json');
    const issues = issuesOf(files);
    const where = issues.map((i) => `${i.file} ${i.path}`);
    expect(where).toEqual(
      expect.arrayContaining([
        'rules/signals/emotion.anger.json groups[0].weight',
        'rules/signals/emotion.anger.json groups[0].phrases[2]',
        'rules/signals/emotion.anger.json groups[1].requires',
        'rules/entities/carriers.json carriers[0].code',
        'rules/entities/carriers.json carriers[0].prefixed[0]',
        'rules/signals/abuse.json ',
      ]),
    );
  });

  it('reports a phrase listed twice once folded (生气 / 生氣)', () => {
    let files = builtInFiles();
    const urgency = files.find((f) => f.file === 'rules/signals/emotion.urgency.json')?.json as Record<
      string,
      unknown
    >;
    files = replace(files, 'rules/signals/emotion.urgency.json', {
      ...urgency,
      groups: [{ weight: 0.5, phrases: ['著急', '着急'] }],
    });
    const issues = issuesOf(files);
    expect(issues).toEqual([
      {
        file: 'rules/signals/emotion.urgency.json',
        path: 'groups[0].phrases[1]',
        message: '"着急" repeats groups[0].phrases[0]',
      },
    ]);
  });

  it('requires a signal file to be named after its signal', () => {
    const files = builtInFiles().map((f) =>
      f.file === 'rules/signals/abuse.json'
        ? { ...f, json: { ...(f.json as object), signal: 'emotion.anger' } }
        : f,
    );
    const issues = issuesOf(files);
    expect(issues.map((i) => i.message)).toEqual(
      expect.arrayContaining(['"emotion.anger" must live in rules/signals/emotion.anger.json']),
    );
  });
});
