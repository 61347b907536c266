/**
 * The classifier's steps, each on its own (src/intent/score-math.ts, conversation-context.ts,
 * clauses.ts): the arithmetic of score rows, the context's vote and follow-up weight, and how the
 * clauses of a message promote a request. The classifier's own tests check them assembled.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AgentTurn, agentTurnKind } from '../../src/intent/agent-turn.js';
import { readClauses, type ClauseScores } from '../../src/intent/clauses.js';
import {
  ACK_DATA_WITH_WORDS,
  followUpWeight,
  isDataOnly,
  voteFromContext,
  type ContextVote,
} from '../../src/intent/conversation-context.js';
import { extractFeatures, FeatureBuffer } from '../../src/intent/features.js';
import { REQUEST_PRECEDENCE } from '../../src/intent/ids.js';
import { logSumExp, rankTop, softmaxInto, winnerProbability } from '../../src/intent/score-math.js';
import { normalize } from '../../src/normalize/index.js';

const scoreRows = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 40 });

describe('score math', () => {
  it('softmaxInto gives probabilities that sum to 1, in the order of the scores', () => {
    fc.assert(
      fc.property(scoreRows, (values) => {
        const row = Float64Array.from(values);
        const out = new Float64Array(values.length);
        softmaxInto(row, 0, values.length, out);
        expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
        for (let i = 0; i < values.length; i++)
          for (let j = 0; j < values.length; j++)
            if ((values[i] ?? 0) > (values[j] ?? 0)) expect(out[i]).toBeGreaterThanOrEqual(out[j] ?? 0);
      }),
    );
  });

  it('winnerProbability is the softmax of the row maximum; logSumExp its normaliser', () => {
    fc.assert(
      fc.property(scoreRows, (values) => {
        const row = Float64Array.from(values);
        const out = new Float64Array(values.length);
        softmaxInto(row, 0, values.length, out);
        const top = Math.max(...values);
        expect(winnerProbability(row, 0, values.length, top)).toBeCloseTo(Math.max(...out), 9);
        expect(Math.exp(top - logSumExp(row, 0, values.length))).toBeCloseTo(Math.max(...out), 9);
      }),
    );
  });

  it('reads a row at an offset (one row per clause)', () => {
    const rows = Float64Array.from([9, 9, 9, 0, 2, 0]);
    const out = new Float64Array(3);
    softmaxInto(rows, 3, 3, out);
    expect(out[1]).toBeGreaterThan(0.7);
    expect(out[0]).toBeCloseTo(out[2] ?? 0, 12);
  });

  it('rankTop lists the best entries best first, as a sort would', () => {
    fc.assert(
      fc.property(scoreRows, fc.integer({ min: 1, max: 8 }), (values, size) => {
        const order = new Int32Array(size);
        const ranked = rankTop(Float64Array.from(values), values.length, order);
        const sorted = values
          .map((v, i) => [v, i] as const)
          .sort((a, b) => b[0] - a[0])
          .slice(0, size);
        expect(ranked).toBe(Math.min(size, values.length));
        // Ties may come in either order; the scores listed must be the sorted scores.
        expect(Array.from(order.subarray(0, ranked), (i) => values[i])).toEqual(sorted.map(([v]) => v));
      }),
    );
  });
});

describe('conversation context', () => {
  const TURNS = [
    AgentTurn.None,
    AgentTurn.Statement,
    AgentTurn.Question,
    AgentTurn.AskedForData,
    AgentTurn.AskedAnythingElse,
    AgentTurn.Opening,
  ];
  /** The agent turn of a reported kind ('none': no agent turn). */
  const turnOf = (kind: string): AgentTurn => TURNS.find((t) => (agentTurnKind(t) ?? 'none') === kind)!;
  const INTENTS = { ack: 1, goodbye: 3, other: 0 };
  const featuresOf = (text: string): [string, FeatureBuffer] => {
    const folded = normalize(text).text;
    const buffer = new FeatureBuffer();
    extractFeatures(folded, null, buffer);
    return [folded, buffer];
  };
  const voteOf = (text: string, turn: AgentTurn, labels: readonly string[] = ['单号']): ContextVote => {
    const [folded, features] = featuresOf(text);
    const vote: ContextVote = { intent: -2, weight: -1, note: 'stale' };
    voteFromContext(
      vote,
      folded,
      features,
      isDataOnly(folded, features, null, new Set(labels)),
      turn,
      INTENTS,
    );
    return vote;
  };

  it.each([
    // text, the agent's turn, the intent voted for (-1: none), its note
    ['[订单x]', 'asked_for_data', 1, 'data given after the agent asked'],
    ['[订单x]', 'statement', 1, 'data given after the agent spoke'],
    ['[订单x]', 'none', 0, 'only data, no request'],
    ['单号[数字x]', 'question', 1, 'data given after the agent asked'],
    ['[数字x] 谢谢', 'asked_for_data', 1, 'data given after the agent asked for it'],
    ['没有了', 'asked_anything_else', 3, 'nothing else after the agent asked'],
    ['好的', 'question', 1, 'short answer after the agent asked'],
    ['好的', 'statement', 1, 'short answer after the agent spoke'],
    ['好的', 'none', -1, ''],
    ['我想问一下这个衣服怎么洗比较好', 'question', -1, ''],
  ])('%s after %s: votes %s (%s)', (text, kind, intent, note) => {
    const vote = voteOf(text, turnOf(kind));
    expect([vote.intent, vote.note]).toEqual([intent, note]);
    expect(vote.weight > 0).toBe(intent >= 0);
  });

  it('data given on request outweighs any words around it', () => {
    expect(voteOf('[数字x] 谢谢', AgentTurn.AskedForData).weight).toBe(ACK_DATA_WITH_WORDS);
  });

  it.each([
    // text, the agent's turn, whether a request pattern fired, expected weight > 0
    ['从哪看?', 'statement', false, true],
    ['多久能到账', 'statement', true, true],
    ['给了啊', 'question', false, false],
    ['给了吗?', 'question', false, true],
    ['[订单x]', 'statement', false, false],
    ['我昨天买的那件衣服到现在还没有发货你们到底什么时候发', 'statement', true, false],
  ])('follow-up %s after %s (request pattern: %s) leans on the topic: %s', (text, kind, fired, leans) => {
    const [folded, features] = featuresOf(text);
    const dataOnly = isDataOnly(folded, features, null, new Set());
    const weight = followUpWeight(features, dataOnly, turnOf(kind), () => fired);
    expect(weight > 0).toBe(leans);
  });

  it('a message that names no request of its own leans on the topic more', () => {
    const [folded, features] = featuresOf('那多久能到账呢');
    const dataOnly = isDataOnly(folded, features, null, new Set());
    expect(followUpWeight(features, dataOnly, AgentTurn.Statement, () => false)).toBeGreaterThan(
      followUpWeight(features, dataOnly, AgentTurn.Statement, () => true),
    );
  });
});

describe('clauses', () => {
  // Three intents: 0 other, 1 a request, 2 another request; two clauses.
  const scoresOf = (
    clauses: number[][],
    patterned: number[][],
    whole: number[],
    backed: number[],
  ): ClauseScores => ({
    intentCount: 3,
    segmentScores: Float64Array.from(clauses.flat()),
    segmentPatterns: Uint8Array.from(patterned.flat()),
    confidences: Float64Array.from(whole),
    patternBacked: Uint8Array.from(backed),
    precedence: Uint8Array.from([0, REQUEST_PRECEDENCE, REQUEST_PRECEDENCE]),
    neverSecondary: Uint8Array.from([1, 0, 0]),
    other: 0,
  });
  const twoClauses = (): FeatureBuffer => {
    const buffer = new FeatureBuffer();
    extractFeatures(normalize('我要退货，顺便开发票').text, null, buffer);
    expect(buffer.segmentCount).toBe(2);
    return buffer;
  };
  const text = normalize('我要退货，顺便开发票').text;

  it('a confident clause request backed by a pattern replaces a whole-message guess no pattern supports', () => {
    const scores = scoresOf(
      [
        [0, 0, 8],
        [0, 0, 0],
      ],
      [
        [0, 0, 1],
        [0, 0, 0],
      ],
      [0.2, 0.5, 0.3],
      [0, 0, 1],
    );
    const reading = readClauses(scores, twoClauses(), text, [], 1, 0);
    expect(reading.primary).toBe(2);
    expect(reading.promotedConfidence).toBeGreaterThan(0.99);
    expect(reading.secondaries.map((s) => s.intent)).toEqual([2]);
  });

  it('a request made by the way (顺便…) does not take over from the first one', () => {
    const scores = scoresOf(
      [
        [0, 6, 0],
        [0, 0, 6],
      ],
      [
        [0, 1, 0],
        [0, 0, 1],
      ],
      [0.1, 0.4, 0.5],
      [0, 1, 1],
    );
    const reading = readClauses(scores, twoClauses(), text, ['顺便'], 2, 0);
    expect(reading.primary).toBe(1);
    expect(reading.secondaries.map((s) => s.intent).sort()).toEqual([1, 2]);
  });

  it('data given on request stays an acknowledgement, and a message surely out of scope stays so', () => {
    const scores = scoresOf(
      [
        [0, 0, 8],
        [0, 0, 0],
      ],
      [
        [0, 0, 1],
        [0, 0, 0],
      ],
      [0.85, 0.1, 0.05],
      [0, 0, 1],
    );
    expect(readClauses(scores, twoClauses(), text, [], 0, 0).primary).toBe(0);
    expect(readClauses(scores, twoClauses(), text, [], 1, ACK_DATA_WITH_WORDS).primary).toBe(1);
  });
});
