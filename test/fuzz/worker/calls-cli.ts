import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';
import { execute, type CliIo } from '../../../src/cli/index.js';
import { DEFAULT_MAX_LINE_LENGTH } from '../../../src/cli/lint/source-lines.js';
import { chunkText } from '../../helpers/fake-io.js';
import { checkTerminalText } from './checks.js';
import type { Probe } from './probe.js';
import type { Call } from './shared.js';
import { OUTSIDE, SECRET, withTree, type FileSpec } from './tree.js';

/** Budget factor of one CLI run: it builds an assistant or linter, reads a config, formats the output. */
export const CLI_FACTOR = 5;

/** Most pieces one standard input is fed in (see cli.records). */
const MAX_STDIN_CHUNKS = 4_096;

type Chunk = string | { $bytes: number[] };

function fakeIo(cwd: string, stdin: readonly Chunk[], tty: boolean) {
  let stdout = '';
  let stderr = '';
  const chunks = stdin.map((chunk) => (typeof chunk === 'string' ? chunk : Uint8Array.from(chunk.$bytes)));
  const io: CliIo = {
    stdout: { write: (chunk: string | Uint8Array) => (stdout += chunkText(chunk)) },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: tty },
    stdin: Object.assign(
      (async function* () {
        for (const chunk of chunks) yield chunk;
      })(),
      { isTTY: false },
    ),
    cwd,
    env: {},
  };
  return { io, stdout: () => stdout, stderr: () => stderr };
}

/** Formats whose standard output is read by people or CI logs (json and sarif escape what they write). */
function stdoutIsText(argv: readonly string[]): boolean {
  const at = argv.indexOf('--format');
  const format = at === -1 ? undefined : argv[at + 1];
  if (format !== undefined) return !['json', 'sarif'].includes(format);
  return argv[0] === 'lint' || argv[0] === 'templates' || argv[0] === 'validate';
}

async function run(probe: Probe, argv: string[], io: ReturnType<typeof fakeIo>) {
  const outcome = await probe.callAsync(
    `execute(${JSON.stringify(argv.slice(0, 2)).slice(0, 60)}…)`,
    () => execute(argv, io.io),
    {
      factor: CLI_FACTOR,
      strict: true,
    },
  );
  if (!outcome.ok) return undefined;
  const code = outcome.value;
  probe.check(code === 0 || code === 1 || code === 2, () => `execute returned exit code ${code}`);
  if (code === 2)
    probe.check((io.stdout() + io.stderr()).trim() !== '', () => 'exit code 2 without a word on why');
  for (const [name, text] of [
    ['stdout', io.stdout()],
    ['stderr', io.stderr()],
  ] as const)
    probe.check(
      !text.includes(SECRET),
      () => `the CLI's ${name} quotes a file outside the working folder (${SECRET})`,
    );
  if (!argv.includes('--color')) {
    checkTerminalText(probe, 'the CLI (stderr)', io.stderr());
    if (stdoutIsText(argv)) checkTerminalText(probe, 'the CLI (stdout)', io.stdout());
  }
  return code;
}

interface Row {
  reply: string;
  agent: string;
}

/** The bytes an input is sniffed from (SNIFF_BYTES of src/cli/input/encoding.ts: the first 64 KB). */
const SNIFFED_BYTES = 65_536;

/**
 * What the CLI documents as a binary file: in the bytes it sniffs, two NUL bytes in a row, or at
 * least four making more than 1 % of them (a stray NUL in a cell is still text).
 */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFFED_BYTES);
  let count = 0;
  for (let i = 0; i < sample.length; i++)
    if (sample[i] === 0) {
      if (i + 1 < sample.length && sample[i + 1] === 0) return true;
      count++;
    }
  return count >= 4 && count * 100 > sample.length;
}

/** The file text of generated rows in one input format, and the line each row starts on. */
function render(
  format: string,
  rows: readonly Row[],
  options: { crlf: boolean; quoteAll: boolean; defect: number },
) {
  const eol = options.crlf ? '\r\n' : '\n';
  const lines: string[] = [];
  const starts: number[] = [];
  let line = 1;
  const push = (text: string) => {
    lines.push(text);
    line += 1 + (text.match(/\n/g)?.length ?? 0);
  };
  if (format === 'csv' || format === 'tsv') {
    const delimiter = format === 'csv' ? ',' : '\t';
    const quote = (field: string) =>
      options.quoteAll || field.includes(delimiter) || /["\r\n]/.test(field) || field.trim() !== field
        ? `"${field.replaceAll('"', '""')}"`
        : field;
    push(`reply${delimiter}agent`);
    // After an unclosed quote no other quote may follow, or it would close the field: the quote
    // must stay unclosed for any parser. Later rows are written without quotes.
    const plain = (field: string) =>
      field
        .replace(/["\r\n]/g, ' ')
        .replaceAll(delimiter, ' ')
        .trim() || '-';
    rows.forEach((row, i) => {
      starts.push(line);
      if (options.defect >= 0 && i > options.defect)
        push(`${plain(row.reply)}${delimiter}${plain(row.agent)}`);
      else {
        const reply = i === options.defect ? `"${row.reply.replaceAll('"', '""')}` : quote(row.reply);
        push(`${reply}${delimiter}${i === options.defect ? plain(row.agent) : quote(row.agent)}`);
      }
    });
  } else if (format === 'jsonl') {
    rows.forEach((row, i) => {
      starts.push(line);
      const json = JSON.stringify(row);
      push(i === options.defect ? json.slice(0, -2) : json);
    });
  } else {
    for (const row of rows) {
      starts.push(line);
      push(row.reply);
    }
  }
  return { text: lines.join(eol) + eol, starts };
}

export const cliCalls: Record<string, Call> = {
  async cli({ input, probe }) {
    const files = Array.isArray(input.files) ? (input.files as FileSpec[]) : [];
    await withTree(files, async (tree) => {
      const argv = (Array.isArray(input.argv) ? input.argv : []).map((a) =>
        typeof a === 'string' ? a.replaceAll(OUTSIDE, tree.outside) : String(a),
      );
      const io = fakeIo(
        tree.root,
        Array.isArray(input.stdin) ? (input.stdin as Chunk[]) : [],
        input.tty === true,
      );
      await run(probe, argv, io);
    });
  },

  /**
   * A file (or standard input) of generated records in each input format: every record is
   * checked, or the malformed one is reported with its line and the summary tells the truth.
   */
  async 'cli.records'({ input, probe }) {
    const rows = input.rows as Row[];
    const format = String(input.format);
    const defect =
      typeof input.defect === 'number' && input.defect < rows.length && format !== 'plain'
        ? input.defect
        : -1;
    const { text, starts } = render(format, rows, {
      crlf: input.crlf === true,
      quoteAll: input.quoteAll === true,
      defect,
    });
    const content = (input.bom === true ? '\uFEFF' : '') + text;
    await withTree([], async (tree) => {
      const viaStdin = input.via === 'stdin';
      const file = join(tree.root, `replies.${format === 'plain' ? 'txt' : format}`);
      if (!viaStdin) writeFileSync(file, content);
      // Chunk boundaries anywhere (inside a character, a CRLF, a quote) on small inputs; a megabyte
      // arrives in at most MAX_STDIN_CHUNKS pieces, as a pipe delivers it (up to 64 KB a read).
      // Smaller pieces would time this generator, which runs inside execute's awaits, not the CLI.
      const size = Math.max(1, Number(input.chunk) || 1, Math.ceil(content.length / MAX_STDIN_CHUNKS));
      const bytes = Buffer.from(content);
      const chunks: Chunk[] = [];
      for (let at = 0; viaStdin && at < bytes.length; at += size)
        chunks.push(
          input.bytes === true
            ? { $bytes: [...bytes.subarray(at, at + size)] }
            : content.slice(at, at + size),
        );
      const argv = [
        'lint',
        viaStdin ? '-' : file,
        '--format',
        'json',
        '--summary',
        '--no-config',
        '--no-color',
      ];
      if (viaStdin) argv.push('--input-format', format);
      // The per-line cap (--max-line-length): the default, one above the longest line, or half of it.
      const lengths = text.split('\n').map((l) => l.length);
      const longest = lengths.reduce((a, b) => Math.max(a, b), 0);
      const cap =
        input.lineCap === 'tight' && longest >= 64
          ? Math.floor(longest / 2)
          : input.lineCap === 'fit'
            ? longest + 1
            : DEFAULT_MAX_LINE_LENGTH;
      if (cap !== DEFAULT_MAX_LINE_LENGTH) argv.push('--max-line-length', String(cap));
      // A BOM or a CR may count on either side of the cap: lines that close to it are not judged.
      const overCap = lengths.some((n) => n > cap + 1);
      const nearCap = !overCap && lengths.some((n) => n >= cap - 1);
      const io = fakeIo(tree.root, chunks, false);
      const code = await run(probe, argv, io);
      if (code === undefined) return;
      if (looksBinary(bytes)) {
        // NUL bytes as binary files have them, in the bytes read first: refused as not a text export.
        probe.check(
          code === 2 && io.stderr().includes('binary file'),
          () => `${format} input with NUL runs: exit code ${code} (${io.stderr().slice(0, 200)})`,
        );
        return;
      }
      let summary: { replies?: number; skipped?: number } | undefined;
      try {
        summary = (JSON.parse(io.stdout()) as { summary?: typeof summary }).summary;
      } catch {
        probe.fail(`lint --format json --summary wrote no JSON: ${io.stdout().slice(0, 200)}`);
        return;
      }
      const replies = summary?.replies ?? -1;
      if (overCap) {
        // A line over the cap is a malformed line, named with the option that raises the cap.
        probe.check(
          code === 2 && io.stderr().includes('--max-line-length'),
          () =>
            `${format} input with a line of ${longest} characters over --max-line-length ${cap}: exit code ${code} (${io.stderr().slice(0, 300)})`,
        );
      } else if (nearCap) {
        return;
      } else if (defect === -1) {
        probe.check(
          code !== 2,
          () => `well-formed ${format} input: exit code 2 (${io.stderr().slice(0, 300)})`,
        );
        probe.check(
          replies === rows.length,
          () =>
            `well-formed ${format} input of ${rows.length} records: ${replies} replies checked (${io.stderr().slice(0, 200)})`,
        );
      } else {
        const line = starts[defect]!;
        probe.check(
          code === 2,
          () => `${format} input with a malformed record on line ${line}: exit code ${code}`,
        );
        // The problem may be noticed where the stray quote ends the field, later than where it starts.
        const named = [...io.stderr().matchAll(/(?::(\d+):|\bline (\d+))/g)].map((m) => Number(m[1] ?? m[2]));
        const last = text.split('\n').length;
        probe.check(
          named.some((n) => n >= line && n <= last),
          () =>
            `${format} input with a malformed record on line ${line}: stderr names no line from ${line} to ${last}: ${io.stderr().slice(0, 300)}`,
        );
        if (/other replies were checked/.test(io.stderr()))
          probe.check(
            replies === rows.length - 1,
            () =>
              `the CLI says the other replies were checked, but ${replies} of the other ${rows.length - 1} were (malformed ${format} record on line ${line})`,
          );
      }
    });
  },

  /** `huashu <command> … | head -1`: the reader goes away; the CLI ends quietly (exit 0 or 1, nothing on stderr). */
  async 'bin.closed-stdout'({ input, probe }) {
    const bin = (workerData as { bin?: string } | null)?.bin;
    if (bin === undefined) return;
    const count = Math.max(1, Number(input.lines) || 1);
    await withTree([], async (tree) => {
      const file = join(tree.root, 'replies.txt');
      writeFileSync(file, Array.from({ length: count }, (_, i) => `${String(input.reply)} ${i}`).join('\n'));
      for (const command of input.commands as string[][]) {
        const argv = command.map((arg) => (arg === '@FILE@' ? file : arg));
        const outcome = await probe.callAsync(
          `huashu ${argv.join(' ').slice(0, 40)} | head -1`,
          () =>
            new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve, reject) => {
              const child = spawn(process.execPath, [bin, ...argv], {
                cwd: tree.root,
                stdio: ['ignore', 'pipe', 'pipe'],
              });
              let stderr = '';
              child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
              child.stdout.once('data', () => child.stdout.destroy());
              child.on('error', reject);
              child.on('close', (code, signal) => resolve({ code, signal, stderr }));
            }),
          { factor: 30, strict: true },
        );
        if (!outcome.ok) continue;
        const { code, signal, stderr } = outcome.value;
        probe.check(
          signal === null && (code === 0 || code === 1) && !/EPIPE|internal error|Error:/.test(stderr),
          () =>
            `huashu ${argv.join(' ').replace(file, 'replies.txt').slice(0, 80)} with its stdout closed early: exit ${code ?? signal}, stderr ${JSON.stringify(stderr.slice(0, 200))}`,
        );
      }
    });
  },
};
