/**
 * A fuzz worker: imports huashu (bundled from src/ by the guard), warms it up, then runs the calls
 * the guard sends, one at a time. A call that hangs cannot be interrupted from inside the thread;
 * the guard terminates this worker and starts another.
 */
import { parentPort } from 'node:worker_threads';
import { ownThreadId } from '../guard/cpu.js';
import type { CallReport, CallRequest } from '../guard/protocol.js';
import { normalize } from './api.js';
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

type Snapshot = Array<{ extensible: boolean; keys: Map<PropertyKey, PropertyDescriptor> }>;

function snapshot(): Snapshot {
  return PROTOTYPES.map(([, proto]) => {
    const keys = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(proto)) keys.set(key, Object.getOwnPropertyDescriptor(proto, key)!);
    return { extensible: Object.isExtensible(proto), keys };
  });
}

/** What changed on the built-in prototypes since `before`, e.g. `Object.prototype: added isAdmin`. */
function changes(before: Snapshot): string[] {
  const after = snapshot();
  const found: string[] = [];
  PROTOTYPES.forEach(([name], i) => {
    const was = before[i]!.keys;
    const now = after[i]!.keys;
    // Frozen or sealed: every object made afterwards inherits read-only properties.
    if (before[i]!.extensible && !after[i]!.extensible) found.push(`${name}: made non-extensible (frozen?)`);
    for (const [key, descriptor] of now) {
      const old = was.get(key);
      if (old === undefined) found.push(`${name}: added ${String(key)}`);
      else if (old.value !== descriptor.value || old.get !== descriptor.get || old.set !== descriptor.set)
        found.push(`${name}: changed ${String(key)}`);
      else if (old.writable !== descriptor.writable || old.configurable !== descriptor.configurable)
        found.push(`${name}: made ${String(key)} read-only`);
    }
    for (const key of was.keys()) if (!now.has(key)) found.push(`${name}: removed ${String(key)}`);
  });
  return found;
}

/**
 * Put the prototypes back as they were: a pollution is reported once, and the calls after it
 * run in a clean realm (starting a new worker costs a second of CPU).
 */
function restore(before: Snapshot): void {
  PROTOTYPES.forEach(([, proto], i) => {
    const was = before[i]!.keys;
    for (const key of Reflect.ownKeys(proto)) if (!was.has(key)) Reflect.deleteProperty(proto, key);
    // A frozen prototype cannot be put back: the guard then replaces the worker (tainted).
    for (const [key, descriptor] of was)
      try {
        Object.defineProperty(proto, key, descriptor);
      } catch {
        // left for the tainted check
      }
  });
}

const started = performance.now();
const shared = createShared();
// First calls build what is built lazily (linter, next-action rules); what else is slow the first
// time is caught by the guard's re-measuring of a call over budget.
shared.assistant.reply('亲，仓库已发货，我的订单什么时候到？', { facts: { order: { shipped: true } } });
shared.assistant.lint('亲，仓库已发货，加我微信聊');
shared.classifier.classify(normalize('where is my refund'));

parentPort!.postMessage({ type: 'ready', warmupMs: performance.now() - started, tid: ownThreadId() });

parentPort!.on('message', async (request: CallRequest) => {
  const probe = new Probe(request.budgetMs);
  const before = snapshot();
  try {
    const call = calls[request.call];
    const input = materialize(request.input) as Record<string, unknown>;
    // Building the input must not touch the built-ins either: a change found now is the harness's.
    const byHarness = changes(before);
    if (byHarness.length > 0)
      probe.fail(`the fuzz harness changed global state while building the input: ${byHarness.join(', ')}`);
    else if (call === undefined) probe.fail(`unknown fuzz call "${request.call}"`);
    else await call({ input, probe, shared, pii: piiOf(request.input) });
  } catch (error) {
    probe.fail(`the fuzz call itself failed: ${describeError(error)}`);
  }
  const changed = changes(before);
  if (changed.length > 0) {
    probe.fail(`global state changed: ${changed.join(', ')}`);
    restore(before);
  }
  const report: CallReport = {
    type: 'report',
    id: request.id,
    timings: probe.timings,
    violations: probe.violations,
    outcomes: probe.outcomes,
    // Replaced anyway when the prototypes could not be put back.
    tainted: changed.length > 0 && changes(before).length > 0,
  };
  parentPort!.postMessage(report);
});
