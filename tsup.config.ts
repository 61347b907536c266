import { dirname } from 'node:path';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';
import { FRANC_TO_BCP47 } from './src/language/franc-languages.js';

// franc (and its small deps) is ESM-only: bundle it so the CJS build works everywhere.
// zod is bundled too: loading its ~100 module files costs ~50 ms at import, bundled it is one parse.
// It stays a dependency for the type declarations and for users who compose our schemas.
const bundled = [/^franc/, /^trigram-utils/, /^n-gram/, /^collapse-white-space/, /^zod/, /^handlebars/];

/**
 * franc turns the trigram tables of all its ~400 languages into objects at import. We only ever
 * call it on Latin text with `only` our languages, so the bundle keeps just those tables; franc's
 * own code is unchanged.
 */
const francDataSubset: Plugin = {
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
 * zod's classic entry re-exports every locale (~50 languages, most of the bundled zod's size and
 * parse time). huashu's messages are English and its own; the bundled copy keeps only `en`.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";',
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

export default defineConfig([
  {
    entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    target: 'node20',
    noExternal: bundled,
    esbuildPlugins: [francDataSubset, zodEnglishOnly],
    shims: true,
  },
  {
    entry: { 'cli/bin': 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    noExternal: bundled,
    esbuildPlugins: [francDataSubset, zodEnglishOnly],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
