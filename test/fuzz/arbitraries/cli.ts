import fc from 'fast-check';
import { record } from './hostile.js';
import type { Scale } from '../config.js';
import type { FileSpec } from '../worker/tree.js';
import { facts, hostile, INTENTS } from './domain.js';
import { brokenBytes, configTree, templateTree, actionTree } from './files.js';
import { shortText, textSpec } from './text.js';

const FILES = [
  'replies.jsonl',
  'replies.csv',
  'replies.tsv',
  'replies.txt',
  'facts.json',
  'vars.json',
  'eval.jsonl',
  'huashu.config.json',
  'templates',
  'actions',
  'missing.csv',
  '',
  '.',
  '-',
  '--',
  '@OUTSIDE@/secret.txt',
  '../outside/secret.json',
];

const value = fc.oneof(
  fc.constantFrom(
    ...FILES,
    'json',
    'pretty',
    'stylish',
    'sarif',
    'github',
    'summary',
    'csv',
    'tsv',
    'plain',
    'jsonl',
    'zh-Hans',
    'en',
    'chat',
    'phone',
    'answer',
    'order.ship_time',
    'shipping/not-shipped',
    'no-pii-leak:off',
    'reply=text',
    '0',
    '1',
    '64',
    '-1',
    '1e9',
    'NaN',
    '{"order":{"shipped":true}}',
    '{"__proto__":{"x":1}}',
    'Asia/Shanghai',
    'Mars/Base',
    'default',
    'natural',
  ),
  shortText,
);

const FLAGS = [
  '--format',
  '--input-format',
  '--column',
  '--summary',
  '--quiet',
  '--max-warnings',
  '--rule',
  '--message-locale',
  '--config',
  '--no-config',
  '--facts',
  '--vars',
  '--previous',
  '--channel',
  '--repeat',
  '--actions',
  '--templates',
  '--intent',
  '--stage',
  '--locale',
  '--examples',
  '--example',
  '--time-zone',
  '--classifier',
  '--min-accuracy',
  '--min-macro-f1',
  '--confusions',
  '--max-line-length',
  '--sample',
  '--max-empty',
  '--color',
  '--no-color',
  '--version',
  '--unknown',
  '-x',
  '--',
  '--help',
];

const COMMANDS: ReadonlyArray<readonly string[]> = [
  ['analyze'],
  ['reply'],
  ['lint'],
  ['templates', 'list'],
  ['templates', 'render'],
  ['templates'],
  ['validate'],
  ['eval'],
  ['replay'],
  ['demo'],
  ['nosuch'],
  [],
];

/** Contents of the input files the CLI reads: records of each format, JSON objects, junk, broken bytes. */
function inputFiles(scale: Scale): fc.Arbitrary<FileSpec[]> {
  const line = fc.oneof(
    record({ reply: textSpec(scale), agent: shortText }, { requiredKeys: [] }).map((v) => ({ $json: v })),
    record(
      {
        text: shortText,
        intent: fc.constantFrom(...INTENTS),
        accept: fc.array(fc.constantFrom(...INTENTS), { maxLength: 2 }),
        prev_agent_turn: shortText,
      },
      { requiredKeys: [] },
    ).map((v) => ({ $json: v })),
    record(
      {
        role: fc.constantFrom('customer', 'agent', 'system', 'x'),
        text: shortText,
        conversationId: fc.constantFrom('c1', 'c2'),
        facts,
      },
      { requiredKeys: [] },
    ).map((v) => ({ $json: v })),
    hostile.map((v) => ({ $json: v })),
    textSpec(scale),
  );
  const records = fc
    .tuple(fc.array(line, { maxLength: 5 }), fc.constantFrom('\n', '\r\n'))
    .map(([lines, eol]) => ({ lines, eol }));
  const file = (path: string) =>
    fc.oneof(
      { arbitrary: records.map((content) => ({ path, content: { $lines: content } as never })), weight: 3 },
      { arbitrary: textSpec(scale).map((content) => ({ path, content: content as never })), weight: 2 },
      { arbitrary: brokenBytes.map((content) => ({ path, content: content as never })), weight: 1 },
      { arbitrary: fc.constant({ path, content: '' }), weight: 1 },
    );
  return fc
    .tuple(
      fc
        .subarray(['replies.jsonl', 'replies.csv', 'replies.tsv', 'replies.txt', 'eval.jsonl'])
        .chain((paths) => fc.tuple(...paths.map(file))),
      fc.option(
        facts.map((f) => ({ path: 'facts.json', content: { $json: f } as never })),
        { nil: undefined },
      ),
      fc.option(
        hostile.map((v) => ({ path: 'vars.json', content: { $json: v } as never })),
        { nil: undefined },
      ),
    )
    .map(([records, factsFile, varsFile]) => [
      ...records,
      ...(factsFile ? [factsFile] : []),
      ...(varsFile ? [varsFile] : []),
    ]);
}

/** One CLI invocation: a command, positionals and flags with valid and junk values, files, stdin. */
export function cliInvocation(scale: Scale) {
  const argv = fc
    .tuple(
      fc.constantFrom(...COMMANDS),
      fc.array(fc.oneof(value, textSpec(scale)), { maxLength: 2 }),
      fc.array(fc.tuple(fc.constantFrom(...FLAGS), fc.option(value, { nil: undefined })), { maxLength: 4 }),
    )
    .map(([command, positionals, flags]) => [
      ...command,
      ...positionals,
      ...flags.flatMap(([flag, v]) => (v === undefined ? [flag] : [flag, v])),
    ]);
  const stdin = fc.array(fc.oneof(textSpec(scale), brokenBytes), { maxLength: 3 });
  const tree = fc
    .tuple(
      inputFiles(scale),
      fc.oneof(
        fc.constant([] as FileSpec[]),
        configTree(scale),
        templateTree(scale, 'templates/'),
        actionTree(scale, 'actions/'),
      ),
    )
    .map(([a, b]) => [...a, ...b]);
  return record({ argv, stdin, files: tree, tty: fc.boolean() });
}

/** Records for the input-format property: replies that are never blank, agents, layout options. */
export function recordsInput(scale: Scale) {
  const max = Math.max(1, Math.floor(scale === 'ci' ? 2_000 : 100_000));
  const reply = fc.tuple(textSpec(scale), fc.boolean()).map(([spec, plainSafe]) => ({ spec, plainSafe }));
  return fc
    .record({
      format: fc.constantFrom('csv', 'tsv', 'jsonl', 'plain'),
      rows: fc.array(record({ reply, agent: fc.stringMatching(/^[a-z0-9 ,"\t]{0,6}$/) }), {
        minLength: 1,
        maxLength: 6,
      }),
      crlf: fc.boolean(),
      bom: fc.boolean(),
      quoteAll: fc.boolean(),
      defect: fc.option(fc.nat({ max: 5 }), { nil: null, freq: 3 }),
      via: fc.constantFrom('file', 'stdin'),
      chunk: fc.integer({ min: 1, max: max }),
      bytes: fc.boolean(),
      lineCap: fc.constantFrom('default', 'default', 'fit', 'tight'),
    })
    .map((input) => ({
      ...input,
      // Every reply has a visible character (a blank line is no reply); plain lines cannot hold a line break.
      rows: input.rows.map((row) => ({
        agent: row.agent,
        reply: {
          $text: [
            '亲',
            ...row.reply.spec.$text
              .map((p) => (input.format === 'plain' && typeof p === 'string' ? p.replace(/[\r\n]/g, ' ') : p))
              .filter(
                (p) =>
                  input.format !== 'plain' || typeof p === 'string' || !('r' in p) || !/[\r\n]/.test(p.r),
              ),
          ],
        },
      })),
    }));
}
