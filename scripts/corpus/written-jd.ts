/**
 * Converts the hand-written lines of writer `jd` to JSONL and prints counts per intent.
 * It writes no text: every message is a line of `scripts/corpus/written-src/jd.<locale>.*.txt`.
 * Source format: see written-source.ts.
 *
 *   npx tsx scripts/corpus/written-jd.ts          # convert and print counts
 *   npx tsx scripts/corpus/written-jd.ts --check  # only print counts, write nothing
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';
import { readWritten, WRITTEN_OUT as OUT } from './written-source.js';

const LOCALES = ['zh-Hans', 'zh-Hant'] as const;

function main(): void {
  const write = !process.argv.includes('--check');
  for (const locale of LOCALES) {
    const rows = readWritten('jd', locale);
    const seen = new Map<string, string>();
    let dup = 0;
    for (const r of rows) {
      const key = `${r.text}\u0000${r.prev ?? ''}`;
      const had = seen.get(key);
      if (had !== undefined && had !== r.intent)
        throw new Error(`${locale}: "${r.text}" labelled both ${had} and ${r.intent}`);
      if (had !== undefined) dup++;
      seen.set(key, r.intent);
    }
    if (write) {
      const out = join(OUT, `jd.${locale}.jsonl`);
      writeFileSync(out, rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));
    }
    const withPrev = rows.filter((r) => r.prev !== undefined).length;
    const pct = (n: number): string => `${((100 * n) / Math.max(rows.length, 1)).toFixed(1)}%`;
    console.log(`${locale}: ${rows.length} messages, ${pct(withPrev)} with prev, ${dup} exact repeats`);
    for (const id of BUILT_IN_INTENT_IDS) {
      const n = rows.filter((r) => r.intent === id).length;
      console.log(`  ${id.padEnd(28)}${String(n).padStart(5)}  ${pct(n).padStart(6)}`);
    }
  }
}

main();
