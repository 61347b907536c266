/** Settings shared by tune.ts and compare.ts. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FeatureFamily as F } from '../../src/intent/linear-features.js';
import { generatedDir, LOCALES } from './data.js';
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
