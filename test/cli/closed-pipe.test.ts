import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BufferedOutput } from '../../src/cli/lint/buffered-output.js';
import { tempDir } from './lint-helpers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The built CLI when there is one (npm test builds first), else the source through tsx. */
function cli(): string[] {
  const dist = join(root, 'dist/cli/bin.js');
  if (existsSync(dist)) return [dist];
  return ['--import', import.meta.resolve('tsx'), join(root, 'src/cli/bin.ts')];
}

/**
 * `huashu <args> | head -1`: read the first line of standard output, close the pipe, and wait
 * for the CLI to end. Returns its exit code and everything it wrote on standard error.
 */
function firstLineThenClose(
  args: string[],
  cwd: string,
): Promise<{ code: number | null; stderr: string; first: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...cli(), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let first = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (first !== '') return;
      first = chunk.toString().split('\n')[0] ?? '';
      child.stdout.destroy(); // the reader goes away, as head does
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, first }));
  });
}

describe('a reader that closes early (huashu lint … | head -1)', () => {
  // Far more output than a pipe buffers, so the CLI is still writing when the pipe closes.
  const tmp = tempDir({ 'many.txt': '有问题可以加我微信，已发货了\n'.repeat(30_000) });
  afterAll(() => tmp.cleanup());

  it.each(['stylish', 'github', 'json'])(
    '--format %s: the CLI ends quietly with exit code 0, no EPIPE stack trace',
    async (format) => {
      const r = await firstLineThenClose(['lint', 'many.txt', '--format', format, '--no-config'], tmp.dir);
      expect(r.first).not.toBe('');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    },
    60_000,
  );
});

describe('BufferedOutput never waits on a stream that is gone', () => {
  /** A stream that accepts one chunk and then never drains. */
  function stuck() {
    const chunks: string[] = [];
    const stream = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk.toString());
        if (chunks.length > 1) callback();
        // The first write never completes: the stream stays full until destroyed.
      },
    });
    return { stream, chunks };
  }

  it('a flush waiting for drain ends when the stream closes; later flushes do not write', async () => {
    const { stream, chunks } = stuck();
    const out = new BufferedOutput(stream);
    out.append('x'.repeat(10));
    const waiting = out.flush();
    setTimeout(() => stream.destroy(), 10);
    await waiting;
    out.append('after');
    await out.flush();
    expect(chunks).toEqual(['x'.repeat(10)]);
  });

  it('the listeners of a wait are removed again (no leak over many flushes)', async () => {
    let pending = 0;
    const stream = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, callback) {
        pending += 1;
        setImmediate(callback);
      },
    });
    const out = new BufferedOutput(stream);
    for (let i = 0; i < 30; i++) {
      out.append(`line ${i}\n`);
      await out.flush();
    }
    expect(pending).toBe(30);
    expect(stream.listenerCount('close')).toBe(0);
    expect(stream.listenerCount('drain')).toBe(0);
  });
});
