import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accuracyAtCoverage,
  calibrationReport,
  confusionMatrix,
  expectedCalibrationError,
} from '../../src/cli/evaluation/calibration.js';

const item = (confidence: number, correct: boolean) => ({ confidence, correct });

describe('calibration', () => {
  it.each([
    [
      'perfectly calibrated bins',
      [item(0.95, true), item(0.95, true), item(0.15, false), item(0.15, false)],
      0.1,
    ],
    ['always sure, half right', [item(1, true), item(1, false)], 0.5],
    ['sure and right', [item(1, true)], 0],
    ['unsure and right', [item(0, true)], 1],
    ['empty', [], 0],
  ])('ECE of %s', (_, items, expected) => {
    expect(expectedCalibrationError(items)).toBeCloseTo(expected, 10);
    expect(calibrationReport(items).ece).toBeCloseTo(expected, 10);
  });

  it.each([
    [0.5, 1],
    [0.75, 2 / 3],
    [1, 0.5],
  ])('accuracy on the surest %f share', (coverage, expected) => {
    const items = [item(0.9, true), item(0.2, false), item(0.8, true), item(0.3, false)];
    expect(accuracyAtCoverage(items, coverage)).toBeCloseTo(expected, 10);
  });

  it('bins cover [0, 1] in 10 steps and count every message once', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ confidence: fc.double({ min: 0, max: 1, noNaN: true }), correct: fc.boolean() }),
        ),
        (items) => {
          const report = calibrationReport(items);
          expect(report.bins).toHaveLength(10);
          expect(report.bins.reduce((n, b) => n + b.count, 0)).toBe(items.length);
          expect(report.ece).toBeGreaterThanOrEqual(0);
          expect(report.ece).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('confusion matrix: correct predictions on the diagonal, mistakes under accept[0]', () => {
    const matrix = confusionMatrix([
      { accept: ['a'], predicted: 'a' },
      { accept: ['a', 'b'], predicted: 'b' },
      { accept: ['a'], predicted: 'c' },
      { accept: ['c'], predicted: 'c' },
    ]);
    expect(matrix.labels).toEqual(['a', 'b', 'c']);
    expect(matrix.counts).toEqual([
      [1, 0, 1],
      [0, 1, 0],
      [0, 0, 1],
    ]);
  });
});
