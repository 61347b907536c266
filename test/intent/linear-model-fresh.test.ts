import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHIPPED_MODEL_FILE, trainingFingerprint } from '../../scripts/intent-lab/settings.js';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';
import { builtInIntentModel } from '../../src/intent/built-in-model.js';
import { decodeLinearModel, type SerializedLinearModel } from '../../src/intent/linear-model.js';
import { normalize } from '../../src/normalize/index.js';

const shipped = JSON.parse(readFileSync(SHIPPED_MODEL_FILE, 'utf8')) as SerializedLinearModel;

describe('the shipped linear intent model (rules/intents/linear-model.json)', () => {
  it('was trained on the current training data and settings (else: npx tsx scripts/intent-lab/train.ts)', () => {
    expect(shipped.trainedOn).toBe(trainingFingerprint());
  });

  it('decodes, knows every built-in intent and fits the size budget', () => {
    const parts = decodeLinearModel(shipped);
    expect([...parts.intents].sort()).toEqual([...BUILT_IN_INTENT_IDS].sort());
    expect(readFileSync(SHIPPED_MODEL_FILE).length).toBeLessThan(300_000);
  });

  it.each(['我要退货', '發票抬頭寫錯了', 'where is my parcel', '', '[订单x]', 'x'.repeat(5000)])(
    'gives a probability distribution for %j',
    (text) => {
      const model = builtInIntentModel();
      const p = Array.from(model.predict(normalize(text)));
      expect(p).toHaveLength(model.intents.length);
      expect(p.every((x) => x >= 0 && x <= 1)).toBe(true);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      // The log-probabilities the classifier adds up are the logarithms of the same distribution.
      const logs = Array.from(model.logPredictText(normalize(text).text));
      logs.forEach((l, c) => expect(Math.exp(l)).toBeCloseTo(p[c]!, 12));
    },
  );

  it('explains a prediction with spans of the text that point to the intent', () => {
    const model = builtInIntentModel();
    const text = normalize('我要退货').text;
    model.logPredictText(text);
    const spans = model.explain(model.intents.indexOf('aftersale.return_exchange'), 3, 0.1);
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
      expect(s.weight).toBeGreaterThanOrEqual(0.1);
    }
    expect(spans.map((s) => text.slice(s.start, s.end)).join('')).toMatch(/退/u);
  });
});
