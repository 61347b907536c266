import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/index.js';
import { createCsvParser } from '../../src/cli/lint/csv-parser.js';
import type { InputItem } from '../../src/cli/lint/record.js';
import { readLineBatches, splitLines, type SourceLine } from '../../src/cli/lint/source-lines.js';
import { lintIo, tempDir } from './lint-helpers.js';

/** The lines of a whole text, by String.split: the oracle the streaming splitter must agree with. */
function oracle(whole: string, cap: number): SourceLine[] {
  const body = whole.startsWith('\ufeff') ? whole.slice(1) : whole;
  const pieces = body.split('\n');
  const lines: SourceLine[] = [];
  let offset = 0;
  pieces.forEach((piece, i) => {
    const last = i === pieces.length - 1;
    if (last && piece === '') return;
    const crlf = !last && piece.endsWith('\r');
    const text = crlf ? piece.slice(0, -1) : piece;
    const terminator = last ? '' : crlf ? '\r\n' : '\n';
    lines.push(
      text.length > cap
        ? { text: '', line: i + 1, offset, terminator, tooLong: text.length }
        : { text, line: i + 1, offset, terminator },
    );
    offset += piece.length + (last ? 0 : 1);
  });
  return lines;
}

async function streamed(chunks: Array<string | Uint8Array>, cap: number): Promise<SourceLine[]> {
  const lines: SourceLine[] = [];
  for await (const batch of readLineBatches(
    (async function* () {
      yield* chunks;
    })(),
    undefined,
    cap,
  ))
    lines.push(...batch);
  return lines;
}

/** Cut `text` at the given points (a text chunk boundary may fall between \r and \n). */
function cut(text: string, points: number[]): string[] {
  const at = [...new Set(points.map((p) => Math.min(p, text.length)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const point of [...at, text.length]) {
    chunks.push(text.slice(from, point));
    from = point;
  }
  return chunks;
}

const lineText = fc.string({
  unit: fc.constantFrom('a', '已', '\r', '\n', ' ', '\ufeff', '😀'),
  maxLength: 60,
});

describe('line splitting with a per-line limit', () => {
  it('property: any chunking, any limit: the lines equal splitting the whole text', async () => {
    await fc.assert(
      fc.asyncProperty(
        lineText,
        fc.array(fc.nat({ max: 60 }), { maxLength: 12 }),
        fc.nat({ max: 12 }),
        fc.boolean(),
        async (text, points, cap, asBytes) => {
          // Bytes are cut anywhere, inside a UTF-8 sequence too; text anywhere, inside a surrogate pair too.
          const bytes = new TextEncoder().encode(text);
          const input = asBytes
            ? cut('x'.repeat(bytes.length), points).reduce<Uint8Array[]>((out, piece) => {
                const from = out.reduce((n, c) => n + c.length, 0);
                out.push(bytes.slice(from, from + piece.length));
                return out;
              }, [])
            : cut(text, points);
          const expected = oracle(text, cap);
          expect(await streamed(input, cap)).toEqual(expected);
          expect(splitLines(text, cap)).toEqual(expected);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('a line over the limit is given as its length only; the lines around it are intact', async () => {
    const long = 'x'.repeat(250_000);
    const chunks = cut(`first\r\n${long}\r\nlast`, [3, 7, 70_000, 140_000, 250_006, 250_007, 250_008]);
    expect(await streamed(chunks, 100_000)).toEqual([
      { text: 'first', line: 1, offset: 0, terminator: '\r\n' },
      { text: '', line: 2, offset: 7, terminator: '\r\n', tooLong: 250_000 },
      { text: 'last', line: 3, offset: 250_009, terminator: '' },
    ]);
  });

  it('the limit is exact: a line of the limit passes, one more character does not (a \\r\\n split across chunks too)', async () => {
    expect(await streamed(['abcd\r', '\nabcde\r', '\n'], 4)).toEqual([
      { text: 'abcd', line: 1, offset: 0, terminator: '\r\n' },
      { text: '', line: 2, offset: 6, terminator: '\r\n', tooLong: 5 },
    ]);
  });
});

describe('CSV: a row that cannot be read is reported with where it starts and how much it covers', () => {
  const parse = (text: string, maxFieldLength?: number) => {
    const parser = createCsvParser({
      delimiter: ',',
      columns: {},
      ...(maxFieldLength === undefined ? {} : { maxFieldLength }),
    });
    const items: InputItem[] = [];
    for (const line of splitLines(text)) parser.push(line, (item) => items.push(item));
    parser.finish((item) => items.push(item));
    return items.map((i) =>
      i.kind === 'malformed'
        ? { line: i.line, lines: i.lines, message: i.message }
        : i.kind === 'reply' && i.record.reply,
    );
  };

  it('an unclosed quote: malformed from its line to the end, with the count of lines not checked', () => {
    expect(parse('id,reply\n1,ok\n2,"never closed\n3,已发货\n4,more\n')).toEqual([
      'ok',
      {
        line: 3,
        lines: 3,
        message: 'a quoted field is never closed (a " is missing): lines 3–5 (3 lines) were not checked',
      },
    ]);
  });

  it('a quoted field past the limit is given up (memory stays bounded) and reading goes on', () => {
    const text = `reply\n"${'长'.repeat(30)}\n${'长'.repeat(30)}\nstill inside\nok\n`;
    expect(parse(text, 40)).toEqual([
      {
        line: 2,
        lines: 2,
        message:
          'a quoted field runs over 40 characters (a " is probably missing): lines 2–3 (2 lines) were not checked',
      },
      'still inside',
      'ok',
    ]);
  });
});

describe('huashu lint with over-long lines (execute, real linter)', () => {
  const tmp = tempDir({
    'long.txt': `您好\n${'很长'.repeat(1500)}\n有问题可以加我微信\n`,
    'long.jsonl': `{"reply":"您好"}\n{"reply":"${'长'.repeat(3000)}"}\n{"reply":"有问题可以加我微信"}\n`,
    'long.csv': `id,reply\n1,"开头\n${'长'.repeat(3000)}\n结尾"\n2,有问题可以加我微信\n`,
    'open.csv': 'id,reply\n1,您好\n2,"没有结束\n3,有问题可以加我微信\n4,再见\n',
  });
  afterAll(() => tmp.cleanup());

  async function run(args: string[]) {
    const out = lintIo({ cwd: tmp.dir });
    const code = await execute(['lint', ...args, '--no-config'], out.io);
    return { code, stdout: out.stdout, stderr: out.stderr };
  }

  it.each([
    ['long.txt', 2, 3000, 3],
    ['long.jsonl', 2, 12, 3],
  ])(
    '%s: line %i is reported as too long and skipped; the rest is checked',
    async (file, line, length, findingLine) => {
      const r = await run([file, '--max-line-length', '1000', '--format', 'json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${file}:${line}: skipped: the line is `);
      expect(r.stderr).toMatch(/characters long; the limit is 1,000 \(--max-line-length\)/);
      if (file === 'long.txt') expect(r.stderr).toContain(`is ${length.toLocaleString('en-US')} characters`);
      const results = JSON.parse(r.stdout) as Array<{ findings: Array<{ line: number; ruleId: string }> }>;
      expect(results.flatMap((x) => x.findings.map((f) => [f.line, f.ruleId]))).toContainEqual([
        findingLine,
        'no-offplatform-contact',
      ]);
    },
  );

  it('CSV: a long line inside a quoted field breaks that row only', async () => {
    const r = await run(['long.csv', '--max-line-length', '1000', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('long.csv:3: skipped: the line is 3,000 characters long');
    expect(r.stderr).toContain('long.csv:2: skipped: its quoted field runs into line 3, which is too long');
    const results = JSON.parse(r.stdout) as Array<{ findings: Array<{ line: number }> }>;
    expect(results.flatMap((x) => x.findings.map((f) => f.line))).toContain(5);
  });

  it('CSV: an unclosed quote says honestly how many lines went unchecked', async () => {
    const r = await run(['open.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'open.csv:3: skipped: a quoted field is never closed (a " is missing): lines 3–5 (3 lines) were not checked',
    );
    expect(r.stderr).toContain('1 malformed record skipped (3 lines of input not checked)');
    expect(r.stderr).not.toContain('1 malformed line skipped');
  });

  it.each(['0', '-5', 'lots', '1.5'])('--max-line-length %s is a usage error', async (value) => {
    const r = await run(['long.txt', `--max-line-length=${value}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-line-length takes a whole number');
  });
});

describe('huashu lint: a reply longer than MAX_LINTED_CHARS is checked in part, and says so', () => {
  const long = `${'好的'.repeat(60_000)}保证明天到`;
  const tmp = tempDir({ 'long.jsonl': `{"reply":"您好"}\n{"reply":"${long}"}\n` });
  afterAll(() => tmp.cleanup());

  async function run(args: string[]) {
    const out = lintIo({ cwd: tmp.dir });
    const code = await execute(['lint', 'long.jsonl', ...args, '--no-config'], out.io);
    return { code, stdout: out.stdout, stderr: out.stderr };
  }

  it('stylish: the clean but partly read reply is listed with the characters left, and the count', async () => {
    const r = await run(['--format', 'stylish']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `characters 100,001–${long.length.toLocaleString('en')} not checked: lint reads the first 100,000 (MAX_LINTED_CHARS)`,
    );
    expect(r.stdout).toContain('1 reply longer than 100,000 characters was checked in part');
  });

  it('json: the reply is written with its unchecked range (the promise past the window is not claimed)', async () => {
    const r = await run(['--format', 'json']);
    const results = JSON.parse(r.stdout) as Array<{
      line: number;
      unchecked?: number[];
      findings: unknown[];
    }>;
    expect(results).toEqual([
      expect.objectContaining({ line: 2, unchecked: [100_000, long.length], findings: [] }),
    ]);
  });
});

describe('huashu lint: an argument longer than any path is a reply, never a glob pattern', () => {
  // The glob library throws a raw SyntaxError on 64 K characters; a reply with [ or { looked like a pattern.
  const text = `[订单x]{好的}${'保证明天到'.repeat(14_000)}`;
  it.each([
    ['alone: linted as the reply (its promises are warnings: exit 0)', [text], 0, ''],
    ['with another argument: a missing file, exit 2', [text, 'other.jsonl'], 2, 'no such file'],
  ])('%s', async (_name, args, code, stderr) => {
    const out = lintIo({ cwd: tmpdir() });
    expect(await execute(['lint', ...args, '--no-config', '--format', 'json'], out.io)).toBe(code);
    expect(out.stderr).toContain(stderr);
    expect(out.stderr).not.toContain('SyntaxError');
    if (code === 0) expect(out.stdout).toContain('no-overpromise');
  });
});
