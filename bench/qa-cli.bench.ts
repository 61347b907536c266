/**
 * `huashu qa` on a large helpdesk export: 1,000,000 turns in 200,000 conversations (bench/qa-export.ts,
 * written to a temporary file), through `huashu qa <file> --format json > /dev/null` with
 * --workers 1 and --workers 2. Goal (issue 13): ≤ 6 s wall with 2 workers, ≤ 200 MB peak.
 * Peak RSS is the process's (worker threads live in it, so it is the sum over threads).
 * HUASHU_BENCH_TURNS sets the turn count (conversations: a fifth of it); HUASHU_BENCH_WORKERS the
 * worker counts (default "1,2"); HUASHU_BENCH_MEMO "on", "off" or "on,off" (default "on") runs with the
 * turn-reading memo and/or without it (HUASHU_QA_MEMO=0). The export's texts repeat about as a
 * real one's do (bench/qa-export.ts); the table says how many are distinct.
 * Runs dist/cli/bin.js (npm run bench builds first).
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, type Suite } from './harness.js';
import { runMeasured, type RunFigures } from './measure-child.js';
import { describeStats, writeQaExport } from './qa-export.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Run the built CLI on `file` (see runMeasured). */
async function runQa(file: string, workers: number, memo: boolean, dir: string): Promise<RunFigures> {
  const bin = join(root, 'dist/cli/bin.js');
  if (!existsSync(bin) || !existsSync(join(root, 'dist/cli/qa-worker.js')))
    throw new Error('dist/cli/bin.js or dist/cli/qa-worker.js is missing: npm run build');
  return runMeasured([bin, 'qa', file, '--format', 'json', '--workers', String(workers)], {
    dir,
    label: `qa-${workers}`,
    ...(memo ? {} : { env: { HUASHU_QA_MEMO: '0' } }),
  });
}

export const qaCliSuite: Suite = {
  name: 'qa-cli',
  async run() {
    const turns = Number(process.env.HUASHU_BENCH_TURNS ?? 1_000_000);
    const conversations = Math.round(turns / 5);
    const workerCounts = (process.env.HUASHU_BENCH_WORKERS ?? '1,2').split(',').map(Number);
    const memos = (process.env.HUASHU_BENCH_MEMO ?? 'on').split(',').map((m) => m.trim() !== 'off');
    const dir = mkdtempSync(join(tmpdir(), 'huashu-bench-qa-'));
    try {
      const file = join(dir, 'export.jsonl');
      const generated = performance.now();
      const { stats } = await writeQaExport(file, turns, conversations, { stats: true });
      const generateS = (performance.now() - generated) / 1000;
      const sizeMb = statSync(file).size / (1 << 20);
      const rows = [];
      for (const memo of memos)
        for (const workers of workerCounts) {
          const load = loadavg()[0]!;
          const run = await runQa(file, workers, memo, dir);
          rows.push({
            measure: `${memo ? '' : 'HUASHU_QA_MEMO=0 '}huashu qa export.jsonl --format json --workers ${workers} > /dev/null`,
            turns: turns.toLocaleString('en-US'),
            conversations: conversations.toLocaleString('en-US'),
            'file MB': fmt(sizeMb, 0),
            'wall s': fmt(run.wallS, 1),
            'cpu s': fmt(run.cpuS, 1),
            'turns/s': Math.round(turns / run.wallS).toLocaleString('en-US'),
            'peak RSS MB': fmt(run.maxRssMb, 0),
            'load before': fmt(load, 1),
            exit: String(run.exitCode),
            goal: turns >= 1_000_000 && workers === 2 ? '≤ 6 s, ≤ 200 MB' : '',
          });
        }
      rows.push({ measure: `(generating the file: ${fmt(generateS, 1)} s; ${describeStats(stats!)})` });
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
