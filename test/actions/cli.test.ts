import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/index.js';
import { fakeIo } from '../helpers/fake-io.js';

const dir = mkdtempSync(join(tmpdir(), 'huashu-cli-actions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (path: string, content: unknown) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content));
};
const run = async (args: string[], stdin = '') => {
  const out = fakeIo(stdin, { cwd: dir });
  const code = await execute(args, out.io);
  return { code, stdout: out.stdout, stderr: out.stderr };
};

const action = (...actions: unknown[]) => ({ type: 'action', params: { actions } });

describe('huashu reply', () => {
  it('prints intent, signals, actions with reasons, the rendered reply and its lint result (pretty)', async () => {
    const { code, stdout } = await run([
      'reply',
      '再不处理我就去微博曝光你们',
      '--facts',
      '{"customer":{"name":"王芳","gender":"female"}}',
      '--format',
      'pretty',
      '--no-config',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^» 再不处理我就去微博曝光你们/);
    expect(stdout).toMatch(/intent {4}\S+ \(\d\.\d\d\)/);
    expect(stdout).toMatch(/signals {3}.*threat\.media/);
    expect(stdout).toMatch(/1\. soothe\.first .*\n {7}← 信号包含「威胁曝光」/);
    expect(stdout).toMatch(/2\. escalate\.experienced_agent/);
    expect(stdout).toMatch(/\[reassure\] situation\/anxious-customer \(zh-Hans\)\n {6}王女士，请您别着急/);
    expect(stdout).toMatch(/lint {6}✓ no problems/);
  });

  it('prints JSON with --format json, reading facts from a file and the message from standard input', async () => {
    write('facts.json', { order: { shipped: true, carrierScan: false } });
    const { code, stdout } = await run(
      [
        'reply',
        '-',
        '--facts',
        'facts.json',
        '--format',
        'json',
        '--channel',
        'chat',
        '--repeat',
        '0',
        '--no-config',
      ],
      'When will my order ship?\n',
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      analysis: { text: string };
      replies: unknown[];
      lint: unknown;
      actions: unknown[];
    };
    expect(result.analysis.text).toBe('When will my order ship?');
    expect(result).toHaveProperty('lint.findings');
    expect(Array.isArray(result.actions)).toBe(true);
  });

  it('uses a rule folder given with --actions', async () => {
    write('shop-rules/extra.json', {
      rules: [
        { name: 'shop.always-record', priority: 200, conditions: { all: [] }, event: action('case.record') },
      ],
    });
    const { stdout } = await run([
      'reply',
      '你好',
      '--actions',
      'shop-rules',
      '--format',
      'json',
      '--no-config',
    ]);
    const result = JSON.parse(stdout) as { actions: Array<{ id: string; rule: string }> };
    expect(result.actions[0]).toMatchObject({ id: 'case.record', rule: 'shop.always-record' });
  });

  it('usage errors exit 2', async () => {
    expect((await run(['reply'])).code).toBe(2);
    expect((await run(['reply', 'a', 'b'])).code).toBe(2);
    expect((await run(['reply', 'hi', '--format', 'xml'])).stderr).toMatch(/--format must be json or pretty/);
    expect((await run(['reply', 'hi', '--facts', '{oops'])).stderr).toMatch(/--facts: invalid JSON/);
    expect((await run(['reply', 'hi', '--facts', 'missing.json'])).stderr).toMatch(/cannot read/);
    expect((await run(['reply', 'hi', '--repeat', '-1'])).code).toBe(2);
    const badFacts = await run(['reply', 'hi', '--facts', '{"order":{"shipped":"yes"}}', '--no-config']);
    expect(badFacts.code).toBe(2);
    expect(badFacts.stderr).toMatch(/INVALID_INPUT.*facts\.order\.shipped/s);
  });
});

describe('huashu validate', () => {
  it('checks a folder with actions/, templates/ and lint/, and says all is valid', async () => {
    write('good/actions/rules.json', {
      rules: [
        {
          name: 'shop.hello',
          conditions: { all: [{ fact: 'intent', operator: 'equal', value: 'greeting' }] },
          event: { type: 'reply', params: { templateId: 'shop/hello' } },
        },
      ],
      disable: ['aftersale.defect'],
    });
    write('good/templates/shop/hello.json', {
      id: 'shop/hello',
      stage: 'opening',
      intents: ['greeting'],
      channels: ['chat'],
      description: 'A shop greeting.',
      variables: {},
    });
    write('good/templates/shop/hello.zh-Hans.hbs', '亲，欢迎光临！');
    write('good/lint/shop.json', {
      name: 'shop',
      phrases: [
        {
          category: 'impatience',
          patterns: ['快点说'],
          examples: ['你快点说'],
          counterExamples: ['请慢慢说'],
        },
      ],
    });
    const { code, stdout } = await run(['validate', 'good', '--format', 'pretty']);
    expect(stdout).toMatch(/✓ rules +good\/actions \(1 file, 1 rule, 1 disabled\)/);
    expect(stdout).toMatch(/✓ templates +good\/templates \(1 template\)/);
    expect(stdout).toMatch(/✓ phrases +good\/lint\/shop\.json \(1 phrase\)/);
    expect(stdout).toMatch(/✓ together/);
    expect(stdout).toMatch(/All packs are valid\./);
    expect(code).toBe(0);
  });

  it('lists every problem with its file and JSON path and exits 1', async () => {
    write('bad/actions/a.json', {
      rules: [
        {
          name: 'x',
          conditions: { all: [{ fact: 'intnet', operator: 'equal', value: 'a' }] },
          event: action('case.record'),
        },
        { name: 'y', conditions: { all: [] }, event: action('case.recrod') },
      ],
      disable: ['nope'],
    });
    write('bad/actions/b.json', '{ "rules": [');
    const { code, stdout } = await run(['validate', 'bad', '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      valid: boolean;
      packs: Array<{ kind: string; issues: Array<{ file: string; path: string }> }>;
    };
    expect(report.valid).toBe(false);
    expect(report.packs[0]?.issues.map((i) => [i.file.split(/[\\/]/).pop(), i.path])).toEqual([
      ['a.json', 'rules[0].conditions.all[0].fact'],
      ['a.json', 'rules[1].event.params.actions[0]'],
      ['a.json', 'disable[0]'],
      ['b.json', ''],
    ]);
  });

  it('reports a phrase pack whose examples do not match, with its file', async () => {
    write('phrases/shop.json', {
      name: 'shop',
      phrases: [{ category: 'impatience', patterns: ['快点说'], examples: ['请慢慢说'] }],
    });
    const { code, stdout } = await run(['validate', 'phrases', '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { packs: Array<{ kind: string; issues: Array<{ file?: string }> }> };
    expect(report.packs[0]?.kind).toBe('phrases');
    expect(report.packs[0]?.issues.length).toBeGreaterThan(0);
    expect(report.packs[0]?.issues[0]?.file).toMatch(/shop\.json$/);
  });

  it('checks rule templates against the built-in catalogue for a lone rule file', async () => {
    write('loose/r.json', {
      rules: [
        { name: 'z', conditions: { all: [] }, event: { type: 'reply', params: { templateId: 'shop/none' } } },
      ],
    });
    const { code, stdout } = await run(['validate', 'loose', '--format', 'pretty']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/unknown template "shop\/none"/);
  });

  it('reads huashu.config.json when no folder is given', async () => {
    write('project/huashu.config.json', { actions: 'rules' });
    write('project/rules/r.json', {
      rules: [{ name: 'shop.r', conditions: { all: [] }, event: action('case.own') }],
    });
    const out = fakeIo('', { cwd: join(dir, 'project') });
    expect(await execute(['validate', '--format', 'pretty'], out.io)).toBe(0);
    expect(out.stdout).toMatch(/✓ rules +rules \(1 file, 1 rule\)/);
  });

  it('usage errors exit 2', async () => {
    write('empty/readme.txt', 'nothing');
    expect((await run(['validate', 'empty'])).stderr).toMatch(/found no rule, template or phrase packs/);
    expect((await run(['validate', 'nowhere'])).code).toBe(2);
    expect((await run(['validate', 'a', 'b'])).code).toBe(2);
  });
});

describe('huashu demo', () => {
  it('shows a full reply per message: intent, actions with reasons, the rendered reply and its lint result', async () => {
    const { code, stdout } = await run(['demo']);
    expect(code).toBe(0);
    const blocks = stdout.trim().split('\n\n» ');
    expect(blocks).toHaveLength(6);
    for (const block of blocks) {
      expect(block).toMatch(/\n {2}intent {4}\S+ \(\d\.\d\d\)/);
      expect(block).toMatch(/\n {2}reply\n {4}\[\w+\] [\w./-]+ \((zh-Hans|zh-Hant|en)\)\n {6}\S/);
      expect(block).toMatch(/\n {2}lint {6}✓ no problems/);
    }
    // The broken cup: high risk first, then the complaint and defect workflows, each with its reason.
    expect(stdout).toMatch(/1\. soothe\.first .*\n {7}← 信号包含「威胁投诉（12315\/平台介入）」/);
    expect(stdout).toMatch(/customer\.request_return/);
    expect(stdout).toMatch(
      /\[answer\] shipping\/warehouse-dispatched \(zh-Hans\)\n {6}王女士，您的订单仓库已发货/,
    );
  });

  it('--format json prints the full replies', async () => {
    const { stdout } = await run(['demo', '--format', 'json']);
    const replies = JSON.parse(stdout) as Array<{
      analysis: { text: string };
      actions: unknown[];
      text: string;
      lint: { errorCount: number };
    }>;
    expect(replies).toHaveLength(6);
    for (const reply of replies) {
      expect(reply.text.length).toBeGreaterThan(0);
      expect(reply.lint.errorCount).toBe(0);
    }
  });
});
