import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateTurns } from '../../bench/qa-export.js';
import { createAssistant } from '../../src/assistant/index.js';
import { complaintTrigger, createComplaintReader } from '../../src/qa/complaint.js';

// The QA checker reads a customer turn's complaint trigger without the rest of analyze()
// (createComplaintReader): it must say exactly what complaintTrigger(analyze(text)) says.

const assistant = createAssistant();
const fixtures = join(import.meta.dirname, 'conversations');
const customerTexts = [
  ...['zh-Hans', 'zh-Hant', 'en'].flatMap((locale) =>
    readFileSync(join(fixtures, `${locale}.jsonl`), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { role: string; text: string }),
  ),
  ...[...generateTurns(2000, 400, 11)].map((line) => JSON.parse(line) as { role: string; text: string }),
]
  .filter((record) => record.role !== 'agent' && record.role !== '客服')
  .map((record) => record.text);

describe('createComplaintReader', () => {
  it.each([0.5, 0.2, 0.9])(
    'agrees with complaintTrigger(analyze(text)) on written customer turns (anger ≥ %s)',
    (threshold) => {
      const read = createComplaintReader(threshold);
      let triggers = 0;
      for (const text of customerTexts) {
        const expected = complaintTrigger(assistant.analyze(text), threshold);
        if (expected !== undefined) triggers += 1;
        expect(read(text).complaint, text).toEqual(expected);
      }
      // The set has complaints, insults and anger as well as calm turns.
      expect(triggers).toBeGreaterThan(20);
      expect(triggers).toBeLessThan(customerTexts.length);
    },
  );

  it('agrees on free text made of complaint, anger, threat and calm fragments (property)', () => {
    const fragments = [
      '气死了',
      '太失望了',
      '我要投诉',
      '给差评',
      '12315',
      '垃圾',
      '你们怎么回事',
      '退款',
      '快递到哪了',
      '好的',
      '谢谢',
      '！！！',
      '???',
      'this is unacceptable',
      'I will report you',
      'where is my order',
      '怎么还没发货',
      '等了三天',
    ];
    const read = createComplaintReader(0.5);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 6 })), { maxLength: 6 }),
        (parts) => {
          const text = parts.join('');
          const reading = read(text);
          const analysis = assistant.analyze(text);
          expect(reading.complaint).toEqual(complaintTrigger(analysis, 0.5));
          expect(reading.intent()).toEqual({
            id: analysis.intent.id,
            confidence: analysis.intent.confidence,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses what analyze() refuses', () => {
    const read = createComplaintReader(0.5);
    expect(() => read(42 as unknown as string)).toThrow(/analyze\(text\)/);
  });
});
