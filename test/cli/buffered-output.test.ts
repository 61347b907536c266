import { describe, expect, it } from 'vitest';
import { BufferedOutput } from '../../src/cli/lint/buffered-output.js';

/** A stream that records each write as it came: text, or the bytes decoded. */
function recorder() {
  const writes: Array<{ kind: 'text' | 'bytes'; text: string }> = [];
  const stream = {
    write(chunk: string | Uint8Array) {
      writes.push(
        typeof chunk === 'string'
          ? { kind: 'text', text: chunk }
          : { kind: 'bytes', text: new TextDecoder().decode(chunk) },
      );
      return true;
    },
  };
  return { stream, writes };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('BufferedOutput with text and UTF-8 bytes (huashu qa: worker threads send bytes)', () => {
  it.each([
    ['text only: joined into one write', ['a\n', 'b\n'], [{ kind: 'text', text: 'a\nb\n' }]],
    [
      'bytes only: written as they came',
      [bytes('甲\n'), bytes('乙\n')],
      [
        { kind: 'bytes', text: '甲\n' },
        { kind: 'bytes', text: '乙\n' },
      ],
    ],
    [
      'text, bytes, text: in order, text runs joined',
      ['a\n', 'b\n', bytes('丙\n'), 'c\n', 'd\n'],
      [
        { kind: 'text', text: 'a\nb\n' },
        { kind: 'bytes', text: '丙\n' },
        { kind: 'text', text: 'c\nd\n' },
      ],
    ],
    ['empty chunks are not written', ['', bytes(''), 'x'], [{ kind: 'text', text: 'x' }]],
  ] as const)('%s', async (_name, chunks, expected) => {
    const { stream, writes } = recorder();
    const out = new BufferedOutput(stream);
    for (const chunk of chunks) out.append(chunk);
    await out.flush();
    expect(writes).toEqual(expected);
    await out.flush(); // nothing left: no second write
    expect(writes).toEqual(expected);
  });

  it('drain writes once text and bytes together reach the flush size, not before', async () => {
    const { stream, writes } = recorder();
    const out = new BufferedOutput(stream);
    out.append('x'.repeat(40_000));
    await out.drain();
    expect(writes).toHaveLength(0);
    out.append(bytes('y'.repeat(30_000)));
    await out.drain();
    expect(writes.map((w) => [w.kind, w.text.length])).toEqual([
      ['text', 40_000],
      ['bytes', 30_000],
    ]);
  });
});
