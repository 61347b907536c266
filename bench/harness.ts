/**
 * Tiny benchmark harness: time a function per item, report median and p99 in µs, print tables.
 * Speed targets are checked here, never in unit tests.
 */
export interface Row {
  [column: string]: string | number;
}

export interface Suite {
  name: string;
  run(): Promise<Row[]> | Row[];
}

export interface Timing {
  medianUs: number;
  p99Us: number;
  meanUs: number;
  count: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/** Median, p99 and mean of per-item samples in µs (sorts `samples`). */
export function summarize(samples: Float64Array, count: number): Timing {
  let total = 0;
  for (const us of samples) total += us;
  samples.sort();
  return {
    medianUs: percentile(samples, 0.5),
    p99Us: percentile(samples, 0.99),
    meanUs: samples.length === 0 ? 0 : total / samples.length,
    count,
  };
}

/**
 * Time `fn` on each item: a warm-up pass, then `rounds` passes. The time per item is the mean of
 * `inner` back-to-back calls, so timer resolution does not dominate sub-microsecond work.
 */
export function timePerItem<T>(
  items: readonly T[],
  fn: (item: T) => unknown,
  options: { rounds?: number; inner?: number } = {},
): Timing {
  const rounds = options.rounds ?? 5;
  const inner = options.inner ?? 10;
  for (const item of items) fn(item);
  const samples = new Float64Array(items.length * rounds);
  let k = 0;
  for (let r = 0; r < rounds; r++) {
    for (const item of items) {
      const start = performance.now();
      for (let i = 0; i < inner; i++) fn(item);
      const us = ((performance.now() - start) * 1000) / inner;
      samples[k++] = us;
    }
  }
  return summarize(samples, items.length);
}

/**
 * Time `fn` once per item per round, items one after another (no item twice in a row, so no CPU
 * cache or branch history left by the same input), after two warm-up passes. The timer's own
 * cost (the median of empty timings) is taken off each sample.
 */
export function timeConsecutive<T>(
  items: readonly T[],
  fn: (item: T) => unknown,
  rounds: number,
  /** What the two warm-up passes run: other items where a cache would otherwise hold the measured ones. */
  warmItems: readonly T[] = items,
): Timing {
  for (let warm = 0; warm < 2; warm++) for (const item of warmItems) fn(item);
  const empty = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const start = performance.now();
    empty[i] = (performance.now() - start) * 1000;
  }
  const overhead = summarize(empty, items.length).medianUs;
  const samples = new Float64Array(items.length * rounds);
  let k = 0;
  for (let r = 0; r < rounds; r++)
    for (const item of items) {
      const start = performance.now();
      fn(item);
      samples[k++] = Math.max(0, (performance.now() - start) * 1000 - overhead);
    }
  return summarize(samples, items.length);
}

/** Same as timePerItem for async functions (each call awaited). */
export async function timePerItemAsync<T>(
  items: readonly T[],
  fn: (item: T) => Promise<unknown>,
  rounds = 3,
): Promise<Timing> {
  for (const item of items) await fn(item);
  const samples = new Float64Array(items.length * rounds);
  let k = 0;
  for (let r = 0; r < rounds; r++) {
    for (const item of items) {
      const start = performance.now();
      await fn(item);
      const us = (performance.now() - start) * 1000;
      samples[k++] = us;
    }
  }
  return summarize(samples, items.length);
}

/** The middle value of `values` (the upper one of an even count). */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
}

export function fmt(value: number, digits = 2): string {
  return value.toFixed(digits);
}

/** A plain-text table, columns padded, numbers right-aligned. */
export function table(rows: readonly Row[]): string {
  if (rows.length === 0) return '(no rows)';
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (r: Row, c: string) => (r[c] === undefined ? '' : String(r[c]));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r, c).length)));
  const line = (values: string[], numeric: boolean[]) =>
    values.map((v, i) => (numeric[i] ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0))).join('  ');
  const numeric = columns.map((c) =>
    rows.every(
      (r) => r[c] === undefined || typeof r[c] === 'number' || /^[\d.,-]+( ?[a-zA-Zµ%/]+)?$/.test(cell(r, c)),
    ),
  );
  return [
    line(
      columns,
      columns.map(() => false),
    ),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) =>
      line(
        columns.map((c) => cell(r, c)),
        numeric,
      ),
    ),
  ].join('\n');
}

export function readJsonl<T>(text: string): T[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
