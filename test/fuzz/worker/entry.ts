/**
 * A fuzz worker: imports huashu (bundled from src/ by the guard), warms it up, then runs the calls
 * the guard sends, one at a time. A call that hangs cannot be interrupted from inside the thread;
 * the guard terminates this worker and starts another.
 */
import { parentPort } from 'node:worker_threads';
import type { CallReport, CallRequest } from '../guard/protocol.js';
import { execute } from '../../../src/cli/index.js';
import { normalize, detectLanguage } from '../../../src/index.js';
import { coreCalls } from './calls-core.js';
import { cliCalls } from './calls-cli.js';
import { nodeCalls } from './calls-node.js';
import { selfTestCalls } from './calls-selftest.js';
import { materialize, piiOf } from './materialize.js';
import { describeError, Probe } from './probe.js';
import { createShared, type Call } from './shared.js';

process.setSourceMapsEnabled(true);

const calls: Record<string, Call> = { ...coreCalls, ...nodeCalls, ...cliCalls, ...selfTestCalls };

/** Built-in prototypes whose own properties no call may change. */
const PROTOTYPES: ReadonlyArray<[string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];

type Snapshot = Array<Map<PropertyKey, PropertyDescriptor>>;

function snapshot(): Snapshot {
  return PROTOTYPES.map(([, proto]) => {
    const keys = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(proto)) keys.set(key, Object.getOwnPropertyDescriptor(proto, key)!);
    return keys;
  });
}

/** What changed on the built-in prototypes since `before`, e.g. `Object.prototype: added isAdmin`. */
function changes(before: Snapshot): string[] {
  const after = snapshot();
  const found: string[] = [];
  PROTOTYPES.forEach(([name], i) => {
    const was = before[i]!;
    const now = after[i]!;
    for (const [key, descriptor] of now) {
      const old = was.get(key);
      if (old === undefined) found.push(`${name}: added ${String(key)}`);
      else if (old.value !== descriptor.value || old.get !== descriptor.get || old.set !== descriptor.set)
        found.push(`${name}: changed ${String(key)}`);
    }
    for (const key of was.keys()) if (!now.has(key)) found.push(`${name}: removed ${String(key)}`);
  });
  return found;
}

const started = performance.now();
const shared = createShared();
// First calls compile what is built lazily (linter, next-action rules, zod parsers), so the
// timed calls measure the steady state a long-running bot sees.
for (const text of ['我的订单什么时候发货？', 'where is my refund', '亲，仓库已发货，加我微信聊']) {
  normalize(text);
  detectLanguage(text);
  shared.assistant.analyze(text, { previousAgentMessage: '请提供订单号' });
  shared.assistant.lint(text, { facts: { order: { shipped: true } } });
  shared.assistant.reply(text, { facts: { order: { shipped: true } } });
  shared.linter.lint(text);
  shared.classifier.classify(normalize(text));
  shared.catalogue.select({ intent: { id: 'order.ship_time' } }, {});
}
shared.assistant.templates.list();
const silent = { write: () => true };
const io = { stdout: silent, stderr: silent, stdin: (async function* () {})(), cwd: process.cwd(), env: {} };
await execute(['analyze', '你好'], io);
await execute(['lint', '你好', '--no-config'], io);
await execute(['reply', '你好', '--no-config'], io);

parentPort!.postMessage({ type: 'ready', warmupMs: performance.now() - started });

parentPort!.on('message', async (request: CallRequest) => {
  const probe = new Probe(request.budgetMs);
  const before = snapshot();
  try {
    const call = calls[request.call];
    if (call === undefined) probe.fail(`unknown fuzz call "${request.call}"`);
    else
      await call({
        input: materialize(request.input) as Record<string, unknown>,
        probe,
        shared,
        pii: piiOf(request.input),
      });
  } catch (error) {
    probe.fail(`the fuzz call itself failed: ${describeError(error)}`);
  }
  const changed = changes(before);
  if (changed.length > 0) probe.fail(`global state changed: ${changed.join(', ')}`);
  const report: CallReport = {
    type: 'report',
    id: request.id,
    timings: probe.timings,
    violations: probe.violations,
    outcomes: probe.outcomes,
    tainted: changed.length > 0,
  };
  parentPort!.postMessage(report);
});
