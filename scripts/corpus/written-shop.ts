/**
 * Converts the hand-written lines of writer `shop` (marketplace-shop buyers: Taobao / Tmall /
 * Pinduoduo / Douyin shops in zh-Hans, Shopify / Etsy / Amazon sellers in en) to JSONL and prints
 * counts per intent. It writes no text: every message is a line of
 * `scripts/corpus/written-src/shop.<locale>.<nn>.txt`.
 * Source format: see written-source.ts.
 *
 *   npx tsx scripts/corpus/written-shop.ts          # convert and print counts
 *   npx tsx scripts/corpus/written-shop.ts --check  # only print counts, write nothing
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';
import { readWritten, WRITTEN_OUT as OUT, type WrittenRow as Row } from './written-source.js';

const LOCALES = ['zh-Hans', 'en'] as const;

function main(): void {
  const check = process.argv.includes('--check');
  for (const locale of LOCALES) {
    const rows = readWritten('shop', locale);
    const seen = new Map<string, string>();
    const kept: Row[] = [];
    let duplicates = 0;
    for (const row of rows) {
      const key = `${row.text}\u0000${row.prev ?? ''}`;
      const before = seen.get(key);
      if (before !== undefined) {
        duplicates += 1;
        if (before !== row.intent)
          console.warn(`conflicting labels: ${row.text} (${before} / ${row.intent})`);
        continue;
      }
      seen.set(key, row.intent);
      kept.push(row);
    }
    if (!check) {
      const out = join(OUT, `shop.${locale}.jsonl`);
      writeFileSync(out, kept.map((r) => JSON.stringify(r)).join('\n') + (kept.length ? '\n' : ''));
    }
    const counts = new Map<string, number>();
    for (const r of kept) counts.set(r.intent, (counts.get(r.intent) ?? 0) + 1);
    const withPrev = kept.filter((r) => r.prev !== undefined).length;
    const share = (n: number): string => (kept.length ? ((100 * n) / kept.length).toFixed(1) : '0.0');
    console.log(
      `\n${locale}: ${kept.length} messages (${duplicates} duplicates dropped), ${share(withPrev)} % with prev`,
    );
    for (const id of BUILT_IN_INTENT_IDS) {
      const n = counts.get(id) ?? 0;
      console.log(`  ${id.padEnd(28)}${String(n).padStart(5)}  ${share(n).padStart(5)} %`);
    }
  }
}

main();
