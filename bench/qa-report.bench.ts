import { gzipSync } from 'node:zlib';
import { buildHtmlReport } from '../src/cli/qa/html-report.js';
import { aggregateResults } from '../src/qa/aggregate.js';
import { createQa } from '../src/qa/create.js';
import { sampleExport } from '../scripts/qa-sample-export.js';
import { fmt, type Suite } from './harness.js';

/**
 * The HTML report of `huashu qa --format html` over synthetic exports (scripts/qa-sample-export.ts,
 * seeded): scoring the conversations, then building the page (median of 5), and its size. The page
 * holds figures, not rows: it grows with agents and days, not with conversations.
 */
export const qaReportSuite: Suite = {
  name: 'qa-report',
  run() {
    const rows = [];
    for (const count of [1_000, 10_000]) {
      const records = sampleExport(count, 30).map((line) => JSON.parse(line) as unknown);
      const qa = createQa();
      let started = performance.now();
      const conversations = qa.group(records);
      const results = conversations.map((c) => qa.check(c));
      const aggregates = aggregateResults(results);
      const scoreMs = performance.now() - started;
      const times: number[] = [];
      let html = '';
      for (let i = 0; i < 5; i++) {
        started = performance.now();
        html = buildHtmlReport({ results, aggregates, conversations, scorecard: qa.scorecard });
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      rows.push({
        conversations: count,
        turns: records.length,
        'score (ms)': fmt(scoreMs, 0),
        'build report (ms, median of 5)': fmt(times[2]!, 1),
        'report (KB)': fmt(Buffer.byteLength(html) / 1024, 1),
        'gzipped (KB)': fmt(gzipSync(html).length / 1024, 1),
      });
    }
    return rows;
  },
};
