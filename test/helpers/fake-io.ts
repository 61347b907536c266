import type { CliIo } from '../../src/cli/io.js';

/** What a CLI write carries, as text: `qa` writes its worker threads' results as UTF-8 bytes. */
export function chunkText(chunk: string | Uint8Array): string {
  return typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
}

/** A CliIo that records what the CLI writes, with optional standard input. */
export function fakeIo(stdinText = '', options: { tty?: boolean; cwd?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (chunk: string | Uint8Array) => (stdout += chunkText(chunk)) },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: options.tty ?? false },
    stdin: (async function* () {
      if (stdinText) yield stdinText;
    })(),
    cwd: options.cwd ?? process.cwd(),
    env: {},
  };
  return {
    io,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
  };
}
