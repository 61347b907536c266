/**
 * `huashu lint` on an input with one giant line (a pasted log, a file with no line breaks):
 * the CLI must reject the line in time linear in its length and without holding it. Generates a
 * file of one HUASHU_BENCH_LONG_LINE_MB MB line (default 100) followed by a normal reply, runs
 * the CLI as a child process on it as .txt and as .jsonl, and reports wall time and peak memory.
 * Goal: ≤ 5 s and ≤ 200 MB for 100 MB (it was 130–180 s and 1–3.7 GB with quadratic splitting).
 * Runs dist/cli/bin.js when built, else the source through tsx.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, type Suite } from './harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function cliArgs(): { args: string[]; runner: string } {
  const dist = join(root, 'dist/cli/bin.js');
  if (existsSync(dist)) return { args: [dist], runner: 'dist/cli/bin.js' };
  return {
    args: ['--import', import.meta.resolve('tsx'), join(root, 'src/cli/bin.ts')],
    runner: 'tsx src/cli/bin.ts',
  };
}

/** One line of `megabytes` MB of letters, then a normal reply on line 2. */
function writeLongLine(file: string, megabytes: number): void {
  const fd = openSync(file, 'w');
  const block = Buffer.from('a'.repeat(1 << 20));
  for (let i = 0; i < megabytes; i++) writeSync(fd, block);
  writeSync(fd, Buffer.from('\n您好，请问有什么可以帮您？\n'));
  closeSync(fd);
}

async function run(file: string, dir: string) {
  const usageFile = join(dir, 'rusage.json');
  const preload = join(dir, 'rusage.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify(process.resourceUsage())));`,
  );
  let stderr = '';
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--require', preload, ...cliArgs().args, 'lint', file, '--no-config'],
      {
        cwd: dir,
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('close', resolve);
  });
  const wallS = (performance.now() - started) / 1000;
  // Exit 2 and the line reported: anything else would not measure the rejection.
  if (code !== 2 || !stderr.includes(':1: skipped: the line is'))
    throw new Error(`huashu lint exited with ${code}; stale dist? npm run build\n${stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRSS: number };
  return { wallS, maxRssMb: usage.maxRSS / 1024 };
}

export const lintLongLineSuite: Suite = {
  name: 'lint-long-line',
  async run() {
    const megabytes = Number(process.env.HUASHU_BENCH_LONG_LINE_MB ?? 100);
    const dir = mkdtempSync(join(tmpdir(), 'huashu-bench-long-line-'));
    try {
      const rows = [];
      for (const name of ['long.txt', 'long.jsonl']) {
        const file = join(dir, name);
        writeLongLine(file, megabytes);
        const figures = await run(file, dir);
        rmSync(file);
        rows.push({
          measure: `huashu lint ${name} (line 1: ${megabytes} MB, no line break)`,
          runner: cliArgs().runner,
          'wall s': fmt(figures.wallS, 2),
          'peak RSS MB': fmt(figures.maxRssMb, 0),
          goal: megabytes >= 100 ? '≤ 5 s, ≤ 200 MB' : '',
        });
      }
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
