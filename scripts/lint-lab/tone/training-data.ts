/**
 * The rows the tone score is trained on (scripts/lint-lab/tone-model.ts), in the trainer's order,
 * and the fingerprint the shipped model records (`trainedOn` in rules/lint/tone-model.json): a
 * hash of every row's features and label and of the training settings and code. The shipped model
 * is what this code gives only while the two agree; test/lint/tone-model-fresh.test.ts checks it,
 * so a change to any data the trainer reads (a development set, a RuleTester table, a template, a
 * detector's counter-examples, the folding) asks for a retrain instead of leaving a model no one
 * can reproduce (it happened twice: 2026-12-07, sessions 28 and 29).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInReader } from '../../../src/lint/built-in-data.js';
import { forEachToneBucket } from '../../../src/lint/tone.js';
import { createAssistant } from '../../../src/assistant/index.js';
import { noForbiddenPhraseCases } from '../../../test/lint/cases/no-forbidden-phrase.js';
import { ruleCases } from '../../../test/lint/cases/index.js';
import { ruleOfFile } from '../tally.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** What the trainer reads, from the environment as the trainer documents it. */
export interface ToneSettings {
  /** Hash bits (`TONE_BITS`, 16). */
  bits: number;
  /** `norm` (the normalised text, shipped) or `skeleton` (`TONE_FEAT`). */
  feat: string;
  /** The rows of scripts/lint-lab/tone/ (`TONE_DATA=0` leaves them out). */
  extra: boolean;
  /** The other content rules' replies as negatives (`TONE_NEG=0` leaves them out). */
  otherRules: boolean;
  /** The project's own compliant replies as negatives (`TONE_OWN=0` leaves them out). */
  own: boolean;
  /** Largest share of held-out negatives the threshold lets through (`TONE_MAX_FP`, 0.001). */
  maxFp: number;
  /** Shuffled 5-fold passes pooled for the threshold (`TONE_CV_REPEATS`, 10). */
  cvRepeats: number;
  /** The shuffles' seed (`TONE_SEED`, 7). */
  seed: number;
  /** Weight levels each side of zero (`TONE_LEVELS`, 7). */
  levels: number;
}

export function toneSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): ToneSettings {
  return {
    bits: Number(env.TONE_BITS ?? 16),
    feat: env.TONE_FEAT ?? 'norm',
    extra: env.TONE_DATA !== '0',
    otherRules: env.TONE_NEG !== '0',
    own: env.TONE_OWN !== '0',
    maxFp: Number(env.TONE_MAX_FP ?? 0.001),
    cvRepeats: Number(env.TONE_CV_REPEATS ?? 10),
    seed: Number(env.TONE_SEED ?? 7),
    levels: Number(env.TONE_LEVELS ?? 7),
  };
}

export interface ToneRow {
  text: string;
  /** 1: rude. */
  y: 0 | 1;
}

export interface ToneRows {
  rows: ToneRow[];
  counts: { agentTurns: number; tone: number; otherRules: number; own: number };
}

const jsonLines = (path: string): Array<Record<string, unknown>> =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/**
 * The training rows: the forbidden-language development sets (rude replies and their twins; where
 * a writer's label disagrees with the rule's RuleTester table, the table decides), the agent turns
 * of the written intent conversations, the rows of scripts/lint-lab/tone/, the other content
 * rules' replies and the project's own compliant replies (see the trainer for why each).
 */
export function toneTrainingRows(settings: ToneSettings = toneSettingsFromEnv()): ToneRows {
  const rows: ToneRow[] = [];
  const validTexts = noForbiddenPhraseCases.valid.map((c) => (typeof c === 'string' ? c : c.text));
  const invalidTexts = noForbiddenPhraseCases.invalid.map((c) => c.text);
  const specValid = new Set(validTexts);
  const specInvalid = new Set(invalidTexts);
  const specLabel = (text: string, label: 0 | 1): 0 | 1 =>
    specValid.has(text) ? 0 : specInvalid.has(text) ? 1 : label;

  const dev = join(ROOT, 'scripts', 'lint-lab', 'dev');
  for (const name of readdirSync(dev)
    .sort()
    .filter((n) => n.endsWith('.jsonl') && ruleOfFile(n) === 'no-forbidden-phrase'))
    for (const r of jsonLines(join(dev, name))) {
      if (typeof r.text === 'string')
        rows.push({ text: r.text, y: specLabel(r.text, (r.rude ?? r.violation) === true ? 1 : 0) });
      if (typeof r.polite === 'string') rows.push({ text: r.polite, y: specLabel(r.polite, 0) });
    }

  const written = join(ROOT, 'rules', 'intents', 'written');
  const agentTurns = new Set<string>();
  for (const name of readdirSync(written)
    .sort()
    .filter((n) => n.endsWith('.jsonl')))
    for (const r of jsonLines(join(written, name))) if (typeof r.prev === 'string') agentTurns.add(r.prev);
  for (const text of agentTurns) rows.push({ text, y: 0 });

  let tone = 0;
  if (settings.extra) {
    const dir = join(ROOT, 'scripts', 'lint-lab', 'tone');
    for (const name of readdirSync(dir)
      .sort()
      .filter((n) => n.endsWith('.jsonl')))
      for (const r of jsonLines(join(dir, name)))
        for (const [text, y] of [
          [r.text, 0],
          [r.polite, 0],
          [r.rude, 1],
        ] as const)
          if (typeof text === 'string') {
            rows.push({ text, y });
            tone++;
          }
  }

  let otherRules = 0;
  if (settings.otherRules) {
    const texts = new Set<string>();
    for (const name of readdirSync(dev)
      .sort()
      .filter((n) => n.endsWith('.jsonl') && /^(offplatform|overpromise|pii)\./.test(n)))
      for (const r of jsonLines(join(dev, name))) texts.add(r.text as string);
    for (const id of [
      'shipping-wording',
      'unverified-shipping-claim',
      'no-overpromise',
      'no-pii-leak',
      'no-offplatform-contact',
    ]) {
      const cases = ruleCases[id]!;
      for (const c of [...cases.valid, ...cases.invalid]) texts.add(typeof c === 'string' ? c : c.text);
    }
    for (const text of texts) rows.push({ text, y: 0 });
    otherRules = texts.size;
  }

  let own = 0;
  if (settings.own) {
    const texts = new Set<string>();
    const assistant = createAssistant();
    for (const entry of assistant.templates.list())
      texts.add(
        assistant.render(entry.id, entry.example as Record<string, unknown>, { locale: entry.locale }),
      );
    const structure = JSON.parse(readFileSync(join(ROOT, 'rules', 'lint', 'structure.json'), 'utf8')) as {
      detectors: Array<{ counterExamples?: string[] }>;
    };
    for (const detector of structure.detectors)
      for (const text of detector.counterExamples ?? []) texts.add(text);
    for (const text of texts) rows.push({ text, y: 0 });
    own = texts.size;
  }
  // One canonical order (text, then label), which the trainer's seeded shuffles start from: the
  // model then depends on what the rows are, not on where they sit in their files (reordering a
  // RuleTester table must not change it).
  rows.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : a.y - b.y));
  return { rows, counts: { agentTurns: agentTurns.size, tone, otherRules, own } };
}

/**
 * The model's features of `text`: the runtime's own hashing (src/lint/tone.ts) of the text the
 * linter hands the rule (the reply's normalised text, as its skeleton reader folds it), each
 * bucket once. `feat: 'skeleton'` reads the skeleton instead (the first tries; it folds 您 into 你
 * and drops punctuation and particles: CV recall 0.49 vs 0.64 at 2^16, same data).
 */
export function toneFeatures(text: string, settings: Pick<ToneSettings, 'bits' | 'feat'>): Int32Array {
  const skeleton = builtInReader().skeletonOf(text);
  let units: Uint16Array;
  if (settings.feat === 'skeleton') {
    units = new Uint16Array(skeleton.text.length);
    for (let i = 0; i < units.length; i++) units[i] = skeleton.text.charCodeAt(i);
  } else units = skeleton.foldedCodes.slice(0, skeleton.foldedLength);
  const out = new Set<number>();
  forEachToneBucket(units, settings.bits, (b) => out.add(b));
  return Int32Array.from(out);
}

/**
 * What the shipped model was trained on: every row's features and label, the settings, and the
 * trainer's code (its learner and threshold choice), hashed (16 hex digits).
 */
export function toneFingerprint(
  rows: readonly ToneRow[],
  settings: ToneSettings = toneSettingsFromEnv(),
): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(settings));
  // Line endings do not change the code (a Windows checkout must not look stale).
  hash.update(
    readFileSync(join(ROOT, 'scripts', 'lint-lab', 'tone-model.ts'), 'utf8').replace(/\r\n/gu, '\n'),
  );
  for (const row of rows) {
    const features = toneFeatures(row.text, settings);
    hash.update(`${row.y}:${features.length}:`);
    hash.update(new Uint8Array(features.buffer, features.byteOffset, features.byteLength));
  }
  return hash.digest('hex').slice(0, 16);
}
