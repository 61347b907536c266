/**
 * Next actions: recommend() and reply() per message, through the compiled evaluator and through
 * json-rules-engine side by side (same rules, same results — see test/actions/differential.test.ts).
 * Messages are the zh-jddc and en-bitext evaluation texts (read at run time, never copied); the
 * facts cycle through realistic order and case states. Imports src/ (run with tsx).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAssistant } from '../src/assistant/index.js';
import type { Analysis } from '../src/analysis/types.js';
import { createRuleEvaluator } from '../src/actions/evaluator.js';
import { OperatorTable } from '../src/conditions/operators.js';
import { viewMessage } from '../src/assistant/view.js';
import type { Facts } from '../src/facts.js';
import { BUILTIN_ACTION_RULES } from '../src/generated/actions-rules.js';
import { evalDir } from './foundation.bench.js';
import { fmt, readJsonl, timePerItem, timePerItemAsync, type Suite, type Timing } from './harness.js';

const FACTS: Facts[] = [
  {},
  {
    customer: { name: '王芳', gender: 'female' },
    shop: { name: '花语旗舰店' },
    agent: { name: '小美', id: '007' },
  },
  { order: { shipped: true, carrierScan: false }, customer: { name: '李雷', gender: 'male' } },
  { order: { shipped: true, carrierScan: true, carrier: '顺丰', trackingNumber: 'SF1234567890' } },
  { order: { shipped: false, promisedShipAt: '2024-06-01T18:00:00+08:00' }, responsibility: 'merchant' },
  { responsibility: 'customer', case: { status: 'open' } },
  { case: { status: 'resolved' }, channel: 'social' },
  { order: { deliveryUncertain: true }, case: { status: 'pending' } },
];

function texts(file: string, limit: number): string[] {
  return readJsonl<{ text: string }>(readFileSync(join(evalDir, file), 'utf8'))
    .map((r) => r.text)
    .slice(0, limit);
}

export const actionsSuite: Suite = {
  name: 'actions',
  async run() {
    const assistant = createAssistant();
    const messages = [...texts('zh-jddc-intents.jsonl', 300), ...texts('en-bitext-intents.jsonl', 100)];
    const items = messages.map((text, i) => ({
      text,
      facts: FACTS[i % FACTS.length] as Facts,
      analysis: assistant.analyze(text) as Analysis,
    }));
    const recommendInputs = items.map(({ analysis, facts }) => ({ analysis, facts }));

    // Compiled measurements first: json-rules-engine leaves garbage whose collection would land on them.
    const operators = new OperatorTable();
    const evaluator = createRuleEvaluator(BUILTIN_ACTION_RULES, operators);
    const ruleFacts = items.map(
      ({ analysis, facts }) => viewMessage(analysis, facts, {}, 'zh-Hans', undefined).rules,
    );
    const evaluate = timePerItem(ruleFacts, (facts) => evaluator.run(facts), { rounds: 5, inner: 20 });
    const recommend = timePerItem(recommendInputs, (input) => assistant.recommend(input), {
      rounds: 5,
      inner: 5,
    });
    const reply = timePerItem(items, ({ text, facts }) => assistant.reply(text, { facts }), {
      rounds: 3,
      inner: 3,
    });
    const analyze = timePerItem(messages, (text) => assistant.analyze(text), { rounds: 3, inner: 3 });
    const replyTexts = items
      .map(({ text, facts }) => ({ facts, result: assistant.reply(text, { facts }) }))
      .filter(({ result }) => result.text !== '');
    const lint = timePerItem(
      replyTexts,
      ({ facts, result }) => assistant.lint(result.text, { facts, locale: result.locale }),
      { rounds: 3, inner: 3 },
    );

    const evaluateEngine = await timePerItemAsync(
      ruleFacts,
      (facts) => evaluator.runAsync(facts, 'json-rules-engine'),
      3,
    );
    const recommendEngine = await timePerItemAsync(
      recommendInputs,
      (input) => assistant.recommendAsync(input, { engine: 'json-rules-engine' }),
      3,
    );
    const replyEngine = await timePerItemAsync(
      items,
      ({ text, facts }) => assistant.replyAsync(text, { facts, engine: 'json-rules-engine' }),
      3,
    );

    const fired = recommendInputs.map((input) => assistant.recommend(input));
    const withActions = fired.filter((r) => r.actions.length > 0).length;
    const rendered = fired.filter((r) => r.replies.some((p) => p.text !== undefined)).length;

    const n = `${items.length} messages, ${BUILTIN_ACTION_RULES.length} rules`;
    // Means too: json-rules-engine's cost comes partly as GC pauses that land on a few runs.
    const row = (measure: string, compiled: Timing, engine: Timing | undefined, goal: string) => ({
      measure,
      'compiled median': fmt(compiled.medianUs),
      'compiled p99': fmt(compiled.p99Us),
      'compiled mean': fmt(compiled.meanUs),
      'engine median': engine ? fmt(engine.medianUs) : '',
      'engine p99': engine ? fmt(engine.p99Us) : '',
      'engine mean': engine ? fmt(engine.meanUs) : '',
      'mean speedup': engine ? `${(engine.meanUs / compiled.meanUs).toFixed(0)}×` : '',
      goal,
    });
    return [
      row(`rule evaluation µs (${n})`, evaluate, evaluateEngine, ''),
      row('recommend({ analysis, facts }) µs', recommend, recommendEngine, 'median ≤ 20'),
      row('reply(text, { facts }) µs', reply, replyEngine, 'median ≤ 60'),
      row('  of which analyze(text) µs', analyze, undefined, ''),
      row('  of which lint(reply) µs', lint, undefined, ''),
      {
        measure: `messages with ≥ 1 action: ${withActions}; with a rendered reply: ${rendered}`,
      },
    ];
  },
};
