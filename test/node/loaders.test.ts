import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HuashuError } from '../../src/errors.js';
import { loadActionRuleFiles, loadActionRules } from '../../src/node/actions.js';
import { findConfigFile, loadConfig, loadConfigFile } from '../../src/node/config.js';
import { createNaturalClassifier } from '../../src/node/natural.js';
import { loadTemplatePack, readTemplateFiles } from '../../src/node/templates.js';
import { thrown } from '../helpers/thrown.js';

const root = mkdtempSync(join(tmpdir(), 'huashu-loaders-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, content: unknown): string {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content));
  return full;
}

/** What an error tells, all of it: message and issues. */
const told = (error: HuashuError) => `${error.message}\n${JSON.stringify(error.issues)}`;

// A file whose contents must never be repeated by an error (it stands for /etc/passwd).
const SECRET = 'root:x:0:0:root:/root:/bin/bash';
const secretFile = write('outside/passwd', `${SECRET}\n`);
const outsidePack = write('outside/pack.json', {
  name: 'outside',
  rule: 'no-offplatform-contact',
  phrases: [{ patterns: ['加我钉钉'], examples: ['亲，加我钉钉吧'] }],
});
const template = (id: string) => ({
  id,
  stage: 'answer',
  intents: [],
  channels: ['chat'],
  description: 'x',
  variables: {},
});
write('outside/tpl/shop/hi.json', template('shop/hi'));
write('outside/tpl/shop/hi.zh-Hans.hbs', '亲，您好');
const canLink = (() => {
  try {
    symlinkSync(secretFile, join(root, 'link-probe'));
    return true;
  } catch {
    return false; // Windows without the privilege
  }
})();

describe('a configuration file may only name files inside its own folder', () => {
  const config = (name: string, content: unknown) => write(`${name}/huashu.config.json`, content);

  it.each([
    ['an absolute pack path', { lint: { packs: [secretFile] } }, 'lint.packs[0]', /absolute path/],
    [
      'a Windows absolute path',
      { lint: { packs: ['C:\\secrets\\pack.json'] } },
      'lint.packs[0]',
      /absolute path/,
    ],
    ['/dev/zero', { lint: { packs: ['/dev/zero'] } }, 'lint.packs[0]', /absolute path/],
    [
      'a pack path climbing out',
      { lint: { packs: ['../outside/pack.json'] } },
      'lint.packs[0]',
      /leads outside/,
    ],
    [
      'a pack path climbing out from a sub-folder',
      { lint: { packs: ['a/../../outside/pack.json'] } },
      'lint.packs[0]',
      /leads outside/,
    ],
    ['templates at /usr', { templates: '/usr' }, 'templates', /absolute path/],
    ['templates climbing out', { templates: '../outside/tpl' }, 'templates', /leads outside/],
    ['actions climbing out', { actions: '..' }, 'actions', /leads outside/],
    ['an empty path', { templates: '' }, 'templates', /empty/],
  ])('%s is refused, at its JSON path, without being read', (name, content, path, message) => {
    const file = config(`refused-${name.replace(/\W+/g, '-')}`, content);
    const error = thrown(() => loadConfigFile(file));
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.issues.find((i) => i.path === path)?.message).toMatch(message);
    expect(told(error)).not.toContain('root:x');
  });

  it.skipIf(!canLink)('a symbolic link that leads out is refused, for a pack and for a folder', () => {
    mkdirSync(join(root, 'linked'), { recursive: true });
    symlinkSync(secretFile, join(root, 'linked/pack.json'));
    symlinkSync(join(root, 'outside/tpl'), join(root, 'linked/tpl'));
    const file = config('linked', { lint: { packs: ['./pack.json'] }, templates: './tpl' });
    const error = thrown(() => loadConfigFile(file));
    expect(error.issues.map((i) => [i.path, /symbolic link/.test(i.message)])).toEqual([
      ['lint.packs[0]', true],
      ['templates', true],
    ]);
    expect(told(error)).not.toContain('root:x');
  });

  it('paths inside the folder are resolved from it (sub-folders and ./ included)', () => {
    write('inside/packs/shop.json', JSON.parse(JSON.stringify({ ...readPack(), name: 'shop' })));
    mkdirSync(join(root, 'inside/tpl'), { recursive: true });
    const file = config('inside', {
      lint: { packs: ['packs/shop.json'] },
      templates: './tpl',
      actions: 'x/../rules',
    });
    const loaded = loadConfigFile(file);
    expect(loaded.lint?.packs?.[0]).toMatchObject({ name: 'shop' });
    expect(loaded.templates).toBe(join(root, 'inside/tpl'));
    expect(loaded.actions).toBe(join(root, 'inside/rules'));
  });

  it('a pack that is not a regular file, or too large, is reported at its path', () => {
    mkdirSync(join(root, 'kinds/folder.json'), { recursive: true });
    write('kinds/big.json', JSON.stringify({ name: 'big', phrases: [], pad: 'x'.repeat(5000) }));
    const file = config('kinds', { lint: { packs: ['./folder.json', './big.json'] } });
    const error = thrown(() => loadConfigFile(file, { maxFileBytes: 2000 }));
    expect(error.issues.map((i) => i.path)).toEqual(['lint.packs[0]', 'lint.packs[1]']);
    expect(error.issues[0]?.message).toMatch(/a folder, not a file/);
    expect(error.issues[1]?.message).toMatch(/the limit is 2000 \(maxFileBytes\)/);
  });

  it('an invalid pack file is reported by line and column, never quoting it', () => {
    write('quoted/pack.json', `${SECRET}\n`);
    const file = config('quoted', { lint: { packs: ['./pack.json'] } });
    const error = thrown(() => loadConfigFile(file));
    expect(error.issues[0]?.message).toMatch(/invalid JSON \(line 1, column 1\): a value was expected/);
    expect(told(error)).not.toContain('root:x');
  });

  it('the configuration file itself: regular files only, size-capped, never quoted', () => {
    expect(thrown(() => loadConfigFile(secretFile)).message).not.toContain('root:x');
    expect(thrown(() => loadConfigFile(secretFile)).code).toBe('INVALID_OPTIONS');
    expect(thrown(() => loadConfigFile(join(root, 'outside'))).code).toBe('IO');
    expect(thrown(() => loadConfigFile(outsidePack, { maxFileBytes: 10 })).message).toMatch(/maxFileBytes/);
    if (existsSync('/dev/zero'))
      expect(thrown(() => loadConfigFile('/dev/zero')).message).toMatch(/a device/);
  });
});

function readPack() {
  return {
    rule: 'no-offplatform-contact',
    phrases: [{ patterns: ['加我钉钉'], examples: ['亲，加我钉钉吧'] }],
  };
}

describe('every configuration problem at once', () => {
  it('schema, rule ids, allowed phrases, each pack (file or inline), paths — in one error', () => {
    write('all/examples.json', {
      name: 'examples',
      rule: 'no-offplatform-contact',
      phrases: [{ patterns: ['加我钉钉'], examples: ['这句里没有'] }],
    });
    write('all/schema.json', { name: 'schema', phrases: [{ patterns: [''], examples: [] }] });
    const file = write('all/huashu.config.json', {
      lint: {
        rules: { 'no-such-rule': 'error', 'no-overpromise': 'loud' },
        allow: ['。。', 7, '保证金'],
        packs: [
          './examples.json',
          './schema.json',
          secretFile,
          '../outside/pack.json',
          {
            name: 'inline',
            rule: 'no-offplatform-contact',
            phrases: [{ patterns: ['加我QQ'], examples: ['没有'] }],
          },
        ],
        messageLocale: 'fr',
      },
      templates: '/usr',
      actions: '../outside',
      colour: true,
    });
    const error = thrown(() => loadConfigFile(file));
    expect(error.code).toBe('INVALID_OPTIONS');
    const where = error.issues.map(
      (i) => `${i.file === file ? 'config' : i.file?.split(/[\\/]/).pop()}|${i.path}`,
    );
    expect(where).toEqual(
      expect.arrayContaining([
        'config|lint.rules.no-overpromise',
        'config|lint.rules.no-such-rule',
        'config|lint.allow[0]',
        'config|lint.allow[1]',
        'config|lint.packs[2]',
        'config|lint.packs[3]',
        'config|lint.packs[4].phrases[0].examples[0]',
        'config|lint.messageLocale',
        'config|templates',
        'config|actions',
        'config|',
        'examples.json|phrases[0].examples[0]',
        'schema.json|phrases[0].patterns[0]',
      ]),
    );
    expect(where).not.toContain('config|lint.allow[2]');
    expect(new Set(where).size).toBe(where.length);
    expect(told(error)).not.toContain('root:x');
  });

  it('problems only inside the packs keep the code createLinter gives them: INVALID_RULES', () => {
    write('packs-only/p.json', {
      name: 'p',
      rule: 'no-offplatform-contact',
      phrases: [{ patterns: ['加我钉钉'], examples: ['没有'] }],
    });
    const file = write('packs-only/huashu.config.json', { lint: { packs: ['./p.json'] } });
    expect(thrown(() => loadConfigFile(file)).code).toBe('INVALID_RULES');
  });
});

describe('loaders called from code: paths trusted, files still checked', () => {
  it('an absolute path outside any configuration is read (the caller chose it)', () => {
    const pack = loadTemplatePack(join(root, 'outside/tpl'));
    expect(pack.map((t) => t.id)).toEqual(['shop/hi']);
  });

  it('rule files: a device, a folder, a missing or too large file are listed like other problems', () => {
    const files = [join(root, 'outside'), join(root, 'missing.json'), outsidePack, secretFile];
    const error = thrown(() => loadActionRuleFiles(files, { maxFileBytes: 100 }));
    expect(error.code).toBe('INVALID_RULES');
    expect(error.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/a folder, not a file/),
      expect.stringMatching(/ENOENT/),
      expect.stringMatching(/the limit is 100 \(maxFileBytes\)/),
      expect.stringMatching(/^invalid JSON \(line 1, column 1\)/),
    ]);
    expect(told(error)).not.toContain('root:x');
  });

  it.skipIf(!existsSync('/dev/zero'))('/dev/zero is refused before it is opened', () => {
    const error = thrown(() => loadActionRuleFiles(['/dev/zero']));
    expect(error.issues[0]?.message).toMatch(/a device, not a file/);
  });

  const hasMkfifo = (() => {
    try {
      execFileSync('mkfifo', [join(root, 'fifo.json')]);
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!hasMkfifo)('a named pipe is refused without blocking on it', () => {
    const error = thrown(() => loadActionRuleFiles([join(root, 'fifo.json')]));
    expect(error.issues[0]?.message).toMatch(/a pipe, not a file/);
    mkdirSync(join(root, 'pipes'), { recursive: true });
    execFileSync('mkfifo', [join(root, 'pipes/rules.json')]);
    // A folder walk lists regular files only: the pipe is not even opened.
    expect(loadActionRules(join(root, 'pipes'))).toEqual({ rules: [], disable: [] });
  });

  it('a folder walk stops at maxFolderEntries', () => {
    for (let i = 0; i < 12; i++) write(`many/g${i}/t.json`, template(`g${i}/t`));
    const error = thrown(() => readTemplateFiles(join(root, 'many'), { maxFolderEntries: 10 }));
    expect(error.code).toBe('IO');
    expect(error.message).toMatch(/more than 10 entries \(maxFolderEntries\)/);
    expect(readTemplateFiles(join(root, 'many'), { maxFolderEntries: 100 })).toHaveLength(12);
  });

  it.skipIf(!canLink)('symbolic links inside a walked folder are skipped', () => {
    mkdirSync(join(root, 'walk'), { recursive: true });
    symlinkSync(join(root, 'outside/tpl/shop'), join(root, 'walk/shop'));
    symlinkSync(secretFile, join(root, 'walk/x.json'));
    expect(readTemplateFiles(join(root, 'walk'))).toEqual([]);
  });

  it('a template metadata file with a syntax error is reported without quoting it', () => {
    write('tpl-bad/shop/a.json', `${SECRET}`);
    write('tpl-bad/shop/a.zh-Hans.hbs', 'x');
    const error = thrown(() => loadTemplatePack(join(root, 'tpl-bad')));
    expect(error.code).toBe('INVALID_TEMPLATES');
    expect(error.message).toContain('invalid JSON (line 1, column 1)');
    expect(told(error)).not.toContain('root:x');
  });
});

describe('loader arguments', () => {
  const dir = join(root, 'outside/tpl');
  it.each([
    ['loadActionRuleFiles([0]) (a file descriptor)', () => loadActionRuleFiles([0 as never])],
    ['loadActionRuleFiles("a.json")', () => loadActionRuleFiles('a.json' as never)],
    ['loadActionRuleFiles([""])', () => loadActionRuleFiles([''])],
    ['loadActionRules(0)', () => loadActionRules(0 as never)],
    ['loadActionRules("")', () => loadActionRules('')],
    ['loadTemplatePack(undefined)', () => loadTemplatePack(undefined as never)],
    ['loadTemplatePack(null)', () => loadTemplatePack(null as never)],
    ['loadTemplatePack("a\\0b")', () => loadTemplatePack('a\u0000b')],
    ['readTemplateFiles(1)', () => readTemplateFiles(1 as never)],
    ['loadConfigFile(0)', () => loadConfigFile(0 as never)],
    ['loadConfigFile("  ")', () => loadConfigFile('  ')],
    ['loadConfig(null)', () => loadConfig(null as never)],
    ['findConfigFile(42)', () => findConfigFile(42 as never)],
    ['loadConfigFile(Buffer)', () => loadConfigFile(Buffer.from('x') as never)],
  ])('%s → INVALID_INPUT', (_, call) => {
    expect(thrown(call).code).toBe('INVALID_INPUT');
  });

  it.each([
    ['maxFileBytes: 0', () => loadTemplatePack(dir, { maxFileBytes: 0 })],
    ['maxFileBytes: "10"', () => loadTemplatePack(dir, { maxFileBytes: '10' as never })],
    ['maxFolderEntries: 1.5', () => readTemplateFiles(dir, { maxFolderEntries: 1.5 })],
    ['an unknown option', () => loadConfigFile(outsidePack, { other: 1 } as never)],
    ['options as a string', () => loadActionRules(dir, 'x' as never)],
    ['an operator that is not a function', () => loadActionRules(dir, { operators: { near: 1 as never } })],
    // createAssistant refuses this name: the loader said yes to operators that could not build.
    [
      'an operator named __proto__',
      () =>
        loadActionRules(dir, {
          operators: Object.defineProperty({}, '__proto__', { value: () => true, enumerable: true }),
        }),
    ],
    ['an operator named a-b', () => loadActionRuleFiles([], { operators: { 'a-b': () => true } })],
    ['natural: smoothing 0', () => createNaturalClassifier({ smoothing: 0 })],
    [
      'natural: an example without text',
      () => createNaturalClassifier({ examples: [{ text: 1 as never, intent: 'x' }] }),
    ],
  ])('%s → INVALID_OPTIONS', (_, call) => {
    expect(thrown(call).code).toBe('INVALID_OPTIONS');
  });
});
