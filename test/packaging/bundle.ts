/**
 * The core as a browser app gets it: `import { createAssistant } from 'huashu'` bundled from the
 * installed package by esbuild, Vite and webpack, with no shims and no Node built-ins, and run in
 * a V8 context that has only the ECMAScript globals (no require, process, Buffer, TextDecoder…).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { build as esbuild } from 'esbuild';
import type { Stats } from 'webpack';
import type { createAssistant as CreateAssistantFn } from '../../src/index.js';

/** The app's entry: the one import the README shows, exposed for the test to call. */
export const ENTRY =
  "import { createAssistant } from 'huashu';\nglobalThis.createAssistant = createAssistant;\n";

function writeEntry(app: string): string {
  const entry = join(app, 'entry.js');
  writeFileSync(entry, ENTRY);
  return entry;
}

export interface Bundle {
  file: string;
  bytes: number;
  warnings: string[];
}

/** `esbuild --bundle --platform=browser --minify` of the entry (default ASCII output). */
export async function bundleWithEsbuild(app: string): Promise<Bundle> {
  const file = join(app, 'out', 'esbuild.js');
  const result = await esbuild({
    entryPoints: [writeEntry(app)],
    absWorkingDir: app,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    minify: true,
    outfile: file,
    logLevel: 'silent',
  });
  return {
    file,
    bytes: readFileSync(file).length,
    warnings: result.warnings.map((w) => w.text),
  };
}

/** Vite's library build (Rolldown) of the entry, one IIFE file, minified. */
export async function bundleWithVite(app: string): Promise<Bundle> {
  const { build } = await import('vite');
  const outDir = join(app, 'out', 'vite');
  const warnings: string[] = [];
  await build({
    root: app,
    configFile: false,
    logLevel: 'silent',
    customLogger: {
      info: () => undefined,
      warn: (message) => warnings.push(message),
      warnOnce: (message) => warnings.push(message),
      error: (message) => warnings.push(message),
      clearScreen: () => undefined,
      hasErrorLogged: () => false,
      hasWarned: false,
    },
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: { entry: writeEntry(app), formats: ['iife'], name: 'app', fileName: () => 'vite.js' },
    },
  });
  const file = join(outDir, 'vite.js');
  return { file, bytes: readFileSync(file).length, warnings };
}

/** webpack 5 in production mode for the web target (it polyfills no Node built-in), unminified. */
export async function bundleWithWebpack(app: string): Promise<Bundle> {
  const { default: webpack } = await import('webpack');
  const outDir = join(app, 'out', 'webpack');
  mkdirSync(outDir, { recursive: true });
  const stats = await new Promise<Stats>((resolve, reject) => {
    webpack(
      {
        mode: 'production',
        context: app,
        entry: writeEntry(app),
        target: 'web',
        // publicPath: where the app serves its lazily loaded chunks (json-rules-engine's); a page sets it.
        // globalObject: webpack's chunk registry lives on `self` for the web target; a page has it,
        // the bare V8 context the bundle runs in below has only `globalThis`.
        output: { path: outDir, filename: 'webpack.js', publicPath: '', globalObject: 'globalThis' },
        performance: { hints: false },
        // Resolution and bundling are what is tested; terser on 1 MB would only add a minute.
        optimization: { minimize: false },
      },
      (error, result) =>
        error || !result ? reject(error ?? new Error('webpack: no result')) : resolve(result),
    );
  });
  const info = stats.toJson({ all: false, errors: true, warnings: true });
  if (stats.hasErrors())
    throw new Error(`webpack failed:\n${(info.errors ?? []).map((e) => e.message).join('\n')}`);
  const file = join(outDir, 'webpack.js');
  return { file, bytes: readFileSync(file).length, warnings: (info.warnings ?? []).map((w) => w.message) };
}

type CreateAssistant = typeof CreateAssistantFn;

/**
 * Runs a bundle in a fresh V8 context with nothing but the ECMAScript built-ins (and a console
 * that throws, so a stray log fails), and returns the `createAssistant` it exposed.
 */
export function runInBareContext(file: string): CreateAssistant {
  const noConsole = new Proxy(
    {},
    {
      get: () => () => {
        throw new Error('the bundle wrote to the console');
      },
    },
  );
  const context = vm.createContext({ console: noConsole });
  vm.runInContext(readFileSync(file, 'utf8'), context, { filename: file });
  const createAssistant = (context as { createAssistant?: CreateAssistant }).createAssistant;
  if (typeof createAssistant !== 'function') throw new Error(`${file} did not expose createAssistant`);
  for (const name of ['require', 'process', 'Buffer', 'TextDecoder', 'module', 'global'])
    if (vm.runInContext(`typeof ${name}`, context) !== 'undefined')
      throw new Error(`the context has ${name}`);
  return createAssistant;
}
