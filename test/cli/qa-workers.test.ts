import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeQaExport } from '../../bench/qa-export.js';
import { cliArgs, firstLineThenClose } from '../helpers/cli-child.js';

function run(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cliArgs(), ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Bytes first, decoded once: a character may be cut between two chunks of the pipe.
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
  });
}

interface Line {
  conversationId?: string;
  aggregates?: unknown;
}

const parse = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Line);

describe('huashu qa --workers (a real child process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huashu-qa-workers-'));
  const file = join(dir, 'export.jsonl');
  // 5,000 turns in 1,000 conversations, interleaved as a time-ordered export: two batches per worker.
  beforeAll(async () => {
    await writeQaExport(file, 5000, 1000);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--workers 2 gives the same results per conversation and the same aggregates as --workers 1', async () => {
    const one = await run(['qa', file, '--format', 'json', '--workers', '1'], dir);
    expect(one.stderr).toBe('');
    expect([0, 1]).toContain(one.code);
    const single = parse(one.stdout);
    expect(single.filter((l) => l.conversationId !== undefined)).toHaveLength(1000);
    const byId = (lines: Line[]) =>
      lines
        .filter((l) => l.conversationId !== undefined)
        .sort((a, b) => a.conversationId!.localeCompare(b.conversationId!));
    for (const workers of ['2']) {
      const many = await run(['qa', file, '--format', 'json', '--workers', workers], dir);
      expect(many.stderr).toBe('');
      expect(many.code).toBe(one.code);
      const lines = parse(many.stdout);
      expect(byId(lines)).toEqual(byId(single));
      expect(lines.at(-1)!.aggregates).toEqual(single.at(-1)!.aggregates);
    }
  }, 120_000);

  it('a spilled export (HUASHU_QA_SPILL_BYTES=0) gives the same results and aggregates, in partition order whatever the workers', async () => {
    const memory = parse((await run(['qa', file, '--format', 'json', '--workers', '1'], dir)).stdout);
    const byId = (lines: Line[]) =>
      lines
        .filter((l) => l.conversationId !== undefined)
        .sort((a, b) => a.conversationId!.localeCompare(b.conversationId!));
    const spilled = [];
    for (const workers of ['1', '2']) {
      const r = await run(['qa', file, '--format', 'json', '--workers', workers], dir, {
        HUASHU_QA_SPILL_BYTES: '0',
      });
      expect(r.stderr).toBe('');
      spilled.push(r.stdout);
      const lines = parse(r.stdout);
      expect(byId(lines)).toEqual(byId(memory));
      expect(lines.at(-1)!.aggregates).toEqual(memory.at(-1)!.aggregates);
    }
    expect(spilled[1]).toBe(spilled[0]);
  }, 120_000);

  it('-o writes what standard output gets, byte for byte, whether results come as text (one thread) or as bytes (worker threads)', async () => {
    // Worker threads send their JSON lines as UTF-8 bytes (src/cli/qa/worker.ts); the file and the
    // stream take them between text (the aggregates) as they come.
    for (const spill of ['0', String(1 << 30)]) {
      const env = { HUASHU_QA_SPILL_BYTES: spill };
      const expected = (await run(['qa', file, '--format', 'json', '--workers', '1'], dir, env)).stdout;
      expect(expected).toMatch(/\p{Script=Han}/u);
      for (const workers of ['1', '2']) {
        const out = join(dir, `out-${workers}-${spill}.json`);
        const r = await run(['qa', file, '--format', 'json', '--workers', workers, '-o', out], dir, env);
        expect(r.stderr).toBe('');
        expect(r.stdout).toBe('');
        expect(readFileSync(out, 'utf8')).toBe(expected);
        const streamed = await run(['qa', file, '--format', 'json', '--workers', workers], dir, env);
        expect(streamed.stdout).toBe(expected);
      }
    }
  }, 180_000);

  it('a spilled export read by | head -1 ends quietly and leaves no temporary file', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'huashu-qa-tmp-'));
    try {
      const r = await firstLineThenClose(['qa', file, '--format', 'json', '--workers', '2'], dir, {
        HUASHU_QA_SPILL_BYTES: '0',
        TMPDIR: tmp,
      });
      expect(r.first).toMatch(/^\{"conversationId"/);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);

  it('stylish output is the same with 1 and 2 workers', async () => {
    const one = await run(['qa', file, '--workers', '1'], dir);
    const two = await run(['qa', file, '--workers', '2'], dir);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(one.code);
  }, 120_000);

  it.each([['json', '2']])(
    'huashu qa --format %s --workers %s | head -1 ends quietly, no EPIPE stack trace',
    async (format, workers) => {
      const r = await firstLineThenClose(['qa', file, '--format', format, '--workers', workers], dir);
      expect(r.first).toMatch(/^\{"conversationId"/);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    },
    120_000,
  );
});
