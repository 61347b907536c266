import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitPlatt, fitPlattWithShifts } from '../../scripts/intent-lab/calibration.js';
import {
  CALIBRATION_DIR,
  CALIBRATION_FILE,
  calibrationSamples,
  fitCalibration,
} from '../../scripts/intent-lab/calibrate.js';
import { parseEvaluationRows } from '../../src/cli/evaluation/rows.js';
import { intentCalibration } from '../../src/generated/intent-calibration.js';
import {
  calibrateConfidence,
  calibrationGroup,
  confidenceCalibrationSchema,
} from '../../src/intent/calibration.js';
import { createIntentClassifier } from '../../src/intent/classifier.js';
import { exampleModel } from '../../src/intent/example-model.js';
import { followsUpAgentTurn } from '../../src/intent/agent-turn.js';
import { normalize } from '../../src/normalize/index.js';
import { readMessage } from '../../src/text/message.js';

const stored = confidenceCalibrationSchema.parse(JSON.parse(readFileSync(CALIBRATION_FILE, 'utf8')));

describe('confidence calibration (Platt scaling)', () => {
  it.each([
    // confidence, slope, intercept, expected
    [0.5, 1, 0, 0.5],
    [0.9, 1, 0, 0.9],
    [0.9, 2, 0, 81 / 82], // logit doubles: odds 9 → 81
    [0.5, 1, Math.log(3), 0.75], // odds 1 → 3
    [0.9, 0.5, 0, 0.75], // odds 9 → 3
    [0, 1, 0, 1e-4], // kept off the edges
    [1, 1, 0, 1 - 1e-4],
  ])('calibrates %f with slope %f, intercept %f to %f', (confidence, slope, intercept, expected) => {
    expect(calibrateConfidence(confidence, { slope, intercept })).toBeCloseTo(expected, 9);
    // The agent-turn shift applies only after an agent turn.
    expect(calibrateConfidence(confidence, { slope, intercept, agentTurn: 2 }, false)).toBeCloseTo(
      expected,
      9,
    );
  });

  it.each([
    [0.5, 0, 0.5],
    [0.5, Math.log(3), 0.75],
    [0.9, -Math.log(9), 0.5],
  ])('after an agent turn, shifts %f by %f (log-odds) to %f', (confidence, agentTurn, expected) => {
    expect(calibrateConfidence(confidence, { slope: 1, intercept: 0, agentTurn }, true)).toBeCloseTo(
      expected,
      9,
    );
  });

  it('keeps confidences in [0, 1] and their order (a positive slope)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (a, b, slope, intercept) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const cLow = calibrateConfidence(low, { slope, intercept });
          const cHigh = calibrateConfidence(high, { slope, intercept });
          expect(cLow).toBeGreaterThanOrEqual(0);
          expect(cHigh).toBeLessThanOrEqual(1);
          expect(cLow).toBeLessThanOrEqual(cHigh);
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    [1.5, -0.4],
    [0.6, 0.3],
    [1, 0],
  ])('fitPlatt recovers slope %f and intercept %f from answers drawn with them', (slope, intercept) => {
    // Deterministic draws: confidences on a grid, correct in the share the true map gives.
    const samples: Array<{ confidence: number; correct: boolean }> = [];
    for (let k = 1; k < 100; k++) {
      const confidence = k / 100;
      const p = calibrateConfidence(confidence, { slope, intercept });
      const correct = Math.round(p * 400);
      for (let j = 0; j < 400; j++) samples.push({ confidence, correct: j < correct });
    }
    const fit = fitPlatt(samples);
    expect(fit.slope).toBeCloseTo(slope, 1);
    expect(fit.intercept).toBeCloseTo(intercept, 1);
  });

  it.each([
    ['other', 'other'],
    ['ack', 'ack'],
    ['order.logistics', 'request'],
    ['thanks', 'request'],
    ['shop.trade_in', 'request'],
  ])('calibrates %s with the %s map', (intent, group) => {
    expect(calibrationGroup(intent)).toBe(group);
  });

  it('fitPlattWithShifts recovers the shift of messages that follow an agent turn', () => {
    const samples: Array<{ confidence: number; correct: boolean; afterAgentTurn: boolean }> = [];
    for (const afterAgentTurn of [false, true])
      for (let k = 1; k < 100; k++) {
        const confidence = k / 100;
        const p = calibrateConfidence(
          confidence,
          { slope: 0.5, intercept: 0.2, agentTurn: -1.5 },
          afterAgentTurn,
        );
        const correct = Math.round(p * 400);
        for (let j = 0; j < 400; j++) samples.push({ confidence, correct: j < correct, afterAgentTurn });
      }
    const fit = fitPlattWithShifts(samples);
    expect(fit.slope).toBeCloseTo(0.5, 1);
    expect(fit.intercept).toBeCloseTo(0.2, 1);
    expect(fit.agentTurn).toBeCloseTo(-1.5, 1);
  });

  it('fitPlattWithShifts recovers both shifts, and leaves the long one at 0 without a long message', () => {
    const samples: Array<{ confidence: number; correct: boolean; afterAgentTurn: boolean; long: boolean }> =
      [];
    for (const afterAgentTurn of [false, true])
      for (const long of [false, true])
        for (let k = 1; k < 100; k++) {
          const confidence = k / 100;
          const map = { slope: 0.6, intercept: 0.3, agentTurn: 1.2, long: -1 };
          const correct = Math.round(calibrateConfidence(confidence, map, afterAgentTurn, long) * 400);
          for (let j = 0; j < 400; j++)
            samples.push({ confidence, correct: j < correct, afterAgentTurn, long });
        }
    const fit = fitPlattWithShifts(samples);
    expect(fit.slope).toBeCloseTo(0.6, 1);
    expect(fit.intercept).toBeCloseTo(0.3, 1);
    expect(fit.agentTurn).toBeCloseTo(1.2, 1);
    expect(fit.long).toBeCloseTo(-1, 1);
    expect(fitPlattWithShifts(samples.filter((s) => !s.long)).long).toBe(0);
  });

  it.each([
    [0.5, 0, 0.5],
    [0.5, Math.log(3), 0.75],
    [0.8, -Math.log(4), 0.5],
  ])(
    'a long message shifts %f by %f (log-odds) to %f; a short one is not shifted',
    (confidence, long, expected) => {
      expect(calibrateConfidence(confidence, { slope: 1, intercept: 0, long }, false, true)).toBeCloseTo(
        expected,
        9,
      );
      expect(calibrateConfidence(confidence, { slope: 1, intercept: 0, long }, false, false)).toBeCloseTo(
        confidence,
        9,
      );
    },
  );

  it('counts a row of weight 2 as two rows, and a row of weight 0 not at all', () => {
    const rows = Array.from({ length: 60 }, (_, k) => ({
      confidence: 0.2 + (k % 15) / 20,
      correct: k % 3 !== 0,
      afterAgentTurn: k % 2 === 0,
    }));
    const doubled = fitPlattWithShifts([...rows, ...rows.slice(0, 20)]);
    const weighted = fitPlattWithShifts(rows.map((r, k) => ({ ...r, weight: k < 20 ? 2 : 1 })));
    expect(weighted.slope).toBeCloseTo(doubled.slope, 6);
    expect(weighted.agentTurn).toBeCloseTo(doubled.agentTurn, 6);
    expect(weighted.intercept).toBeCloseTo(doubled.intercept, 6);
    const dropped = fitPlattWithShifts(rows.slice(20));
    const zero = fitPlattWithShifts(rows.map((r, k) => ({ ...r, weight: k < 20 ? 0 : 1 })));
    expect(zero.slope).toBeCloseTo(dropped.slope, 6);
    expect(zero.intercept).toBeCloseTo(dropped.intercept, 6);
  });

  it('refuses a map that is not increasing or out of range, naming the field', () => {
    expect(confidenceCalibrationSchema.safeParse(stored).success).toBe(true);
    for (const [path, value] of [
      [['groups', 'ack', 'slope'], 0],
      [['groups', 'other', 'slope'], -1],
      [['groups', 'request', 'intercept'], 80],
      [['groups', 'ack', 'agentTurn'], Number.NaN],
      [['method'], 'isotonic'],
    ] as const) {
      const bad = structuredClone(stored) as Record<string, unknown>;
      let target = bad;
      for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
      target[path[path.length - 1]!] = value;
      const result = confidenceCalibrationSchema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(path);
    }
  });
});

describe('the shipped calibration (rules/intents/calibration.json)', () => {
  it('is fitted on the current classifier and calibration rows (else: npx tsx scripts/intent-lab/calibrate.ts, then npm run gen)', () => {
    const { calibration } = fitCalibration();
    expect(calibration).toEqual(stored);
    expect(intentCalibration()).toEqual(stored);
  }, 60_000);

  it('weighs first messages written apart so that openings keep the share they have in the chats', () => {
    const { samples } = calibrationSamples();
    const size = new Map<string, number>();
    for (const s of samples) size.set(s.conversation, (size.get(s.conversation) ?? 0) + 1);
    const chats = samples.filter((s) => (size.get(s.conversation) ?? 0) > 1);
    const apart = samples.filter((s) => size.get(s.conversation) === 1);
    expect(apart.length).toBeGreaterThan(0);
    expect(apart.every((s) => s.opening)).toBe(true);
    const share = chats.filter((s) => s.opening).length / chats.length;
    const weight = (s: { weight?: number }) => s.weight ?? 1;
    const total = samples.reduce((sum, s) => sum + weight(s), 0);
    const openings = samples.filter((s) => s.opening).reduce((sum, s) => sum + weight(s), 0);
    expect(openings / total).toBeCloseTo(share, 9);
    // Only openings are weighted, all alike.
    expect(new Set(samples.filter((s) => s.opening).map(weight)).size).toBe(1);
    expect(samples.filter((s) => !s.opening).every((s) => weight(s) === 1)).toBe(true);
  }, 60_000);

  it("applies to the built-in model's primary intent: its confidence is the calibrated raw one; answers and other candidates unchanged", () => {
    const calibrated = createIntentClassifier();
    const raw = createIntentClassifier({}, { calibrated: false });
    for (const text of ['我要退货', '怎么还不发货啊', '在吗', '这个是正品吗', 'where is my parcel', '？？']) {
      const c = calibrated.classify(normalize(text));
      const r = raw.classify(normalize(text));
      expect(c.intent.id).toBe(r.intent.id);
      expect(c.intents.map((x) => x.id)).toEqual(r.intents.map((x) => x.id));
      const map = stored.groups[calibrationGroup(r.intent.id)];
      // The raw confidence is reported rounded to 0.001; near 1 that moves its calibration a little.
      expect(c.intent.confidence).toBeCloseTo(calibrateConfidence(r.intent.confidence, map), 1);
      expect(c.intents.filter((x) => x.id !== c.intent.id)).toEqual(
        r.intents.filter((x) => x.id !== r.intent.id),
      );
      for (const x of c.intents) if (x.id === c.intent.id) expect(x.confidence).toBe(c.intent.confidence);
    }
  });

  it('keeps every candidate but a surely read primary as the model gives it (all calibration rows)', () => {
    const calibrated = createIntentClassifier();
    const raw = createIntentClassifier({}, { calibrated: false });
    let unsureWithOther = 0;
    for (const file of readdirSync(CALIBRATION_DIR).filter((f) => f.endsWith('.jsonl')))
      for (const row of parseEvaluationRows(readFileSync(join(CALIBRATION_DIR, file), 'utf8'))) {
        const context =
          row.previousAgentMessage === null ? undefined : { previousAgentMessage: row.previousAgentMessage };
        const c = calibrated.classify(normalize(row.text), context);
        const r = raw.classify(normalize(row.text), context);
        expect(c.intent.id).toBe(r.intent.id);
        // An `other` given because no intent stood out is not the model's top candidate.
        const unsure = r.intent.id === 'other' && r.intents[0]?.id !== 'other';
        if (unsure && r.intents.some((x) => x.id === 'other')) unsureWithOther++;
        expect(c.intents.filter((x) => unsure || x.id !== c.intent.id)).toEqual(
          r.intents.filter((x) => unsure || x.id !== r.intent.id),
        );
      }
    expect(unsureWithOther).toBeGreaterThan(0);
  });

  it.each([
    ['我的快递怎么还没到', '亲，在的，请问有什么可以帮您？'],
    ['这个是正品吗', '您好，欢迎光临，有什么可以帮您的吗'],
    ['can I return this jacket', 'Hi there! How can I help you today?'],
  ])(
    'an agent turn that only greets or offers help does not shift %s (the customer starts afresh)',
    (text, opening) => {
      const calibrated = createIntentClassifier();
      const alone = calibrated.classify(normalize(text));
      const afterOpening = calibrated.classify(normalize(text), { previousAgentMessage: opening });
      expect(afterOpening.intent).toEqual(alone.intent);
    },
  );

  it('after an agent question, the agent-turn shift of the group applies', () => {
    const raw = createIntentClassifier({}, { calibrated: false });
    const calibrated = createIntentClassifier();
    const context = { previousAgentMessage: '麻烦提供一下订单号哦' };
    const r = raw.classify(normalize('好的'), context);
    const c = calibrated.classify(normalize('好的'), context);
    expect(r.intent.id).toBe('ack');
    const map = stored.groups.ack;
    expect(c.intent.confidence).toBeCloseTo(calibrateConfidence(r.intent.confidence, map, true), 1);
    expect(
      Math.abs(c.intent.confidence - calibrateConfidence(r.intent.confidence, map, false)),
    ).toBeGreaterThan(0.1);
  });

  it('does not apply to naive Bayes with user examples (the fit did not measure it)', () => {
    const options = { exampleModel, examples: [{ text: '以旧换新怎么算', intent: 'shop.trade_in' }] };
    const withExamples = createIntentClassifier(options).classify(normalize('我要退货'));
    const raw = createIntentClassifier(options, { calibrated: false }).classify(normalize('我要退货'));
    expect(withExamples).toEqual(raw);
  });
});

describe('long messages (more than LONG_MESSAGE_UNITS content units)', () => {
  const raw = createIntentClassifier({}, { calibrated: false });
  const calibrated = createIntentClassifier();
  it.each([
    ['我要退货', false],
    ['[订单x] 怎么还没发货', false],
    ['亲 我上周三买的那个电饭煲今天才到 打开一看内胆都凹进去了 你们发货前都不检查的吗 我要换一个新的', true],
    // English stop words (i, a, the, it…) are no content units: 27 words, fewer units.
    [
      'hi, i ordered a blue jacket last week and it came in green, the size is also wrong, what can i do about it please, thanks',
      false,
    ],
    [
      'hello team, ordered two wool jackets last tuesday, parcel arrived yesterday evening, both jackets came green instead of navy, sleeves too short, receipt attached, courier driver rude too, want replacement navy jackets shipped quickly or refund soon please',
      true,
    ],
  ])('%j is long: %s, and its confidence is mapped with the long shift only then', (text, long) => {
    const message = readMessage(text);
    const r = raw.classifyMessage(message);
    expect(r.longMessage).toBe(long);
    const c = calibrated.classifyMessage(readMessage(text));
    expect(c.intent.id).toBe(r.intent.id);
    const map = stored.groups[calibrationGroup(r.intent.id)];
    // Both confidences are rounded to three decimals; near 0 or 1 that moves the map's output a little.
    const expected = calibrateConfidence(
      r.intent.confidence,
      map,
      followsUpAgentTurn(r.previousAgentTurn),
      long,
    );
    expect(Math.abs(c.intent.confidence - expected)).toBeLessThan(0.01);
  });
});
