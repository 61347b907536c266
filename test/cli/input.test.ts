import { onlyShippingNotCheckedNote } from './lint-helpers.js';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { notTextReason } from '../../src/cli/input/binary.js';
import { decodeChunks, detectEncoding, isValidUtf8 } from '../../src/cli/input/encoding.js';
import { sniffFormat } from '../../src/cli/input/format.js';
import { openTextInput } from '../../src/cli/input/open.js';
import { expandInputArgument } from '../../src/cli/input/paths.js';
import { execute } from '../../src/cli/index.js';
import type { CliIo } from '../../src/cli/io.js';
import { isHuashuError } from '../../src/errors.js';
import { chunkText } from '../helpers/fake-io.js';

/** A CSV export as a Chinese helpdesk writes it, with characters of every UTF-8 length. */
const CSV =
  '会话ID,角色,内容,时间,客服昵称\n' +
  'c1,顾客,在吗？我的快递到哪了,2024-05-20 09:00:00,\n' +
  'c1,客服,"您好，请问有什么可以帮您？仓库已发货",2024-05-20 09:00:12,小美\n' +
  'c2,买家,東西壞了 😡 €12,2024-05-20 10:00:00,\n' +
  'c2,卖家,非常抱歉给您带来不便,2024-05-20 10:00:40,阿杰\n';

/** `bytes` cut into pieces of `size` bytes, as a stream delivers them. */
async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

const withBom = (bom: number[], bytes: Buffer) => Buffer.concat([Buffer.from(bom), bytes]);

const ENCODED: Array<[string, Buffer, string]> = [
  ['UTF-8', iconv.encode(CSV, 'utf-8'), 'utf-8'],
  ['UTF-8 with BOM', withBom([0xef, 0xbb, 0xbf], iconv.encode(CSV, 'utf-8')), 'utf-8'],
  ['GB18030', iconv.encode(CSV, 'gb18030'), 'gb18030'],
  ['UTF-16 LE with BOM', withBom([0xff, 0xfe], iconv.encode(CSV, 'utf-16le')), 'utf-16le'],
  ['UTF-16 BE with BOM', withBom([0xfe, 0xff], iconv.encode(CSV, 'utf-16be')), 'utf-16be'],
  ['UTF-16 LE without BOM', iconv.encode(CSV, 'utf-16le'), 'utf-16le'],
  ['UTF-16 BE without BOM', iconv.encode(CSV, 'utf-16be'), 'utf-16be'],
];

describe('encodings: detected and decoded as the bytes stream in', () => {
  it.each(ENCODED)(
    '%s is detected and decoded, in 1-, 3- and 64 KB pieces',
    async (_name, bytes, encoding) => {
      for (const size of [1, 3, 1 << 16]) {
        const input = await openTextInput(pieces(bytes, size), 'export.csv');
        expect(input.encoding).toBe(encoding);
        expect(await collect(input.chunks)).toBe(CSV);
      }
    },
  );

  it('GBK text (no character outside GBK) is read as GB18030, its superset', async () => {
    const text = '顾客,客服\n请问什么时候发货,亲，今天下午发出\n';
    const input = await openTextInput(pieces(iconv.encode(text, 'gbk'), 5), 'x.csv');
    expect(input.encoding).toBe('gb18030');
    expect(await collect(input.chunks)).toBe(text);
  });

  it('GB18030: an emoji (four bytes) cut after its third byte loses nothing after it (iconv-lite 0.7.3 alone drops a character)', async () => {
    const bytes = iconv.encode('😡,x', 'gb18030');
    async function* cut() {
      yield bytes.subarray(0, 3);
      yield bytes.subarray(3);
    }
    expect(await collect(decodeChunks(cut(), 'gb18030'))).toBe('😡,x');
  });

  it.each([
    ['text only', ['亲，', '仓库', '已发货\n']],
    ['bytes cut inside a character, then text', [Buffer.from('亲').subarray(0, 2), '仓库已发货']],
    ['text, then bytes, then text', ['亲，', Buffer.from('仓库'), '已发货']],
  ] as Array<[string, Array<string | Uint8Array>]>)(
    'text chunks (%s) pass through as they are; bytes before them end first',
    async (_name, chunks) => {
      async function* stream() {
        yield* chunks;
      }
      const expected = chunks.map(chunkText).join('');
      expect(await collect(decodeChunks(stream(), 'utf-8'))).toBe(expected);
    },
  );

  it('standard input given as one-character strings reads as the same text (past the 64 KB sample)', async () => {
    const text = `${'亲，仓库已发货'.repeat(12_000)}\n`;
    async function* characters() {
      for (const character of text) yield character;
    }
    const input = await openTextInput(characters(), '-');
    expect(input.encoding).toBe('utf-8');
    expect(await collect(input.chunks)).toBe(text);
  });

  it('--encoding forces the decoder (Big5 is never guessed)', async () => {
    const text = '角色,內容\n顧客,請問到貨了嗎\n';
    const input = await openTextInput(pieces(iconv.encode(text, 'big5'), 2), 'x.csv', 'big5');
    expect(await collect(input.chunks)).toBe(text);
  });

  it.each([
    ['ASCII', Buffer.from('a,b\n'), true, 'utf-8'],
    ['a UTF-8 character cut by the end of the sample', Buffer.from('好').subarray(0, 2), false, 'utf-8'],
    ['the same at the end of the whole input', Buffer.from('好').subarray(0, 2), true, 'gb18030'],
    ['GBK bytes', iconv.encode('你好', 'gbk'), true, 'gb18030'],
    ['an overlong UTF-8 form', Buffer.from([0xc0, 0xaf]), true, 'gb18030'],
    ['a UTF-8 surrogate', Buffer.from([0xed, 0xa0, 0x80]), true, 'gb18030'],
  ])('detection: %s', (_name, sample, complete, expected) => {
    expect(detectEncoding(sample, complete)).toBe(expected);
  });

  it('isValidUtf8 agrees with TextDecoder on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        expect(isValidUtf8(bytes, true)).toBe(valid);
      }),
    );
  });

  it.each(['gb18030', 'utf-16le', 'utf-16be', 'utf-8'])(
    'property (%s): splitting the byte stream at any points decodes the same text',
    async (encoding) => {
      await fc.assert(
        fc.asyncProperty(
          fc.string({ unit: 'grapheme', maxLength: 60 }),
          fc.array(fc.nat(), { maxLength: 8 }),
          async (text, cuts) => {
            const bytes = iconv.encode(text, encoding);
            const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
            const parts: Uint8Array[] = [];
            let start = 0;
            for (const point of [...points, bytes.length]) {
              parts.push(bytes.subarray(start, point));
              start = point;
            }
            async function* stream() {
              yield* parts;
            }
            const whole = iconv.decode(bytes, encoding, { stripBOM: true });
            expect(await collect(decodeChunks(stream(), encoding))).toBe(whole);
          },
        ),
        { numRuns: 200 },
      );
    },
  );
});

describe('files that are not text are refused', () => {
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
  it.each([
    ['an .xlsx (ZIP) workbook', zip, 'save or export the sheet as CSV'],
    [
      'an old .xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'save the sheet as CSV',
    ],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'a PDF'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'a PNG image'],
    ['a gzip file', Buffer.from([0x1f, 0x8b, 0x08, 0x00]), 'gunzip'],
    [
      'a binary with NUL bytes',
      Buffer.from('abc\u0000\u0001\u0002def\u0000\u0000\u0000ghi\u0003'),
      'NUL bytes',
    ],
  ])('%s: IO error saying what to do', async (_name, bytes, message) => {
    const error = await openTextInput(pieces(bytes, 4), 'export.xlsx').catch((e: unknown) => e);
    expect(isHuashuError(error) && error.code).toBe('IO');
    expect((error as Error).message).toContain(message);
  });

  it.each([
    ['UTF-8 CSV', Buffer.from(CSV)],
    ['UTF-16 LE without BOM', iconv.encode(CSV, 'utf-16le')],
    ['GB18030 CSV', iconv.encode(CSV, 'gb18030')],
    ['a text that starts with "PK"', Buffer.from('PK,score\n1,2\n')],
    [
      'a CSV with one stray NUL in a long cell',
      Buffer.from(`reply\n亲\u0000${'您好，请问有什么可以帮您？'.repeat(40)}\n`),
    ],
  ])('%s is text', (_name, bytes) => {
    const utf16 = detectEncoding(bytes, true).startsWith('utf-16');
    expect(notTextReason(bytes, utf16)).toBeUndefined();
  });

  it('judges exactly the first 64 KB however the input is chunked (NUL bytes just after it are text)', async () => {
    const head = Buffer.from(`reply\n${'亲'.repeat(21_843)}`); // 65,535 bytes
    const bytes = Buffer.concat([head, Buffer.from('\u0000\u0000,\n亲\n')]);
    expect(head.byteLength).toBe(65_535);
    for (const size of [1 << 20, 303, 65_535, 65_536, 4_096, 7]) {
      const input = await openTextInput(pieces(bytes, size), '-');
      expect((await collect(input.chunks)).length, `pieces of ${size} bytes`).toBe(bytes.toString().length);
    }
    // One byte earlier, the NUL pair is in the sniffed bytes: binary, in every chunking.
    const earlier = Buffer.concat([head.subarray(0, 65_534), Buffer.from('\u0000\u0000\n')]);
    for (const size of [1 << 20, 303, 7])
      await expect(openTextInput(pieces(earlier, size), '-')).rejects.toThrow(/NUL bytes/);
  });
});

describe('format from the first line (standard input, unknown extensions)', () => {
  const known = new Set(['reply', 'text', 'role', 'conversationid', '内容', '角色']);
  it.each([
    ['{"reply": "您好"}', 'jsonl'],
    ['  {"a":1}', 'jsonl'],
    ['\uFEFFconversationId,role,text', 'csv'],
    ['"conversationId","role","text"', 'csv'],
    ['会话ID,角色,内容', 'csv'],
    ['conversationId\trole\ttext', 'tsv'],
    ['id,reply', 'csv'],
    ['您好，很高兴为您服务', 'plain'],
    ['Hi, thanks for reaching out!', 'plain'],
    ['ok, thanks', 'plain'],
    ['reply', 'plain'],
    ['a,b,c', 'plain'],
    ['Sorry. reply, text', 'plain'],
  ])('%j → %s', (line, format) => {
    expect(sniffFormat(line, known)).toBe(format);
  });
});

describe('globs and missing files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huashu-input-'));
  mkdirSync(join(dir, 'exports'));
  for (const name of ['b.csv', 'a.csv', 'c.jsonl']) writeFileSync(join(dir, 'exports', name), 'x\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['exports/*.csv', ['exports/a.csv', 'exports/b.csv']],
    ['exports/*.{csv,jsonl}', ['exports/a.csv', 'exports/b.csv', 'exports/c.jsonl']],
    ['exports/?.jsonl', ['exports/c.jsonl']],
    ['exports/a.csv', ['exports/a.csv']],
  ])('%s → %j', (argument, files) => {
    expect(expandInputArgument(argument, dir).map((f) => f.display)).toEqual(files);
  });

  it.each([
    ['exports/*.tsv', 'exports/*.tsv: no file matches this pattern'],
    ['exports/missing.csv', 'exports/missing.csv: no such file'],
    ['exports', 'exports: not a file'],
  ])('%s → IO error', (argument, message) => {
    let error: unknown;
    try {
      expandInputArgument(argument, dir);
    } catch (e) {
      error = e;
    }
    expect(isHuashuError(error) && error.code).toBe('IO');
    expect((error as Error).message).toContain(message);
  });
});

/** The CLI with standard input given as bytes. */
function byteIo(cwd: string, stdin: Uint8Array = new Uint8Array()) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (chunk: string | Uint8Array) => (stdout += chunkText(chunk)) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    stdin: pieces(stdin, 7),
    cwd,
    env: {},
  };
  return { io, out: () => stdout, err: () => stderr };
}

describe('huashu qa and huashu lint read real exports', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huashu-input-cli-'));
  writeFileSync(join(dir, 'gbk.csv'), iconv.encode(CSV, 'gbk'));
  writeFileSync(join(dir, 'utf16.csv'), withBom([0xff, 0xfe], iconv.encode(CSV, 'utf-16le')));
  writeFileSync(join(dir, 'day1.csv'), CSV);
  writeFileSync(join(dir, 'day2.csv'), CSV.replaceAll('c1,', 'c3,').replaceAll('c2,', 'c4,'));
  writeFileSync(join(dir, 'book.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0, 0, 0]));
  writeFileSync(join(dir, 'export.dat'), CSV);
  for (const n of [1, 2]) writeFileSync(join(dir, `replies-${n}.csv`), `id,reply\nr${n},加我微信聊\n`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const conversationIds = (stdout: string) =>
    stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { conversationId?: string })
      .flatMap((r) => (r.conversationId === undefined ? [] : [r.conversationId]));

  it.each(['gbk.csv', 'utf16.csv', 'export.dat'])(
    'qa %s: both conversations with their Chinese roles',
    async (file) => {
      const run = byteIo(dir);
      await execute(['qa', file, '--format', 'json', '--workers', '1'], run.io);
      expect(run.err()).toBe('');
      expect(conversationIds(run.out())).toEqual(['c1', 'c2']);
    },
  );

  it('qa with a quoted glob reads every file that matches', async () => {
    const run = byteIo(dir);
    await execute(['qa', 'day*.csv', '--format', 'json', '--workers', '1'], run.io);
    expect(run.err()).toBe('');
    expect(conversationIds(run.out())).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('qa from GBK standard input (format and encoding detected)', async () => {
    const run = byteIo(dir, iconv.encode(CSV, 'gbk'));
    await execute(['qa', '-', '--format', 'json', '--workers', '1'], run.io);
    expect(conversationIds(run.out())).toEqual(['c1', 'c2']);
  });

  it.each([
    [['qa', 'book.xlsx'], 'book.xlsx: this is a ZIP archive'],
    [['lint', 'book.xlsx'], 'book.xlsx: this is a ZIP archive'],
    [['qa', 'nope.csv'], 'nope.csv: no such file'],
    [['qa', 'exports/*.csv'], 'exports/*.csv: no file matches this pattern'],
    [['lint', '*.tsv'], '*.tsv: no file matches this pattern'],
    [['qa', 'gbk.csv', '--encoding', 'klingon'], 'unknown encoding'],
    [['qa', 'gbk.csv', '--workers', '0'], '--workers takes a whole number'],
  ])('%j exits 2: %s', async (args, message) => {
    const run = byteIo(dir);
    expect(await execute(args, run.io)).toBe(2);
    expect(run.err()).toContain(message);
    expect(run.out()).toBe('');
  });

  it('lint reads a GBK CSV from standard input as CSV (the reply column), not as plain lines', async () => {
    const lintCsv = 'id,reply\nr1,亲，已经发货了，加我微信聊\nr2,您好\n';
    const run = byteIo(dir, iconv.encode(lintCsv, 'gbk'));
    const code = await execute(['lint', '-', '--format', 'json', '--no-config'], run.io);
    expect(onlyShippingNotCheckedNote(run.err())).toBe(2);
    const lines = run
      .out()
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { id?: string });
    expect(lines.some((l) => l.id === 'r1')).toBe(true);
    expect(run.out()).not.toContain('id,reply');
    expect(code).toBe(1);
  });

  it('lint of plain text on standard input stays plain text, one reply per line', async () => {
    const run = byteIo(dir, Buffer.from('Hi, thanks for reaching out\n加我微信聊\n'));
    const code = await execute(['lint', '-', '--format', 'json', '--no-config'], run.io);
    expect(onlyShippingNotCheckedNote(run.err())).toBe(2);
    expect(code).toBe(1);
  });

  it('lint with a quoted glob lints each file', async () => {
    const run = byteIo(dir);
    await execute(['lint', 'replies-*.csv', '--format', 'json', '--no-config'], run.io);
    expect(onlyShippingNotCheckedNote(run.err())).toBeGreaterThan(1);
    expect(run.out()).toContain('replies-1.csv');
    expect(run.out()).toContain('replies-2.csv');
  });
});
