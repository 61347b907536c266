import { dirname } from 'node:path';
import type { Plugin } from 'vite';
import { FRANC_TO_BCP47 } from '../../src/language/franc-languages.js';

/**
 * The same three trims tsup.config.ts makes to the published bundle, as Vite plugins (Vite 8
 * bundles with Rolldown, which runs no esbuild plugin): franc's trigram tables for our Latin
 * languages only, zod's English messages only, and no `source-map` for handlebars' compiler.
 * Each keeps the library's behaviour: huashu calls franc with `only` those languages, writes its
 * own messages, and never asks handlebars for source maps.
 */
export function bundleTrims(): Plugin[] {
  const emptySourceMap = '\0huashu-empty-source-map';
  return [
    {
      name: 'huashu-franc-data-subset',
      enforce: 'pre',
      async load(id) {
        if (!/[\\/]franc[\\/]data\.js$/.test(id)) return null;
        const { data } = (await import(id)) as { data: Record<string, Record<string, string>> };
        const latin: Record<string, string> = {};
        for (const code of Object.keys(FRANC_TO_BCP47)) {
          const model = data.Latin?.[code];
          if (!model) throw new Error(`franc has no Latin trigram data for "${code}"`);
          latin[code] = model;
        }
        return `export const data = ${JSON.stringify({ Latin: latin })};`;
      },
    },
    {
      name: 'huashu-zod-english-only',
      enforce: 'pre',
      load(id) {
        if (!/[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/.test(id)) return null;
        return `export { default as en } from ${JSON.stringify(`${dirname(id)}/en.js`)};`;
      },
    },
    {
      name: 'huashu-no-source-map',
      enforce: 'pre',
      resolveId(source) {
        return source === 'source-map' ? emptySourceMap : null;
      },
      load(id) {
        return id === emptySourceMap ? 'export default {};' : null;
      },
    },
  ];
}

/**
 * The page calls only the synchronous API (analyze, recommend, render, lint), which runs action
 * rules compiled; json-rules-engine (with jsonpath-plus, eventemitter2, hash-it: ~80 KB minified)
 * is reached only through recommendAsync/replyAsync, for rules outside the compiled subset. The
 * page leaves it out: a rule file that needs it gets the same "use the async API" error in the page
 * with or without it, and should anything call the async path, it fails saying why.
 */
export function pageOnlyTrims(): Plugin[] {
  const stub = '\0huashu-no-reference-engine';
  return [
    {
      name: 'huashu-playground-no-reference-engine',
      enforce: 'pre',
      resolveId(source) {
        return source === 'json-rules-engine' ? stub : null;
      },
      load(id) {
        if (id !== stub) return null;
        return [
          "const unavailable = () => { throw new Error('json-rules-engine is not part of the playground page: it runs compiled rules only'); };",
          'export class Engine { constructor() { unavailable(); } }',
          'export class Operator { constructor() { unavailable(); } }',
        ].join('\n');
      },
    },
  ];
}
