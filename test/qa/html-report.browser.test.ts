/**
 * The QA HTML report in a real headless Chromium, opened from file:// as a team lead opens it: every
 * chart drawn, the per-agent table sorts, no console error, no request but the file itself.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { execute } from '../../src/cli/index.js';
import { REPORT_LOCALES, type ReportLocale } from '../../src/cli/qa/report-labels.js';
import { CHROMIUM, describeWithPart, launchChromium } from '../helpers/external.js';
import { fakeIo } from '../helpers/fake-io.js';

const FIXTURE = join(import.meta.dirname, 'report', 'export.jsonl');
const CHARTS = ['scores', 'checks', 'responses', 'days'] as const;

describeWithPart(CHROMIUM, 'the QA HTML report in Chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'huashu-qa-browser-'));
  const reports = new Map<ReportLocale, string>();

  beforeAll(async () => {
    for (const locale of REPORT_LOCALES) {
      const file = join(dir, `report.${locale}.html`);
      const run = fakeIo('', { cwd: dir });
      // Exit 2: the fixture has two malformed lines, reported in the page.
      expect(
        await execute(['qa', FIXTURE, '--format', 'html', '-o', file, '--report-locale', locale], run.io),
      ).toBe(2);
      reports.set(locale, file);
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a report, recording console errors, page errors, dialogs and every request. */
  async function open(locale: ReportLocale) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(reports.get(locale)!).href, { waitUntil: 'load' });
    await page.waitForFunction("document.querySelectorAll('.uplot').length === 4", null, { timeout: 10_000 });
    return { page, problems, requests };
  }

  /**
   * Share of a chart canvas's pixels that are painted, and how many are of a series colour (they are
   * saturated: blue, red, amber; axes and grid are grey). Browser code, as a string: the tests are
   * type-checked without the DOM library.
   */
  const PAINT = `(id) => {
    const canvas = document.querySelector('#chart-' + id + ' canvas');
    if (canvas === null) return { painted: 0, coloured: 0, width: 0 };
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      painted += 1;
      if (Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 80) coloured += 1;
    }
    return { painted: painted / (canvas.width * canvas.height), coloured, width: canvas.width };
  }`;
  const paint = (page: Page, id: string) =>
    page.evaluate(`(${PAINT})(${JSON.stringify(id)})`) as Promise<{
      painted: number;
      coloured: number;
      width: number;
    }>;

  it.each(REPORT_LOCALES)(
    '%s: every chart is drawn, with no console error and no request but the file',
    async (locale) => {
      const { page, problems, requests } = await open(locale);
      for (const id of CHARTS) {
        const { painted, coloured, width } = await paint(page, id);
        expect(width, id).toBeGreaterThan(200);
        expect(painted, id).toBeGreaterThan(0.01);
        expect(coloured, id).toBeGreaterThan(200);
      }
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      expect(problems).toEqual([]);
      expect(requests.filter((url) => !/^(file|data):/.test(url))).toEqual([]);
      expect(requests).toEqual([pathToFileURL(reports.get(locale)!).href]);
      await page.close();
    },
  );

  it('customer markup shows as text and runs nothing', async () => {
    const { page, problems } = await open('en');
    await expect(
      page.locator('.turn .text', { hasText: "<script>alert('xss')</script>" }).count(),
    ).resolves.toBe(1);
    await expect(
      page.locator('.turn .text', { hasText: '<img src=x onerror=alert(1)>' }).count(),
    ).resolves.toBe(1);
    expect(await page.locator('img').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the per-agent table sorts on a header click, and the other way on a second click', async () => {
    const { page, problems } = await open('zh-Hans');
    const column = (index: number) =>
      page.$$eval(
        '#agents-table tbody tr',
        (rows, i) =>
          rows.map(
            (row) =>
              (row as unknown as { cells: Array<{ dataset: { sort?: string } }> }).cells[i]!.dataset.sort ??
              '',
          ),
        index,
      );
    const numbers = (values: string[]) => values.filter((v) => v !== '').map(Number);
    const header = (index: number) => page.locator(`#agents-table thead th button[data-column="${index}"]`);

    // Conversations (column 1): ascending, then descending.
    await header(1).click();
    const up = numbers(await column(1));
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(await page.locator('#agents-table thead th').nth(1).getAttribute('aria-sort')).toBe('ascending');
    await header(1).click();
    const down = numbers(await column(1));
    expect(down).toEqual([...up].sort((a, b) => b - a));
    expect(await page.locator('#agents-table thead th').nth(1).getAttribute('aria-sort')).toBe('descending');

    // Median first response (column 4): an agent without one stays last.
    await header(4).click();
    const medians = await column(4);
    expect(medians[medians.length - 1]).toBe('');
    expect(numbers(medians)).toEqual(numbers(medians).sort((a, b) => a - b));

    // Agent names (column 0) sort as text.
    await header(0).click();
    const names = await column(0);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-Hans', { numeric: true }).compare));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('writes a full-page screenshot', async () => {
    const { page } = await open('zh-Hans');
    const file = join(dir, 'report.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(50_000);
    await page.close();
  });
});
