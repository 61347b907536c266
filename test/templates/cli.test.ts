import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/index.js';
import { chunkText } from '../helpers/fake-io.js';

const root = mkdtempSync(join(tmpdir(), 'huashu-cli-templates-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(argv: string[], options: { stdin?: string; cwd?: string; tty?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await execute(argv, {
    stdout: { write: (s: string | Uint8Array) => (stdout += chunkText(s)) },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    stdin: (async function* () {
      if (options.stdin !== undefined) yield options.stdin;
    })(),
    cwd: options.cwd ?? root,
    env: {},
  });
  return { code, stdout, stderr };
}

describe('huashu templates', () => {
  it('list --format json gives one entry per template and locale, filtered', async () => {
    const { code, stdout } = await run(['templates', 'list', '--intent', 'order.ship_time', '--locale', 'en']);
    expect(code).toBe(0);
    const entries = JSON.parse(stdout) as Array<{ id: string; locale: string }>;
    expect(entries.map((e) => e.id)).toEqual([
      'answer/order.ship_time',
      'shipping/carrier-shipped',
      'shipping/leave-room',
      'shipping/not-shipped',
      'shipping/warehouse-dispatched',
    ]);
    expect(new Set(entries.map((e) => e.locale))).toEqual(new Set(['en']));
  });

  it('list pretty with --examples shows each rendered example', async () => {
    const { code, stdout } = await run(['templates', 'list', '--stage', 'opening', '--examples', '--format', 'pretty']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^opening\/hotline +opening +\[zh-Hans zh-Hant en\] +greeting$/m);
    expect(stdout).toContain('您好，花间美妆旗舰店客服中心，工号1024为您服务');
    expect(stdout).toMatch(/\d+ templates, \d+ locale versions/);
  });

  it('render with --vars JSON, a file or standard input', async () => {
    const vars = '{"order":{"carrier":"SF","trackingNumber":"SF1"}}';
    const inline = await run(['templates', 'render', 'shipping/carrier-shipped', '--vars', vars, '--locale', 'zh-Hant']);
    expect(inline).toMatchObject({ code: 0, stdout: '親，您的訂單已經發貨啦，由SF配送，運單號是SF1，您可以隨時在訂單詳情裡查看物流進度~ 收到後有任何問題請隨時聯絡我們。\n' });
    writeFileSync(join(root, 'vars.json'), vars);
    const file = await run(['templates', 'render', 'shipping/carrier-shipped', '--vars', 'vars.json']);
    expect(file.stdout).toContain('SF1');
    const stdin = await run(['templates', 'render', 'shipping/carrier-shipped', '--vars', '-', '--locale', 'en'], { stdin: vars });
    expect(stdin.stdout).toMatch(/^Dear customer, good news/);
  });

  it('render --example uses the template’s own example variables', async () => {
    const { code, stdout } = await run(['templates', 'render', 'confirm/compensation-in-writing', '--example', '--locale', 'en']);
    expect(code).toBe(0);
    expect(stdout).toContain('1. You return the faulty cream');
  });

  it.each([
    [['templates', 'render', 'shipping/carrier-shipped', '--vars', '{"order":{}}'], /MISSING_VARIABLE.*order\.carrier/s],
    [['templates', 'render', 'shipping/carier-shipped', '--example'], /UNKNOWN_TEMPLATE.*Did you mean "shipping\/carrier-shipped"/],
    [['templates', 'render', 'opening/hotline', '--example', '--channel', 'chat'], /is for phone, not chat/],
    [['templates', 'render', 'opening/chat', '--vars', '{bad'], /invalid JSON/],
    [['templates', 'render', 'opening/chat', '--vars', 'missing.json'], /cannot read/],
    [['templates', 'render', 'opening/chat'], /--vars.*--example/],
    [['templates', 'list', '--stage', 'middle'], /--stage must be one of/],
    [['templates', 'explode'], /unknown subcommand/],
  ])('%j exits 2 with a message', async (argv, message) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('adds a pack folder from --templates or huashu.config.json', async () => {
    const pack = join(root, 'pack', 'shop');
    mkdirSync(pack, { recursive: true });
    writeFileSync(
      join(pack, 'hello.json'),
      JSON.stringify({ id: 'shop/hello', stage: 'opening', intents: ['greeting'], channels: ['chat'], description: 'x', variables: {} }),
    );
    writeFileSync(join(pack, 'hello.zh-Hans.hbs'), '亲，花间小店欢迎您~\n');
    const direct = await run(['templates', 'render', 'shop/hello', '--example', '--templates', 'pack']);
    expect(direct).toMatchObject({ code: 0, stdout: '亲，花间小店欢迎您~\n' });
    // A configuration names folders inside its own folder (paths that climb out are refused).
    const project = join(root, 'project');
    cpSync(join(root, 'pack'), join(project, 'pack'), { recursive: true });
    writeFileSync(join(project, 'huashu.config.json'), JSON.stringify({ templates: './pack' }));
    const configured = await run(['templates', 'list', '--intent', 'greeting', '--locale', 'zh-Hans'], { cwd: project });
    expect((JSON.parse(configured.stdout) as Array<{ id: string }>).map((e) => e.id)).toContain('shop/hello');
    const ignored = await run(['templates', 'list', '--intent', 'greeting', '--no-config'], { cwd: project });
    expect((JSON.parse(ignored.stdout) as Array<{ id: string }>).map((e) => e.id)).not.toContain('shop/hello');
  });
});
