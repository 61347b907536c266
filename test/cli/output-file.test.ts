import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openOutputFile } from '../../src/cli/qa/output-file.js';
import { chunkText } from '../helpers/fake-io.js';

describe('openOutputFile (-o): text and UTF-8 bytes in the order written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huashu-output-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bytes = (text: string) => new TextEncoder().encode(text);

  it.each([
    ['text only', ['a\n', 'b\n']],
    ['bytes only', [bytes('甲\n'), bytes('乙\n')]],
    [
      'text held below the block size, then bytes, then text',
      ['头\n', bytes('丙\n'), 'c\n', bytes('丁\n'), '尾\n'],
    ],
    ['a large text block between bytes', [bytes('戊\n'), 'x'.repeat(70_000), bytes('己\n')]],
  ] as const)('%s', (name, chunks) => {
    const path = join(dir, 'sub', `${name.replace(/\W+/g, '-')}.txt`);
    const file = openOutputFile(dir, path);
    for (const chunk of chunks) file.write(chunk);
    file.close();
    const expected = chunks.map(chunkText).join('');
    expect(readFileSync(path, 'utf8')).toBe(expected);
  });
});
