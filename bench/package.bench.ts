/**
 * The package as a user installs it (test/packaging/installed.ts: npm pack of the built repository,
 * `npm install <tarball> --omit=dev` into an empty project): install size, the esbuild browser
 * bundle of createAssistant, process start → first analyze(), and RSS after analyze + lint + reply.
 * Each process figure is the median of fresh processes, beside a bare node process.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundleWithEsbuild } from '../test/packaging/bundle.js';
import { diskUsage, installPackage } from '../test/packaging/installed.js';
import { fmt, type Row, type Suite } from './harness.js';

const RUNS = 9;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Runs `script` (CommonJS) in RUNS fresh processes from `cwd`; each prints one JSON object of numbers. */
function fresh(cwd: string, script: string): Record<string, number> {
  const runs = Array.from(
    { length: RUNS },
    () =>
      JSON.parse(
        execFileSync(process.execPath, ['--expose-gc', '-e', script], { cwd, encoding: 'utf8' }),
      ) as Record<string, number>,
  );
  return Object.fromEntries(Object.keys(runs[0]!).map((key) => [key, median(runs.map((r) => r[key]!))]));
}

/** The package figures of issue 10's goals, from one install of the built package. */
export interface PackageFigures {
  installMb: number;
  ownMb: number;
  bundleKb: number;
  firstAnalyzeMs: number;
  bareStartMs: number;
  rssMb: number;
  bareRssMb: number;
}

/**
 * Installs the built package of the checkout at `root` (this one by default; dist/ must be built)
 * and measures it; removes the install after.
 */
export async function measurePackage(root?: string): Promise<PackageFigures> {
  const pkg = installPackage(root);
  try {
    const installed = diskUsage(join(pkg.app, 'node_modules'));
    const own = diskUsage(pkg.packageDir);
    const bundle = await bundleWithEsbuild(pkg.app);
    // performance.now() counts from the process's time origin, so it is start → first analyze().
    const startup = fresh(
      pkg.app,
      `const { createAssistant } = require('huashu');
       const a = createAssistant();
       a.analyze('亲，请问什么时候发货', { previousAgentMessage: '请问是这个订单吗?' });
       const firstAnalyze = performance.now();
       const r = a.reply('我要退货，东西是坏的', { facts: { order: { shipped: true, carrierScan: true } } });
       a.lint(r.text);
       globalThis.gc();
       console.log(JSON.stringify({ firstAnalyze, rss: process.memoryUsage().rss / 1048576 }));`,
    );
    const bare = fresh(
      pkg.app,
      `globalThis.gc(); console.log(JSON.stringify({ start: performance.now(), rss: process.memoryUsage().rss / 1048576 }));`,
    );
    return {
      installMb: installed / 1048576,
      ownMb: own / 1048576,
      bundleKb: bundle.bytes / 1024,
      firstAnalyzeMs: startup.firstAnalyze!,
      bareStartMs: bare.start!,
      rssMb: startup.rss!,
      bareRssMb: bare.rss!,
    };
  } finally {
    rmSync(dirname(pkg.app), { recursive: true, force: true });
  }
}

export const packageSuite: Suite = {
  name: 'package: install, browser bundle, start-up, memory (installed with --omit=dev)',
  async run(): Promise<Row[]> {
    const f = await measurePackage();
    const row = (measure: string, value: string, goal: string): Row => ({ measure, value, goal });
    return [
      row('production install: du of node_modules (MB)', fmt(f.installMb, 2), '≤ 10'),
      row('  of which huashu itself (MB)', fmt(f.ownMb, 2), ''),
      row(
        'esbuild --bundle --platform=browser --minify of createAssistant (KB)',
        fmt(f.bundleKb, 0),
        '≤ 900',
      ),
      row(
        `process start → first analyze(), require('huashu') (ms, median of ${RUNS})`,
        fmt(f.firstAnalyzeMs, 0),
        '≤ 120',
      ),
      row('  bare node process start (ms)', fmt(f.bareStartMs, 0), ''),
      row('RSS after analyze + reply + lint, after gc (MB)', fmt(f.rssMb, 1), '≤ 60'),
      row('  bare node process (MB)', fmt(f.bareRssMb, 1), ''),
    ];
  },
};

// `npx tsx bench/package.bench.ts` runs this suite alone (dist/ must be built).
if (import.meta.filename === process.argv[1]) {
  const { table } = await import('./harness.js');
  console.log(table(await packageSuite.run()));
}
