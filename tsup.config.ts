import { dirname } from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

type TsupPlugin = NonNullable<Options['plugins']>[number];
import { FRANC_TO_BCP47 } from './src/language/franc-languages.js';

/**
 * The package's entry points: `huashu` (index) and its documented subpaths (src/entry/), plus
 * `huashu/node` and `huashu/redis`. package.json's `exports` and `typesVersions` list the same names.
 */
export const LIBRARY_ENTRIES = {
  index: 'src/index.ts',
  intent: 'src/entry/intent.ts',
  lint: 'src/entry/lint.ts',
  qa: 'src/entry/qa.ts',
  schemas: 'src/entry/schemas.ts',
  templates: 'src/entry/templates.ts',
  text: 'src/entry/text.ts',
  'node/index': 'src/node/index.ts',
  redis: 'src/entry/redis.ts',
};

/**
 * `huashu` as Node loads it (package.json `exports["."].node`): src/index.ts's exports, with the
 * data unpacked by Node's zlib. Built beside the library entries; its types are index's.
 */
export const NODE_MAIN_ENTRY = { 'index.node': 'src/node/main.ts' };

/**
 * Bundled into dist (so NOT in package.json `dependencies`; test/packaging checks both lists):
 * - franc and its small deps: ESM-only, and only our languages' trigram tables are kept;
 * - zod: an implementation detail (huashu/schemas publishes JSON Schemas instead); one bundled
 *   parse instead of ~100 module files;
 * - handlebars: only its compiler and runtime are used (no file loading, no source maps);
 * - @monyone/aho-corasick: src/text/automaton.ts restores the library's internal double array
 *   from build-time snapshots, so the version we snapshot against must be the one we run;
 * - libphonenumber-js: only its `core` build, with its `min` metadata packed at build time
 *   (src/generated/phone-metadata.ts; the package installs 13 MB).
 * - tinyglobby (with fdir and picomatch): the CLI's glob expansion; ~270 KB installed, far less bundled.
 * - fflate (its browser build, `inflateSync` only): unpacks the generated data (src/util/packed-json.ts).
 * Installed, not bundled: jsonc-parser and tinypool
 * (`huashu qa --workers`: it starts its own worker script by path, which a bundle would break).
 * Neither, an optional peer: json-rules-engine (loaded only for rules the compiled evaluator cannot
 * run, or on request; ~2 MB installed with its dependencies).
 */
export const BUNDLED = [
  /^franc/,
  /^trigram-utils/,
  /^n-gram/,
  /^collapse-white-space/,
  /^zod/,
  /^handlebars/,
  /^@monyone\/aho-corasick/,
  /^libphonenumber-js/,
  /^tinyglobby/,
  /^fdir/,
  /^picomatch/,
  /^fflate/,
];

/**
 * franc turns the trigram tables of all its ~400 languages into objects at import. We only ever
 * call it on Latin text with `only` our languages, so the bundle keeps just those tables; franc's
 * own code is unchanged.
 */
export const francDataSubset: Plugin = {
  name: 'franc-data-subset',
  setup(build) {
    build.onLoad({ filter: /[\\/]franc[\\/]data\.js$/ }, async (args) => {
      const { data } = (await import(args.path)) as { data: Record<string, Record<string, string>> };
      const latin: Record<string, string> = {};
      for (const code of Object.keys(FRANC_TO_BCP47)) {
        const model = data.Latin?.[code];
        if (!model) throw new Error(`franc has no Latin trigram data for "${code}"`);
        latin[code] = model;
      }
      // Keep the file's shape: franc imports { data }.
      return { contents: `export const data = ${JSON.stringify({ Latin: latin })};`, loader: 'js' };
    });
  },
};

/**
 * zod's entries (zod/mini included) re-export every locale (~50 languages, most of a bundled zod's size and
 * parse time). huashu's messages are English and its own; the bundled copy keeps only `en`.
 */
export const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * handlebars' code generator requires `source-map` inside a try, for source maps of compiled
 * templates, which huashu never asks for; without it handlebars uses its own small stand-in.
 */
export const noSourceMap: Plugin = {
  name: 'no-source-map',
  setup(build) {
    build.onResolve({ filter: /^source-map$/ }, () => ({ path: 'source-map', namespace: 'empty' }));
    build.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({
      contents: 'module.exports = {};',
      loader: 'js',
    }));
  },
};

/**
 * Every output chunk ASCII: esbuild escapes strings and regular expressions itself, but keeps
 * comments as written, and one Chinese character in a comment makes V8 hold the whole chunk's
 * source (kept in memory for lazy compilation) as a two-byte string. Escaping the rest halves that
 * memory (~2 MB after import); in a comment the escape is just text.
 */
export const asciiChunks: TsupPlugin = {
  name: 'ascii-chunks',
  renderChunk(code) {
    return /[^\0-\x7f]/u.test(code) ? { code: escapeNonAscii(code) } : undefined;
  },
};

/** `code` with every non-ASCII UTF-16 unit written `\uXXXX` (the playground's build uses it too). */
export function escapeNonAscii(code: string): string {
  return code.replace(/[^\0-\x7f]/gu, (c) => {
    let escaped = '';
    for (let i = 0; i < c.length; i++) escaped += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return escaped;
  });
}

/** What both builds share. */
const common = {
  splitting: true,
  // dist/ is emptied by the build script (`npm run build`) before both builds start.
  clean: false,
  sourcemap: false,
  target: 'node20',
  noExternal: BUNDLED,
  esbuildPlugins: [francDataSubset, zodEnglishOnly, noSourceMap],
  plugins: [asciiChunks],
} satisfies Options;

// ESM and CJS each share ONE copy of the core between all entries (code splitting, also for
// CJS): an error thrown through `huashu/node` is the `HuashuError` class of `huashu`.
export default defineConfig([
  {
    ...common,
    entry: {
      ...LIBRARY_ENTRIES,
      ...NODE_MAIN_ENTRY,
      'cli/bin': 'src/cli/bin.ts',
      'cli/qa-worker': 'src/cli/qa/worker.ts',
    },
    format: ['esm'],
    dts: { entry: LIBRARY_ENTRIES },
    // No ESM shims: tsup's would import node's `path` and `url` into the shared core chunk, which
    // then no longer bundles for browsers. The core never uses __dirname; src/node uses
    // import.meta.url, native in ESM.
    esbuildOptions(options) {
      options.inject = (options.inject ?? []).filter((file) => !/esm_shims/.test(file));
    },
    shims: true,
  },
  {
    ...common,
    // The library only: the CLI and its worker are ESM only (package.json `bin`).
    entry: { ...LIBRARY_ENTRIES, ...NODE_MAIN_ENTRY },
    format: ['cjs'],
    dts: { entry: LIBRARY_ENTRIES },
    // tsup splits CJS chunks either with rollup (treeshake) or by running sucrase over esbuild's
    // ESM chunks, and sucrase also rewrites every `??`, `?.` and class field into helper calls
    // (a closure per `??`): the CJS build was 11–48 % slower per call than the ESM one. Rollup
    // keeps the syntax.
    treeshake: true,
    // For CJS, tsup's shim defines import.meta.url from __filename.
    shims: true,
  },
]);
