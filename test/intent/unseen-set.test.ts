import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvaluationRows } from '../../src/cli/evaluation/rows.js';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';
import { parseHeldOut } from '../helpers/held-out-rows.js';

// The project's own unseen set (test/intent/unseen/*.jsonl, see its README): written by hand, never
// used for training or tuning. These tests check the files are well formed and as large as promised;
// they do not measure accuracy.

const dir = join(import.meta.dirname, 'unseen');

const MINIMUMS = {
  'zh-Hans': { rows: 1000, perIntent: 20 },
  'zh-Hant': { rows: 300, perIntent: 6 },
  en: { rows: 300, perIntent: 6 },
} as const;
type Locale = keyof typeof MINIMUMS;
const LOCALES = Object.keys(MINIMUMS) as Locale[];

function read(locale: Locale): string {
  return readFileSync(join(dir, `${locale}.jsonl`), 'utf8');
}

describe('parseHeldOut (the checker itself)', () => {
  const valid = { text: '好的', prev_agent_turn: '亲 麻烦提供下订单号', accept: ['ack'], intent: 'ack' };
  it.each([
    ['a plain row', valid],
    [
      'two accepted ids, intent null',
      { ...valid, accept: ['aftersale.refund', 'order.cancel'], intent: null },
    ],
    ['a note and a known placeholder', { ...valid, text: '[订单x] [金额x]', note: '订单号' }],
    ['no agent turn', { ...valid, prev_agent_turn: null }],
  ])('accepts %s', (_name, row) => {
    expect(parseHeldOut(JSON.stringify(row)).problems).toEqual([]);
  });

  it.each([
    ['an unknown id', { ...valid, accept: ['order.track'], intent: 'order.track' }],
    ['intent outside accept', { ...valid, intent: 'thanks' }],
    ['intent that is not accept[0]', { ...valid, accept: ['thanks', 'ack'], intent: 'ack' }],
    ['intent null with one id', { ...valid, intent: null }],
    ['an empty text', { ...valid, text: '  ' }],
    ['an empty accept', { ...valid, accept: [], intent: null }],
    ['a repeated id', { ...valid, accept: ['ack', 'ack'] }],
    ['an unknown field', { ...valid, secondary: ['thanks'] }],
    ['a missing agent-turn field', { text: '好的', accept: ['ack'], intent: 'ack' }],
    ['a misspelt placeholder', { ...valid, text: '[订单X] 到哪了 [单号x]' }],
  ])('rejects %s', (_name, row) => {
    expect(parseHeldOut(JSON.stringify(row)).problems).toHaveLength(1);
  });

  it('rejects a line that is not JSON', () => {
    expect(parseHeldOut('{"text": "好的",').problems).toEqual(['line 1: not JSON']);
  });
});

describe.each(LOCALES)('unseen set %s', (locale) => {
  const jsonl = read(locale);
  const { rows, problems } = parseHeldOut(jsonl);
  const minimum = MINIMUMS[locale];

  it('every line is a valid row', () => {
    expect(problems).toEqual([]);
  });

  it('is readable by the evaluation loader (huashu eval)', () => {
    expect(parseEvaluationRows(jsonl)).toHaveLength(rows.length);
  });

  it(`has at least ${minimum.rows} rows, no text twice`, () => {
    expect(rows.length).toBeGreaterThanOrEqual(minimum.rows);
    const seen = new Set<string>();
    const duplicates = rows.map((row) => row.text.trim()).filter((text) => seen.size === seen.add(text).size);
    expect(duplicates).toEqual([]);
  });

  it(`has at least ${minimum.perIntent} rows whose best id is each built-in intent`, () => {
    const short = BUILT_IN_INTENT_IDS.filter(
      (id) => rows.filter((row) => row.intent === id).length < minimum.perIntent,
    );
    expect(short).toEqual([]);
  });

  it('gives the agent turn for 30–45 % of rows, as chats do', () => {
    const share = rows.filter((row) => row.prev_agent_turn !== null).length / rows.length;
    expect(share).toBeGreaterThanOrEqual(0.3);
    expect(share).toBeLessThanOrEqual(0.45);
  });
});
