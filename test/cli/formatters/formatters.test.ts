import { describe, expect, it } from 'vitest';
import { github } from '../../../src/cli/formatters/github.js';
import { createFormatter, createSummaryCollector } from '../../../src/cli/formatters/index.js';
import { json } from '../../../src/cli/formatters/json.js';
import { sarif, sarifUri } from '../../../src/cli/formatters/sarif.js';
import { stylish } from '../../../src/cli/formatters/stylish.js';
import type { LintedReply, RuleDescriptor } from '../../../src/cli/formatters/types.js';
import { finding, linted } from './fixtures.js';
import { sarifProblems } from './sarif-shape.js';

const reply = '亲，您的包裹已发货，保证明天到';
const raw = reply; // no escapes needed: the JSON raw text is the reply
const shipped = finding(reply, '已发货', { fix: { range: [6, 6], text: '仓库' } });
const promised = finding(reply, '保证', {
  ruleId: 'no-overpromise',
  messageId: 'absolute',
  severity: 'warn',
  message: 'Do not promise an outcome',
});
const inFile: LintedReply = linted(reply, [shipped, promised], {
  source: 'exports/客服 5月.jsonl',
  id: 'r-1',
  agent: '小王',
  conversationId: 'c-9',
  origin: { line: 12, column: 12, offset: 300, encoding: 'json-string', raw },
});
const clean = linted('您好，请问有什么可以帮您？', [], {
  source: 'exports/客服 5月.jsonl',
  origin: { line: 13, column: 1 },
});
const inline = linted('已发货了', [finding('已发货了', '已发货')]);
const rules: RuleDescriptor[] = [
  {
    id: 'shipping-wording',
    description: 'Only the warehouse has shipped until the carrier scans',
    url: 'https://example.org/rules/shipping-wording',
    category: 'shipping',
    severity: 'error',
    fixable: true,
  },
  {
    id: 'no-overpromise',
    description: 'No absolute promises',
    severity: 'warn',
    url: 'rules/lint/README.md#no-overpromise',
  },
  { id: 'greet-first', description: 'Greet first', severity: 'off' },
];

describe('stylish', () => {
  const text = stylish([inFile, clean, inline]);

  it('groups by source, shows the reply line and text, then line:column, severity, message, rule', () => {
    expect(text.split('\n').slice(0, 4)).toEqual([
      'exports/客服 5月.jsonl',
      '  12: 亲，您的包裹已发货，保证明天到  (#r-1 · 小王)',
      '    12:18  error    Do not say “已发货” before the carrier scan  shipping-wording',
      '    12:22  warning  Do not promise an outcome                    no-overpromise',
    ]);
  });

  it('prints nothing for a clean reply, and inline text without a source header', () => {
    expect(text).not.toContain('请问有什么');
    expect(text).toContain('  1: 已发货了\n    1:1  error  Do not say');
  });

  it('ends with the totals, errors and warnings counted separately, and the fixable count', () => {
    expect(text).toContain('✖ 3 problems (2 errors, 1 warning) in 2 replies');
    // The fixture's fix (仓库 before 已发货) is not marked safe: --fix leaves it to a person.
    expect(text).toContain('1 of them has a suggested fix to check by hand');
    expect(text).not.toContain('--fix option');
  });

  it('counts safe fixes apart: those --fix applies, then those to check by hand', () => {
    const masked = finding('电话13812345678', '13812345678', {
      ruleId: 'no-pii-leak',
      fix: { range: [2, 13], text: '138****5678', safe: true },
    });
    const out = stylish([linted('电话13812345678', [masked]), inFile]);
    expect(out).toContain('  1 of them can be fixed with the --fix option.');
    expect(out).toContain('  1 more have a suggested fix to check by hand');
  });

  it('prints nothing at all when every reply is clean', () => {
    expect(stylish([clean])).toBe('');
  });

  it('colours only when asked', () => {
    expect(text).not.toContain('\u001b[');
    expect(stylish([inFile], { color: true })).toContain('\u001b[31merror');
  });

  it('control characters from the input never reach the terminal', () => {
    const hostile = '\u001b[2J\u001b]0;owned\u0007已发货';
    const out = stylish([
      linted(hostile, [finding(hostile, '已发货', { message: `bad \u001b[31m${hostile}` })], {
        agent: 'x\u001b[8m',
      }),
    ]);
    expect([...out].filter((c) => c < ' ' && c !== '\n')).toEqual([]);
    expect(out).toContain('\ufffd[2J');
  });

  it('long replies are cut and line breaks shown as ⏎', () => {
    const long = `第一行\n${'很长的回复'.repeat(40)}已发货`;
    const out = stylish([linted(long, [finding(long, '已发货')])]);
    expect(out).toContain('  1: 第一行⏎很长的回复');
    expect(out.split('\n')[0]).toMatch(/…$/);
    expect(out).toContain('2:201  error');
  });
});

describe('a reply read in part (longer than MAX_LINTED_CHARS)', () => {
  const long: LintedReply = {
    ...linted('好'.repeat(20), []),
    result: { findings: [], errorCount: 0, warningCount: 0, unchecked: [100_000, 1_000_000] },
  };
  it('stylish shows which characters were not checked, even with no finding, and counts the replies', () => {
    const out = stylish([long]);
    expect(out).toContain(
      'characters 100,001–1,000,000 not checked: lint reads the first 100,000 (MAX_LINTED_CHARS)',
    );
    expect(out).toContain('1 reply longer than 100,000 characters was checked in part');
    expect(out).not.toContain('problem');
  });
  it('json writes the unchecked range beside the counts, even when streaming only replies with findings', () => {
    const formatter = createFormatter('json');
    const out = formatter.begin() + formatter.reply(long) + formatter.end();
    expect(JSON.parse(out)).toMatchObject([{ errorCount: 0, unchecked: [100_000, 1_000_000], findings: [] }]);
  });
  it('sarif: a note among the run notifications counts the replies read in part', () => {
    const log = JSON.parse(sarif([long, inline], { rules }));
    expect(log.runs[0].invocations[0].toolExecutionNotifications).toEqual([
      expect.objectContaining({
        level: 'note',
        descriptor: { id: 'replies-checked-in-part' },
        message: {
          text: expect.stringContaining('1 reply longer than 100,000 characters was checked in part'),
        },
      }),
    ]);
    expect(JSON.parse(sarif([inline], { rules })).runs[0]).not.toHaveProperty('invocations');
  });
  it('github: one notice at the end counts them', () => {
    expect(github([long])).toBe(
      '::notice title=huashu::1 reply longer than 100,000 characters was checked in part (MAX_LINTED_CHARS).\n',
    );
    expect(github([inline])).not.toContain('::notice');
  });
  it('a reply read whole has no unchecked field', () => {
    expect(JSON.parse(json([inline]))[0]).not.toHaveProperty('unchecked');
  });
});

describe('json', () => {
  const parsed = JSON.parse(json([inFile, clean])) as Array<Record<string, unknown>>;

  it('is an array with every reply, its counts and findings', () => {
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({
      source: 'exports/客服 5月.jsonl',
      line: 12,
      id: 'r-1',
      agent: '小王',
      conversationId: 'c-9',
      reply,
      errorCount: 1,
      warningCount: 1,
    });
    expect(parsed[1]).toMatchObject({ line: 13, errorCount: 0, warningCount: 0, findings: [] });
  });

  it('findings keep every field of the linter and add line/column positions', () => {
    expect((parsed[0]?.findings as unknown[])[0]).toEqual({
      ...shipped,
      line: 12,
      column: 18,
      endLine: 12,
      endColumn: 21,
    });
  });

  it('streaming: only replies with findings; with a summary, an object with results and summary', () => {
    const formatter = createFormatter('json', { summary: true });
    const collector = createSummaryCollector();
    for (const entry of [inFile, clean]) collector.add({ agent: entry.agent, result: entry.result });
    const out = JSON.parse(
      formatter.begin() +
        formatter.reply(inFile) +
        formatter.reply(clean) +
        formatter.end(collector.summary()),
    ) as {
      results: unknown[];
      summary: { replies: number };
    };
    expect(out.results).toHaveLength(1);
    expect(out.summary.replies).toBe(2);
  });

  it('an empty run is an empty array', () => {
    expect(JSON.parse(json([]))).toEqual([]);
    const f = createFormatter('json');
    expect(JSON.parse(f.begin() + f.reply(clean) + f.end())).toEqual([]);
  });
});

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: Array<{
    physicalLocation: { artifactLocation: { uri?: string; index?: number }; region: Record<string, unknown> };
  }>;
  fixes?: Array<{ artifactChanges: Array<{ replacements: unknown[] }> }>;
  partialFingerprints: Record<string, string>;
}

describe('sarif', () => {
  const log = JSON.parse(sarif([inFile, clean, inline], { rules })) as {
    runs: Array<{
      tool: { driver: { rules: Array<Record<string, unknown>> } };
      results: SarifResult[];
      artifacts: unknown[];
    }>;
  };
  const run = log.runs[0]!;

  it('has the fields SARIF 2.1.0 requires', () => {
    expect(sarifProblems(log)).toEqual([]);
  });

  it('lists every rule from its metadata, with level and help URI', () => {
    expect(
      run.tool.driver.rules.map((r) => [r.id, (r.defaultConfiguration as { level: string }).level]),
    ).toEqual([
      ['shipping-wording', 'error'],
      ['no-overpromise', 'warning'],
      ['greet-first', 'none'],
    ]);
    // A relative documentation link is not a valid helpUri: it goes in the properties.
    expect(run.tool.driver.rules[1]).not.toHaveProperty('helpUri');
    expect(run.tool.driver.rules[1]?.properties).toEqual({ docs: 'rules/lint/README.md#no-overpromise' });
    expect(run.tool.driver.rules[0]).toMatchObject({
      helpUri: 'https://example.org/rules/shipping-wording',
      shortDescription: { text: rules[0]!.description },
    });
  });

  it('one result per finding with ruleId, ruleIndex, level and message', () => {
    expect(run.results.map((r) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ['shipping-wording', 0, 'error'],
      ['no-overpromise', 1, 'warning'],
      ['shipping-wording', 0, 'error'],
    ]);
    expect(run.results[1]?.message.text).toBe('Do not promise an outcome');
  });

  it('locations: percent-encoded URI, line, column, and the character offset in the file', () => {
    const location = run.results[0]?.locations[0]?.physicalLocation;
    expect(location?.artifactLocation.uri).toBe('exports/%E5%AE%A2%E6%9C%8D%205%E6%9C%88.jsonl');
    expect(location?.region).toEqual({
      startLine: 12,
      startColumn: 18,
      endLine: 12,
      endColumn: 21,
      charOffset: 306,
      charLength: 3,
      snippet: { text: '已发货' },
    });
  });

  it('a reply given inline becomes an artifact with its text', () => {
    expect(run.results[2]?.locations[0]?.physicalLocation.artifactLocation).toEqual({ index: 0 });
    expect(run.artifacts).toEqual([{ contents: { text: '已发货了' }, mimeType: 'text/plain' }]);
  });

  it('a fix becomes a SARIF fix, its text encoded as the source writes the reply', () => {
    const quoted = linted(
      '说"已发货"',
      [finding('说"已发货"', '已发货', { fix: { range: [2, 2], text: '仓库"' } })],
      {
        source: 'a.jsonl',
        origin: { line: 1, column: 11, offset: 10, encoding: 'json-string', raw: '说\\"已发货\\"' },
      },
    );
    const fixed = JSON.parse(sarif([quoted])) as typeof log;
    const replacement = fixed.runs[0]!.results[0]?.fixes?.[0]?.artifactChanges[0]?.replacements[0];
    expect(replacement).toEqual({
      deletedRegion: {
        startLine: 1,
        startColumn: 14,
        endLine: 1,
        endColumn: 14,
        charOffset: 13,
        charLength: 0,
      },
      insertedContent: { text: '仓库\\"' },
    });
  });

  it('a stable fingerprint per finding', () => {
    const again = JSON.parse(sarif([inFile], { rules })) as typeof log;
    expect(again.runs[0]!.results[0]?.partialFingerprints).toEqual(run.results[0]?.partialFingerprints);
    expect(run.results[0]?.partialFingerprints).not.toEqual(run.results[1]?.partialFingerprints);
  });

  it('the shape check itself catches unknown properties, bad regions and relative help URIs', () => {
    const bad = JSON.parse(sarif([inFile], { rules })) as {
      runs: Array<{
        colour?: string;
        tool: { driver: { rules: Array<{ helpUri?: string }> } };
        results: SarifResult[];
      }>;
    };
    const run = bad.runs[0]!;
    run.colour = 'red';
    run.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
    run.tool.driver.rules[0]!.helpUri = 'docs/rules.md';
    expect(sarifProblems(bad)).toEqual([
      'runs[0].colour is not a property of run (additionalProperties: false)',
      'rules[0].helpUri must be an absolute URI (§3.49.12)',
      'results[0]: region.startLine must be ≥ 1 (§3.30.5)',
    ]);
  });

  it('no findings: a valid log with no results', () => {
    const empty = JSON.parse(sarif([clean], { rules }));
    expect(sarifProblems(empty)).toEqual([]);
    expect(empty.runs[0].results).toEqual([]);
  });

  it.each([
    ['replies.jsonl', 'replies.jsonl'],
    ['data/a b.csv', 'data/a%20b.csv'],
    ['/tmp/x/回复.txt', 'file:///tmp/x/%E5%9B%9E%E5%A4%8D.txt'],
    ['C:\\data\\r.csv', 'file:///C:/data/r.csv'],
  ])('sarifUri(%j) = %s', (path, uri) => {
    expect(sarifUri(path)).toBe(uri);
  });
});

describe('github', () => {
  it('one annotation per finding with file, line, col, end and title', () => {
    expect(github([inFile, clean]).split('\n')).toEqual([
      '::error file=exports/客服 5月.jsonl,line=12,col=18,endLine=12,endColumn=21,title=huashu shipping-wording::Do not say “已发货” before the carrier scan (reply r-1, agent 小王)',
      '::warning file=exports/客服 5月.jsonl,line=12,col=22,endLine=12,endColumn=24,title=huashu no-overpromise::Do not promise an outcome (reply r-1, agent 小王)',
      '',
    ]);
  });

  it('escapes %, line breaks, and : , in properties', () => {
    const odd = linted('a', [finding('a', 'a', { message: '100% wrong\nsecond line' })], {
      source: 'x,y:z.txt',
    });
    expect(github([odd])).toBe(
      '::error file=x%2Cy%3Az.txt,line=1,col=1,endLine=1,endColumn=2,title=huashu shipping-wording::100%25 wrong%0Asecond line\n',
    );
  });

  it('inline replies have no file property', () => {
    expect(github([inline])).toMatch(/^::error line=1,col=1,/);
  });
});
