import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import tsupConfig from '../../../tsup.config.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Every file whose change must rebuild the worker: the library's sources and the fuzz worker. */
function inputs(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) found.push(full);
    }
  };
  walk(join(ROOT, 'src'));
  walk(join(ROOT, 'test/fuzz/worker'));
  found.push(
    join(ROOT, 'test/fuzz/guard/protocol.ts'),
    join(ROOT, 'tsup.config.ts'),
    join(ROOT, 'package.json'),
  );
  return found.sort();
}

function fingerprint(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    const stats = statSync(file);
    hash.update(`${relative(ROOT, file)}\0${stats.size}\0${stats.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The package's own build settings: franc's Latin subset and zod's English-only locales keep start-up fast. */
function packageBuild(): { plugins: Plugin[]; bundled: RegExp[] } {
  const configs = (Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig]) as Array<{
    esbuildPlugins?: Plugin[];
    noExternal?: RegExp[];
  }>;
  return { plugins: configs[0]?.esbuildPlugins ?? [], bundled: configs[0]?.noExternal ?? [] };
}

/** Dependencies stay external (resolved from node_modules) except those the package bundles too. */
function externals(bundled: readonly RegExp[]): Plugin {
  return {
    name: 'fuzz-externals',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) =>
        bundled.some((pattern) => pattern.test(args.path)) ? undefined : { path: args.path, external: true },
      );
    },
  };
}

export interface Bundle {
  /** The fuzz worker: huashu from src/ plus the call table. */
  worker: string;
  /** The CLI's bin, for the calls that spawn it as a process. */
  bin: string;
}

/**
 * Bundle the fuzz worker and the CLI bin from the current sources (not dist/, which may be stale)
 * into node_modules/.cache, once per change of the sources. Inline source maps make the stack of
 * a failure point at src/.
 */
export async function bundleWorker(): Promise<Bundle> {
  const folder = join(ROOT, 'node_modules/.cache/huashu-fuzz', fingerprint(inputs()));
  const bundle = { worker: join(folder, 'worker.mjs'), bin: join(folder, 'bin.mjs') };
  if (existsSync(bundle.worker) && existsSync(bundle.bin)) return bundle;
  mkdirSync(folder, { recursive: true });
  const { plugins, bundled } = packageBuild();
  const suffix = `.${process.pid}.tmp`;
  await build({
    entryPoints: { worker: join(ROOT, 'test/fuzz/worker/entry.ts'), bin: join(ROOT, 'src/cli/bin.ts') },
    outdir: folder,
    outExtension: { '.js': `.mjs${suffix}` },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'error',
    plugins: [externals(bundled), ...plugins],
  });
  // Renamed into place: test files starting together never load a half-written bundle.
  renameSync(`${bundle.worker}${suffix}`, bundle.worker);
  renameSync(`${bundle.bin}${suffix}`, bundle.bin);
  return bundle;
}
