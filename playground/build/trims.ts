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
