/**
 * The long fuzz run: every property of test/fuzz/properties.ts (the ones CI runs with a fixed
 * seed and few runs), each input under the time guard.
 *
 *   npm run fuzz -- --runs 100000 [--seed S] [--budget-ms 100] [--scale long|ci] [--only <text>]
 *                   [--workers 2] [--shrink-ms 60000] [--path <fast-check path>]
 *
 * Prints one row per property (runs, failures, timeouts, slowest call, what the calls threw) and
 * then each property's first failure, shrunk, with the command that replays it. Exit code 1 when
 * a property failed.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { DEFAULT_BUDGET_MS, type Scale } from '../test/fuzz/config.js';
import { TimeGuard } from '../test/fuzz/guard/time-guard.js';
import { PROPERTIES, type FuzzProperty } from '../test/fuzz/properties.js';
import { describeFailure, runAll, type PropertyResult, type RunOptions } from '../test/fuzz/runner.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    seed: { type: 'string' },
    'budget-ms': { type: 'string', default: String(DEFAULT_BUDGET_MS) },
    scale: { type: 'string', default: 'long' },
    only: { type: 'string', multiple: true },
    workers: { type: 'string', default: String(Math.min(2, availableParallelism())) },
    'shrink-ms': { type: 'string', default: '60000' },
    path: { type: 'string' },
    slowest: { type: 'boolean' },
    kinds: { type: 'boolean' },
    help: { type: 'boolean' },
  },
});

function number(name: string, value: string | undefined, min: number): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min) {
    console.error(`fuzz: --${name} takes a number ≥ ${min}, not "${value}"`);
    process.exit(2);
  }
  return parsed;
}

if (values.help === true) {
  console.log(
    'npm run fuzz -- --runs N [--seed S] [--budget-ms B] [--scale long|ci] [--only <call or name part>] [--workers W] [--shrink-ms MS] [--path P]',
  );
  process.exit(0);
}
if (values.scale !== 'long' && values.scale !== 'ci') {
  console.error(`fuzz: --scale is long (texts up to 1 MB) or ci (up to 10 KB), not "${values.scale}"`);
  process.exit(2);
}

const options: RunOptions = {
  runs: Math.floor(number('runs', values.runs, 1)),
  seed: values.seed === undefined ? Date.now() % 2 ** 31 : Math.floor(number('seed', values.seed, 0)),
  budgetMs: number('budget-ms', values['budget-ms'], 1),
  scale: values.scale as Scale,
  shrinkLimitMs: number('shrink-ms', values['shrink-ms'], 0),
  ...(values.path === undefined ? {} : { path: values.path }),
};
const only = values.only ?? [];
// An exact property name selects that property; a call id selects the properties of that call;
// otherwise a part of a name selects every property whose name has it.
const byName = PROPERTIES.filter((p) => only.includes(p.name));
const byCall = PROPERTIES.filter((p) => only.includes(p.call));
const selected =
  only.length === 0
    ? PROPERTIES
    : byName.length > 0
      ? byName
      : byCall.length > 0
        ? byCall
        : PROPERTIES.filter((p) => only.some((o) => p.name.toLowerCase().includes(o.toLowerCase())));
if (selected.length === 0) {
  console.error(
    `fuzz: no property matches ${only.join(', ')}; calls: ${PROPERTIES.map((p) => p.call).join(', ')}`,
  );
  process.exit(2);
}
const workers = Math.floor(number('workers', values.workers, 1));

console.error(
  `fuzz: ${selected.length} properties × ${options.runs} runs, seed ${options.seed}, budget ${options.budgetMs} ms per call, ${options.scale === 'long' ? 'texts up to 1 MB' : 'texts up to 10 KB'}, ${workers} workers`,
);
const guard = await TimeGuard.start({ budgetMs: options.budgetMs, workers });
const started = performance.now();
const results = new Map<FuzzProperty, PropertyResult>();
const queue = [...selected];
await Promise.all(
  Array.from({ length: workers }, async () => {
    for (let property = queue.shift(); property !== undefined; property = queue.shift()) {
      const result = await runAll(guard, property, options);
      results.set(property, result);
      console.error(
        `  ${result.failure === undefined ? 'ok  ' : 'FAIL'} ${property.name}: ${result.runs} runs, ${result.failures} failures, max ${result.maxMs.toFixed(0)} ms (${(result.wallMs / 1000).toFixed(1)} s)`,
      );
    }
  }),
);
await guard.close();

const rows = selected.map((property) => {
  const r = results.get(property)!;
  const outcomes = Object.entries(r.outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const first = r.failure === undefined ? '' : r.failure.violations[0]!.replace(/\s+/g, ' ').slice(0, 110);
  return [
    property.call,
    String(r.runs),
    String(r.failures),
    String(r.timeouts),
    r.maxMs.toFixed(0),
    (r.cpuMs / 1000).toFixed(1),
    outcomes,
    first,
  ];
});
const header = [
  'property',
  'runs',
  'failures',
  'timeouts',
  'max ms',
  'cpu s',
  'outcomes of the timed calls',
  'first counterexample',
];
const widths = header.map((h, i) =>
  Math.min(i === 6 ? 60 : 200, Math.max(h.length, ...rows.map((r) => r[i]!.length))),
);
const line = (cells: string[]) =>
  `| ${cells.map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!))).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));

if (values.slowest === true)
  for (const property of selected)
    console.log(
      `\nslowest input of ${property.call} (${results.get(property)!.maxMs.toFixed(0)} ms): ${results.get(property)!.slowest}`,
    );

// Time overruns the replay did not show again: not failures, but every one is listed.
for (const property of selected) {
  const result = results.get(property)!;
  if (result.failure !== undefined || result.failures === 0) continue;
  console.log(
    `\n${property.call}: ${result.failures} time overrun${result.failures === 1 ? '' : 's'} not shown again when replayed (passes):`,
  );
  for (const kind of result.kinds)
    console.log(
      `  kind ×${kind.count}: ${kind.violation.slice(0, 300)}\n    first input (run ${kind.run}, replay with --path ${kind.run}): ${kind.example}`,
    );
}

const failed = selected.filter((p) => results.get(p)!.failure !== undefined);
for (const property of failed) {
  const result = results.get(property)!;
  console.log(`\n${describeFailure(property, result, options)}`);
  if (result.kinds.length > 1 || values.kinds === true)
    for (const kind of result.kinds)
      console.log(
        `  kind ×${kind.count}: ${kind.violation.slice(0, 300)}\n    first input (run ${kind.run}, replay with --path ${kind.run}): ${kind.example}`,
      );
}
console.log(
  `\n${selected.length - failed.length} of ${selected.length} properties passed; ${guard.replaced} workers replaced; ${((performance.now() - started) / 1000).toFixed(0)} s (npm run fuzz -- --runs ${options.runs} --seed ${options.seed} --budget-ms ${options.budgetMs} --scale ${options.scale})`,
);
process.exitCode = failed.length > 0 ? 1 : 0;
