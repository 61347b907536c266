import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { BufferedOutput } from '../../src/cli/lint/buffered-output.js';
import { firstLineThenClose } from '../helpers/cli-child.js';
import { tempDir } from './lint-helpers.js';

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
