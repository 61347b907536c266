/**
 * rules/intents/agent-turn.json, as the build checks it (scripts/data/agent-turn.ts): the shipped
 * cues pass, each kind of mistake in a copy is caught at its path, and the reader tries the cues
 * in order (a greeting followed by a request for data is the request).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentTurnCueData, agentTurnProblems } from '../../scripts/data/agent-turn.js';
import { agentTurnFileSchema, type AgentTurnFile } from '../../src/intent/agent-turn-schema.js';
import { agentTurnKind, agentTurnReader } from '../../src/intent/agent-turn.js';
import { normalize } from '../../src/normalize/index.js';

const FILE = join(import.meta.dirname, '..', '..', 'rules', 'intents', 'agent-turn.json');
const raw = (): Record<string, unknown> => JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
const shipped = (): AgentTurnFile => agentTurnFileSchema.parse(raw());
const problemsOf = (file: AgentTurnFile) =>
  agentTurnProblems(file, agentTurnReader(agentTurnCueData(file)), (text) => normalize(text).text).map(
    (i) => `${i.path}: ${i.message}`,
  );

describe('rules/intents/agent-turn.json', () => {
  it('every example reads as its cue and is matched by its piece; no counter-example does', () => {
    expect(problemsOf(shipped())).toEqual([]);
  });

  it.each([
    [
      'an example of another cue',
      (f: AgentTurnFile) => f.question.pieces[0]!.examples.push('还有其他问题吗?'),
      'question.pieces[0].examples[2]: "还有其他问题吗?" is not read as question',
    ],
    [
      'an example its own piece does not match',
      (f: AgentTurnFile) => f.opening.pieces[0]!.examples.push('欢迎光临'),
      'opening.pieces[0].examples[2]: "欢迎光临" is not matched by its piece',
    ],
    [
      'a counter-example that reads as the cue',
      (f: AgentTurnFile) => f.nothingElse.counterExamples.push('没有了'),
      'nothingElse.counterExamples[3]: "没有了" is read as nothingElse',
    ],
    [
      'a piece that reads any data noun as a request',
      (f: AgentTurnFile) => (f.askedForData.pieces[1]!.pattern = '({dataNouns})'),
      'askedForData.counterExamples[5]: "订单已经帮您备注好了" is read as askedForData',
    ],
  ])('catches %s', (_what, mutate, problem) => {
    const file = shipped();
    mutate(file);
    expect(problemsOf(file)).toContain(problem);
  });

  it.each([
    [
      'a pattern that does not compile',
      {
        question: {
          description: 'x',
          pieces: [{ kind: 'x', pattern: '(?<=x', examples: ['x'] }],
          counterExamples: ['y'],
        },
      },
    ],
    ['a data noun with regex syntax', { dataNouns: ['订单|单号'] }],
    ['an unknown cue', { greeting: {} }],
  ])('refuses %s', (_what, change) => {
    expect(agentTurnFileSchema.safeParse({ ...raw(), ...change }).success).toBe(false);
  });

  it.each([
    ['您好，欢迎光临，请提供一下订单号', 'asked_for_data'],
    ['您好 欢迎咨询。请问您买的是这款吗', 'question'],
    ['您好，有什么可以帮您？', 'opening'],
    ['请问还有什么可以帮您', 'asked_anything_else'],
    ['您是哪天下单的呢', 'question'],
    ['我帮您查下是哪里的问题呢', 'statement'],
    ['亲 非常抱歉 麻烦您拍一下拉链的照片', 'asked_for_data'],
    ['请您留意物流信息哦', 'statement'],
    ['亲 您的订单今天上午已经发出了哦', 'statement'],
    ['', undefined],
  ])('reads %s as %s', (agent, kind) => {
    const reader = agentTurnReader(agentTurnCueData(shipped()));
    expect(agentTurnKind(reader.classify(normalize(agent).text))).toBe(kind);
  });
});
