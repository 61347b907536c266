import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/index.js';
import { fingerprint, parseBaseline, recordKey } from '../../src/cli/lint/baseline.js';
import { initialConfigText } from '../../src/cli/lint/init.js';
import { lintRules } from '../../src/lint/rule-list.js';
import type { Finding } from '../../src/lint/types.js';
import { HuashuError } from '../../src/errors.js';
import { loadConfigFile } from '../../src/node/config.js';
import { lintIo, tempDir } from './lint-helpers.js';

// -o/--output-file, --print-config, --init and the baseline, with huashu's own linter.
const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function run(args: string[], cwd = tmp.dir) {
  const out = lintIo({ cwd });
  const code = await execute(['lint', ...args], out.io);
  return { code, stdout: out.stdout, stderr: out.stderr };
}

let counter = 0;
function folder(files: Record<string, string> = {}): string {
  const name = `d${++counter}`;
  for (const [file, text] of Object.entries(files)) tmp.write(`${name}/${file}`, text);
  if (Object.keys(files).length === 0) tmp.write(`${name}/.keep`, '');
  return tmp.path(name);
}

const REPLIES = '有问题可以加我微信\n电话13812345678\n保证明天到\n';

describe('-o/--output-file', () => {
  it('writes the report to the file (its folder made), nothing on standard output, same exit code', async () => {
    const dir = folder({ 'r.txt': REPLIES });
    const plain = await run(['--format', 'json', 'r.txt'], dir);
    const { code, stdout } = await run(['--format', 'json', '-o', 'out/report.json', 'r.txt'], dir);
    expect(code).toBe(plain.code);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(readFileSync(`${dir}/out/report.json`, 'utf8')).toBe(plain.stdout);
    // A clean run writes the (empty) report too, exit 0.
    writeFileSync(`${dir}/clean.txt`, '您好\n');
    expect((await run(['--output-file', 'clean.json', '--format', 'json', 'clean.txt'], dir)).code).toBe(0);
    expect(readFileSync(`${dir}/clean.json`, 'utf8')).toBe('[]\n');
  });

  it('no colours in the file unless --color; refuses to overwrite an input', async () => {
    const dir = folder({ 'r.txt': REPLIES });
    await run(['-o', 'report.txt', 'r.txt'], dir);
    expect(readFileSync(`${dir}/report.txt`, 'utf8')).not.toContain('\u001b[');
    await run(['-o', 'report.txt', '--color', 'r.txt'], dir);
    expect(readFileSync(`${dir}/report.txt`, 'utf8')).toContain('\u001b[');
    const clobber = await run(['-o', 'r.txt', 'r.txt'], dir);
    expect(clobber.code).toBe(2);
    expect(readFileSync(`${dir}/r.txt`, 'utf8')).toBe(REPLIES);
  });
});

describe('--print-config', () => {
  it('prints every rule with the severity it runs with, the file it came from, and how a file is read', async () => {
    const dir = folder({
      'huashu.config.json':
        '// ours\n{ "lint": { "rules": { "greet-first": "off" }, "messageLocale": "en" } }\n',
      'export.csv': 'id,reply\n',
    });
    const { code, stdout } = await run(
      ['--print-config', 'export.csv', '--rule', 'no-overpromise:warn', '--column', 'reply=content'],
      dir,
    );
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as Record<string, unknown> & {
      lint: { rules: Record<string, string> };
    };
    expect(printed).toMatchObject({
      configFile: `${dir}/huashu.config.json`,
      file: 'export.csv',
      inputFormat: 'csv',
      columns: { reply: 'content' },
      lint: { messageLocale: 'en' },
    });
    const expected = Object.fromEntries(
      lintRules.map((r) => [r.id, (r.offByDefault ? 'off' : r.defaultSeverity) as string]),
    );
    expected['greet-first'] = 'off';
    expected['no-overpromise'] = 'warn';
    expect(printed.lint.rules).toEqual(expected);
  });

  it('without a file or a configuration: the defaults, configFile null; a missing file is exit 2', async () => {
    const dir = folder();
    const { stdout } = await run(['--print-config', '--no-config'], dir);
    expect(JSON.parse(stdout)).toEqual({
      configFile: null,
      lint: {
        rules: Object.fromEntries(lintRules.map((r) => [r.id, r.offByDefault ? 'off' : r.defaultSeverity])),
      },
    });
    expect((await run(['--print-config', 'nope.csv', '--no-config'], dir)).code).toBe(2);
    expect((await run(['--print-config', 'a.txt', 'b.txt', '--no-config'], dir)).code).toBe(2);
  });
});

describe('--init', () => {
  it('writes a commented huashu.config.json that loads, with every rule at its default', async () => {
    const dir = folder();
    const { code, stderr } = await run(['--init'], dir);
    expect(code).toBe(0);
    expect(stderr).toContain('huashu.config.json');
    const text = readFileSync(`${dir}/huashu.config.json`, 'utf8');
    expect(text).toBe(initialConfigText());
    expect(text).toMatch(/^\s*\/\/ /m);
    for (const rule of lintRules) expect(text).toContain(rule.description);
    const config = loadConfigFile(`${dir}/huashu.config.json`);
    expect(config.lint?.rules).toEqual(
      Object.fromEntries(lintRules.map((r) => [r.id, r.offByDefault ? 'off' : r.defaultSeverity])),
    );
    // Linting with it is linting with the defaults.
    writeFileSync(`${dir}/r.txt`, REPLIES);
    const withIt = await run(['--format', 'json', 'r.txt'], dir);
    const without = await run(['--format', 'json', '--no-config', 'r.txt'], dir);
    expect(withIt.stdout).toBe(without.stdout);
  });

  it('keeps an existing file (exit 2) unless --force; --force alone is a usage error', async () => {
    const dir = folder({ 'huashu.config.json': '{ "lint": {} }\n' });
    const refused = await run(['--init'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already exists');
    expect(readFileSync(`${dir}/huashu.config.json`, 'utf8')).toBe('{ "lint": {} }\n');
    expect((await run(['--init', '--force'], dir)).code).toBe(0);
    expect(readFileSync(`${dir}/huashu.config.json`, 'utf8')).toBe(initialConfigText());
    expect((await run(['--force', 'r.txt'], dir)).code).toBe(2);
    expect((await run(['--init', 'r.txt'], dir)).code).toBe(2);
  });

  it('the loader accepts comments but still names the line of a real mistake', () => {
    const dir = folder({
      'huashu.config.json': '// a\n/* b\n c */\n{ "lint": { "rules": { "x": "error" } },\n}\n',
    });
    let error: unknown;
    try {
      loadConfigFile(`${dir}/huashu.config.json`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HuashuError);
    expect((error as HuashuError).message).toMatch(/line 6, column 1/);
  });
});

describe('--baseline / --write-baseline', () => {
  it('suppresses known findings, survives inserted lines, reports new ones, says how many', async () => {
    const dir = folder({ 'r.txt': REPLIES });
    const written = await run(['--write-baseline', 'base.json', 'r.txt'], dir);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(written.stderr).toContain('wrote 3 findings to the baseline base.json');
    const baselineText = readFileSync(`${dir}/base.json`, 'utf8');
    // No reply text, no personal data, no line numbers.
    expect(baselineText).not.toContain('13812345678');
    expect(baselineText).not.toContain('微信');
    expect(parseBaseline(baselineText, 'base.json').findings).toHaveLength(3);

    const same = await run(['--baseline', 'base.json', 'r.txt'], dir);
    expect(same.code).toBe(0);
    expect(same.stdout).toBe('');
    expect(same.stderr).toContain('3 known findings suppressed by the baseline base.json');

    // Lines inserted above: the known findings stay suppressed; the new line's finding is reported.
    writeFileSync(`${dir}/r.txt`, `您好\n加我微信聊\n${REPLIES}`);
    const moved = await run(['--baseline', 'base.json', '--format', 'json', '--summary', 'r.txt'], dir);
    expect(moved.code).toBe(1);
    const report = JSON.parse(moved.stdout) as {
      results: Array<{ line: number; findings: Array<{ ruleId: string }> }>;
      summary: { suppressed: number };
    };
    expect(report.results.map((r) => [r.line, r.findings.map((f) => f.ruleId)])).toEqual([
      [2, ['no-offplatform-contact']],
    ]);
    expect(report.summary.suppressed).toBe(3);
  });

  it('counts repeats: a known finding that occurs once more is new', async () => {
    const dir = folder({ 'r.txt': '加我微信\n' });
    await run(['--write-baseline', 'base.json', 'r.txt'], dir);
    writeFileSync(`${dir}/r.txt`, '加我微信\n加我微信\n');
    const { code, stderr } = await run(['--baseline', 'base.json', 'r.txt'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('1 known finding suppressed');
  });

  it('fingerprints: record id wins over the text; the matched text and the rule count, the position does not', () => {
    const f = (ruleId: string, range: [number, number]) => ({ ruleId, range }) as Finding;
    const reply = 'x加我微信y';
    const key = recordKey({ id: '7' }, reply);
    expect(key).toBe(recordKey({ id: '7' }, 'other text'));
    expect(recordKey({}, reply)).not.toBe(recordKey({}, 'other text'));
    expect(recordKey({ conversationId: 'c' }, reply)).not.toBe(recordKey({ conversationId: 'd' }, reply));
    expect(fingerprint(f('a', [1, 5]), key, reply)).toBe(fingerprint(f('a', [0, 4]), key, '加我微信'));
    expect(fingerprint(f('a', [1, 5]), key, reply)).not.toBe(fingerprint(f('b', [1, 5]), key, reply));
    expect(fingerprint(f('a', [1, 5]), key, reply)).not.toBe(fingerprint(f('a', [1, 4]), key, reply));
  });

  it('misuse and bad files: exit 2 with a message', async () => {
    const dir = folder({
      'r.txt': REPLIES,
      'bad.json': '{"version": 2, "findings": []}',
      'broken.json': '{',
    });
    for (const args of [
      ['--baseline', 'missing.json', 'r.txt'],
      ['--baseline', 'bad.json', 'r.txt'],
      ['--baseline', 'broken.json', 'r.txt'],
      ['--baseline', 'bad.json', '--write-baseline', 'x.json', 'r.txt'],
      ['--write-baseline', 'r.txt', 'r.txt'],
    ]) {
      const { code, stderr } = await run(args, dir);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).not.toBe('');
    }
    expect(existsSync(`${dir}/x.json`)).toBe(false);
    expect(readFileSync(`${dir}/r.txt`, 'utf8')).toBe(REPLIES);
  });
});
