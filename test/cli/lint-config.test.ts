import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/index.js';
import { CONFIG_FILE_NAME, findConfigFile, loadConfig, loadConfigFile } from '../../src/node/config.js';
import { fakeLinter, lintIo, runLint, tempDir } from './lint-helpers.js';
import { thrown } from '../helpers/thrown.js';

const tmp = tempDir({
  'project/huashu.config.json': JSON.stringify({
    $schema: './node_modules/huashu/huashu.config.schema.json',
    lint: {
      rules: { 'no-overpromise': 'error', 'greet-first': 'off' },
      messageLocale: 'en',
      allow: ['保证金'],
    },
    templates: './templates',
  }),
  'project/data/deep/replies.txt': '保证\n',
  'other/replies.txt': '保证\n',
});
afterAll(() => tmp.cleanup());

describe('config discovery', () => {
  it('finds huashu.config.json in the working directory or the nearest folder above', () => {
    expect(findConfigFile(tmp.path('project'))).toBe(tmp.path(`project/${CONFIG_FILE_NAME}`));
    expect(findConfigFile(tmp.path('project/data/deep'))).toBe(tmp.path(`project/${CONFIG_FILE_NAME}`));
  });

  it('none found: an empty configuration', () => {
    // The temp folder's ancestors (/tmp, /) hold no huashu.config.json.
    expect(loadConfig(tmp.path('other'))).toEqual({ config: {} });
  });

  it('loads and validates it; folder paths are resolved from the file', () => {
    expect(loadConfig(tmp.path('project/data'))).toEqual({
      path: tmp.path(`project/${CONFIG_FILE_NAME}`),
      config: {
        lint: {
          rules: { 'no-overpromise': 'error', 'greet-first': 'off' },
          messageLocale: 'en',
          allow: ['保证金'],
        },
        templates: tmp.path('project/templates'),
      },
    });
  });
});

describe('config validation', () => {
  it('lists every problem with the file and its JSON path', () => {
    const file = tmp.write(
      'bad/huashu.config.json',
      JSON.stringify({
        lint: { rules: { 'no-overpromise': 'loud' }, messageLocale: 'fr', allow: [1] },
        colour: true,
      }),
    );
    const error = thrown(() => loadConfigFile(file));
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.issues.map((i) => [i.file, i.path])).toEqual(
      expect.arrayContaining([
        [file, 'lint.rules.no-overpromise'],
        [file, 'lint.messageLocale'],
        [file, 'lint.allow[0]'],
        [file, ''],
      ]),
    );
    expect(error.issues).toHaveLength(4);
    expect(error.message).toContain(`${file}: lint.messageLocale:`);
    expect(error.issues.find((i) => i.path === '')?.message).toContain('colour');
  });

  it('a JSON syntax error names the line and column', () => {
    const file = tmp.write(
      'syntax/huashu.config.json',
      '{\n  "lint": {\n    "rules": { "a": "off", }\n  }\n}\n',
    );
    const error = thrown(() => loadConfigFile(file));
    expect(error.code).toBe('INVALID_OPTIONS');
    expect(error.message).toMatch(/invalid JSON \(line 3, column \d+\)/);
  });

  it('a pack given by path is read from the file; its problems are reported against that file', () => {
    const pack = tmp.write('packs/shop.json', '{ not json');
    const file = tmp.write(
      'packs/huashu.config.json',
      JSON.stringify({ lint: { packs: ['./shop.json', './missing.json'] } }),
    );
    const error = thrown(() => loadConfigFile(file));
    expect(error.issues.map((i) => i.path)).toEqual(['lint.packs[0]', 'lint.packs[1]']);
    expect(error.issues[0]?.message).toContain(pack);
    expect(error.issues[1]?.message).toContain('ENOENT');
    const valid = {
      name: 'shop',
      rule: 'no-offplatform-contact',
      phrases: [{ patterns: ['加我钉钉'], examples: ['亲，加我钉钉吧'] }],
    };
    tmp.write('packs/shop.json', JSON.stringify(valid));
    tmp.write('packs/huashu.config.json', JSON.stringify({ lint: { packs: ['./shop.json'] } }));
    expect(loadConfigFile(file).lint?.packs).toEqual([valid]);
  });

  it("a pack file's schema problems are reported against the pack file and its own JSON path", () => {
    const pack = tmp.write(
      'packs2/shop.json',
      JSON.stringify({ name: 'shop', phrases: [{ patterns: [''], examples: [] }] }),
    );
    const file = tmp.write(
      'packs2/huashu.config.json',
      JSON.stringify({ lint: { packs: ['./shop.json'], allow: 'x' } }),
    );
    const error = thrown(() => loadConfigFile(file));
    expect(error.issues.map((i) => [i.file, i.path])).toEqual(
      expect.arrayContaining([
        [pack, 'phrases[0].patterns[0]'],
        [pack, 'phrases[0].examples'],
        [file, 'lint.allow'],
      ]),
    );
  });

  it('an unreadable file is an IO error', () => {
    expect(thrown(() => loadConfigFile(tmp.path('nowhere.json'))).code).toBe('IO');
  });
});

describe('huashu lint with a configuration', () => {
  async function lint(args: string[], cwd: string) {
    const out = lintIo({ cwd });
    const linter = fakeLinter();
    const code = await runLint(args, out.io, linter.factory);
    return { code, stdout: out.stdout, stderr: out.stderr, options: linter.options };
  }

  it('uses the nearest huashu.config.json: its rules, allow-list and message locale reach the linter', async () => {
    const r = await lint(['replies.txt'], tmp.path('project/data/deep'));
    expect(r.options).toEqual({
      rules: { 'no-overpromise': 'error', 'greet-first': 'off' },
      messageLocale: 'en',
      allow: ['保证金'],
    });
    expect(r.code).toBe(1); // no-overpromise raised to error by the config
  });

  it('--rule and --message-locale win over the config file', async () => {
    const r = await lint(
      ['replies.txt', '--rule', 'no-overpromise:warn', '--message-locale', 'zh-Hant'],
      tmp.path('project/data/deep'),
    );
    expect(r.options?.rules).toEqual({ 'no-overpromise': 'warn', 'greet-first': 'off' });
    expect(r.options?.messageLocale).toBe('zh-Hant');
    expect(r.code).toBe(0);
  });

  it('--no-config ignores it; --config names another file', async () => {
    expect((await lint(['replies.txt', '--no-config'], tmp.path('project/data/deep'))).options).toEqual({
      rules: {},
    });
    const other = tmp.write(
      'other/strict.json',
      JSON.stringify({ lint: { rules: { 'no-overpromise': 'error' } } }),
    );
    const r = await lint(['replies.txt', '--config', other], tmp.path('other'));
    expect(r.options?.rules).toEqual({ 'no-overpromise': 'error' });
    expect(r.code).toBe(1);
  });

  it('an invalid config exits 2, listing every problem, and lints nothing', async () => {
    mkdirSync(tmp.path('broken'), { recursive: true });
    tmp.write(
      'broken/huashu.config.json',
      JSON.stringify({ lint: { rules: { x: 'loud' }, messageLocale: 'fr' } }),
    );
    const r = await lint(['保证'], tmp.path('broken'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[INVALID_OPTIONS]');
    expect(r.stderr).toContain(`${join(tmp.path('broken'), CONFIG_FILE_NAME)}: lint.rules.x:`);
    expect(r.stderr).toContain('lint.messageLocale:');
    expect(r.stdout).toBe('');
  });

  it('a missing --config file exits 2', async () => {
    const r = await lint(['保证', '--config', 'nope.json'], tmp.path('other'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[IO] cannot read');
  });
});

describe('huashu lint: every configuration problem at once (execute, real linter)', () => {
  it('a bad allow-list, an unknown rule, a failing pack and a path outside are reported together', async () => {
    tmp.write(
      'staged/pack.json',
      JSON.stringify({
        name: 'shop',
        rule: 'no-offplatform-contact',
        phrases: [{ patterns: ['加我钉钉'], examples: ['这句里没有'] }],
      }),
    );
    tmp.write(
      'staged/huashu.config.json',
      JSON.stringify({
        lint: { allow: ['。。'], rules: { 'no-such-rule': 'warn' }, packs: ['./pack.json', '../x.json'] },
        templates: '/usr',
      }),
    );
    const out = lintIo({ cwd: tmp.path('staged') });
    expect(await execute(['lint', '亲，您好'], out.io)).toBe(2);
    expect(out.stdout).toBe('');
    for (const where of [
      'lint.allow[0]: an allowed phrase must contain more than',
      'lint.rules.no-such-rule: unknown rule "no-such-rule"',
      `${tmp.path('staged/pack.json')}: phrases[0].examples[0]: the entry does not match its example`,
      'lint.packs[1]: "../x.json" leads outside the configuration\'s folder',
      'templates: "/usr" is an absolute path',
    ])
      expect(out.stderr).toContain(where);
    expect(out.stderr.match(/\[INVALID_OPTIONS\]/g)).toHaveLength(1);
  });
});
