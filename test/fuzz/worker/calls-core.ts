import {
  applyFixes,
  createAssistant,
  createConversationSession,
  createMemoryStore,
  createIntentClassifier,
  createLinter,
  createTemplateCatalogue,
  defineRule,
  detectLanguage,
  isHuashuError,
  normalize,
  parseEvaluationRows,
  scoreIntents,
  toOriginalRange,
  type Analysis,
  type AssistantOptions,
  type Finding,
  type FullReply,
  type LintResult,
  type NormalizedText,
  type Recommendation,
} from './api.js';
import * as jsonSchemaEntry from '../../../src/entry/schemas.js';

const jsonSchemas = Object.fromEntries(
  Object.entries(jsonSchemaEntry).filter(([name]) => name.endsWith('JsonSchema')),
);
import { checkAnalysis, checkLint } from './checks.js';
import type { Probe } from './probe.js';
import { BUILD_FACTOR, type Call } from './shared.js';

type Args = unknown[];
const argsOf = (input: Record<string, unknown>): Args => (Array.isArray(input.args) ? input.args : []);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const preview = (value: unknown): string => {
  try {
    return String(JSON.stringify(value)).slice(0, 120);
  } catch {
    return typeof value;
  }
};

/** A non-string first argument must be refused with a HuashuError, never coerced ("null"). */
function mustReject(probe: Probe, label: string, outcome: { ok: boolean; value?: unknown }): void {
  probe.check(
    !outcome.ok,
    () => `${label} accepted a non-string argument and returned ${preview(outcome.value)}`,
  );
}

function checkReply(probe: Probe, label: string, text: string, result: FullReply): void {
  checkAnalysis(probe, `${label}.analysis`, text, result.analysis);
  checkLint(probe, `${label}.lint`, result.text, result.lint, []);
  probe.check(typeof result.text === 'string', () => `${label}: text is not a string`);
}

function checkRecommendation(probe: Probe, label: string, result: Recommendation): void {
  probe.check(
    Array.isArray(result.actions) && Array.isArray(result.replies) && typeof result.locale === 'string',
    () => `${label}: not a recommendation (actions, replies, locale)`,
  );
  for (const reply of result.replies)
    probe.check(
      !/\[object Object\]/.test(JSON.stringify(reply)),
      () => `${label}: a reply renders "[object Object]"`,
    );
}

/**
 * The length of a fixed text follows from the fixes applied: each replaces its range, so no
 * character of the reply may be kept twice (a reversed range would duplicate text).
 */
function checkFixed(probe: Probe, reply: string, result: { text: string; fixed: Finding[] }): void {
  let expected = reply.length;
  for (const finding of result.fixed) {
    const [start, end] = finding.fix!.range;
    probe.check(
      Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= reply.length,
      () =>
        `applyFixes applied a fix with range ${JSON.stringify(finding.fix!.range)} on a reply of length ${reply.length}`,
    );
    expected += finding.fix!.text.length - (end - start);
  }
  probe.check(
    result.text.length === expected,
    () =>
      `applyFixes: the text has ${result.text.length} characters, the ${result.fixed.length} fixes applied make ${expected}`,
  );
}

export const coreCalls: Record<string, Call> = {
  analyze({ input, probe, shared }) {
    const text = str(input.text);
    const context = input.context as Parameters<typeof shared.assistant.analyze>[1];
    const first = probe.call('analyze', () => shared.assistant.analyze(text, context), {
      strict: true,
      args: [context],
    });
    if (!first.ok) return;
    checkAnalysis(probe, 'analyze', text, first.value);
    const second = probe.call('analyze (again)', () => shared.assistant.analyze(text, context));
    if (second.ok) probe.same('analyze', first.value, second.value);
  },

  'analyze.hostile'({ input, probe, shared }) {
    const args = argsOf(input);
    const outcome = probe.call('analyze', () =>
      (shared.assistant.analyze as (...a: Args) => Analysis)(...args),
    );
    if (typeof args[0] !== 'string') mustReject(probe, 'analyze', outcome);
  },

  lint({ input, probe, shared, pii }) {
    const reply = str(input.reply);
    const context = input.context as Parameters<typeof shared.assistant.lint>[1];
    const first = probe.call('lint', () => shared.assistant.lint(reply, context), {
      strict: true,
      args: [context],
    });
    if (!first.ok) return;
    checkLint(probe, 'lint', reply, first.value, pii);
    const second = probe.call('lint (again)', () => shared.assistant.lint(reply, context));
    if (second.ok) probe.same('lint', first.value, second.value);
  },

  'lint.hostile'({ input, probe, shared }) {
    const args = argsOf(input);
    const outcome = probe.call('lint', () => (shared.assistant.lint as (...a: Args) => LintResult)(...args));
    if (typeof args[0] !== 'string') mustReject(probe, 'lint', outcome);
    // The same context through notChecked(): a HuashuError or an answer, as lint() gives.
    probe.call('notChecked', () => (shared.linter.notChecked as (...a: Args) => unknown)(args[1]));
  },

  reply({ input, probe, shared }) {
    const text = str(input.text);
    const options = input.options as Parameters<typeof shared.assistant.reply>[1];
    const first = probe.call('reply', () => shared.assistant.reply(text, options), {
      strict: true,
      args: [options],
    });
    if (!first.ok) return;
    checkReply(probe, 'reply', text, first.value);
    const second = probe.call('reply (again)', () => shared.assistant.reply(text, options));
    if (second.ok) probe.same('reply', first.value, second.value);
  },

  'reply.hostile'({ input, probe, shared }) {
    const args = argsOf(input);
    const outcome = probe.call('reply', () => (shared.assistant.reply as (...a: Args) => FullReply)(...args));
    if (typeof args[0] !== 'string') mustReject(probe, 'reply', outcome);
  },

  recommend({ input, probe, shared }) {
    const outcome = probe.call('recommend', () => shared.assistant.recommend(input.input as never), {
      args: [input.input],
    });
    if (outcome.ok) checkRecommendation(probe, 'recommend', outcome.value);
  },

  async 'recommend.async'({ input, probe, shared }) {
    const outcome = await probe.callAsync(
      'recommendAsync',
      () => shared.assistant.recommendAsync(input.input as never, input.options as never),
      { args: [input.input, input.options] },
    );
    if (outcome.ok) checkRecommendation(probe, 'recommendAsync', outcome.value);
  },

  async session({ input, probe, shared }) {
    const text = str(input.text);
    const store = probe.call('createMemoryStore', () => createMemoryStore(input.storeOptions as never), {
      args: [input.storeOptions],
    });
    if (!store.ok) return;
    const session = probe.call('createConversationSession', () =>
      createConversationSession(shared.assistant, store.value),
    );
    if (!session.ok) return;
    const where = { conversationId: input.conversationId, customerId: input.customerId } as never;
    if (typeof input.agent === 'string')
      await probe.callAsync('session.recordAgentTurn', () =>
        session.value.recordAgentTurn(input.conversationId as string, input.agent as string),
      );
    const analysis = await probe.callAsync('session.analyze', () => session.value.analyze(text, where));
    if (analysis.ok) checkAnalysis(probe, 'session.analyze', text, analysis.value);
    const reply = await probe.callAsync('session.reply', () => session.value.reply(text, where));
    if (reply.ok) checkReply(probe, 'session.reply', text, reply.value);
    if (typeof input.conversationId !== 'string')
      probe.check(
        !analysis.ok && !reply.ok,
        () => 'the session accepted a conversation id that is not a string',
      );
  },

  async 'reply.async'({ input, probe, shared }) {
    const text = input.text;
    const outcome = await probe.callAsync('replyAsync', () =>
      shared.assistant.replyAsync(text as string, input.options as never),
    );
    if (outcome.ok && typeof text === 'string') checkReply(probe, 'replyAsync', text, outcome.value);
    if (typeof text !== 'string') mustReject(probe, 'replyAsync', outcome);
  },

  render({ input, probe, shared }) {
    const outcome = probe.call(
      'render',
      () => shared.assistant.render(input.id as string, input.vars as never, input.options as never),
      { args: [input.vars, input.options] },
    );
    if (!outcome.ok) return;
    probe.check(typeof outcome.value === 'string', () => 'render returned a non-string');
    probe.check(
      !outcome.value.includes('[object Object]'),
      () => `render wrote "[object Object]": ${outcome.value.slice(0, 200)}`,
    );
  },

  'templates.select'({ input, probe, shared }) {
    const outcome = probe.call(
      'templates.select',
      () => shared.assistant.templates.select(input.analysis as never, input.facts, input.options as never),
      { args: [input.analysis, input.facts, input.options] },
    );
    if (outcome.ok) probe.check(Array.isArray(outcome.value), () => 'templates.select returned a non-array');
  },

  'templates.list'({ input, probe, shared }) {
    const outcome = probe.call(
      'templates.list',
      () => shared.assistant.templates.list(input.filter as never),
      {
        args: [input.filter],
      },
    );
    if (outcome.ok) probe.check(Array.isArray(outcome.value), () => 'templates.list returned a non-array');
  },

  createAssistant({ input, probe }) {
    const options = input.options as AssistantOptions;
    const created = probe.call('createAssistant', () => createAssistant(options), { factor: BUILD_FACTOR });
    if (!created.ok) return;
    const assistant = created.value;
    const text = str(input.text);
    const analysis = probe.call('analyze', () => assistant.analyze(text));
    if (analysis.ok) checkAnalysis(probe, 'analyze', text, analysis.value);
    const lint = probe.call('lint', () => assistant.lint(text));
    if (lint.ok) checkLint(probe, 'lint', text, lint.value, []);
    const reply = probe.call('reply', () => assistant.reply(text));
    if (reply.ok) checkReply(probe, 'reply', text, reply.value);
    const ids = assistant.templates.list().map((entry) => entry.id);
    const id = ids[text.length % Math.max(1, ids.length)];
    if (id !== undefined) probe.call('render', () => assistant.render(id, {}, {}));
  },

  createLinter({ input, probe }) {
    const args = argsOf(input);
    const created = probe.call(
      'createLinter',
      () => (createLinter as (...a: Args) => ReturnType<typeof createLinter>)(...args),
      {
        factor: BUILD_FACTOR,
      },
    );
    if (!created.ok) return;
    const reply = str(input.reply);
    const outcome = probe.call('linter.lint', () => created.value.lint(reply));
    if (outcome.ok) checkLint(probe, 'linter.lint', reply, outcome.value, []);
  },

  defineRule({ input, probe }) {
    probe.call('defineRule', () => (defineRule as (...a: Args) => unknown)(...argsOf(input)));
  },

  'applyFixes.lint'({ input, probe, shared }) {
    const reply = str(input.reply);
    const context = input.facts === undefined ? undefined : { facts: input.facts as never };
    const linted = probe.call('lint', () => shared.linter.lint(reply, context), { strict: true });
    if (!linted.ok) return;
    probe.call('notChecked', () => shared.linter.notChecked(context), { strict: true });
    const fixed = probe.call('applyFixes', () => applyFixes(reply, linted.value.findings), { strict: true });
    if (!fixed.ok) return;
    checkFixed(probe, reply, fixed.value);
    const again = probe.call('lint (fixed)', () => shared.linter.lint(fixed.value.text), { strict: true });
    if (again.ok) checkLint(probe, 'lint (fixed)', fixed.value.text, again.value, []);
  },

  'applyFixes.hostile'({ input, probe }) {
    const args = argsOf(input);
    const outcome = probe.call('applyFixes', () =>
      (applyFixes as (...a: Args) => ReturnType<typeof applyFixes>)(...args),
    );
    if (outcome.ok && typeof args[0] === 'string') checkFixed(probe, args[0], outcome.value);
  },

  createTemplateCatalogue({ input, probe }) {
    const created = probe.call(
      'createTemplateCatalogue',
      () => createTemplateCatalogue(input.packs as never, input.options as never),
      { factor: BUILD_FACTOR },
    );
    if (!created.ok) return;
    const catalogue = created.value;
    const listed = probe.call('catalogue.list', () => catalogue.list(input.filter as never));
    const ids = [
      ...(Array.isArray(input.ids) ? input.ids : []),
      ...(listed.ok ? listed.value.slice(0, 3).map((e) => e.id) : []),
    ];
    for (const id of ids) {
      probe.call('catalogue.example', () => catalogue.example(id as string, input.locale as never));
      probe.call('catalogue.get', () => catalogue.get(id as string, input.locale as never));
      const rendered = probe.call('catalogue.render', () =>
        catalogue.render(id as string, input.vars as never, input.renderOptions as never),
      );
      if (rendered.ok)
        probe.check(
          !rendered.value.includes('[object Object]'),
          () => `catalogue.render wrote "[object Object]": ${rendered.value.slice(0, 200)}`,
        );
    }
    probe.call('catalogue.select', () =>
      catalogue.select(input.analysis as never, input.facts, input.selectOptions as never),
    );
  },

  createIntentClassifier({ input, probe }) {
    const created = probe.call(
      'createIntentClassifier',
      () => createIntentClassifier(input.options as never),
      {
        factor: BUILD_FACTOR,
      },
    );
    if (!created.ok) return;
    const text = str(input.text);
    const normalized = normalize(text);
    const outcome = probe.call('classifier.classify', () =>
      created.value.classify(normalized, input.context as never),
    );
    if (!outcome.ok) return;
    for (const candidate of outcome.value.intents)
      probe.ranges(
        'classify',
        candidate.evidence.flatMap((e, i) =>
          e.range === undefined ? [] : [[`${candidate.id}.evidence[${i}]`, e.range] as const],
        ),
        text.length,
      );
  },

  'classify.hostile'({ input, probe, shared }) {
    const args = argsOf(input);
    probe.call('classifier.classify', () => (shared.classifier.classify as (...a: Args) => unknown)(...args));
  },

  parseEvaluationRows({ input, probe }) {
    const args = argsOf(input);
    const rows = probe.call('parseEvaluationRows', () =>
      (parseEvaluationRows as (...a: Args) => ReturnType<typeof parseEvaluationRows>)(...args),
    );
    if (!rows.ok) return;
    const scored = rows.value.map((row, i) => ({
      accept: row.accept,
      predicted: row.accept[i % row.accept.length] ?? 'other',
    }));
    const report = probe.call('scoreIntents', () => scoreIntents(scored), { strict: true });
    if (report.ok)
      probe.check(
        rows.value.length === 0 || report.value.accuracy === 1,
        () => `scoreIntents: every prediction is accepted, accuracy is ${report.value.accuracy}`,
      );
  },

  scoreIntents({ input, probe }) {
    probe.call('scoreIntents', () => (scoreIntents as (...a: Args) => unknown)(...argsOf(input)));
  },

  normalize({ input, probe }) {
    const text = str(input.text);
    const outcome = probe.call('normalize', () => normalize(text), { strict: true });
    if (!outcome.ok) return;
    const n = outcome.value;
    probe.check(n.original === text, () => 'normalize: original is not the input');
    probe.check(
      n.starts.length >= n.text.length && n.ends.length >= n.text.length,
      () => 'normalize: starts/ends shorter than the text',
    );
    for (let i = 0; i < n.text.length; i++) {
      const start = n.starts[i]!;
      const end = n.ends[i]!;
      if (!(start >= 0 && start <= end && end <= text.length)) {
        probe.fail(
          `normalize: text[${i}] maps to [${start}, ${end}), outside the original (length ${text.length})`,
        );
        break;
      }
    }
    const again = probe.call('normalize (idempotence)', () => normalize(n.text), { strict: true });
    if (again.ok)
      probe.check(
        again.value.text === n.text,
        () => 'normalize is not idempotent: normalize(normalize(x).text).text !== normalize(x).text',
      );
  },

  'normalize.hostile'({ input, probe }) {
    const args = argsOf(input);
    const outcome = probe.call('normalize', () => (normalize as (...a: Args) => NormalizedText)(...args));
    if (typeof args[0] !== 'string') mustReject(probe, 'normalize', outcome);
  },

  toOriginalRange({ input, probe }) {
    const text = str(input.text);
    const n = normalize(text);
    const a = Math.min(Number(input.a) || 0, n.text.length);
    const b = Math.min(a + (Number(input.b) || 0), n.text.length);
    const outcome = probe.call('toOriginalRange', () => toOriginalRange(n, a, b), { strict: true });
    if (outcome.ok) probe.ranges('toOriginalRange', [[`[${a}, ${b})`, outcome.value]], text.length);
  },

  'toOriginalRange.hostile'({ input, probe }) {
    const args = argsOf(input);
    const [first] = args;
    // The normalized text is a real one unless the input says otherwise.
    const normalized = typeof first === 'string' ? normalize(first) : first;
    const outcome = probe.call('toOriginalRange', () =>
      (toOriginalRange as (...a: Args) => [number, number])(normalized, ...args.slice(1)),
    );
    if (outcome.ok && typeof first === 'string')
      probe.ranges('toOriginalRange', [['result', outcome.value]], first.length);
  },

  detectLanguage({ input, probe }) {
    const text = str(input.text);
    const first = probe.call('detectLanguage', () => detectLanguage(text), { strict: true });
    if (!first.ok) return;
    probe.check(typeof first.value.locale === 'string', () => 'detectLanguage: no locale');
    const second = probe.call('detectLanguage (again)', () => detectLanguage(text));
    if (second.ok) probe.same('detectLanguage', first.value, second.value);
  },

  'detectLanguage.hostile'({ input, probe }) {
    const args = argsOf(input);
    const outcome = probe.call('detectLanguage', () => (detectLanguage as (...a: Args) => unknown)(...args));
    if (typeof args[0] !== 'string') mustReject(probe, 'detectLanguage', outcome);
  },

  schemas({ input, probe }) {
    const value = input.value;
    // The JSON Schemas (huashu/schemas) are data: every one serialises, and the same twice.
    for (const [name, schema] of Object.entries(jsonSchemas)) {
      const first = probe.call(`${name} (JSON)`, () => JSON.stringify(schema), { strict: true });
      const second = probe.call(`${name} (JSON again)`, () => JSON.stringify(schema), { strict: true });
      if (first.ok && second.ok) probe.same(name, first.value, second.value);
    }
    const is = probe.call('isHuashuError', () => isHuashuError(value), { strict: true });
    if (is.ok)
      probe.check(is.value === false, () => 'isHuashuError is true for a value that is no HuashuError');
  },
};
