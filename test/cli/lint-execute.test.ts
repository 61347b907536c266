import { afterAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/index.js';
import { sarifProblems } from './formatters/sarif-shape.js';
import { lintIo, onlyShippingNotCheckedNote, tempDir } from './lint-helpers.js';

// `huashu lint` through execute() with huashu's own linter: the wiring, not the rules' wording
// (the rules have their own tables in test/lint/).
const unscanned = { order: { shipped: true, carrierScan: false } };
const rows = [
  { id: 'a1', agent: '小王', conversationId: 'c1', reply: '您的包裹已发货了', facts: unscanned },
  {
    id: 'a2',
    agent: '小王',
    conversationId: 'c1',
    reply: '亲，您的包裹已发货了',
    facts: { order: { shipped: true, carrierScan: true } },
  },
  { id: 'b1', agent: '小李', conversationId: 'c2', reply: '您好，有问题可以加我微信聊' },
  { id: 'b2', agent: '小李', conversationId: 'c2', reply: '您好，不知道您方便吗？' },
];
const tmp = tempDir({
  'export.jsonl': rows.map((row) => JSON.stringify(row)).join('\n'),
  'matrix/replies.txt': '您好，请问有什么可以帮您？\n有问题可以加我微信\n',
  'matrix/replies.jsonl': ['{"reply":"您好，请问有什么可以帮您？"}', '{"reply":"有问题可以加我微信"}'].join(
    '\n',
  ),
  'matrix/replies.csv': 'id,reply\n1,"您好，请问有什么可以帮您？"\n2,"有问题可以\n加我微信"\n',
  'matrix/replies.tsv': 'id\treply\n1\t您好，请问有什么可以帮您？\n2\t有问题可以加我微信\n',
  'shop/huashu.config.json': JSON.stringify({ lint: { packs: ['./dingtalk.json'] } }),
  'shop/dingtalk.json': JSON.stringify({
    name: 'our-shop',
    rule: 'no-offplatform-contact',
    phrases: [{ patterns: ['加我钉钉'], examples: ['亲，加我钉钉吧'] }],
  }),
  'shop/replies.txt': '亲，加我钉钉吧\n',
  'badpack/huashu.config.json': JSON.stringify({ lint: { packs: ['./pack.json'] } }),
  'badpack/pack.json': JSON.stringify({
    name: 'broken',
    rule: 'no-offplatform-contact',
    phrases: [{ patterns: ['加我钉钉'], examples: ['这句话里没有它'] }],
  }),
});
afterAll(() => tmp.cleanup());

async function run(args: string[], cwd = tmp.dir) {
  const out = lintIo({ cwd });
  const code = await execute(['lint', ...args], out.io);
  return { code, stdout: out.stdout, stderr: out.stderr };
}

interface JsonResult {
  id: string;
  findings: Array<{
    ruleId: string;
    severity: string;
    line: number;
    column: number;
    actual: string;
    fix?: unknown;
  }>;
}

// Where 加我微信 is in each file: line and column of its first character.
const WECHAT = {
  'replies.txt': [2, 6],
  'replies.jsonl': [2, 16],
  'replies.csv': [4, 1],
  'replies.tsv': [3, 8],
} as const;

describe('huashu lint (execute, real linter): every input format × every output format', () => {
  const cases = Object.entries(WECHAT).flatMap(([file, at]) =>
    (['stylish', 'json', 'sarif', 'github', 'summary'] as const).map((format) => ({ file, format, at })),
  );

  it.each(cases)('$file --format $format', async ({ file, format, at: [line, column] }) => {
    const r = await run([file, '--format', format], tmp.path('matrix'));
    expect(r.code).toBe(1);
    // The files have no facts: the only thing said on stderr is that shipping-wording could not check them.
    expect(onlyShippingNotCheckedNote(r.stderr)).toBeGreaterThan(0);
    if (format === 'stylish') expect(r.stdout).toContain(`    ${line}:${column}  error`);
    if (format === 'json') {
      const results = JSON.parse(r.stdout) as JsonResult[];
      expect(results.flatMap((x) => x.findings.map((f) => [f.ruleId, f.line, f.column]))).toEqual([
        ['no-offplatform-contact', line, column],
      ]);
    }
    if (format === 'sarif') {
      const log = JSON.parse(r.stdout) as {
        runs: Array<{
          results: Array<{
            locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number } } }>;
          }>;
        }>;
      };
      expect(sarifProblems(log)).toEqual([]);
      expect(log.runs[0]?.results.map((x) => x.locations[0]?.physicalLocation.region)).toMatchObject([
        { startLine: line, startColumn: column },
      ]);
    }
    if (format === 'github') expect(r.stdout).toContain(`::error file=${file},line=${line},col=${column},`);
    if (format === 'summary')
      expect(r.stdout).toMatch(/Replies checked\s+2\n\s+Replies with errors\s+1\s+50\.0%/);
  });

  it('standard input, plain and JSONL', async () => {
    for (const [args, stdin] of [
      [['-'], '您好\n有问题可以加我微信\n'],
      [['-', '--input-format', 'jsonl'], '{"reply":"有问题可以加我微信"}\n'],
    ] as const) {
      const out = lintIo({ cwd: tmp.dir, stdin });
      expect(await execute(['lint', ...args, '--format', 'json'], out.io)).toBe(1);
      expect((JSON.parse(out.stdout) as JsonResult[])[0]?.findings[0]?.ruleId).toBe('no-offplatform-contact');
    }
  });
});

describe('huashu lint (execute, real linter)', () => {
  it('is listed in huashu --help', async () => {
    const out = lintIo();
    expect(await execute(['--help'], out.io)).toBe(0);
    expect(out.stdout).toMatch(/^ {2}lint {2,}Check agent replies/m);
  });

  it('lints a JSONL export: facts decide shipping-wording; positions are those of the file', async () => {
    const r = await run(['export.jsonl', '--format', 'json']);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as JsonResult[];
    const byId = new Map(results.map((x) => [x.id, x.findings.map((f) => f.ruleId)]));
    expect(byId.get('a1')).toContain('shipping-wording');
    expect(byId.get('a2') ?? []).not.toContain('shipping-wording');
    expect(byId.get('b1')).toContain('no-offplatform-contact');
    expect(byId.get('b2') ?? []).toEqual([]);
    const shipping = results
      .find((x) => x.id === 'a1')
      ?.findings.find((f) => f.ruleId === 'shipping-wording');
    const line = JSON.stringify(rows[0]);
    expect(shipping).toMatchObject({ line: 1, severity: 'error' });
    expect(line.slice((shipping?.column ?? 0) - 1).startsWith(shipping?.actual ?? '?')).toBe(true);
  });

  it('conversation rules run on rows with a conversationId (greet-first on the first reply of c1)', async () => {
    const r = await run(['export.jsonl', '--format', 'json']);
    const a1 = (JSON.parse(r.stdout) as JsonResult[]).find((x) => x.id === 'a1');
    expect(a1?.findings.map((f) => f.ruleId)).toContain('greet-first');
  });

  it('SARIF lists every rule of the linter and validates', async () => {
    const r = await run(['export.jsonl', '--format', 'sarif']);
    const log = JSON.parse(r.stdout) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } } }>;
    };
    expect(sarifProblems(log)).toEqual([]);
    expect(log.runs[0]?.tool.driver.rules.map((x) => x.id)).toEqual(
      expect.arrayContaining([
        'no-forbidden-phrase',
        'shipping-wording',
        'no-overpromise',
        'no-pii-leak',
        'no-offplatform-contact',
        'greet-first',
        'apologize-on-complaint',
        'offer-further-help',
      ]),
    );
  });

  it('--rule turns rules off; an unknown rule id exits 2', async () => {
    const off = await run([
      'export.jsonl',
      '--rule',
      'shipping-wording:off',
      '--rule',
      'no-offplatform-contact:off',
      '--quiet',
    ]);
    expect(off.code).toBe(0);
    const unknown = await run(['export.jsonl', '--rule', 'no-such-rule:off']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-rule');
  });

  it("a shop's phrase pack named in huashu.config.json is used", async () => {
    const r = await run(['replies.txt', '--format', 'json'], tmp.path('shop'));
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as JsonResult[])[0]?.findings.map((f) => f.ruleId)).toContain(
      'no-offplatform-contact',
    );
  });

  it('a pack whose examples do not match exits 2 and says why', async () => {
    const r = await run(['亲，加我钉钉吧'], tmp.path('badpack'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[INVALID_RULES]');
    expect(r.stdout).toBe('');
  });
});

describe('huashu lint says which rules could not check the replies', () => {
  it('counts the replies without facts.order.shipped on stderr and in the summary; replies with it are checked', async () => {
    const r = await run(['export.jsonl', '--format', 'json', '--summary']);
    // a1 and a2 carry facts, b1 and b2 do not.
    expect(r.stderr).toBe(
      'huashu lint: shipping-wording not checked on 2 of 4 replies: no facts.order.shipped, so shipping claims were not judged (lint records with a facts field or column: {"order":{"shipped":true,"carrierScan":false}})\n',
    );
    // With --summary the JSON output is one object: { results, summary }.
    const { summary } = JSON.parse(r.stdout) as {
      summary: { notChecked?: Array<{ ruleId: string; replies: number }> };
    };
    expect(summary.notChecked?.find((n) => n.ruleId === 'shipping-wording')?.replies).toBe(2);
  });

  it('says nothing when every reply has the facts', async () => {
    const out = lintIo({ cwd: tmp.dir, stdin: `${JSON.stringify(rows[0])}\n` });
    await execute(['lint', '-', '--format', 'json'], out.io);
    expect(out.stderr).toBe('');
  });
});
