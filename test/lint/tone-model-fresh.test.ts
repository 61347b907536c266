import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  toneFingerprint,
  toneSettingsFromEnv,
  toneTrainingRows,
} from '../../scripts/lint-lab/tone/training-data.js';

const MODEL_FILE = join(import.meta.dirname, '..', '..', 'rules', 'lint', 'tone-model.json');

describe('the shipped tone model (rules/lint/tone-model.json)', () => {
  it('was trained on the current data, settings and trainer (else: npx tsx scripts/lint-lab/tone-model.ts --out rules/lint/tone-model.json)', () => {
    const shipped = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as { trainedOn?: string };
    // The shipped settings: the trainer's defaults, whatever this process's environment says.
    const settings = toneSettingsFromEnv({});
    expect(shipped.trainedOn).toBe(toneFingerprint(toneTrainingRows(settings).rows, settings));
  }, 60_000);

  it('changes its fingerprint when a row, a label or a setting changes', () => {
    const settings = toneSettingsFromEnv({});
    const rows = [
      { text: '亲，这边帮您查一下', y: 0 as const },
      { text: '自己不会看吗', y: 1 as const },
    ];
    const base = toneFingerprint(rows, settings);
    expect(toneFingerprint(rows, settings)).toBe(base);
    expect(toneFingerprint([rows[0]!, { ...rows[1]!, y: 0 }], settings)).not.toBe(base);
    expect(toneFingerprint([rows[0]!, { ...rows[1]!, text: '自己不会看么' }], settings)).not.toBe(base);
    expect(toneFingerprint(rows, { ...settings, maxFp: 0.002 })).not.toBe(base);
    expect(toneFingerprint(rows.slice(0, 1), settings)).not.toBe(base);
  });
});
