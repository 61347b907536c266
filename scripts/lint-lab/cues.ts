/**
 * The cues of `huashu qa`'s conversation checks (src/qa/cues.ts: the lint rules' phrases, less the
 * QA exclusions, plus rules/qa/cues.json) on labelled agent turns written blind to the phrase data:
 * offers of further help (scripts/lint-lab/offer-help/), apologies, satisfaction asks and greetings
 * (scripts/lint-lab/cues/; see the READMEs). Each set has a dev file, which may be read and whose
 * misses `--misses` shows, and a holdout file, which gives figures only.
 *
 *   npx tsx scripts/lint-lab/cues.ts [--misses] [further-help|apology|satisfaction-ask|greeting…]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CueReader } from '../../src/qa/cues.js';
import type { QaCue } from '../../src/qa/cue-schema.js';
import { noCounts, pct, type Counts } from './tally.js';

interface Row {
  locale: string;
  text: string;
  /** offer-help's files call the label `offer`. */
  label?: boolean;
  offer?: boolean;
}

/** Per cue: its dev and holdout files. */
const SETS: Record<string, { cue: QaCue; dev: string; holdout: string }> = {
  'further-help': { cue: 'further-help', dev: 'offer-help/dev.jsonl', holdout: 'offer-help/holdout.jsonl' },
  apology: { cue: 'apology', dev: 'cues/apology.dev.jsonl', holdout: 'cues/apology.holdout.jsonl' },
  'satisfaction-ask': {
    cue: 'satisfaction-ask',
    dev: 'cues/satisfaction.dev.jsonl',
    holdout: 'cues/satisfaction.holdout.jsonl',
  },
  greeting: { cue: 'greeting', dev: 'cues/greeting.dev.jsonl', holdout: 'cues/greeting.holdout.jsonl' },
};

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const chosen = args.filter((arg) => !arg.startsWith('--'));
const reader = new CueReader();

console.log('cue               file      locale    TP  FN  FP  TN  recall  precision');
for (const [name, set] of Object.entries(SETS)) {
  if (chosen.length > 0 && !chosen.includes(name)) continue;
  for (const kind of ['dev', 'holdout'] as const) {
    const path = join(import.meta.dirname, set[kind]);
    if (!existsSync(path)) continue;
    const rows = readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Row);
    const byLocale = new Map<string, Counts>();
    const all = noCounts();
    for (const row of rows) {
      const expected = row.label ?? row.offer ?? false;
      const found = reader.read(row.text).some((hit) => hit.cue === set.cue);
      const outcome = expected ? (found ? 'tp' : 'fn') : found ? 'fp' : 'tn';
      const counts = byLocale.get(row.locale) ?? noCounts();
      byLocale.set(row.locale, counts);
      for (const c of [counts, all]) c[outcome]++;
      if (showMisses && kind === 'dev' && found !== expected)
        console.log(`  ${expected ? 'missed' : 'false alarm'}\t${name}\t${row.locale}\t${row.text}`);
    }
    for (const [locale, c] of [...byLocale, ['all', all] as const])
      console.log(
        `${name.padEnd(17)} ${kind.padEnd(9)} ${locale.padEnd(8)} ${String(c.tp).padStart(3)} ${String(c.fn).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.tn).padStart(3)}  ${pct(c.tp, c.tp + c.fn).padStart(6)}  ${pct(c.tp, c.tp + c.fp).padStart(9)}`,
      );
  }
}
