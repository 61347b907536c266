import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/index.js';
import {
  buildHtmlReport,
  chartData,
  escapeHtml,
  jsonForScript,
  markedTurnHtml,
  type HtmlReportInput,
  type ReportChartData,
} from '../../src/cli/qa/html-report.js';
import { checkDocsUrl } from '../../src/cli/qa/report-docs.js';
import { DOCS_BASE_URL } from '../../src/lint/docs.js';
import { REPORT_LABELS, reportLocaleFromEnv } from '../../src/cli/qa/report-labels.js';
import { maskPersonalData } from '../../src/cli/qa/report-mask.js';
import { isHuashuError } from '../../src/errors.js';
import { aggregateResults } from '../../src/qa/aggregate.js';
import { CHECK_IDS } from '../../src/qa/check-ids.js';
import { createQa } from '../../src/qa/create.js';
import { fakeIo } from '../helpers/fake-io.js';

const FIXTURE = join(import.meta.dirname, 'report', 'export.jsonl');
const AT = new Date('2024-06-01T08:00:00Z');

/** The fixture's records (the malformed lines dropped, as the CLI skips them). */
function fixtureRecords(): unknown[] {
  return readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{') && !line.includes('"robot"'))
    .map((line) => JSON.parse(line) as unknown);
}

function reportInput(records: unknown[], overrides: Partial<HtmlReportInput> = {}): HtmlReportInput {
  const qa = createQa();
  const conversations = qa.group(records);
  const results = conversations.map((c) => qa.check(c));
  return {
    results,
    aggregates: aggregateResults(results),
    conversations,
    scorecard: qa.scorecard,
    generatedAt: AT,
    ...overrides,
  };
}

/** Text of HTML: tags dropped, the entities escapeHtml writes decoded. */
const textOf = (html: string) =>
  html.replace(/<[^>]*>/g, '').replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

const embeddedData = (html: string) =>
  JSON.parse(
    /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)![1]!,
  ) as ReportChartData;

const turn = (conversationId: string, role: string, text: string, time: string, agent?: string) => ({
  conversationId,
  role,
  text,
  time,
  ...(agent === undefined ? {} : { agent }),
});

describe('escaping', () => {
  it.each([
    ['<script>alert(1)</script>', '&#60;script&#62;alert(1)&#60;/script&#62;'],
    ['a & b', 'a &#38; b'],
    [`"quoted" 'single'`, '&#34;quoted&#34; &#39;single&#39;'],
    ['亲，您好', '亲，您好'],
  ])('escapeHtml(%j)', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('escapeHtml leaves no markup character and decodes back to the text (any string)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), (text) => {
        const html = escapeHtml(text);
        expect(html).not.toMatch(/[<>"']/);
        expect(textOf(html)).toBe(text);
      }),
    );
  });

  it('jsonForScript cannot close its script element and parses back to the value (any JSON)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = jsonForScript(value);
        expect(json).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('a turn, an agent name and a conversation id with markup show as text: no extra element, script or handler', () => {
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const html = buildHtmlReport(
      reportInput([
        turn(`id${evil}`, 'customer', `太慢了！${evil}`, '2024-05-20 10:00:00'),
        turn(`id${evil}`, 'agent', `你自己不会看物流吗？${evil}`, '2024-05-20 10:02:00', `agent${evil}`),
      ]),
    );
    expect(html.match(/<script/g)).toHaveLength(3); // the data, uPlot, the report script
    expect(html).not.toContain('<img');
    // Every attribute value is double-quoted and escaped: emptied, what is left is the markup.
    const markup = html.replace(/<script\b[^>]*>.*?<\/script>/gs, '').replace(/="[^"]*"/g, '=""');
    expect(markup).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    // The data script carries figures and labels only, never customer text.
    expect(html.split('id="report-data">')[1]!.split('</script>')[0]).not.toContain('alert');
  });
});

describe('personal data', () => {
  it('turns, evidence and skipped lines show phone numbers and addresses masked as lint findings mask them', () => {
    const html = buildHtmlReport(
      reportInput(fixtureRecords(), {
        malformedLines: 1,
        malformedSamples: [{ source: 'x.jsonl', line: 3, message: 'bad line near 13812345678' }],
      }),
    );
    expect(html).not.toContain('13812345678');
    expect(html).not.toContain('221 Baker Street');
    expect(html).not.toContain('7911 123456');
    expect(html).toContain('138****5678');
    expect(html).toContain('** Baker Street');
  });

  it('marked text reads as the masked turn, whatever the ranges (any text)', () => {
    const pieces = fc.constantFrom(
      '您好',
      '13812345678',
      ' call +44 7911 123456 ',
      '张江路100号',
      '<b>',
      '&',
      'a',
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 8 }).map((p) => p.join('')),
        fc.array(fc.tuple(fc.nat(60), fc.nat(20)), { maxLength: 4 }),
        (text, ranges) => {
          const marks = ranges.map(([start, length]) => ({
            range: [start, start + length] as [number, number],
            title: 't',
          }));
          const html = markedTurnHtml(text, marks);
          expect(textOf(html)).toBe(maskPersonalData(text));
          expect(html).not.toMatch(/<(?!\/?(mark|span)\b)/);
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    ['a mark cutting a datum', '电话13812345678', [4, 6]],
    ['an empty mark at a datum', '电话13812345678', [2, 2]],
    ['a mark over the whole datum', '电话13812345678', [2, 13]],
  ] as const)('%s covers the whole masked datum, shown once', (_, text, range) => {
    expect(markedTurnHtml(text, [{ range: [...range], title: 'pii' }])).toBe(
      '电话<mark title="pii"><span class="masked">138****5678</span></mark>',
    );
  });
});

describe('the report', () => {
  const input = reportInput(fixtureRecords(), {
    source: 'export.jsonl',
    malformedLines: 2,
    malformedSamples: [
      { source: 'export.jsonl', line: 29, message: 'invalid JSON' },
      { source: 'export.jsonl', line: 30, message: 'role: unknown' },
    ],
  });
  const html = buildHtmlReport(input);
  const { aggregates } = input;

  it('has every section and one chart element per chart', () => {
    for (const id of ['summary', 'charts', 'agents', 'checks', 'worst', 'skipped'])
      expect(html, id).toContain(`id="${id}"`);
    for (const chart of ['scores', 'checks', 'responses', 'days'])
      expect(html, chart).toContain(`id="chart-${chart}" data-chart="${chart}"`);
    expect(html).toContain('id="agents-table"');
  });

  it('is self-contained: no external URL loaded, a CSP allowing only its own scripts by hash', () => {
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]*\s(src|href)=/);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    const scripts = [...html.matchAll(/<script>(.*?)<\/script>/gs)].map((m) => m[1]!);
    expect(scripts).toHaveLength(2);
    for (const script of scripts)
      expect(csp).toContain(`'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);
  });

  it('summary figures equal the aggregates', () => {
    const card = (key: string) => new RegExp(`data-card="${key}"><div class="value">([^<]*)<`).exec(html)![1];
    expect(card('conversations')).toBe(String(aggregates.conversations));
    expect(card('average')).toBe(String(aggregates.averageScore));
    expect(card('fatal')).toBe(String(aggregates.fatalCount));
    expect(card('skipped')).toBe('2');
  });

  it('the per-agent table has one row per agent with the aggregate figures', () => {
    const table = /<table class="sortable" id="agents-table">(.*?)<\/table>/s.exec(html)![1]!;
    const rows = [...table.matchAll(/<tr><th scope="row" data-sort="([^"]*)">.*?<\/tr>/gs)];
    expect(rows.map((r) => textOf(r[1]!))).toEqual(aggregates.byAgent.map((a) => a.agent));
    rows.forEach((row, i) => {
      const a = aggregates.byAgent[i]!;
      const sorts = [...row[0].matchAll(/<td data-sort="([^"]*)">/g)].map((m) => m[1]!);
      expect(sorts).toEqual(
        [
          a.conversations,
          a.averageScore,
          a.fatalCount,
          a.medianFirstResponseSeconds,
          ...CHECK_IDS.map((id) => a.failureRate[id]),
        ].map((v) => (v === null ? '' : String(v))),
      );
    });
  });

  it('the per-check table and the chart data equal the aggregates', () => {
    for (const id of CHECK_IDS) {
      const c = aggregates.byCheck[id];
      const row = new RegExp(`<tr data-check="${id}">(.*?)</tr>`, 's').exec(html)![1]!;
      const cells = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((m) => textOf(m[1]!));
      expect(cells.slice(1, 4)).toEqual([String(c.pass), String(c.fail), String(c['n/a'])]);
      expect(row).toContain(`data-rate="${c.failureRate ?? ''}"`);
    }
    const data = embeddedData(html);
    expect(data.checks.failureRatePercent).toEqual(
      CHECK_IDS.map((id) => {
        const rate = aggregates.byCheck[id].failureRate;
        return rate === null ? null : Math.round(rate * 1000) / 10;
      }),
    );
    expect(data.scores.counts.reduce((a, b) => a + b, 0)).toBe(aggregates.conversations);
    const timed = input.results.filter((r) => r.metrics.firstResponseSeconds !== null).length;
    expect(data.responses.first.reduce((a, b) => a + b, 0)).toBe(timed);
    const days = aggregates.byDay;
    expect(data.days.days).toEqual(days.map((d) => d.day)); // consecutive days in the fixture
    expect(data.days.conversations).toEqual(days.map((d) => d.conversations));
    expect(data.days.averageScore).toEqual(days.map((d) => d.averageScore));
  });

  it('bins scores and times by their edges, and fills days without conversations with gaps', () => {
    const results = input.results.map((r, i) => ({
      ...r,
      score: [0, 9.9, 10, 99.9, 100][i % 5]!,
      metrics: { ...r.metrics, firstResponseSeconds: [0, 10, 59.9, 600, 5000][i % 5]! },
      day: i === 0 ? '2024-05-01' : '2024-05-04',
    }));
    const data = chartData(results, aggregateResults(results), REPORT_LABELS.en);
    const expectedScores = new Array<number>(10).fill(0);
    const expectedTimes = new Array<number>(9).fill(0);
    results.forEach((_, i) => {
      expectedScores[[0, 0, 1, 9, 9][i % 5]!]! += 1;
      expectedTimes[[0, 1, 4, 8, 8][i % 5]!]! += 1;
    });
    expect(data.scores.counts).toEqual(expectedScores);
    expect(data.responses.first).toEqual(expectedTimes);
    expect(data.responses.bins[5]).toBe('1–2 min');
    expect(data.days.days).toEqual(['2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04']);
    expect(data.days.conversations).toEqual([1, null, null, results.length - 1]);
  });

  it('lists the lowest-scoring conversations, fatal first, with each failed check linked to its documentation', () => {
    const shown = [
      ...html.matchAll(/<article class="conversation[^"]*" id="c\d+"[^>]*><h3><span class="cid">([^<]*)</g),
    ].map((m) => m[1]);
    const expected = [...input.results]
      .filter((r) => r.score < 100)
      .sort((a, b) => a.score - b.score || a.conversationId.localeCompare(b.conversationId))
      .slice(0, 10)
      .map((r) => r.conversationId);
    expect(shown).toEqual(expected);
    for (const result of input.results.filter((r) => expected.includes(r.conversationId)))
      for (const check of result.checks.filter((c) => c.result === 'fail'))
        expect(html).toContain(`data-check="${check.id}"`);
    const links = [
      ...html.matchAll(/<li class="failed-check" data-check="([^"]+)">.*?<a class="docs" href="([^"]+)"/g),
    ];
    expect(links.length).toBeGreaterThan(0);
    for (const [, id, href] of links)
      expect(href).toBe(escapeHtml(checkDocsUrl(id as (typeof CHECK_IDS)[number])));
  });

  it('marks the offending turns and links evidence to them', () => {
    // r-zh-02: the agent's turn 2 is a forbidden rhetorical question.
    const article = /<article[^>]*>(?:(?!<\/article>).)*r-zh-02.*?<\/article>/s.exec(html)![0];
    const anchor = /id="(c\d+)"/.exec(article)![1]!;
    expect(article).toContain(`href="#${anchor}-t2"`);
    expect(article).toMatch(new RegExp(`<li id="${anchor}-t2" class="turn agent offending">`));
    expect(article).toMatch(/<mark title="[^"]*Forbidden language[^"]*">你自己不会看物流吗/);
  });

  it('says what was skipped: malformed lines and the checks that did not apply, with their reason', () => {
    const skipped = /<section id="skipped">(.*?)<\/section>/s.exec(html)![1]!;
    expect(textOf(skipped)).toContain('export.jsonl:29 invalid JSON');
    expect(skipped).toMatch(/<tr data-check="shipping-wording">.*no order facts/);
    expect(skipped).toMatch(/<tr data-check="satisfaction">/);
  });
});

describe('docs links and locales', () => {
  it('checkDocsUrl: lint-backed checks link to their rule section, the others to the QA rules page', () => {
    expect(checkDocsUrl('pii')).toBe(`${DOCS_BASE_URL}rules/no-pii-leak.html`);
    expect(checkDocsUrl('greeting')).toBe(`${DOCS_BASE_URL}rules/greet-first.html`);
    expect(checkDocsUrl('first-response')).toBe(`${DOCS_BASE_URL}guide/qa-scorecard.html#first-response`);
  });

  it.each([
    ['zh-Hans', '会话质检报告', '禁用语'],
    ['zh-Hant', '會話質檢報告', '禁用語'],
    ['en', 'Conversation QA report', 'Forbidden language'],
  ] as const)('labels in %s', (locale, title, check) => {
    const html = buildHtmlReport(reportInput(fixtureRecords(), { locale }));
    expect(html).toContain(`<html lang="${locale}">`);
    expect(html).toContain(`<h1>${title}</h1>`);
    expect(embeddedData(html).checks.names).toContain(check);
  });

  it.each([
    [{ LANG: 'zh_CN.UTF-8' }, 'zh-Hans'],
    [{ LANG: 'zh_TW.UTF-8' }, 'zh-Hant'],
    [{ LC_ALL: 'zh_HK.UTF-8', LANG: 'en_US.UTF-8' }, 'zh-Hant'],
    [{ LANG: 'en_GB.UTF-8' }, 'en'],
    [{}, 'en'],
  ])('locale from the environment %j → %s', (env, locale) => {
    expect(reportLocaleFromEnv(env)).toBe(locale);
  });

  it.each([
    [{ locale: 'fr' as never }, 'locale must be one of'],
    [{ worst: -1 }, 'worst must be a whole number'],
    [{ aggregates: aggregateResults([]) }, 'aggregates must be'],
  ])('rejects bad input %j with INVALID_INPUT', (override, message) => {
    let caught: unknown;
    try {
      buildHtmlReport(reportInput(fixtureRecords(), override));
    } catch (error) {
      caught = error;
    }
    expect(isHuashuError(caught) && caught.code).toBe('INVALID_INPUT');
    expect((caught as Error).message).toContain(message);
  });
});

describe('huashu qa --format html', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huashu-qa-report-'));

  it('-o writes the report to the file and nothing to standard output; malformed lines are listed', async () => {
    const run = fakeIo('', { cwd: dir });
    const code = await execute(
      ['qa', FIXTURE, '--format', 'html', '-o', 'report.html', '--report-locale', 'zh-Hant'],
      run.io,
    );
    expect(code).toBe(2); // two malformed lines in the fixture
    expect(run.stdout).toBe('');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="zh-Hant">');
    expect(html).toContain('data-card="skipped"><div class="value">2<');
    expect(textOf(html)).toContain('export.jsonl:29');
    // One language for the lead: the turn links, the units and the checks' reasons too.
    expect(textOf(html)).toMatch(/第 \d+ 輪/);
    expect(textOf(html)).not.toMatch(/Turn \d|the first agent turn|no offer of further help/);
    expect(textOf(html)).toMatch(/首次回應 [\d.–]+ 秒 · /);
  });

  it('without -o the report goes to standard output; json and stylish take -o too', async () => {
    const run = fakeIo('', { cwd: dir });
    await execute(['qa', FIXTURE, '--format', 'html'], run.io);
    expect(run.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(run.stdout).toContain('<html lang="en">');
    const json = fakeIo('', { cwd: dir });
    await execute(['qa', FIXTURE, '--format', 'json', '--output-file', 'out.jsonl'], json.io);
    expect(json.stdout).toBe('');
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8').trim().split('\n')).toHaveLength(11);
  });

  it.each([
    [['--format', 'html', '--report-locale', 'fr'], '--report-locale must be one of'],
    [['--format', 'pdf'], '--format must be json, stylish or html'],
    // A folder cannot be made inside a file.
    [['--format', 'html', '-o', join(FIXTURE, 'r.html')], 'Cannot write --output-file'],
  ])('%j is exit 2 with a message', async (args, message) => {
    const run = fakeIo('', { cwd: dir });
    expect(await execute(['qa', FIXTURE, ...args], run.io)).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('-o makes the folder it names, as huashu lint -o does', async () => {
    const run = fakeIo('', { cwd: dir });
    await execute(['qa', FIXTURE, '--format', 'html', '-o', join('reports', 'week', 'r.html')], run.io);
    expect(run.stderr).not.toContain('Cannot write');
    expect(readFileSync(join(dir, 'reports', 'week', 'r.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });
});
