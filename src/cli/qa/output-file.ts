import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { HuashuError } from '../../errors.js';

/** Where a command writes its output: `-o <file>` (created or truncated) instead of standard output. */
export interface OutputFile {
  /** Text, or UTF-8 bytes. */
  write(chunk: string | Uint8Array): void;
  close(): void;
}

/**
 * Opens `-o/--output-file <file>` for writing, creating its folder as `huashu lint -o` and eslint
 * do; a file that cannot be opened is an `IO` error naming it.
 */
export function openOutputFile(cwd: string, file: string): OutputFile {
  let fd: number;
  try {
    const path = resolve(cwd, file);
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(path, 'w');
  } catch (error) {
    const why = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new HuashuError('IO', `Cannot write --output-file ${file}: ${why}`, {
      issues: [{ path: 'output-file', message: why }],
      cause: error,
    });
  }
  // Writes are gathered into ~64 KB blocks: one JSON line per conversation is one write otherwise.
  let pending = '';
  /** Writes the gathered text (the block is emptied even when the write fails). */
  const writePending = () => {
    const text = pending;
    pending = '';
    if (text !== '') writeSync(fd, text);
  };
  return {
    write(chunk) {
      if (typeof chunk !== 'string') {
        writePending();
        writeSync(fd, chunk);
        return;
      }
      pending += chunk;
      if (pending.length >= 65_536) writePending();
    },
    close() {
      try {
        writePending();
      } finally {
        closeSync(fd);
      }
    },
  };
}
