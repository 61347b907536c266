/**
 * Counts per intent and locale for rules/intents/written/<writer>.<locale>.jsonl, with the share
 * of messages that carry the agent's previous turn.
 *
 *   node scripts/corpus/written-messy-stats.mjs [writer]   (default: messy)
 */
import { existsSync, readFileSync } from 'node:fs';

const writer = process.argv[2] ?? 'messy';
const locales = ['zh-Hans', 'zh-Hant', 'en'];
const counts = {};
const totals = {};
const withPrev = {};
for (const l of locales) {
  const file = `rules/intents/written/${writer}.${l}.jsonl`;
  totals[l] = 0;
  withPrev[l] = 0;
  if (!existsSync(file)) continue;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    counts[r.intent] ??= {};
    counts[r.intent][l] = (counts[r.intent][l] ?? 0) + 1;
    totals[l]++;
    if (r.prev) withPrev[l]++;
  }
}
const pct = (n, d) => (d ? ((100 * n) / d).toFixed(1) + '%' : '-');
console.log(['intent'.padEnd(28), ...locales.map((l) => l.padStart(16))].join(''));
for (const id of Object.keys(counts).sort()) {
  console.log(
    [
      id.padEnd(28),
      ...locales.map((l) => `${counts[id][l] ?? 0} (${pct(counts[id][l] ?? 0, totals[l])})`.padStart(16)),
    ].join(''),
  );
}
console.log(['total'.padEnd(28), ...locales.map((l) => String(totals[l]).padStart(16))].join(''));
console.log(
  ['with prev'.padEnd(28), ...locales.map((l) => pct(withPrev[l], totals[l]).padStart(16))].join(''),
);
