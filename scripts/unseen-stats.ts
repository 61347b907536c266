/**
 * Prints the counts of the project's own unseen intent set (test/intent/unseen/*.jsonl) as the
 * Markdown tables of its README: rows per locale, rows with an agent turn, ambiguous rows, and rows
 * per intent. Usage: npx tsx scripts/unseen-stats.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_INTENT_IDS } from '../src/intent/ids.js';

const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
const dir = join(import.meta.dirname, '..', 'test', 'intent', 'unseen');

interface UnseenRow {
  text: string;
  prev_agent_turn: string | null;
  accept: string[];
  intent: string | null;
}

const rowsByLocale = new Map(
  LOCALES.map((locale) => [
    locale,
    readFileSync(join(dir, `${locale}.jsonl`), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as UnseenRow),
  ]),
);

function share(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`;
}

const summary = [
  '| locale | rows | with agent turn | two accepted ids | intent null |',
  '|---|---:|---:|---:|---:|',
];
for (const [locale, rows] of rowsByLocale) {
  const withTurn = rows.filter((row) => row.prev_agent_turn !== null).length;
  const twoIds = rows.filter((row) => row.accept.length > 1).length;
  const noIntent = rows.filter((row) => row.intent === null).length;
  summary.push(
    `| ${locale} | ${rows.length} | ${withTurn} (${share(withTurn, rows.length)}) | ${twoIds} | ${noIntent} |`,
  );
}

// Per intent: rows whose best id is the intent, and (in brackets) rows that accept it at all.
const perIntent = [`| intent | ${LOCALES.join(' | ')} |`, `|---|${LOCALES.map(() => '---:').join('|')}|`];
for (const id of BUILT_IN_INTENT_IDS) {
  const cells = LOCALES.map((locale) => {
    const rows = rowsByLocale.get(locale) ?? [];
    const best = rows.filter((row) => row.intent === id).length;
    const accepted = rows.filter((row) => row.accept.includes(id)).length;
    return `${best} (${accepted})`;
  });
  perIntent.push(`| ${id} | ${cells.join(' | ')} |`);
}
perIntent.push(
  `| *null (ambiguous)* | ${LOCALES.map((locale) => (rowsByLocale.get(locale) ?? []).filter((row) => row.intent === null).length).join(' | ')} |`,
);

console.log(summary.join('\n'));
console.log();
console.log('Rows per intent: best id (rows whose `accept` contains it).');
console.log();
console.log(perIntent.join('\n'));
