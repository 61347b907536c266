import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/index.js';
import { JsonLineRouter } from '../../src/cli/qa/json-line-router.js';
import {
  conversationIdOfLine,
  conversationIdOfRecord,
  partitionOf,
  partitionOfLineBytes,
} from '../../src/cli/qa/partition-route.js';
import { readPartition, SpillFile } from '../../src/cli/qa/spill.js';
import { fakeIo } from '../helpers/fake-io.js';

const dir = mkdtempSync(join(tmpdir(), 'huashu-qa-spill-'));
const spills: SpillFile[] = [];
afterAll(() => spills.forEach((s) => s.remove()));

function newSpill(partitions: number): SpillFile {
  const spill = new SpillFile(partitions);
  spills.push(spill);
  return spill;
}

/** The records of each partition: [source, line, text]. */
function readBack(spill: SpillFile): Array<Array<[number, number, string]>> {
  return spill.finish().map((blocks) =>
    readPartition(spill.path, blocks)
      .split('\n')
      .slice(0, -1)
      .map((record) => {
        const [source, line, ...rest] = record.split('\t');
        return [Number(source), Number(line), rest.join('\t')] as [number, number, string];
      }),
  );
}

const ids = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }), // lone surrogates too
  fc.constantFrom('c1', 'c"2', 'c\\3', '会话-7', '😀', ''),
  fc.integer({ min: -1e6, max: 1e12 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

describe('routing a turn to its partition', () => {
  it('reads the id as JSON.parse does, from text and from UTF-8 bytes, whatever the key order', () => {
    fc.assert(
      fc.property(
        ids,
        fc.dictionary(fc.constantFrom('role', 'text', 'time', 'meta'), fc.jsonValue(), { maxKeys: 3 }),
        fc.boolean(),
        fc.option(ids, { nil: undefined }),
        (id, rest, idFirst, nested) => {
          const record: Record<string, unknown> = idFirst
            ? { conversationId: id, ...rest }
            : { ...rest, conversationId: id };
          if (nested !== undefined) record.meta = { conversationId: nested };
          const line = JSON.stringify(record);
          const expected = conversationIdOfRecord(JSON.parse(line));
          expect(conversationIdOfLine(line)).toBe(expected);
          const bytes = Buffer.from(`xx${line}yy`, 'utf8');
          expect(partitionOfLineBytes(bytes, 2, bytes.length - 2, 256)).toBe(partitionOf(expected, 256));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('hashes the UTF-8 bytes: a lone surrogate as U+FFFD, as the encoder writes it', () => {
    expect(partitionOf('a\ud800b', 997)).toBe(partitionOf('a\ufffdb', 997));
    const line = Buffer.from('{"conversationId":"会话😀","text":"x"}', 'utf8');
    expect(partitionOfLineBytes(line, 0, line.length, 997)).toBe(partitionOf('会话😀', 997));
  });

  it('sends lines without an id (not JSON, not an object, no conversationId) to partition 0', () => {
    for (const line of ['', 'not json', '[1,2]', '{"role":"customer"}', '{"conversationId":null}']) {
      const bytes = Buffer.from(line);
      expect(partitionOfLineBytes(bytes, 0, bytes.length, 256), line).toBe(0);
    }
  });
});

describe('SpillFile', () => {
  it('gives each partition its records back in the order they came, large ones included', () => {
    const spill = newSpill(3);
    const expected: Array<Array<[number, number, string]>> = [[], [], []];
    const texts = ['{"a":1}', '会话'.repeat(10), 'x'.repeat(70_000), '😀'.repeat(20_000), ''];
    for (let i = 0; i < 3000; i++) {
      const p = (i * 7) % 3;
      const text = texts[i % texts.length]!;
      if (i % 2 === 0) spill.add(p, `${i % 4}\t${i}\t`, text);
      else {
        const bytes = Buffer.from(`..${text}..`, 'utf8');
        spill.addBytes(p, `${i % 4}\t${i}\t`, bytes, 2, bytes.length - 2);
      }
      expected[p]!.push([i % 4, i, text]);
    }
    expect(readBack(spill)).toEqual(expected);
  });
});

describe('JsonLineRouter', () => {
  const lineArb = fc.oneof(
    fc
      .record({ conversationId: ids, text: fc.string({ unit: 'grapheme', maxLength: 30 }) })
      .map((r) => JSON.stringify(r)),
    fc.constantFrom('', '   ', 'not json', '{"conversationId":"c1","text":"a"}'),
  );
  it('routes every line, with its number, whatever the chunks (BOM, CRLF, a last line without a break)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(lineArb, fc.boolean()), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 10 }),
        (lines, bom, finalBreak, cuts) => {
          const text = lines
            .map(
              ([line, crlf], i) => line + (i < lines.length - 1 || finalBreak ? (crlf ? '\r\n' : '\n') : ''),
            )
            .join('');
          const bytes = Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
          const spill = newSpill(4);
          const tooLong: number[] = [];
          const router = new JsonLineRouter(spill, 3, (line) => tooLong.push(line));
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          let from = 0;
          for (const cut of [...at, bytes.length]) {
            router.push(bytes.subarray(from, cut));
            from = cut;
          }
          router.end();
          const routed = readBack(spill);
          const expected: Array<Array<[number, number, string]>> = [[], [], [], []];
          for (let i = 0; i < lines.length; i++) {
            const line = lines[i]![0];
            // An empty last line without a break is no line (the text ends with the previous break).
            if (i === lines.length - 1 && !finalBreak && line === '') continue;
            expected[partitionOf(conversationIdOfLine(line), 4)]!.push([3, i + 1, line]);
          }
          expect(routed).toEqual(expected);
          expect(tooLong).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not keep a line too long to be a turn, and counts it in UTF-16 code units', () => {
    const spill = newSpill(1);
    const tooLong: Array<[number, number]> = [];
    const router = new JsonLineRouter(spill, 0, (line, units) => tooLong.push([line, units]));
    const long = '😀'.repeat(800_000); // 3.2 MB of UTF-8, 1.6 M code units
    const bytes = Buffer.from(`{"conversationId":"a"}\n${long}\n{"conversationId":"b"}`, 'utf8');
    for (let i = 0; i < bytes.length; i += 65_536) router.push(bytes.subarray(i, i + 65_536));
    router.end();
    expect(tooLong).toEqual([[2, 1_600_000]]);
    expect(readBack(spill)[0]!.map(([, line]) => line)).toEqual([1, 3]);
  });
});

describe('huashu qa on a spilled export (HUASHU_QA_SPILL_BYTES=0) and in memory', () => {
  const fixtures = join(import.meta.dirname, 'conversations');
  const broken = join(dir, 'broken.jsonl');
  writeFileSync(
    broken,
    '\ufeff{"conversationId":"a","role":"customer","text":"你们怎么回事，东西坏了","time":"2024-05-20T01:00:00Z"}\r\n' +
      'not json\n\n' +
      '{"conversationId":"a","role":"bot","text":"x"}\n' +
      `{"conversationId":"b","role":"customer","text":"${'长'.repeat(1_200_000)}"}\n` +
      '{"role":"agent","text":"您好","conversationId":"a","time":"2024-05-20T01:00:20Z"}\n' +
      '{"conversationId":7,"role":"客服","text":"您好，在的"}',
  );
  const csv = join(dir, 'export.csv');
  writeFileSync(
    csv,
    '会话ID,角色,内容,时间,客服昵称\nc1,顾客,在吗,2024-05-20 09:00:00,\nc1,客服,"您好，请问有什么可以帮您？",2024-05-20 09:00:12,小美\nc2,买家,"坏了,怎么办",2024-05-20 09:01:00,\n',
  );
  const stdinText = ['zh-Hans', 'en']
    .map((f) => readFileSync(join(fixtures, `${f}.jsonl`), 'utf8'))
    .join('\n');

  const cases: Array<[string, string[], string]> = [
    ['three files', ['zh-Hans', 'zh-Hant', 'en'].map((f) => join(fixtures, `${f}.jsonl`)), ''],
    ['malformed lines, BOM, CRLF, a too-long line', [broken], ''],
    ['a CSV export', [csv], ''],
    ['standard input', ['-'], stdinText],
  ];
  it.each(cases)(
    '%s: the same results, aggregates, skipped lines and exit code',
    async (_name, files, stdin) => {
      const outputs = [];
      for (const spillBytes of [undefined, '0', '2000']) {
        const run = fakeIo(stdin);
        if (spillBytes !== undefined) run.io.env.HUASHU_QA_SPILL_BYTES = spillBytes;
        const code = await execute(
          ['qa', ...files, '--format', 'json', '--workers', '1', '--utc-offset', '+08:00'],
          run.io,
        );
        const lines = run.stdout.trim().split('\n');
        outputs.push({
          code,
          stderr: run.stderr,
          aggregates: lines.at(-1),
          results: lines.slice(0, -1).sort(),
        });
      }
      expect(outputs[0]!.results.length).toBeGreaterThan(0);
      expect(outputs[1]).toEqual(outputs[0]);
      expect(outputs[2]).toEqual(outputs[0]);
    },
  );

  it('says when HUASHU_QA_SPILL_BYTES is not a number', async () => {
    const run = fakeIo();
    run.io.env.HUASHU_QA_SPILL_BYTES = 'lots';
    expect(await execute(['qa', csv], run.io)).toBe(2);
    expect(run.stderr).toContain('HUASHU_QA_SPILL_BYTES takes a whole number of bytes');
  });
});
