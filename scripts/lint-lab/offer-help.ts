/**
 * The further-help cue of `huashu qa` (offers of further help in an agent turn: the lint rule's
 * further-help phrases, less the QA exclusions, plus rules/qa/cues.json) on the labelled agent
 * turns of scripts/lint-lab/offer-help/ (see its README): written blind to the phrase data.
 * `dev.jsonl` may be read and its misses shown; `holdout.jsonl` gives figures only.
 *
 *   npx tsx scripts/lint-lab/offer-help.ts            # recall and precision per file × locale
 *   npx tsx scripts/lint-lab/offer-help.ts --misses   # also the dev file's misses and false alarms
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CueReader } from '../../src/qa/cues.js';
import { noCounts, pct, type Counts } from './tally.js';

interface Row {
  locale: string;
  text: string;
  offer: boolean;
}

const DIR = join(import.meta.dirname, 'offer-help');
const showMisses = process.argv.includes('--misses');
const reader = new CueReader();

console.log('file           locale    TP  FN  FP  TN  recall  precision');
for (const file of ['dev', 'holdout']) {
  const rows = readFileSync(join(DIR, `${file}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Row);
  const byLocale = new Map<string, Counts>();
  const all = noCounts();
  for (const row of rows) {
    const found = reader.read(row.text).some((hit) => hit.cue === 'further-help');
    const counts = byLocale.get(row.locale) ?? noCounts();
    byLocale.set(row.locale, counts);
    const outcome = row.offer ? (found ? 'tp' : 'fn') : found ? 'fp' : 'tn';
    for (const c of [counts, all]) c[outcome]++;
    if (showMisses && file === 'dev' && found !== row.offer)
      console.log(`  ${row.offer ? 'missed' : 'false alarm'}\t${row.locale}\t${row.text}`);
  }
  for (const [locale, c] of [...byLocale, ['all', all] as const])
    console.log(
      `${file.padEnd(14)} ${locale.padEnd(8)} ${String(c.tp).padStart(3)} ${String(c.fn).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.tn).padStart(3)}  ${pct(c.tp, c.tp + c.fn).padStart(6)}  ${pct(c.tp, c.tp + c.fp).padStart(9)}`,
    );
}
