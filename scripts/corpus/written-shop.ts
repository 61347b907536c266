/**
 * Converts the hand-written lines of writer `shop` (marketplace-shop buyers: Taobao / Tmall /
 * Pinduoduo / Douyin shops in zh-Hans, Shopify / Etsy / Amazon sellers in en) to JSONL and prints
 * counts per intent. It writes no text: every message is a line of
 * `scripts/corpus/written-src/shop.<locale>.<nn>.txt`.
 *
 * Source format: `@<intent id>` starts a section; each other non-empty line is one customer
 * message, optionally followed by ` || ` and the agent's previous message; `#` starts a comment.
 *
 *   npx tsx scripts/corpus/written-shop.ts          # convert and print counts
 *   npx tsx scripts/corpus/written-shop.ts --check  # only print counts, write nothing
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'scripts/corpus/written-src');
const OUT = join(ROOT, 'rules/intents/written');
const LOCALES = ['zh-Hans', 'en'] as const;
const IDS = new Set<string>(BUILT_IN_INTENT_IDS);

interface Row {
  text: string;
  intent: string;
  prev?: string;
}

function parse(file: string): Row[] {
  const rows: Row[] = [];
  let intent: string | undefined;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const where = `${file}:${i + 1}`;
      if (line.startsWith('@')) {
        intent = line.slice(1).trim();
        if (!IDS.has(intent)) throw new Error(`${where}: unknown intent id "${intent}"`);
        return;
      }
      if (intent === undefined) throw new Error(`${where}: message before any @intent line`);
      const [text, prev, extra] = line.split(' || ').map((s) => s.trim());
      if (!text || extra !== undefined || prev === '') throw new Error(`${where}: malformed line`);
      rows.push(prev === undefined ? { text, intent } : { text, intent, prev });
    });
  return rows;
}

function main(): void {
  const check = process.argv.includes('--check');
  const files = readdirSync(SRC).sort();
  for (const locale of LOCALES) {
    const mine = files.filter((f) => f.startsWith(`shop.${locale}.`) && f.endsWith('.txt'));
    const rows = mine.flatMap((f) => parse(join(SRC, f)));
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
