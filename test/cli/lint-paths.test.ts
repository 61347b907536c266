import { afterAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/index.js';
import { looksLikeInputPath } from '../../src/cli/lint/input-format.js';
import { fakeLinter, lintIo, runLint, tempDir } from './lint-helpers.js';

const tmp = tempDir({ 'replies.jsonl': '{"reply":"亲，已发货"}\n' });
afterAll(() => tmp.cleanup());

async function lint(args: string[]) {
  const out = lintIo({ cwd: tmp.dir });
  const linter = fakeLinter();
  const code = await runLint([...args, '--no-config'], out.io, linter.factory);
  return { code, stdout: out.stdout, stderr: out.stderr, linted: linter.contexts.map((c) => c.reply) };
}

describe('huashu lint: an argument that names no file', () => {
  it.each([
    ['', 'an empty argument is neither a reply nor a file'],
    ['   ', 'an empty argument is neither a reply nor a file'],
    // Globs are expanded by huashu (tinyglobby); one that matches nothing is an error, not a reply.
    ['exports/*.jsonl', 'exports/*.jsonl: no file matches this pattern'],
    ['*.csv', '*.csv: no file matches this pattern'],
    ['replies.jsnol', "cannot read replies.jsnol: no such file (to check it as a reply's text"],
    ['data/replies', 'cannot read data/replies: no such file'],
    ['..\\exports\\a', 'cannot read ..\\exports\\a: no such file'],
  ])('%j exits 2: %s', async (argument, message) => {
    const r = await lint([argument]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.linted).toEqual([]);
    expect(r.stdout).toBe('');
  });

  it.each([
    '亲，已发货',
    'Hello',
    'https://shop.example/item/1',
    '好的.',
    'v1.2',
    '已发货.',
    // A reply's text with a glob character: no file matches it, and it does not look like a path.
    '请问是这个订单吗?',
    'Could you check the size?',
    '亲，[订单x]已发货*',
    '{好的,谢谢}',
  ])('%j is a reply and is linted', async (argument) => {
    const r = await lint([argument]);
    expect(r.linted).toEqual([argument]);
    expect(r.code).toBe(argument.includes('已发货') ? 1 : 0);
  });

  it('through execute(): an empty argument prints the usage and exits 2', async () => {
    const out = lintIo({ cwd: tmp.dir });
    expect(await execute(['lint', ''], out.io)).toBe(2);
    expect(out.stderr).toContain('huashu lint: an empty argument is neither a reply nor a file');
    expect(out.stderr).toContain('Usage: huashu lint');
    expect(out.stderr).not.toContain('cannot read :');
  });
});

describe('looksLikeInputPath: which arguments are file names', () => {
  it.each([
    ['replies.jsonl', true],
    ['exports/*.jsonl', true],
    ['*', true],
    ['data/replies', true],
    ['C:\\data\\replies', true],
    ['replies.jsnol', true],
    ['export_2024-05.xlsx', true],
    ['亲，已发货', false],
    ['see file.txt please', false],
    ['Hello', false],
    ['https://shop.example/a.html', false],
    ['v1.2', false],
    ['好的.', false],
    ['', false],
  ])('%j → %s', (argument, expected) => {
    expect(looksLikeInputPath(argument)).toBe(expected);
  });
});
