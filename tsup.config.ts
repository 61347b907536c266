import { defineConfig } from 'tsup';

// franc (and its small deps) is ESM-only: bundle it so the CJS build works everywhere.
const bundled = [/^franc/, /^trigram-utils/, /^n-gram/, /^collapse-white-space/];

export default defineConfig([
  {
    entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    target: 'node20',
    noExternal: bundled,
    shims: true,
  },
  {
    entry: { 'cli/bin': 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    noExternal: bundled,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
