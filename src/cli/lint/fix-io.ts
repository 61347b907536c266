import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HuashuError } from '../../errors.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usage-error.js';
import { FixSession } from './fix.js';
import type { LintInput } from './run.js';

export type FixMode = 'fix' | 'dry-run';

/** Decoded text with its BOM told apart (written back as it was). */
interface DecodedText {
  text: string;
  bom: boolean;
}

/**
 * UTF-8, strictly: --fix writes the text back, so a file that is not valid UTF-8 (GBK, UTF-16…)
 * is refused rather than written back with replacement characters.
 */
function decodeStrict(bytes: Uint8Array, what: string): DecodedText {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UsageError(
      `--fix rewrites UTF-8 text only, and ${what} is not valid UTF-8: convert it first (e.g. iconv -f GB18030 -t UTF-8), or lint it without --fix`,
    );
  }
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), bom: true } : { text, bom: false };
}

async function readStdinBytes(stdin: CliIo['stdin']): Promise<Uint8Array | string> {
  const chunks: Uint8Array[] = [];
  let text = '';
  for await (const chunk of stdin) {
    if (typeof chunk === 'string') text += chunk;
    else chunks.push(chunk);
  }
  return chunks.length === 0 ? text : Buffer.concat(chunks);
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

export interface FixRun {
  session: FixSession;
  inputs: LintInput[];
  /** Standard input, read whole and registered with the session when the run reaches it. */
  stdin: CliIo['stdin'];
  /** Whether fixed text is written to standard output (then the report goes elsewhere). */
  fixedToStdout: boolean;
}

/**
 * Set up `--fix` / `--fix-dry-run`: each input is read whole when the run reaches it and
 * registered with the session with where its fixed text goes — the file itself (`--fix`, only
 * when something changed), standard output (standard input, inline text, or `--fix-dry-run` in
 * a text format), or nowhere (`--fix-dry-run --format json`: the report's `output` fields carry it).
 */
export function prepareFix(
  mode: FixMode,
  inputs: readonly LintInput[],
  io: CliIo,
  jsonReport: boolean,
): FixRun {
  const session = new FixSession();
  const printFiles = mode === 'dry-run' && !jsonReport;
  const printed = inputs.filter((i) => printFiles || (mode === 'fix' && i.kind !== 'file')).length;
  if (printed > 1)
    throw new UsageError(
      mode === 'dry-run'
        ? '--fix-dry-run prints the fixed text of one input: give one, or --format json (each record then carries its "output")'
        : '--fix writes the fixed text of standard input or an inline reply to standard output: give only one of them',
    );
  const seen = new Set<string>();
  const toStdout = (text: string) => {
    io.stdout.write(text);
  };

  const prepared = inputs.map((input): LintInput => {
    if (input.kind === 'text') {
      session.add(undefined, {
        text: input.text,
        write: async (fixed) => {
          if (mode === 'fix' || printFiles) toStdout(`${fixed}\n`);
        },
      });
      return input;
    }
    if (input.kind === 'stdin') return input;
    const path = resolve(io.cwd, input.display);
    if (seen.has(path)) throw new UsageError(`--fix: ${input.display} is given twice`);
    seen.add(path);
    return {
      ...input,
      open: () => {
        let bytes: Uint8Array;
        try {
          bytes = readFileSync(path);
        } catch (error) {
          throw new HuashuError(
            'IO',
            `cannot read ${input.display}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
          );
        }
        const { text, bom } = decodeStrict(bytes, input.display);
        session.add(input.display, {
          text,
          write: async (fixed, changed) => {
            const full = bom ? `\ufeff${fixed}` : fixed;
            if (printFiles) toStdout(full);
            else if (mode === 'fix' && changed) {
              try {
                writeFileSync(path, full, 'utf8');
              } catch (error) {
                throw new HuashuError(
                  'IO',
                  `cannot write the fixed ${input.display}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
                );
              }
            }
          },
        });
        return once(text);
      },
    };
  });

  const realStdin = io.stdin;
  const stdin = Object.assign(
    (async function* () {
      const bytes = await readStdinBytes(realStdin);
      const { text, bom } =
        typeof bytes === 'string'
          ? {
              text: bytes.charCodeAt(0) === 0xfeff ? bytes.slice(1) : bytes,
              bom: bytes.charCodeAt(0) === 0xfeff,
            }
          : decodeStrict(bytes, 'standard input');
      session.add('stdin', {
        text,
        write: async (fixed) => {
          if (mode === 'fix' || printFiles) toStdout(bom ? `\ufeff${fixed}` : fixed);
        },
      });
      yield text;
    })(),
    realStdin.isTTY === undefined ? {} : { isTTY: realStdin.isTTY },
  );
  return { session, inputs: prepared, stdin, fixedToStdout: printed > 0 };
}
