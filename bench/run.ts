/**
 * `npm run bench [-- name…]`: runs the suites in bench/suites.ts (or those named) and prints
 * each result as a table. Measures the built package (dist/) where a suite says so.
 */
import { suites } from './suites.js';
import { table } from './harness.js';

const wanted = process.argv.slice(2);
const selected = wanted.length === 0 ? suites : suites.filter((s) => wanted.includes(s.name));
if (selected.length === 0) {
  console.error(`no suite named ${wanted.join(', ')}; suites: ${suites.map((s) => s.name).join(', ')}`);
  process.exitCode = 2;
}
console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
for (const suite of selected) {
  const started = performance.now();
  const rows = await suite.run();
  console.log(`\n## ${suite.name} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  console.log(table(rows));
}
