import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/index.js';
import { fakeIo } from '../helpers/fake-io.js';

const fixtures = join(import.meta.dirname, 'conversations');
const dir = mkdtempSync(join(tmpdir(), 'huashu-qa-'));

describe('huashu qa', () => {
  it('--format json: one object per conversation, then the aggregates; exit 1 with a fatal item', async () => {
    const run = fakeIo();
    const code = await execute(['qa', join(fixtures, 'en.jsonl'), '--format', 'json'], run.io);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(23);
    expect(Object.keys(lines[0]!)).toEqual([
      'conversationId',
      'agents',
      'score',
      'fatal',
      'checks',
      'metrics',
      'day',
    ]);
    expect(Object.keys(lines[22]!)).toEqual(['aggregates']);
    expect(code).toBe(1);
    expect(run.stderr).toBe('');
  });

  it('reads a CSV export with 顾客/客服 roles and Chinese headers, and stdin JSONL', async () => {
    const csv = join(dir, 'export.csv');
    writeFileSync(
      csv,
      '\uFEFF会话ID,角色,内容,时间,客服昵称\nc1,顾客,在吗,2024-05-20 09:00:00,\nc1,客服,"您好，请问有什么可以帮您？",2024-05-20 09:00:12,小美\n',
    );
    const run = fakeIo();
    expect(await execute(['qa', csv, '--format', 'json', '--utc-offset', '+08:00'], run.io)).toBe(0);
    const first = JSON.parse(run.stdout.split('\n')[0]!) as {
      agents: string[];
      metrics: { firstResponseSeconds: number };
    };
    expect(first.agents).toEqual(['小美']);
    expect(first.metrics.firstResponseSeconds).toBe(12);

    const piped = fakeIo('{"conversationId":"x","role":"buyer","text":"hi","time":0}\n');
    expect(await execute(['qa', '-', '--format', 'json'], piped.io)).toBe(0);
    expect(piped.stdout.split('\n')[0]).toContain('"conversationId":"x"');
  });

  it('stylish: the summary a lead reads', async () => {
    const run = fakeIo();
    await execute(['qa', join(fixtures, 'zh-Hant.jsonl')], run.io);
    expect(run.stdout).toMatch(/^23 conversations · average score [\d.]+ · \d+ with a fatal item/);
    expect(run.stdout).toContain('Agents (lowest average first)');
    expect(run.stdout).toContain('Lowest scores');
  });

  it('skips malformed lines with their line number (exit 2) and rejects bad usage', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(
      bad,
      '{"conversationId":"a","role":"客服","text":"您好"}\nnot json\n{"conversationId":"a","role":"bot","text":"x"}\n',
    );
    const run = fakeIo();
    expect(await execute(['qa', bad, '--format', 'json'], run.io)).toBe(2);
    expect(run.stderr).toMatch(/bad\.jsonl:2: skipped: invalid JSON/);
    expect(run.stderr).toMatch(/bad\.jsonl:3: skipped: role: role must be one of/);
    expect(await execute(['qa', join(dir, 'missing.jsonl')], fakeIo().io)).toBe(2);
    expect(await execute(['qa', bad, '--format', 'html'], fakeIo().io)).toBe(2);
    const card = join(dir, 'card.json');
    writeFileSync(card, '{"checks":{"greting":{"points":5}}}');
    const refused = fakeIo();
    expect(await execute(['qa', bad, '--scorecard', card], refused.io)).toBe(2);
    expect(refused.stderr).toContain('unknown check "greting"');
  });
});
