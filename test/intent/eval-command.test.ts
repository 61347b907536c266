import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/index.js';
import type { EvaluationOutput } from '../../src/cli/commands/eval.js';
import { fakeIo } from '../helpers/fake-io.js';

const dir = mkdtempSync(join(tmpdir(), 'huashu-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rows = [
  { text: '我要退货', accept: ['aftersale.return_exchange'] },
  { text: '好的', accept: ['ack'], prev_agent_turn: '请问是这个订单吗?' },
  { text: '发票抬头写错了', intent: 'invoice' },
  { text: '今天天气真好呀', accept: ['thanks'] },
];
writeFileSync(join(dir, 'small.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n'));
writeFileSync(join(dir, 'bad.jsonl'), '{"text":"a"}\nnot json\n');

async function run(args: string[]) {
  const io = fakeIo('', { cwd: dir });
  const code = await execute(['eval', ...args], io.io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('huashu eval', () => {
  it('scores a file as JSON: accuracy, macro-F1, per intent with support, confusions', async () => {
    const { code, stdout } = await run(['small.jsonl', '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as EvaluationOutput;
    expect(report).toMatchObject({
      file: 'small.jsonl',
      classifier: 'default',
      rows: 4,
      correct: 3,
      accuracy: 0.75,
    });
    expect(report.confusions).toEqual([
      { expected: 'thanks', predicted: report.confusions[0]!.predicted, count: 1 },
    ]);
    expect(report.intents.find((s) => s.intent === 'invoice')).toMatchObject({
      support: 1,
      precision: 1,
      recall: 1,
      f1: 1,
    });
    expect(report.microsecondsPerMessage).toBeGreaterThan(0);
  });

  it('reports calibration (ECE, accuracy by coverage) and the confusion matrix', async () => {
    const report = JSON.parse((await run(['small.jsonl', '--format', 'json'])).stdout) as EvaluationOutput;
    expect(report.calibration.bins).toHaveLength(10);
    expect(report.calibration.bins.reduce((n, b) => n + b.count, 0)).toBe(4);
    expect(report.calibration.accuracyAtCoverage['100']).toBe(0.75);
    expect(report.matrix.labels).toContain('thanks');
    expect(report.matrix.counts.flat().reduce((a, b) => a + b, 0)).toBe(4);
    const pretty = (await run(['small.jsonl', '--format', 'pretty', '--matrix'])).stdout;
    expect(pretty).toMatch(/ECE {7}\d\.\d{3}/u);
    expect(pretty).toContain('Confusion matrix (rows: expected');
  });

  it('prints a table with --format pretty', async () => {
    const { code, stdout } = await run(['small.jsonl', '--format', 'pretty']);
    expect(code).toBe(0);
    expect(stdout).toContain('accuracy  75.0% (3/4)');
    expect(stdout).toMatch(/invoice\s+100\.0%\s+100\.0%\s+100\.0%\s+1/);
    expect(stdout).toContain('Top confusions (expected → predicted):');
  });

  it('exits 1 below --min-accuracy or --min-macro-f1, 0 at or above', async () => {
    expect((await run(['small.jsonl', '--min-accuracy', '0.8'])).code).toBe(1);
    expect((await run(['small.jsonl', '--min-accuracy', '0.75'])).code).toBe(0);
    expect((await run(['small.jsonl', '--min-macro-f1', '1'])).code).toBe(1);
  });

  it.each([
    [[], 'one JSONL file'],
    [['small.jsonl', '--format', 'xml'], '--format must be json or pretty'],
    [['small.jsonl', '--classifier', 'bert'], '--classifier must be default or natural'],
    [['small.jsonl', '--min-accuracy', '2'], '--min-accuracy must be a number from 0 to 1'],
  ])('usage errors exit 2 (%j)', async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('bad rows and missing files exit 2 with what to fix', async () => {
    const bad = await run(['bad.jsonl']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('INVALID_INPUT');
    expect(bad.stderr).toContain('line 1');
    expect(bad.stderr).toContain('line 2');
    const missing = await run(['nope.jsonl']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read nope.jsonl');
  });
});
