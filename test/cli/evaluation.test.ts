import { describe, expect, it } from 'vitest';
import { HuashuError } from '../../src/errors.js';
import { parseEvaluationRows } from '../../src/cli/evaluation/rows.js';
import { scoreIntents } from '../../src/cli/evaluation/score.js';

describe('scoreIntents', () => {
  it('accuracy counts a prediction found anywhere in accept', () => {
    const report = scoreIntents([
      { accept: ['thanks', 'goodbye'], predicted: 'goodbye' },
      { accept: ['ack'], predicted: 'ack' },
      { accept: ['ack'], predicted: 'thanks' },
      { accept: ['invoice'], predicted: 'other' },
    ]);
    expect(report.rows).toBe(4);
    expect(report.correct).toBe(2);
    expect(report.accuracy).toBe(0.5);
  });

  it('a correct row is a TP of the prediction; a wrong one a FP of the prediction and a FN of accept[0]', () => {
    const report = scoreIntents([
      { accept: ['thanks', 'goodbye'], predicted: 'goodbye' }, // TP goodbye
      { accept: ['thanks', 'goodbye'], predicted: 'ack' }, // FP ack, FN thanks (not goodbye)
      { accept: ['ack'], predicted: 'ack' }, // TP ack
    ]);
    const by = Object.fromEntries(report.intents.map((s) => [s.intent, s]));
    expect(by.goodbye).toMatchObject({
      truePositives: 1,
      falsePositives: 0,
      falseNegatives: 0,
      support: 1,
      f1: 1,
    });
    expect(by.ack).toMatchObject({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 0,
      precision: 0.5,
      recall: 1,
    });
    expect(by.thanks).toMatchObject({
      truePositives: 0,
      falsePositives: 0,
      falseNegatives: 1,
      precision: 0,
      recall: 0,
      f1: 0,
    });
    // Macro-F1 averages every intent expected or predicted: goodbye 1, ack 2/3, thanks 0.
    expect(report.macroF1).toBeCloseTo((1 + 2 / 3 + 0) / 3, 10);
  });

  it('lists intents alphabetically and confusions by count, expected → predicted', () => {
    const report = scoreIntents([
      { accept: ['invoice'], predicted: 'other' },
      { accept: ['invoice'], predicted: 'other' },
      { accept: ['ack'], predicted: 'thanks' },
      { accept: ['ack'], predicted: 'ack' },
    ]);
    expect(report.intents.map((s) => s.intent)).toEqual(['ack', 'invoice', 'other', 'thanks']);
    expect(report.confusions).toEqual([
      { expected: 'invoice', predicted: 'other', count: 2 },
      { expected: 'ack', predicted: 'thanks', count: 1 },
    ]);
    expect(scoreIntents([{ accept: ['a'], predicted: 'b' }], 0).confusions).toEqual([]);
  });

  it('an empty set scores zero, without dividing by zero', () => {
    expect(scoreIntents([])).toMatchObject({ rows: 0, accuracy: 0, macroF1: 0, intents: [], confusions: [] });
  });
});

describe('parseEvaluationRows', () => {
  it.each([
    [
      'accept',
      '{"text":"好的","accept":["ack"],"prev_agent_turn":"是这个订单吗?"}',
      { text: '好的', accept: ['ack'], previousAgentMessage: '是这个订单吗?' },
    ],
    [
      'intent only',
      '{"text":"谢谢","intent":"thanks"}',
      { text: '谢谢', accept: ['thanks'], previousAgentMessage: null },
    ],
    [
      'extra fields',
      '{"text":"x","accept":["other","ack"],"intent":null,"secondary":[],"id":"r1"}',
      { text: 'x', accept: ['other', 'ack'], previousAgentMessage: null },
    ],
  ])('reads a row with %s', (_, line, expected) => {
    expect(parseEvaluationRows(`${line}\n\n`)).toEqual([expected]);
  });

  it.each([
    ['not JSON', '{"text": "a"', 'not valid JSON'],
    ['no label', '{"text":"a"}', 'a row needs "accept"'],
    ['empty accept and null intent', '{"text":"a","accept":[],"intent":null}', 'line 2.accept'],
    ['text not a string', '{"text":3,"intent":"ack"}', 'line 2.text'],
  ])('rejects %s with INVALID_INPUT naming the line', (_, line, fragment) => {
    const attempt = () => parseEvaluationRows(`{"text":"ok","intent":"ack"}\n${line}`);
    expect(attempt).toThrow(HuashuError);
    try {
      attempt();
    } catch (error) {
      expect((error as HuashuError).code).toBe('INVALID_INPUT');
      expect((error as HuashuError).issues.every((i) => i.path.startsWith('line 2'))).toBe(true);
      expect((error as HuashuError).message).toContain(fragment);
    }
  });

  it('lists every bad line, not only the first, and refuses an empty file', () => {
    try {
      parseEvaluationRows('{"text":1,"intent":"ack"}\n{"text":"fine","intent":"ack"}\n{');
      expect.unreachable();
    } catch (error) {
      expect((error as HuashuError).issues.map((i) => i.path)).toEqual(['line 1.text', 'line 3']);
    }
    expect(() => parseEvaluationRows('\n\n')).toThrow(/no rows/);
  });
});
