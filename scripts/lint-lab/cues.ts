/**
 * The cues of `huashu qa`'s conversation checks (src/qa/cues.ts: the lint rules' phrases, less the
 * QA exclusions, plus rules/qa/cues.json) on labelled agent turns written blind to the phrase data:
 * offers of further help (scripts/lint-lab/offer-help/), apologies, satisfaction asks, greetings and
 * after-sales resolutions in agent turns, and closings in customer turns (scripts/lint-lab/cues/;
 * see the READMEs). A closing is read as `huashu qa` reads it: its closing words, else its intent.
 * Each set has a dev file, which may be read and whose misses `--misses` shows, and a holdout file,
 * which gives figures only.
 *
 *   npx tsx scripts/lint-lab/cues.ts [--misses] [--totals] [further-help|apology|satisfaction-ask|greeting|resolution|closing…]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isClosingCustomerTurn } from '../../src/qa/closing.js';
import { createComplaintReader } from '../../src/qa/complaint.js';
import { CueReader } from '../../src/qa/cues.js';
import type { QaCue } from '../../src/qa/cue-schema.js';
import { countsColumns, noCounts, outcomeOf, type Counts } from './tally.js';

interface Row {
  locale: string;
  text: string;
  /** offer-help's files call the label `offer`. */
  label?: boolean;
  offer?: boolean;
}

/**
 * Per cue: its files, under this directory unless absolute. `dev`, `wide` (written on
 * 2026-12-07 by two helpers who imagined 24 agents' chats, scripts/lint-lab/cues/wide/) and `wide2`
 * (a third helper's inventory of wordings, the same directory) may be read row by row; `holdout` and `holdout2` (test/qa/cue-holdout/, written the same day as a QA
 * inspectors' calibration exam) give figures only.
 */
const SETS: Record<string, { cue: QaCue; dev: string; holdout: string; file: string }> = {
  'further-help': {
    cue: 'further-help',
    dev: 'offer-help/dev.jsonl',
    holdout: 'offer-help/holdout.jsonl',
    file: 'further-help',
  },
  apology: {
    cue: 'apology',
    dev: 'cues/apology.dev.jsonl',
    holdout: 'cues/apology.holdout.jsonl',
    file: 'apology',
  },
  'satisfaction-ask': {
    cue: 'satisfaction-ask',
    dev: 'cues/satisfaction.dev.jsonl',
    holdout: 'cues/satisfaction.holdout.jsonl',
    file: 'satisfaction',
  },
  greeting: {
    cue: 'greeting',
    dev: 'cues/greeting.dev.jsonl',
    holdout: 'cues/greeting.holdout.jsonl',
    file: 'greeting',
  },
  resolution: {
    cue: 'resolution',
    dev: 'cues/resolution.dev.jsonl',
    holdout: 'cues/resolution.holdout.jsonl',
    file: 'resolution',
  },
  closing: {
    cue: 'closing',
    dev: 'cues/closing.dev.jsonl',
    holdout: 'cues/closing.holdout.jsonl',
    file: 'closing',
  },
};

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const totalsOnly = args.includes('--totals');
const KINDS = ['dev', 'wide', 'wide2', 'holdout', 'holdout2'] as const;
/** Whether a kind's rows may be printed. */
const readable = (kind: (typeof KINDS)[number]) => kind === 'dev' || kind === 'wide' || kind === 'wide2';
function pathOf(set: (typeof SETS)[string], kind: (typeof KINDS)[number]): string {
  if (kind === 'wide') return join(import.meta.dirname, 'cues', 'wide', `${set.file}.dev.jsonl`);
  if (kind === 'wide2') return join(import.meta.dirname, 'cues', 'wide', `${set.file}.dev2.jsonl`);
  if (kind === 'holdout2')
    return join(import.meta.dirname, '..', '..', 'test', 'qa', 'cue-holdout', `${set.file}.jsonl`);
  return join(import.meta.dirname, set[kind]);
}
const chosen = args.filter((arg) => !arg.startsWith('--'));
const reader = new CueReader();
// The turn's intent and complaint trigger, at huashu qa's default anger threshold.
const readCustomerTurn = createComplaintReader(0.5);

/** Whether the set's cue is in the turn; a closing is the whole customer turn's reading. */
function found(cue: QaCue, text: string): boolean {
  if (cue === 'closing')
    return isClosingCustomerTurn(text, reader.readCustomerTurn(text), readCustomerTurn(text));
  return reader.read(text).some((hit) => hit.cue === cue);
}

console.log('cue               file      locale    TP  FN  FP  TN  recall  precision');
for (const [name, set] of Object.entries(SETS)) {
  if (chosen.length > 0 && !chosen.includes(name)) continue;
  for (const kind of KINDS) {
    const path = pathOf(set, kind);
    if (!existsSync(path)) continue;
    const rows = readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Row);
    const byLocale = new Map<string, Counts>();
    const all = noCounts();
    for (const row of rows) {
      const expected = row.label ?? row.offer ?? false;
      const hit = found(set.cue, row.text);
      const outcome = outcomeOf(expected, hit);
      const counts = byLocale.get(row.locale) ?? noCounts();
      byLocale.set(row.locale, counts);
      for (const c of [counts, all]) c[outcome]++;
      if (showMisses && readable(kind) && hit !== expected)
        console.log(`  ${expected ? 'missed' : 'false alarm'}\t${name}\t${kind}\t${row.locale}\t${row.text}`);
    }
    for (const [locale, c] of totalsOnly ? [['all', all] as const] : [...byLocale, ['all', all] as const])
      console.log(`${name.padEnd(17)} ${kind.padEnd(9)} ${locale.padEnd(8)} ${countsColumns(c)}`);
  }
}
