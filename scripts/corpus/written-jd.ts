/**
 * Converts the hand-written lines of writer `jd` to JSONL and prints counts per intent.
 * It writes no text: every message is a line of `scripts/corpus/written-src/jd.<locale>.*.txt`.
 *
 * Source format: `@<intent id>` starts a section; each other non-empty line is one customer
 * message, optionally followed by ` || ` and the agent's previous message; `#` starts a comment line.
 *
 *   npx tsx scripts/corpus/written-jd.ts          # convert and print counts
 *   npx tsx scripts/corpus/written-jd.ts --check  # only print counts, write nothing
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SRC = join(ROOT, 'scripts/corpus/written-src');
const OUT = join(ROOT, 'rules/intents/written');
const LOCALES = ['zh-Hans', 'zh-Hant'] as const;
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
  const write = !process.argv.includes('--check');
  for (const locale of LOCALES) {
    const files = readdirSync(SRC)
      .filter((f) => f.startsWith(`jd.${locale}.`) && f.endsWith('.txt'))
      .sort();
    const rows = files.flatMap((f) => parse(join(SRC, f)));
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
