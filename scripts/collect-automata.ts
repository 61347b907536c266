/**
 * Child process of scripts/data/automata.ts: builds every built-in phrase automaton once and
 * prints their snapshots as JSON on stdout.
 */
import { automatonKey, onAutomatonBuild, snapshotAutomaton } from '../src/text/automaton.js';
import { createAssistant } from '../src/index.js';

const lists = new Map<string, readonly string[]>();
onAutomatonBuild((keywords) => lists.set(automatonKey(keywords), [...keywords]));
const assistant = createAssistant();
for (const text of ['亲，请问什么时候发货？', 'where is my order', '請問什麼時候發貨'])
  assistant.analyze(text);
for (const reply of ['亲，仓库已发货，请您耐心等待哦', 'Your order has shipped.']) assistant.lint(reply);
onAutomatonBuild(undefined);

const snapshots: Record<string, unknown> = {};
for (const [key, keywords] of lists) snapshots[key] = snapshotAutomaton(keywords);
process.stdout.write(JSON.stringify(snapshots));
