import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sarifProblems } from './formatters/sarif-shape.js';
import { fakeLinter, lintIo, runLint, tempDir } from './lint-helpers.js';

const tmp = tempDir({
  'replies.txt': '亲，您好\n\n包裹已发货了\n我们保证明天到，已发货\n',
  'replies.jsonl': [
    JSON.stringify({ id: 'r1', agent: '小王', reply: '亲，"包裹"已发货' }),
    JSON.stringify({
      id: 'r2',
      agent: '小王',
      reply: '已发货',
      facts: { order: { shipped: true, carrierScan: true } },
    }),
    JSON.stringify({ id: 'r3', agent: '小李', reply: '保证满意' }),
    JSON.stringify({ id: 'r4', agent: '小李', reply: '好的' }),
  ].join('\n'),
  'replies.csv': 'id,agent,reply\n1,小王,"您好，""亲""，\n已发货"\n2,小李,"保证, 一定"\n',
  'clean.txt': '您好\n好的\n',
  'warn.txt': '保证\n保证一定\n',
});
afterAll(() => tmp.cleanup());

async function lint(args: string[], options: Parameters<typeof lintIo>[0] = {}) {
  const out = lintIo({ cwd: tmp.dir, ...options });
  const linter = fakeLinter();
  const code = await runLint(args, out.io, linter.factory);
  return { code, stdout: out.stdout, stderr: out.stderr, linter };
}

describe('huashu lint: inputs', () => {
  it('a reply given as text: stylish at line:col of the reply, exit 1 on an error', async () => {
    const r = await lint(['包裹已发货']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '  1: 包裹已发货\n    1:3  error  Say 仓库已发货 until the carrier scans  shipping-wording',
    );
  });

  it('clean text prints nothing and exits 0', async () => {
    const r = await lint(['亲，您好']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('a plain-text file: one reply per line, reported at its line of the file', async () => {
    const r = await lint(['replies.txt']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^replies\.txt\n {2}3: 包裹已发货了\n {4}3:3 {2}error/);
    expect(r.stdout).toContain('    4:3  warning  No absolute promises');
    expect(r.stdout).toContain('    4:9  error');
    expect(r.stdout).toContain('✖ 3 problems (2 errors, 1 warning) in 2 replies');
    expect(r.linter.contexts.map((c) => c.reply)).toEqual([
      '亲，您好',
      '包裹已发货了',
      '我们保证明天到，已发货',
    ]);
  });

  it('JSONL: facts reach the linter, columns point inside the JSON string', async () => {
    const r = await lint(['replies.jsonl']);
    expect(r.code).toBe(1);
    const line = JSON.stringify({ id: 'r1', agent: '小王', reply: '亲，"包裹"已发货' });
    expect(r.stdout).toContain(`    1:${line.indexOf('已发货') + 1}  error`);
    expect(r.stdout).toContain('(#r1 · 小王)');
    expect(r.stdout).not.toMatch(/^ {2}2:/m); // carrier scanned: no finding
    expect(r.linter.contexts[1]?.context).toEqual({ facts: { order: { shipped: true, carrierScan: true } } });
  });

  it('CSV: quoted line breaks and quotes, findings at the file line and column', async () => {
    const r = await lint(['replies.csv', '--format', 'json']);
    const results = JSON.parse(r.stdout) as Array<{
      line: number;
      id: string;
      reply: string;
      findings: Array<{ line: number; column: number; ruleId: string }>;
    }>;
    expect(results.map((x) => [x.id, x.line, x.reply])).toEqual([
      ['1', 2, '您好，"亲"，\n已发货'],
      ['2', 4, '保证, 一定'],
    ]);
    expect(results[0]?.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([
      ['shipping-wording', 3, 1],
    ]);
    expect(results[1]?.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['no-overpromise', 4, 7]]);
  });

  it('CSV with --column names the reply column', async () => {
    tmp.write('custom.csv', '坐席,内容\nA,已发货\n');
    const r = await lint([
      'custom.csv',
      '--column',
      'reply=内容',
      '--column',
      'agent=坐席',
      '--format',
      'json',
    ]);
    expect(JSON.parse(r.stdout)).toMatchObject([{ agent: 'A', reply: '已发货', line: 2 }]);
    const missing = await lint(['custom.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no reply column');
    expect(missing.stdout).toBe('');
  });

  it('standard input: plain lines by default, JSONL with --input-format', async () => {
    const plain = await lint(['-'], { stdin: ['好的\n已', '发货\n'] });
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('stdin\n  2: 已发货');
    const jsonl = await lint(['-', '--input-format', 'jsonl', '--format', 'json'], {
      stdin: '{"reply":"已发货","id":"x"}\n',
    });
    expect(JSON.parse(jsonl.stdout)).toMatchObject([{ source: 'stdin', id: 'x' }]);
  });

  it('several files in one run', async () => {
    const r = await lint(['replies.txt', 'replies.jsonl', '--format', 'json']);
    const sources = (JSON.parse(r.stdout) as Array<{ source: string }>).map((x) => x.source);
    expect([...new Set(sources)]).toEqual(['replies.txt', 'replies.jsonl']);
  });

  it('--input-format overrides the extension', async () => {
    tmp.write('lines.jsonl', '已发货\n');
    const r = await lint(['lines.jsonl', '--input-format', 'plain', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject([{ reply: '已发货' }]);
  });
});

describe('huashu lint: conversations', () => {
  it('rows with a conversationId get the earlier turns of that conversation, customer rows included', async () => {
    tmp.write(
      'chat.jsonl',
      [
        { conversationId: 'c1', role: 'customer', text: '在吗' },
        { conversationId: 'c1', reply: '在的' },
        { conversationId: 'c1', role: 'customer', text: '什么时候发货' },
        { conversationId: 'c1', reply: '今天发', customerMessage: '快点' },
        { conversationId: 'c2', reply: '您好' },
        { reply: 'no conversation' },
      ]
        .map((row) => JSON.stringify(row))
        .join('\n'),
    );
    const r = await lint(['chat.jsonl', '--format', 'json']);
    expect(r.linter.contexts.map((c) => c.context?.conversation)).toEqual([
      [{ role: 'customer', text: '在吗' }],
      [
        { role: 'customer', text: '在吗' },
        { role: 'agent', text: '在的' },
        { role: 'customer', text: '什么时候发货' },
        { role: 'customer', text: '快点' },
      ],
      [],
      undefined,
    ]);
    // greet-first: the first reply of c1 does not greet, c2's does.
    expect((JSON.parse(r.stdout) as Array<{ reply: string }>).map((x) => x.reply)).toEqual(['在的']);
    expect(r.code).toBe(0);
  });
});

describe('huashu lint: output formats', () => {
  it('json: only replies with findings, each with counts and positioned findings', async () => {
    const r = await lint(['replies.jsonl', '--format', 'json']);
    const results = JSON.parse(r.stdout) as Array<{ id: string; errorCount: number; warningCount: number }>;
    expect(results.map((x) => [x.id, x.errorCount, x.warningCount])).toEqual([
      ['r1', 1, 0],
      ['r3', 0, 1],
    ]);
  });

  it('sarif: a valid SARIF 2.1.0 log with the rules and one result per finding', async () => {
    const r = await lint(['replies.jsonl', 'replies.txt', '--format', 'sarif']);
    const log = JSON.parse(r.stdout) as {
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string }> } };
        results: Array<{ ruleId: string; locations: unknown[] }>;
      }>;
    };
    expect(sarifProblems(log)).toEqual([]);
    expect(log.runs[0]?.tool.driver.rules.map((x) => x.id)).toEqual([
      'shipping-wording',
      'no-overpromise',
      'greet-first',
    ]);
    expect(log.runs[0]?.results.map((x) => x.ruleId)).toEqual([
      'shipping-wording',
      'no-overpromise',
      'shipping-wording',
      'no-overpromise',
      'shipping-wording',
    ]);
    expect(JSON.stringify(log.runs[0]?.results[2]?.locations)).toContain('"uri":"replies.txt"');
  });

  it('sarif of a text reply embeds the text as an artifact', async () => {
    const r = await lint(['已发货', '--format', 'sarif']);
    const log = JSON.parse(r.stdout) as { runs: Array<{ artifacts: unknown[] }> };
    expect(sarifProblems(log)).toEqual([]);
    expect(log.runs[0]?.artifacts).toEqual([{ contents: { text: '已发货' }, mimeType: 'text/plain' }]);
  });

  it('github: one annotation per finding', async () => {
    const r = await lint(['replies.txt', '--format', 'github']);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      '::error file=replies.txt,line=3,col=3,endLine=3,endColumn=6,title=huashu shipping-wording::Say 仓库已发货 until the carrier scans',
      '::warning file=replies.txt,line=4,col=3,endLine=4,endColumn=5,title=huashu no-overpromise::No absolute promises',
      '::error file=replies.txt,line=4,col=9,endLine=4,endColumn=12,title=huashu shipping-wording::Say 仓库已发货 until the carrier scans',
    ]);
  });

  it('no findings: stylish prints nothing, json an empty array, sarif a log with no results', async () => {
    expect((await lint(['clean.txt'])).stdout).toBe('');
    expect(JSON.parse((await lint(['clean.txt', '--format', 'json'])).stdout)).toEqual([]);
    const sarif = JSON.parse((await lint(['clean.txt', '--format', 'sarif'])).stdout) as {
      runs: Array<{ results: unknown[] }>;
    };
    expect(sarif.runs[0]?.results).toEqual([]);
  });

  it('colour: only on a terminal, unless --color / --no-color / NO_COLOR say otherwise', async () => {
    expect((await lint(['已发货'])).stdout).not.toContain('\u001b[');
    expect((await lint(['已发货'], { stdoutTTY: true })).stdout).toContain('\u001b[31m');
    expect((await lint(['已发货', '--no-color'], { stdoutTTY: true })).stdout).not.toContain('\u001b[');
    expect((await lint(['已发货'], { stdoutTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(
      '\u001b[',
    );
    expect((await lint(['已发货', '--color'])).stdout).toContain('\u001b[31m');
  });
});

describe('huashu lint: --summary', () => {
  it('stylish + summary: replies checked, rates, rules and agents', async () => {
    const r = await lint(['replies.jsonl', '--summary']);
    expect(r.stdout).toMatch(/Replies checked\s+4\n/);
    expect(r.stdout).toMatch(/Replies with errors\s+1\s+25\.0%/);
    expect(r.stdout).toMatch(/Replies with warnings\s+1\s+25\.0%/);
    expect(r.stdout).toMatch(/shipping-wording\s+1\s+25\.0%\s+1\s+0/);
    expect(r.stdout).toMatch(/小王\s+2\s+1\s+50\.0%\s+0\s+0%\s+shipping-wording/);
    expect(r.stdout).toMatch(/小李\s+2\s+0\s+0%\s+1\s+50\.0%\s+no-overpromise/);
  });

  it('json + summary: { results, summary } with the same figures', async () => {
    const r = await lint(['replies.jsonl', '--summary', '--format', 'json']);
    const out = JSON.parse(r.stdout) as { results: unknown[]; summary: Record<string, unknown> };
    expect(out.results).toHaveLength(2);
    expect(out.summary).toMatchObject({
      replies: 4,
      repliesWithErrors: 1,
      repliesWithWarnings: 1,
      errors: 1,
      warnings: 1,
      // The shipping fix (仓库 before 已发货) is not marked safe: --fix does not apply it.
      fixable: 0,
    });
  });

  it('sarif + summary: in runs[0].properties.summary', async () => {
    const r = await lint(['replies.jsonl', '--summary', '--format', 'sarif']);
    const log = JSON.parse(r.stdout) as { runs: Array<{ properties: { summary: { replies: number } } }> };
    expect(log.runs[0]?.properties.summary.replies).toBe(4);
  });

  it('--format summary prints only the table', async () => {
    const r = await lint(['replies.jsonl', '--format', 'summary']);
    expect(r.stdout.startsWith('Summary\n')).toBe(true);
    expect(r.stdout).not.toContain('error  ');
  });
});

describe('huashu lint: exit codes and rule options', () => {
  it('warnings only exit 0; --max-warnings below the count exits 1', async () => {
    expect((await lint(['warn.txt'])).code).toBe(0);
    expect((await lint(['warn.txt', '--max-warnings', '2'])).code).toBe(0);
    const over = await lint(['warn.txt', '--max-warnings', '1']);
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('too many warnings (2); --max-warnings is 1');
  });

  it('--quiet shows and counts errors only', async () => {
    const r = await lint(['replies.txt', '--quiet', '--max-warnings', '0']);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('  warning  ');
    expect(r.stdout).toContain('2 problems (2 errors, 0 warnings)');
    expect((await lint(['warn.txt', '--quiet', '--max-warnings', '0'])).code).toBe(0);
  });

  it('--rule overrides severities, over the config', async () => {
    const off = await lint(['replies.txt', '--rule', 'shipping-wording:off']);
    expect(off.code).toBe(0);
    expect(off.linter.options?.rules).toEqual({ 'shipping-wording': 'off' });
    const error = await lint(['warn.txt', '--rule', 'no-overpromise:error']);
    expect(error.code).toBe(1);
  });

  it.each([
    [['x', '--rule', 'shipping-wording'], '--rule takes <id>:off|warn|error'],
    [['x', '--rule', 'shipping-wording:fatal'], '--rule takes'],
    [['x', '--rule', 'no-such-rule:off'], 'unknown rule "no-such-rule"'],
    [['x', '--format', 'xml'], '--format must be one of stylish, json, sarif, github, summary'],
    [['x', '--input-format', 'xml'], '--input-format must be one of'],
    [['x', '--max-warnings', 'many'], '--max-warnings takes a whole number'],
    [['x', '--max-warnings=-1'], '--max-warnings takes a whole number'],
    [['x', '--message-locale', 'fr'], '--message-locale must be one of'],
    [['x', '--column', 'bogus=x'], 'unknown field "bogus"'],
    [['x', '--bogus'], 'Unknown option'],
    [[], 'lint needs a reply, a file or -'],
    [['a', 'b'], 'cannot read a'],
    [['missing.jsonl'], 'cannot read missing.jsonl: no such file'],
    [['-', '-'], 'can be given once'],
    [['x', '--config', 'c.json', '--no-config'], 'cannot be used together'],
  ])('usage error %j exits 2: %s', async (args, message) => {
    const r = await lint(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('a directory exits 2', async () => {
    mkdirSync(join(tmp.dir, 'folder.txt'), { recursive: true });
    const r = await lint(['folder.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read folder.txt: not a file');
  });

  // root reads any file, so the refusal can only be seen as another user.
  it.skipIf(process.getuid?.() === 0)('an unreadable file exits 2', async () => {
    const locked = tmp.write('locked.txt', '已发货\n');
    chmodSync(locked, 0o000);
    const r = await lint(['locked.txt']);
    chmodSync(locked, 0o644);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read locked.txt: permission denied');
  });

  it('malformed JSONL lines are reported with their line number and skipped; the rest is checked; exit 2', async () => {
    tmp.write(
      'broken.jsonl',
      ['{"reply":"已发货"}', '{"reply": oops}', '{"text": 1}', '{"reply":"好的"}'].join('\n'),
    );
    const r = await lint(['broken.jsonl', '--format', 'json', '--summary']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken.jsonl:2: skipped: invalid JSON');
    expect(r.stderr).toContain('broken.jsonl:3: skipped: ');
    expect(r.stderr).toContain('2 malformed lines skipped');
    const out = JSON.parse(r.stdout) as { results: unknown[]; summary: { replies: number; skipped: number } };
    expect(out.results).toHaveLength(1);
    expect(out.summary).toMatchObject({ replies: 2, skipped: 2 });
  });

  it('only the first 20 malformed lines are printed, the rest counted', async () => {
    tmp.write('garbage.jsonl', Array.from({ length: 30 }, (_, i) => `garbage ${i}`).join('\n'));
    const r = await lint(['garbage.jsonl']);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/skipped: invalid JSON/g)).toHaveLength(20);
    expect(r.stderr).toContain('… 10 more malformed lines skipped');
    expect(r.stderr).toContain('30 malformed lines skipped');
  });
});

describe('huashu lint: progress bar', () => {
  const big = tmp.write('big.txt', `${'亲，您好，请问有什么可以帮您？\n'.repeat(40_000)}`); // > 1 MB

  it('on a terminal, for a large file: drawn on stderr, then cleared', async () => {
    const r = await lint([big], { stderrTTY: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/huashu lint big\.txt {2}[█░]{24} +\d+%/);
    expect(r.stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(r.stdout).toBe('');
  });

  it('never when stderr is not a terminal, nor for a small file', async () => {
    expect((await lint([big])).stderr).toBe('');
    expect((await lint(['clean.txt'], { stderrTTY: true })).stderr).toBe('');
  });
});
