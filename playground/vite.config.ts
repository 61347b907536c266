import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { bundleTrims } from './build/trims.js';

const root = fileURLToPath(new URL('.', import.meta.url));

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
  plugins: [...bundleTrims(), viteSingleFile({ removeViteModuleLoader: true })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4096,
  },
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
});
