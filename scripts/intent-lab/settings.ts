/** Settings shared by tune.ts and compare.ts. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FeatureFamily as F } from '../../src/intent/linear-features.js';
import { generatedDir, loadTrainingRows, LOCALES, ROOT, WRITTEN_DIR, type TrainingRow } from './data.js';
import { buildResources, type Resources } from './dataset.js';
import { featuresFingerprint, type Variant } from './experiment.js';
/** Shipped model budget: 300 KB of base64 text. */
export const SIZE_BUDGET = 300_000;
export const CHOSEN_FILE = join(import.meta.dirname, 'chosen.json');

export const BASE_FAMILIES =
  F.CharGrams |
  F.Words |
  F.Placeholders |
  F.DigitShape |
  F.Length |
  F.Punctuation |
  F.AgentTurn |
  F.AgentGrams;

export function fingerprint(): Record<string, string | number> {
  const out: Record<string, string | number> = { generated: generatedDir() };
  for (const locale of LOCALES) {
    const file = join(generatedDir(), `${locale}.jsonl`);
    out[locale] = existsSync(file)
      ? createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16)
      : 'missing';
  }
  return out;
}

/** The shipped linear model: trained by train.ts, read by the build step (scripts/data/intents.ts). */
export const SHIPPED_MODEL_FILE = join(ROOT, 'rules', 'intents', 'linear-model.json');

/**
 * One hash of everything the shipped model is trained from: the hand-written, generated and written
 * corpora, the chosen settings, the learner's code (trainers.ts, pack.ts), and the features every
 * training row gets from today's code (`featuresFingerprint`: a change to normalize, the
 * placeholder or agent-turn reader, the patterns or the extractor shows there, however it is made,
 * and a comment does not). The model records it, and a test fails when any of it changed and the
 * model was not retrained.
 */
export function trainingFingerprint(
  rows: readonly TrainingRow[] = loadTrainingRows(),
  resources: Resources = buildResources(rows.map((r) => r.text)),
): string {
  const hash = createHash('sha256');
  const files = [
    ...LOCALES.map((l) => join(ROOT, 'rules', 'intents', `corpus.${l}.json`)),
    ...LOCALES.map((l) => join(generatedDir(), `${l}.jsonl`)),
    ...readdirSync(WRITTEN_DIR)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .map((f) => join(WRITTEN_DIR, f)),
    CHOSEN_FILE,
    join(import.meta.dirname, 'trainers.ts'),
    join(import.meta.dirname, 'pack.ts'),
  ];
  for (const file of files) {
    hash.update(file.slice(ROOT.length));
    // Line endings do not change the data (a Windows checkout must not look stale).
    hash.update(existsSync(file) ? readFileSync(file, 'utf8').replace(/\r\n/gu, '\n') : 'missing');
  }
  hash.update(featuresFingerprint(chosenVariant('lr'), rows, resources));
  return hash.digest('hex').slice(0, 16);
}

/** The variant of a learner in chosen.json (written by tune.ts). */
export function chosenVariant(learner: string): Variant {
  const chosen = JSON.parse(readFileSync(CHOSEN_FILE, 'utf8')) as Record<
    string,
    { variant: Variant } | undefined
  >;
  const variant = chosen[learner]?.variant;
  if (!variant) throw new Error(`no "${learner}" in ${CHOSEN_FILE}: run tune.ts first`);
  return variant;
}
