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
import { diskUsage, installPackage, ROOT } from '../test/packaging/installed.js';
import { fmt, median, type Row, type Suite } from './harness.js';

const RUNS = 9;

/** Runs `script` (CommonJS) in a fresh process from `cwd`; it prints one JSON object of numbers. */
function freshRun(cwd: string, script: string): Record<string, number> {
  return JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', '-e', script], { cwd, encoding: 'utf8' }),
  ) as Record<string, number>;
}

/** Each key's median over runs. */
function medians(runs: ReadonlyArray<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.keys(runs[0]!).map((key) => [key, median(runs.map((r) => r[key]!))]));
}

// performance.now() counts from the process's time origin, so it is start → first analyze().
const STARTUP_SCRIPT = `const { createAssistant } = require('huashu');
  const a = createAssistant();
  a.analyze('亲，请问什么时候发货', { previousAgentMessage: '请问是这个订单吗?' });
  const firstAnalyze = performance.now();
  const r = a.reply('我要退货，东西是坏的', { facts: { order: { shipped: true, carrierScan: true } } });
  a.lint(r.text);
  globalThis.gc();
  console.log(JSON.stringify({ firstAnalyze, rss: process.memoryUsage().rss / 1048576 }));`;
const BARE_SCRIPT = `globalThis.gc(); console.log(JSON.stringify({ start: performance.now(), rss: process.memoryUsage().rss / 1048576 }));`;

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
 * Installs the built package of each checkout in `roots` (dist/ must be built) and measures them;
 * the fresh processes alternate between the installs, so each sees the same machine load. Removes
 * the installs after.
 */
export async function measurePackages(roots: readonly string[]): Promise<PackageFigures[]> {
  const packages = roots.map((root) => installPackage(root));
  try {
    const sizes: Array<{ installed: number; own: number; bundle: number }> = [];
    for (const pkg of packages)
      sizes.push({
        installed: diskUsage(join(pkg.app, 'node_modules')),
        own: diskUsage(pkg.packageDir),
        bundle: (await bundleWithEsbuild(pkg.app)).bytes,
      });
    const startups = packages.map(() => [] as Array<Record<string, number>>);
    const bares = packages.map(() => [] as Array<Record<string, number>>);
    for (let run = 0; run < RUNS; run++)
      packages.forEach((pkg, i) => {
        startups[i]!.push(freshRun(pkg.app, STARTUP_SCRIPT));
        bares[i]!.push(freshRun(pkg.app, BARE_SCRIPT));
      });
    return packages.map((_, i) => {
      const startup = medians(startups[i]!);
      const bare = medians(bares[i]!);
      return {
        installMb: sizes[i]!.installed / 1048576,
        ownMb: sizes[i]!.own / 1048576,
        bundleKb: sizes[i]!.bundle / 1024,
        firstAnalyzeMs: startup.firstAnalyze!,
        bareStartMs: bare.start!,
        rssMb: startup.rss!,
        bareRssMb: bare.rss!,
      };
    });
  } finally {
    for (const pkg of packages) rmSync(dirname(pkg.app), { recursive: true, force: true });
  }
}

/** measurePackages of one checkout (this one by default). */
export async function measurePackage(root = ROOT): Promise<PackageFigures> {
  return (await measurePackages([root]))[0]!;
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
