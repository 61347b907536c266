import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { escapeNonAscii } from '../tsup.config.js';
import { bundleTrims, pageOnlyTrims } from './build/trims.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The built page's Content-Security-Policy: its inline script and styles only, no fetch, no
 * WebSocket, no remote image — the browser itself refuses any network request. Build only: the dev
 * server loads modules and its live-reload socket from localhost.
 */
const POLICY =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'";

/**
 * The script ASCII (non-ASCII characters as \u escapes; Vite's minifier writes UTF-8): one Chinese
 * character makes the browser hold the whole 1.3 MB script as a two-byte string. Escapes keep the
 * meaning in strings, regular expressions and templates; the minified code has no comments.
 */
function asciiScript(): Plugin {
  return {
    name: 'huashu-playground-ascii',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk') chunk.code = escapeNonAscii(chunk.code);
    },
  };
}

function noNetwork(): Plugin {
  return {
    name: 'huashu-playground-csp',
    apply: 'build',
    // As written text, not a tag descriptor: Vite would escape the quotes of the policy.
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${POLICY}" />`),
  };
}

/**
 * The playground: `npm run playground` serves it with live reload (Vite's dev server);
 * `npm run playground:build` writes playground/dist/index.html with the script and styles inlined,
 * so the page works from file:// (Chromium loads no module script from file://, but an inline one
 * runs) and makes no request.
 */
export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  plugins: [
    ...bundleTrims(),
    ...pageOnlyTrims(),
    asciiScript(),
    viteSingleFile({ removeViteModuleLoader: true }),
    noNetwork(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4096,
    // The first statement of the bundle: navigation start → this mark is HTML parsing and compiling
    // the script; this mark → playground:script is the library's module initialisation.
    rollupOptions: { output: { banner: "performance.mark('playground:bundle-start');" } },
  },
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
});
