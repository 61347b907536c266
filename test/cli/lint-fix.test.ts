import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/index.js';
import { applyEdits, isSafeFix, lintAndFix, sourceEdit } from '../../src/cli/lint/fix.js';
import { applyFixes } from '../../src/lint/fixes.js';
import { createLinter } from '../../src/lint/linter.js';
import { lintRules } from '../../src/lint/rule-list.js';
import type { LintContext } from '../../src/lint/types.js';
import { lintIo, tempDir } from './lint-helpers.js';

// `huashu lint --fix` / `--fix-dry-run` with huashu's own linter, through execute().
const tmp = tempDir();
afterAll(() => tmp.cleanup());

async function run(args: string[], stdin?: string) {
  const out = lintIo({ cwd: tmp.dir, ...(stdin === undefined ? {} : { stdin }) });
  const code = await execute(['lint', ...args], out.io);
  return { code, stdout: out.stdout, stderr: out.stderr };
}

let counter = 0;
/** A fresh file in the temp folder with this text; returns its name. */
function file(extension: string, text: string | Buffer): string {
  const name = `f${++counter}.${extension}`;
  writeFileSync(tmp.path(name), text);
  return name;
}
const read = (name: string) => readFileSync(tmp.path(name), 'utf8');

const unscanned = { order: { shipped: true, carrierScan: false } };
const scanned = { order: { shipped: true, carrierScan: true } };

/**
 * Every rule that reports fixes, with a reply it fixes and one it leaves (the unfixed pair): the
 * safe ones must change exactly as `fixed` says; the unsafe ones must not change at all.
 */
const FIXABLE: Record<
  string,
  {
    safe: boolean;
    cases: Array<{ reply: string; facts?: object; fixed: string }>;
  }
> = {
  'no-pii-leak': {
    safe: true,
    cases: [
      { reply: '亲，您的手机号13812345678已登记', fixed: '亲，您的手机号138****5678已登记' },
      { reply: '您的邮箱 test.user@example.com 已记录', fixed: '您的邮箱 t***@example.com 已记录' },
      // Already masked: nothing to fix.
      { reply: '亲，您的手机号138****5678已登记', fixed: '亲，您的手机号138****5678已登记' },
    ],
  },
  'shipping-wording': {
    safe: false,
    cases: [
      // Reported with a fix, which --fix leaves for a person: 仓库 before 已发货 is only right if the facts are.
      { reply: '您的订单已发货', facts: unscanned, fixed: '您的订单已发货' },
      { reply: '您的订单已发货', facts: scanned, fixed: '您的订单已发货' },
    ],
  },
};

describe('huashu lint --fix: every fixable rule has a fixed / unfixed pair', () => {
  it('the table covers every rule that reports fixes', () => {
    expect(Object.keys(FIXABLE).sort()).toEqual(
      lintRules
        .filter((r) => r.fixable)
        .map((r) => r.id)
        .sort(),
    );
  });

  for (const [ruleId, { safe, cases }] of Object.entries(FIXABLE))
    for (const { reply, facts, fixed } of cases)
      it(`${ruleId}: ${reply}${facts === undefined ? '' : ` ${JSON.stringify(facts)}`} → ${fixed}`, async () => {
        const before = `${JSON.stringify({ id: 'x', ...(facts === undefined ? {} : { facts }), reply })}\n`;
        const name = file('jsonl', before);
        const dry = await run(['--fix-dry-run', '--format', 'json', name]);
        const [entry] = JSON.parse(dry.stdout) as Array<{ output?: string; findings: unknown[] }>;
        const { code } = await run(['--fix', name]);
        expect(read(name)).toBe(before.replace(JSON.stringify(reply), JSON.stringify(fixed)));
        if (fixed !== reply) {
          expect(entry?.output).toBe(fixed);
          expect(code).toBe(0);
        } else if (entry !== undefined) expect(entry.output).toBeUndefined();
        // An unsafe fix is still reported, with the fix and without `safe`.
        if (!safe && facts === unscanned) {
          const report = await run(['--format', 'json', name]);
          const findings = (
            JSON.parse(report.stdout) as Array<{ findings: Array<Record<string, unknown>> }>
          )[0]!.findings;
          const finding = findings.find((f) => f.ruleId === ruleId);
          expect(finding?.fix).toBeDefined();
          expect((finding?.fix as { safe?: unknown }).safe).toBeUndefined();
          expect(report.code).toBe(1);
        }
      });
});

describe('huashu lint --fix keeps the file byte for byte but for the replies', () => {
  it('CSV: CRLF, quoted multi-line cells, doubled quotes, other columns and clean rows unchanged', async () => {
    const rows = [
      'id,agent,reply,note\r\n',
      '1,小王,"第一行\r\n您的电话13812345678，""引号""保留",备注\r\n',
      '2,小李,普通回复，电话13912345678,"a,b"\r\n',
      '3,小张,"您好，没问题",\r\n',
      '4,小赵,邮箱 test.user@example.com 请查收,x',
    ];
    const name = file('csv', rows.join(''));
    const { code, stderr } = await run(['--fix', name]);
    expect(code).toBe(0);
    expect(read(name)).toBe(
      rows
        .join('')
        .replace('13812345678', '138****5678')
        .replace('13912345678', '139****5678')
        .replace('test.user@example.com', 't***@example.com'),
    );
    expect(stderr).toContain('applied 3 safe fixes to 3 replies (1 input rewritten)');
  });

  it('TSV: a fix whose text needs quoting makes only that cell quoted', () => {
    const placed = sourceEdit({ line: 2, column: 3, offset: 10 }, 'tsv', 'ab', 'a\tb');
    expect(placed).toEqual({
      edit: { start: 10, end: 12, text: '"a\tb"' },
      origin: { line: 2, column: 4, offset: 11, encoding: 'csv-quoted', raw: 'a\tb' },
    });
    expect(sourceEdit({ line: 1, column: 1, offset: 0 }, 'plain', 'ab', 'a\nb')).toHaveProperty('problem');
  });

  it('JSONL: escaped unicode stays escaped, key order, BOM, CRLF and other lines unchanged', async () => {
    const ascii = JSON.stringify({ reply: '亲，您的手机号13812345678已登记' }).replace(
      /[\u0080-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    const lines = [
      `{"agent":"a","id":1,${ascii.slice(1)}\r\n`,
      '{"reply":"电话：13912345678\\n谢谢 \\"亲\\" \\ud83d\\ude00","id":"2","facts":{"order":{"shipped":true}}}\r\n',
      '{"reply":"您好，没问题","x":[1,2]}\r\n',
      'not json\r\n',
    ];
    const before = `\ufeff${lines.join('')}`;
    const name = file('jsonl', before);
    const { code } = await run(['--fix', name]);
    // The malformed line is reported (exit 2) and kept as it is.
    expect(code).toBe(2);
    const after = readFileSync(tmp.path(name), 'utf8');
    expect(after).toBe(before.replace('13812345678', '138****5678').replace('13912345678', '139****5678'));
    expect(
      after
        .split('\r\n')
        .map((l) => l.replace(/^\ufeff/, ''))
        .slice(0, 3)
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { agent: 'a', id: 1, reply: '亲，您的手机号138****5678已登记' },
      { reply: '电话：139****5678\n谢谢 "亲" 😀', id: '2', facts: { order: { shipped: true } } },
      { reply: '您好，没问题', x: [1, 2] },
    ]);
  });

  it('plain text keeps its line endings and blank lines; a clean file is not rewritten', async () => {
    const before = '电话13812345678\r\n\r\n您好\n邮箱 test.user@example.com';
    const name = file('txt', before);
    expect((await run(['--fix', name])).code).toBe(0);
    expect(read(name)).toBe('电话138****5678\r\n\r\n您好\n邮箱 t***@example.com');
    const clean = file('txt', '您好\n');
    const { stderr } = await run(['--fix', clean]);
    expect(read(clean)).toBe('您好\n');
    expect(stderr).toContain('applied 0 safe fixes to 0 replies');
  });
});

describe('huashu lint --fix-dry-run and standard input', () => {
  it('--fix-dry-run prints the fixed text, writes nothing, reports on standard error', async () => {
    const before = '您好\n电话13812345678\n有问题可以加我微信\n';
    const name = file('txt', before);
    const { code, stdout, stderr } = await run(['--fix-dry-run', name]);
    expect(stdout).toBe('您好\n电话138****5678\n有问题可以加我微信\n');
    expect(read(name)).toBe(before);
    expect(stderr).toContain('no-offplatform-contact');
    expect(stderr).toContain('would apply 1 safe fix to 1 reply');
    expect(code).toBe(1);
  });

  it('--fix-dry-run --format json: an "output" per changed record, nothing else printed', async () => {
    const name = file('jsonl', '{"id":"a","reply":"电话13812345678"}\n{"id":"b","reply":"您好"}\n');
    const { stdout } = await run(['--fix-dry-run', '--format', 'json', name]);
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({ id: 'a', output: '电话138****5678', findings: [] }),
    ]);
  });

  it('--fix on standard input writes the fixed text to standard output, the report to standard error', async () => {
    const input = 'id,reply\n1,"电话13812345678"\n2,有问题可以加我微信\n';
    const { code, stdout, stderr } = await run(['--fix', '--input-format', 'csv', '-'], input);
    expect(stdout).toBe('id,reply\n1,"电话138****5678"\n2,有问题可以加我微信\n');
    expect(stderr).toContain('no-offplatform-contact');
    expect(code).toBe(1);
  });

  it('misuse is a usage error (exit 2) and writes nothing', async () => {
    const a = file('txt', '电话13812345678\n');
    const b = file('txt', '电话13812345678\n');
    for (const args of [
      ['--fix', '--fix-dry-run', a],
      ['--fix-dry-run', a, b],
      ['--force', a],
    ]) {
      const { code, stderr } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).not.toBe('');
    }
    expect(read(a)).toBe('电话13812345678\n');
    const gbk = file('txt', Buffer.from([0xb5, 0xe7, 0xbb, 0xb0, 0x31, 0x33, 0x38, 0x0a]));
    const refused = await run(['--fix', gbk]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('not valid UTF-8');
    expect(readFileSync(tmp.path(gbk))).toEqual(
      Buffer.from([0xb5, 0xe7, 0xbb, 0xb0, 0x31, 0x33, 0x38, 0x0a]),
    );
  });
});

describe('fixing: properties', () => {
  const linter = createLinter();
  const fragments = [
    '亲，',
    '您好',
    '电话',
    '您的手机号',
    '13812345678',
    '139 1234 5678',
    '138****5678',
    'test.user@example.com',
    '身份证号110101199003078515',
    '已发货',
    '保证',
    '加我微信',
    '，',
    '。',
    ' ',
    'ok',
  ];
  const reply = fc
    .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 4 })), { maxLength: 8 })
    .map((parts) => parts.join(''));
  const contexts: LintContext[] = [{}, { facts: unscanned }];

  it('a safe fix never leaves an error of the same rule at the fixed range', () => {
    fc.assert(
      fc.property(reply, fc.constantFrom(...contexts), (text, context) => {
        const first = linter.lint(text, context);
        const safe = first.findings.filter(isSafeFix);
        const { text: fixed, fixed: applied } = applyFixes(text, safe);
        // Where each applied fix's text now lies.
        let shift = 0;
        const placed = applied
          .sort((a, b) => a.fix!.range[0] - b.fix!.range[0])
          .map((f) => {
            const start = f.fix!.range[0] + shift;
            shift += f.fix!.text.length - (f.fix!.range[1] - f.fix!.range[0]);
            return { ruleId: f.ruleId, start, end: start + f.fix!.text.length };
          });
        const after = linter.lint(fixed, context);
        for (const p of placed)
          for (const f of after.findings)
            if (f.ruleId === p.ruleId && f.severity === 'error')
              expect(f.range[1] <= p.start || f.range[0] >= p.end, `${text} → ${fixed}`).toBe(true);
        // And the loop ends with no safe fix left (or after MAX_FIX_PASSES).
        const looped = lintAndFix(linter, text, context);
        expect(looped.result.findings.filter(isSafeFix)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    // Found by the property above: a name glued to an ID number, and two addresses glued together.
    ['身份证号110101199003078515+test.user@example.com', '身份证号1101**********8515+***@example.com'],
    ['您的手机号test.user@example.comtest.user@example.com', '您的手机号t***@example.com'],
    // Found by it in CI (seed 552761096): an ID number that is an address's whole name, or its
    // end, is masked with the address; masked as an ID, its last four digits became a name.
    ['身份证号110101199003078515@-.AA', '身份证号1***@-.aa'],
    ['身份证号110101199003078515@qq.com', '身份证号1***@qq.com'],
    ['abc110101199003078515@qq.com', 'a***@qq.com'],
  ])('glued personal data is masked whole: %s', (text, expected) => {
    const looped = lintAndFix(linter, text, {});
    expect(looped.reply).toBe(expected);
    expect(looped.result.findings.filter((f) => f.ruleId === 'no-pii-leak')).toEqual([]);
  });

  it('sourceEdit + applyEdits write exactly the new reply, in every encoding', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (before, after) => {
        // JSON string.
        const raw = JSON.stringify(before).slice(1, -1);
        const line = `{"reply":"${raw}"}`;
        const json = sourceEdit(
          { line: 1, column: 11, offset: 10, encoding: 'json-string', raw },
          'jsonl',
          before,
          after,
        );
        if ('problem' in json) throw new Error(json.problem);
        expect(JSON.parse(applyEdits(line, [json.edit])).reply).toBe(after);
        // Quoted CSV field.
        const quoted = before.replace(/"/g, '""');
        const cell = `a,"${quoted}",b`;
        const csv = sourceEdit(
          { line: 1, column: 4, offset: 3, encoding: 'csv-quoted', raw: quoted },
          'csv',
          before,
          after,
        );
        if ('problem' in csv) throw new Error(csv.problem);
        const fixedCell = applyEdits(cell, [csv.edit]);
        expect(fixedCell.slice(3, -3).replace(/""/g, '"')).toBe(after);
        expect(fixedCell.startsWith('a,"') && fixedCell.endsWith('",b')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('--fix changes only the replies of records with safe fixes; other fields and lines stay', async () => {
    const record = fc.record({
      id: fc.string({ maxLength: 3 }),
      reply,
      n: fc.integer(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 6 }), async (records) => {
        const lines = records.map((r) => JSON.stringify(r));
        const name = file('jsonl', `${lines.join('\n')}\n`);
        await run(['--fix', name]);
        const after = read(name).split('\n');
        expect(after.length).toBe(lines.length + 1);
        records.forEach((r, i) => {
          const hasSafeFix = linter.lint(r.reply).findings.some(isSafeFix);
          if (!hasSafeFix) expect(after[i]).toBe(lines[i]);
          else {
            const parsed = JSON.parse(after[i]!) as typeof r;
            expect({ ...parsed, reply: r.reply }).toEqual(r);
            expect(parsed.reply).toBe(lintAndFix(linter, r.reply, {}).reply);
          }
        });
      }),
      { numRuns: 15 },
    );
  });
});
