/**
 * Build step: turns the data under rules/ and templates/ (and third-party tables) into TypeScript
 * modules under src/generated/, so the core never reads files at run time and nothing is trained
 * or parsed from source at import. Each generator lives in scripts/data/<name>.ts.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMPTY_AUTOMATA_MODULE } from './data/automata.js';
import { generators } from './data/registry.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'src', 'generated');
mkdirSync(outDir, { recursive: true });
// Generators that load the library from source need the snapshot table to exist (filled last). It
// starts empty: a table left by an earlier build may be in an encoding this checkout cannot read.
writeFileSync(join(outDir, 'automata.ts'), EMPTY_AUTOMATA_MODULE);

for (const generator of generators) {
  const started = performance.now();
  const files = await generator.generate(root);
  for (const file of files) {
    const target = join(outDir, file.name);
    // Only rewrite changed files so watchers and tsc incremental builds stay quiet.
    if (existsSync(target) && readFileSync(target, 'utf8') === file.content) continue;
    writeFileSync(target, file.content);
  }
  const ms = (performance.now() - started).toFixed(0);
  console.error(`gen ${generator.name}: ${files.map((f) => f.name).join(', ')} (${ms} ms)`);
}
