/**
 * The package as a user gets it: `npm pack` of the built repository (dist/ must be built, as
 * `npm test` does first), installed with `--omit=dev` into an empty project. Shared by the
 * packaging tests and bench/package.bench.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface InstalledPackage {
  /** The empty project the tarball was installed into. */
  app: string;
  /** node_modules/huashu inside it. */
  packageDir: string;
  tarball: string;
  /** Files in the tarball, relative to the package root. */
  files: string[];
}

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
  });
}

/**
 * Packs the repository (no scripts: dist/ as built), or the checkout at `root`, and installs it,
 * production dependencies only.
 */
export function installPackage(root = ROOT): InstalledPackage {
  const work = mkdtempSync(join(tmpdir(), 'huashu-package-'));
  const packed = JSON.parse(
    npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], root),
  ) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  const tarball = join(work, packed[0]!.filename);
  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  npm(
    ['install', tarball, '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'],
    app,
  );
  return {
    app,
    packageDir: join(app, 'node_modules', 'huashu'),
    tarball,
    files: packed[0]!.files.map((f) => f.path),
  };
}

/** Bytes on disk under `dir`, as `du` counts them (allocated blocks), falling back to file sizes. */
export function diskUsage(dir: string): number {
  try {
    return Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]) * 1024;
  } catch {
    let total = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
      if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
    return total;
  }
}
