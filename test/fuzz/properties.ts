import fc from 'fast-check';
import { createTemplateCatalogue } from '../../src/templates/index.js';
import { cliInvocation, recordsInput } from './arbitraries/cli.js';
import {
  analysisLike,
  assistantOptions,
  context,
  facts,
  hostile,
  intentId,
  intentOptions,
  lintContext,
  lintOptions,
  locale,
  channel,
  prototypePathTemplate,
  REGEXES,
  templateDefinition,
  variablePath,
} from './arbitraries/domain.js';
import { actionTree, configTree, templateTree } from './arbitraries/files.js';
import { objectFrom, PROTO_KEYS, record, wrongType } from './arbitraries/hostile.js';
import { replySpec, runLength, shortText, textSpec } from './arbitraries/text.js';
import type { Scale } from './config.js';

/**
 * One fuzz property: a worker call (test/fuzz/worker/calls-*.ts, where its invariants are checked)
 * and the arbitrary of its input. Shared by the CI tests (test/fuzz/*.test.ts) and the long run
 * (scripts/fuzz.ts).
 */
export interface FuzzProperty {
  /** What is called, as a user would write it. */
  name: string;
  /** The group it is reported in (test/fuzz/properties.test.ts). */
  area: 'core' | 'lint' | 'templates' | 'node' | 'cli';
  call: string;
  arbitrary: (scale: Scale) => fc.Arbitrary<unknown>;
  /** Watchdog after `watchdog × budget` (+ 100 ms) of CPU time: enough for every timed call of one execution. */
  watchdog: number;
  /** At most this many runs (a run that spawns a process costs a quarter second). */
  maxRuns?: number;
}

/** The `FileLimits` of the huashu/node loaders: tight, default-sized, or of the wrong type. */
const fileLimits: fc.Arbitrary<unknown> = fc.oneof(
  record({
    maxFileBytes: fc.oneof(fc.integer({ min: 1, max: 4096 }), fc.constant(10 * 1024 * 1024)),
    maxFolderEntries: fc.integer({ min: 1, max: 50 }),
  }),
  record({ maxFileBytes: fc.constantFrom(0, -1, 1.5, Number.NaN, '1kB', null) }),
  record({ maxFolderEntries: fc.constantFrom(0, Infinity, '10') }),
  record({ unknownLimit: fc.constant(1) }),
);

const args = (...items: Array<fc.Arbitrary<unknown>>) => fc.tuple(...items).map((list) => ({ args: list }));
/** A wrong first argument, then anything. */
const wrongFirst = (...rest: Array<fc.Arbitrary<unknown>>) => args(fc.oneof(wrongType, hostile), ...rest);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const catalogue = createTemplateCatalogue();
const TEMPLATE_IDS = [...new Set(catalogue.list().map((entry) => entry.id))];
const EXAMPLES = catalogue.list().map((entry) => entry.example);
/** Template ids: known ones, malformed ones, and unknown ones as long as the scale allows. */
const templateId = (scale: Scale) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...TEMPLATE_IDS), weight: 4 },
    {
      arbitrary: fc.constantFrom(
        '',
        'x',
        'shipping/',
        '/x',
        'shipping/not-shipped/x',
        ...PROTO_KEYS,
        'toString',
      ),
      weight: 1,
    },
    {
      arbitrary: runLength(scale).map((n) => ({ $text: ['shipping/', { r: 'x', n }] })),
      weight: 1,
    },
  );
/** Template variables: a template's own example with corruptions, prototype keys in every object position. */
const variables = fc.oneof(
  fc
    .tuple(fc.constantFrom(...EXAMPLES), fc.array(fc.tuple(variablePath, hostile), { maxLength: 3 }))
    .map(([example, extra]) => {
      const vars = structuredClone(example) as Record<string, unknown>;
      for (const [path, value] of extra) {
        let node: Record<string, unknown> = vars;
        const keys = path.split('.');
        keys.forEach((key, i) => {
          // A copy: fast-check reuses generated values (a later path would write into this one).
          const next = i === keys.length - 1 ? structuredClone(value) : objectFrom([]);
          const current = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
          if (i < keys.length - 1 && typeof current === 'object' && current !== null)
            node = current as Record<string, unknown>;
          else {
            Object.defineProperty(node, key, {
              value: next,
              enumerable: true,
              writable: true,
              configurable: true,
            });
            if (i < keys.length - 1) node = next as Record<string, unknown>;
          }
        });
      }
      return vars;
    }),
  hostile,
);
const renderOptions = maybe(
  fc.oneof(
    record(
      {
        locale,
        channel,
        timeZone: fc.constantFrom('Asia/Shanghai', 'UTC', 'America/New_York', 'Mars/Base', ''),
      },
      { requiredKeys: [] },
    ),
    hostile,
  ),
);
const recommendInput = fc.oneof(
  record(
    { text: textSpec('ci'), facts, context, variables: fc.constant({ delay: { reason: '天气' } }) },
    { requiredKeys: ['text'] },
  ),
  record({ analysis: analysisLike, facts }, { requiredKeys: ['analysis'] }),
  hostile,
);
const replyOptions = maybe(record({ facts, context }, { requiredKeys: [] }));

export const PROPERTIES: FuzzProperty[] = [
  // ---- the assistant: one call per customer message ----
  {
    name: 'assistant.analyze(text, context)',
    area: 'core',
    call: 'analyze',
    arbitrary: (scale) => record({ text: textSpec(scale), context: maybe(context) }),
    watchdog: 4,
  },
  {
    name: 'assistant.analyze(wrong types)',
    area: 'core',
    call: 'analyze.hostile',
    arbitrary: () => fc.oneof(wrongFirst(maybe(hostile)), args(shortText, hostile)),
    watchdog: 3,
  },
  {
    name: 'assistant.reply(text, { facts, context })',
    area: 'core',
    call: 'reply',
    arbitrary: (scale) => record({ text: textSpec(scale), options: replyOptions }),
    watchdog: 4,
  },
  {
    name: 'assistant.reply(wrong types)',
    area: 'core',
    call: 'reply.hostile',
    arbitrary: () =>
      fc.oneof(
        wrongFirst(maybe(hostile)),
        args(
          shortText,
          record({ facts: hostile, context: hostile, variables: hostile }, { requiredKeys: [] }),
        ),
        args(shortText, hostile),
      ),
    watchdog: 3,
  },
  {
    name: 'createConversationSession(assistant, createMemoryStore(options)): analyze, reply, recordAgentTurn',
    area: 'core',
    call: 'session',
    arbitrary: (scale) =>
      record(
        {
          text: textSpec(scale),
          storeOptions: maybe(
            fc.oneof(
              record(
                {
                  ttlSeconds: fc.integer({ min: 1, max: 10_000_000 }),
                  maxTurns: fc.integer({ min: 1, max: 50 }),
                },
                { requiredKeys: [] },
              ),
              hostile,
            ),
          ),
          conversationId: fc.oneof({ arbitrary: shortText, weight: 4 }, { arbitrary: wrongType, weight: 1 }),
          customerId: maybe(fc.oneof(shortText, wrongType)),
          agent: maybe(shortText),
        },
        { requiredKeys: ['text', 'conversationId'] },
      ),
    watchdog: 6,
  },
  {
    name: 'assistant.replyAsync(text, options)',
    area: 'core',
    call: 'reply.async',
    arbitrary: (scale) =>
      record({
        text: fc.oneof(textSpec(scale), wrongType),
        options: maybe(
          fc.oneof(
            record({ facts, engine: fc.constantFrom('auto', 'json-rules-engine') }, { requiredKeys: [] }),
            hostile,
          ),
        ),
      }),
    watchdog: 4,
  },
  {
    name: 'assistant.recommend(input)',
    area: 'core',
    call: 'recommend',
    arbitrary: () => record({ input: recommendInput }),
    watchdog: 3,
  },
  {
    name: 'assistant.recommendAsync(input, options)',
    area: 'core',
    call: 'recommend.async',
    arbitrary: () =>
      record({
        input: recommendInput,
        options: maybe(
          fc.oneof(record({ engine: fc.constantFrom('auto', 'json-rules-engine', 'x') }), hostile),
        ),
      }),
    watchdog: 3,
  },
  {
    name: 'createAssistant(options) then analyze/lint/reply/render',
    area: 'core',
    call: 'createAssistant',
    arbitrary: (scale) => record({ options: assistantOptions(scale), text: textSpec(scale) }),
    watchdog: 30,
  },
  {
    name: 'createAssistant({ templates }) with variable paths through __proto__, constructor, prototype',
    area: 'templates',
    call: 'createAssistant',
    arbitrary: (scale) =>
      record({
        options: record({
          templates: fc.tuple(prototypePathTemplate),
          templateCompiler: fc.constant({ $templateCompiler: true }),
        }),
        text: textSpec(scale),
      }),
    watchdog: 30,
  },
  {
    name: 'createAssistant({ intents: { patterns: [{ regex }] } }) then analyze(text)',
    area: 'core',
    call: 'createAssistant',
    arbitrary: () =>
      record({
        options: record({
          intents: record({
            patterns: fc.array(
              record({
                intent: intentId,
                regex: fc.array(fc.constantFrom(...REGEXES), { minLength: 1, maxLength: 2 }),
              }),
              {
                minLength: 1,
                maxLength: 2,
              },
            ),
          }),
        }),
        // What backtracking patterns choke on: a run of word characters (and spaces) that fails at its end.
        text: fc
          .tuple(
            fc.constantFrom('a', 'ab', 'a ', 'x', '1', '退'),
            fc.integer({ min: 1, max: 60 }),
            fc.constantFrom('!', '', '。', 'y', '\n'),
          )
          .map(([unit, n, end]) => ({ $text: [{ r: unit, n }, end] })),
      }),
    watchdog: 30,
  },
  {
    name: 'createIntentClassifier(options).classify(normalize(text), context)',
    area: 'core',
    call: 'createIntentClassifier',
    arbitrary: (scale) =>
      record({
        options: maybe(intentOptions),
        text: textSpec(scale),
        context: maybe(fc.oneof(context, hostile)),
      }),
    watchdog: 25,
  },
  {
    name: 'classifier.classify(wrong types)',
    area: 'core',
    call: 'classify.hostile',
    arbitrary: () =>
      fc.oneof(
        wrongFirst(maybe(hostile)),
        args(
          record({
            text: shortText,
            original: shortText,
            starts: fc.constantFrom([], [0, 1], [-1]),
            ends: fc.constantFrom([], [5]),
          }),
          maybe(hostile),
        ),
      ),
    watchdog: 3,
  },
  {
    name: 'normalize(text)',
    area: 'core',
    call: 'normalize',
    arbitrary: (scale) => record({ text: textSpec(scale) }),
    watchdog: 3,
  },
  {
    name: 'normalize(wrong types)',
    area: 'core',
    call: 'normalize.hostile',
    arbitrary: () => wrongFirst(),
    watchdog: 3,
  },
  {
    name: 'toOriginalRange(normalize(text), a, b)',
    area: 'core',
    call: 'toOriginalRange',
    arbitrary: (scale) => record({ text: textSpec(scale), a: fc.nat(), b: fc.nat() }),
    watchdog: 3,
  },
  {
    name: 'toOriginalRange(wrong types)',
    area: 'core',
    call: 'toOriginalRange.hostile',
    arbitrary: () =>
      fc.oneof(
        args(
          shortText,
          fc.oneof(fc.integer({ min: -5, max: 50 }), wrongType),
          fc.oneof(fc.integer({ min: -5, max: 50 }), wrongType),
        ),
        wrongFirst(fc.nat(5), fc.nat(5)),
      ),
    watchdog: 3,
  },
  {
    name: 'detectLanguage(text)',
    area: 'core',
    call: 'detectLanguage',
    arbitrary: (scale) => record({ text: textSpec(scale) }),
    watchdog: 3,
  },
  {
    name: 'detectLanguage(wrong types)',
    area: 'core',
    call: 'detectLanguage.hostile',
    arbitrary: () => wrongFirst(),
    watchdog: 3,
  },
  {
    name: 'parseEvaluationRows(jsonl, file) then scoreIntents(rows)',
    area: 'core',
    call: 'parseEvaluationRows',
    arbitrary: (scale) =>
      fc.oneof(
        fc
          .tuple(
            fc.array(
              fc.oneof(
                record(
                  {
                    text: shortText,
                    intent: intentId,
                    accept: fc.array(fc.oneof(intentId, fc.constantFrom(...PROTO_KEYS)), { maxLength: 2 }),
                    prev_agent_turn: shortText,
                  },
                  { requiredKeys: [] },
                ).map((row) => JSON.stringify(row)),
                hostile.map((v) => {
                  try {
                    return JSON.stringify(v) ?? 'x';
                  } catch {
                    return '{';
                  }
                }),
                fc.constantFrom(
                  '',
                  '{',
                  '[]',
                  'null',
                  '{"__proto__":{"accept":["x"]},"text":"a","intent":"greeting"}',
                ),
              ),
              { maxLength: 6 },
            ),
            fc.constantFrom('\n', '\r\n'),
            maybe(shortText),
          )
          .map(([lines, eol, file]) => ({ args: [lines.join(eol), file] })),
        record({ text: textSpec(scale) }).map(({ text }) => ({ args: [text] })),
        wrongFirst(maybe(hostile)),
      ),
    watchdog: 3,
  },
  {
    name: 'scoreIntents(wrong types)',
    area: 'core',
    call: 'scoreIntents',
    arbitrary: () =>
      fc.oneof(
        wrongFirst(maybe(hostile)),
        args(
          fc.array(
            fc.oneof(
              record({
                accept: fc.oneof(fc.array(intentId), hostile),
                predicted: fc.oneof(intentId, hostile),
              }),
              hostile,
            ),
            { maxLength: 4 },
          ),
          fc.oneof(fc.integer({ min: -2, max: 5 }), wrongType),
        ),
      ),
    watchdog: 3,
  },
  {
    name: 'schemas.safeParse(anything), isHuashuError(anything), factsJsonSchema()',
    area: 'core',
    call: 'schemas',
    arbitrary: () => record({ value: hostile }),
    watchdog: 3,
  },

  // ---- the linter ----
  {
    name: 'assistant.lint(reply with personal data, context)',
    area: 'lint',
    call: 'lint',
    arbitrary: (scale) => record({ reply: replySpec(scale), context: maybe(lintContext) }),
    watchdog: 4,
  },
  {
    name: 'assistant.lint(wrong types)',
    area: 'lint',
    call: 'lint.hostile',
    arbitrary: () =>
      fc.oneof(
        wrongFirst(maybe(hostile)),
        args(shortText, hostile),
        args(
          shortText,
          record({ facts: hostile, conversation: hostile, locale: hostile }, { requiredKeys: [] }),
        ),
      ),
    watchdog: 3,
  },
  {
    name: 'createLinter(options, resolveSuggestion, extraRules).lint(reply)',
    area: 'lint',
    call: 'createLinter',
    arbitrary: (scale) =>
      record({
        args: fc.tuple(
          fc.oneof(lintOptions, hostile),
          fc.oneof(
            fc.constant(undefined),
            fc.constantFrom({ $fn: 'undefined' }, { $fn: 'string' }, { $fn: 'number' }),
            wrongType,
          ),
          fc.oneof(
            fc.constant(undefined),
            fc.array(
              fc.oneof(
                hostile,
                record({ meta: hostile, create: fc.constantFrom({ $fn: 'object' }, { $fn: 'undefined' }) }),
              ),
              { maxLength: 2 },
            ),
            wrongType,
          ),
        ),
        reply: replySpec(scale),
      }),
    watchdog: 25,
  },
  {
    name: 'defineRule(rule)',
    area: 'lint',
    call: 'defineRule',
    arbitrary: () =>
      args(
        fc.oneof(
          hostile,
          record(
            {
              meta: fc.oneof(
                hostile,
                record(
                  { id: shortText, defaultSeverity: fc.constantFrom('warn', 'error', 'x') },
                  { requiredKeys: [] },
                ),
              ),
              create: fc.oneof(wrongType, fc.constant({ $fn: 'object' })),
            },
            { requiredKeys: [] },
          ),
        ),
      ),
    watchdog: 3,
  },
  {
    name: 'applyFixes(reply, lint(reply, { facts }).findings)',
    area: 'lint',
    call: 'applyFixes.lint',
    arbitrary: (scale) => record({ reply: replySpec(scale), facts: maybe(facts) }),
    watchdog: 5,
  },
  {
    name: 'applyFixes(reply, hand-made findings)',
    area: 'lint',
    call: 'applyFixes.hostile',
    arbitrary: () =>
      fc.oneof(
        args(
          shortText,
          fc.array(
            fc.oneof(
              record({
                fix: record({
                  range: fc.tuple(fc.integer({ min: -3, max: 30 }), fc.integer({ min: -3, max: 30 })),
                  text: fc.constantFrom('', 'X', '已发出'),
                }),
              }),
              record({ fix: fc.oneof(hostile, record({ range: hostile, text: hostile })) }),
              hostile,
            ),
            { maxLength: 4 },
          ),
        ),
        wrongFirst(maybe(hostile)),
      ),
    watchdog: 3,
  },

  // ---- templates ----
  {
    name: 'assistant.render(id, vars, options)',
    area: 'templates',
    call: 'render',
    arbitrary: (scale) => record({ id: templateId(scale), vars: maybe(variables), options: renderOptions }),
    watchdog: 3,
  },
  {
    name: 'assistant.templates.select(analysis, facts, options)',
    area: 'templates',
    call: 'templates.select',
    arbitrary: () =>
      record({
        analysis: fc.oneof(analysisLike, hostile),
        facts: maybe(fc.oneof(facts, hostile)),
        options: maybe(
          fc.oneof(
            record(
              {
                stage: fc.constantFrom('answer', 'closing', 'x'),
                channel,
                limit: fc.integer({ min: -1, max: 5 }),
              },
              { requiredKeys: [] },
            ),
            hostile,
          ),
        ),
      }),
    watchdog: 3,
  },
  {
    name: 'assistant.templates.list(filter)',
    area: 'templates',
    call: 'templates.list',
    arbitrary: () =>
      record({
        filter: maybe(
          fc.oneof(
            record(
              { intent: intentId, stage: fc.constantFrom('answer', 'x'), locale, channel },
              { requiredKeys: [] },
            ),
            hostile,
          ),
        ),
      }),
    watchdog: 3,
  },
  {
    name: 'createTemplateCatalogue(packs, options) then render/select/example/get/list',
    area: 'templates',
    call: 'createTemplateCatalogue',
    arbitrary: (scale) =>
      record({
        packs: fc.oneof(fc.array(templateDefinition(scale), { maxLength: 3 }), hostile),
        options: maybe(
          fc.oneof(
            record(
              {
                defaultLocale: locale,
                timeZone: fc.constantFrom('UTC', 'Mars/Base'),
                templateCompiler: fc.constant({ $templateCompiler: true }),
              },
              { requiredKeys: [] },
            ),
            hostile,
          ),
        ),
        ids: fc.array(templateId(scale), { maxLength: 2 }),
        vars: maybe(variables),
        locale: maybe(fc.oneof(locale, wrongType)),
        renderOptions,
        filter: maybe(hostile),
        analysis: fc.oneof(analysisLike, hostile),
        facts: maybe(fc.oneof(facts, hostile)),
        selectOptions: maybe(hostile),
      }),
    watchdog: 30,
  },

  // ---- huashu/node: loaders on generated folders ----
  {
    name: 'loadTemplatePack(dir) / readTemplateFiles(dir)',
    area: 'node',
    call: 'node.templates',
    arbitrary: (scale) =>
      record({
        files: templateTree(scale),
        args: fc.oneof(
          { arbitrary: fc.constant([{ $path: 'root' }]), weight: 4 },
          {
            arbitrary: fc.constantFrom(
              [{ $path: 'outside' }],
              [{ $path: 'missing' }],
              [{ $path: 'g/link.json' }],
              [''],
            ),
            weight: 1,
          },
          { arbitrary: fc.tuple(fc.constant({ $path: 'root' }), fileLimits), weight: 1 },
          {
            arbitrary: fc.tuple(
              fc.oneof(
                wrongType.filter((v) => !Number.isInteger(v)),
                hostile,
              ),
            ),
            weight: 1,
          },
        ),
      }),
    watchdog: 50,
  },
  {
    name: 'loadActionRules(dir, options) / loadActionRuleFiles(files, options)',
    area: 'node',
    call: 'node.actions',
    arbitrary: (scale) =>
      record({
        files: actionTree(scale),
        fn: fc.constantFrom('loadActionRules', 'loadActionRuleFiles'),
        args: fc.oneof(
          {
            arbitrary: fc.tuple(
              fc.constantFrom({ $path: 'root' }, { $path: 'outside' }, { $path: 'missing' }),
            ),
            weight: 3,
          },
          {
            arbitrary: fc.tuple(
              fc.array(
                fc.constantFrom(
                  { $path: 'a.json' },
                  { $path: 'junk.json' },
                  { $path: '../outside/secret.txt' },
                  { $path: 'link.json' },
                  { $path: 'folder.json' },
                ),
                { maxLength: 3 },
              ),
            ),
            weight: 3,
          },
          {
            arbitrary: fc.tuple(
              fc.constantFrom({ $path: 'root' }),
              fc.oneof(
                record({
                  operators: fc
                    .array(
                      fc.tuple(fc.constantFrom('fuzzOp', ...PROTO_KEYS), fc.constantFrom({ $fn: 'true' }, 1)),
                      { maxLength: 2 },
                    )
                    .map(objectFrom),
                }),
                fileLimits,
                hostile,
              ),
            ),
            weight: 1,
          },
          // Integers would be file descriptors (fd 0 blocks, others belong to the test runner): left out.
          {
            arbitrary: fc.tuple(
              fc.oneof(
                wrongType.filter((v) => !Number.isInteger(v)),
                fc.array(
                  wrongType.filter((v) => !Number.isInteger(v)),
                  { maxLength: 2 },
                ),
              ),
            ),
            weight: 1,
          },
        ),
      }),
    watchdog: 50,
  },
  {
    name: 'loadConfigFile(file) / loadConfig(cwd) / findConfigFile(cwd)',
    area: 'node',
    call: 'node.config',
    arbitrary: (scale) =>
      record({
        files: configTree(scale),
        fn: fc.constantFrom('loadConfigFile', 'loadConfig', 'findConfigFile'),
        args: fc.oneof(
          {
            arbitrary: fc.constantFrom(
              [{ $path: 'huashu.config.json' }],
              [{ $path: 'sub/huashu.config.json' }],
              [{ $path: 'root' }],
              [{ $path: 'sub' }],
              [{ $path: 'sub/templates' }],
            ),
            weight: 4,
          },
          {
            arbitrary: fc.tuple(
              fc.constantFrom({ $path: 'huashu.config.json' }, { $path: 'root' }),
              fileLimits,
            ),
            weight: 1,
          },
          {
            arbitrary: fc.tuple(
              fc.oneof(
                wrongType.filter((v) => !Number.isInteger(v)),
                hostile,
              ),
            ),
            weight: 1,
          },
        ),
      }),
    watchdog: 50,
  },
  {
    name: 'createNaturalClassifier(options).predict(normalize(text)), readIntentCorpus()',
    area: 'node',
    call: 'node.natural',
    arbitrary: (scale) =>
      record({
        options: fc.oneof(
          record(
            {
              examples: fc.array(
                record({ text: shortText, intent: fc.oneof(intentId, fc.constantFrom(...PROTO_KEYS)) }),
                { minLength: 1, maxLength: 6 },
              ),
              smoothing: fc.oneof(fc.double({ min: 0.01, max: 5, noNaN: true }), wrongType),
            },
            { requiredKeys: ['examples'] },
          ),
          record({ examples: hostile }),
          wrongType.filter((v) => v !== undefined),
        ),
        text: textSpec(scale),
        corpus: fc.boolean(),
      }),
    watchdog: 60,
  },

  // ---- the CLI: every command and input format ----
  {
    name: 'huashu <command> [args] (execute with generated files and stdin)',
    area: 'cli',
    call: 'cli',
    arbitrary: (scale) => cliInvocation(scale),
    watchdog: 12,
  },
  {
    name: 'huashu lint <file | -> on CSV, TSV, JSONL and plain records',
    area: 'cli',
    call: 'cli.records',
    arbitrary: (scale) => recordsInput(scale),
    watchdog: 12,
  },
  {
    name: 'huashu <command> | head -1 (closed stdout)',
    area: 'cli',
    call: 'bin.closed-stdout',
    arbitrary: () =>
      record({
        // Every command that writes to stdout, in a random order.
        commands: fc.shuffledSubarray(
          [
            ['lint', '@FILE@', '--no-config'],
            ['lint', '@FILE@', '--format', 'json', '--no-config'],
            ['lint', '@FILE@', '--format', 'github', '--no-config'],
            ['templates', 'list', '--examples', '--no-config'],
            ['templates', 'list', '--format', 'json', '--no-config'],
            ['demo'],
            ['analyze', '我的订单什么时候发货', '--format', 'pretty'],
            ['reply', '我的订单什么时候发货', '--format', 'json', '--no-config'],
          ],
          { minLength: 8 },
        ),
        lines: fc.integer({ min: 1, max: 5_000 }),
        reply: fc.constantFrom('我不知道', '亲，仓库已发货', 'refund ok'),
      }),
    watchdog: 300,
    maxRuns: 1,
  },
];
