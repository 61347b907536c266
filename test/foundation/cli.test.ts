import { describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/index.js';
import { VERSION } from '../../src/generated/version.js';
import { fakeIo } from '../helpers/fake-io.js';

describe('cli: execute', () => {
  it('--version prints the package version', async () => {
    const out = fakeIo();
    expect(await execute(['--version'], out.io)).toBe(0);
    expect(out.stdout.trim()).toBe(VERSION);
  });

  it('--help lists the commands and exits 0', async () => {
    const out = fakeIo();
    expect(await execute(['--help'], out.io)).toBe(0);
    expect(out.stdout).toContain('demo');
    expect(out.stdout).toContain('analyze');
  });

  it('no command prints usage and exits 2', async () => {
    const out = fakeIo();
    expect(await execute([], out.io)).toBe(2);
    expect(out.stdout).toContain('Usage: huashu');
  });

  it('an unknown command exits 2 and says so', async () => {
    const out = fakeIo();
    expect(await execute(['frobnicate'], out.io)).toBe(2);
    expect(out.stderr).toContain('unknown command "frobnicate"');
  });

  it("<command> --help prints that command's usage", async () => {
    const out = fakeIo();
    expect(await execute(['analyze', '--help'], out.io)).toBe(0);
    expect(out.stdout).toContain('Usage: huashu analyze');
  });

  it('analyze <text> prints the analysis as JSON when piped', async () => {
    const out = fakeIo();
    expect(await execute(['analyze', '請問什麼時候發貨'], out.io)).toBe(0);
    const analysis = JSON.parse(out.stdout) as {
      text: string;
      normalized: string;
      language: { locale: string };
    };
    expect(analysis.text).toBe('請問什麼時候發貨');
    expect(analysis.normalized).toBe('请问什么时候发货');
    expect(analysis.language.locale).toBe('zh-Hant');
  });

  it('analyze - reads the message from standard input', async () => {
    const out = fakeIo('where is my order\n');
    expect(await execute(['analyze', '-', '--format', 'json'], out.io)).toBe(0);
    expect((JSON.parse(out.stdout) as { text: string }).text).toBe('where is my order');
  });

  it('analyze --format pretty prints a readable block', async () => {
    const out = fakeIo();
    expect(await execute(['analyze', '你好', '--format', 'pretty'], out.io)).toBe(0);
    expect(out.stdout).toContain('» 你好');
    expect(out.stdout).toMatch(/language\s+zh-Hans/);
    expect(out.stdout).toMatch(/intent\s+greeting/);
  });

  it.each([
    [['analyze'], 'takes one message'],
    [['analyze', 'a', 'b'], 'takes one message'],
    [['analyze', 'x', '--format', 'xml'], '--format must be json or pretty'],
    [['analyze', 'x', '--bogus'], 'Unknown option'],
  ])('analyze usage error %j exits 2', async (argv, message) => {
    const out = fakeIo();
    expect(await execute(argv, out.io)).toBe(2);
    expect(out.stderr).toContain(message);
  });

  it('demo runs on the built-in conversation', async () => {
    const out = fakeIo();
    expect(await execute(['demo'], out.io)).toBe(0);
    expect(out.stdout).toContain('請問這款有沒有S碼');
    expect(out.stdout).toMatch(/zh-Hant/);
  });
});
