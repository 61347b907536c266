import { resolve } from 'node:path';
import { HuashuError, isHuashuError } from '../errors.js';
import { readTextFile } from '../node/files.js';
/** What the CLI needs from its surroundings; tests pass fakes, the bin passes the process. */
export interface CliIo {
  /** Text, or UTF-8 bytes (`qa`'s results from its worker threads). */
  stdout: { write(chunk: string | Uint8Array): unknown };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  /** Standard input, read only by commands given `-`. */
  stdin: AsyncIterable<string | Uint8Array> & { isTTY?: boolean };
  cwd: string;
  env: Record<string, string | undefined>;
  /**
   * Keeps the process's heaps near their live size (src/cli/qa/heap-growth.ts); called by `qa`,
   * which streams large exports. The bin passes the process's; tests running in-process pass none,
   * so the test runner's own collector is left alone.
   */
  limitHeapGrowth?: () => void;
}

/** Exit codes, as eslint: 0 clean, 1 findings, 2 usage or configuration error. */
export const ExitCode = { Ok: 0, Findings: 1, Usage: 2 } as const;

export async function readAll(stream: AsyncIterable<string | Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of stream)
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/**
 * The text of a file argument, or of standard input for `-`. A regular file only (a pipe or a
 * device would hang), at most `maxBytes`; a file that cannot be read is `IO`, naming it.
 */
export async function readFileArgument(io: CliIo, argument: string, maxBytes: number): Promise<string> {
  if (argument === '-') return readAll(io.stdin);
  try {
    return readTextFile(resolve(io.cwd, argument), maxBytes);
  } catch (error) {
    const why = isHuashuError(error) ? (error.issues[0]?.message ?? error.message) : String(error);
    throw new HuashuError('IO', `Cannot read ${argument}: ${why}`, { cause: error });
  }
}
