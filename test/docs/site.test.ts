/**
 * The documentation site as users get it: `scripts/docs/build.ts` builds docs/dist once (unless
 * HUASHU_DOCS_REUSE=1 and it exists), then
 * - linkinator (a maintained link checker) finds no broken link in it, offline;
 * - every rule `huashu lint --format sarif` lists has its page, and its helpUri points to it;
 * - Debian's Chromium opens the pages from file:// and follows links between them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LinkChecker } from 'linkinator';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCS_BASE_URL, ruleDocsPath, ruleDocsUrl } from '../../src/lint/docs.js';
import { lintRules } from '../../src/lint/rule-list.js';
import { checkDocsUrl } from '../../src/cli/qa/report-docs.js';
import { CHECK_IDS } from '../../src/qa/check-ids.js';
import { CHROMIUM, describeWithPart, launchChromium } from '../helpers/external.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'docs', 'dist');
const BIN = join(ROOT, 'dist', 'cli', 'bin.js');

beforeAll(() => {
  if (process.env.HUASHU_DOCS_REUSE === '1' && existsSync(join(DIST, 'index.html'))) return;
  const started = Date.now();
  const build = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'docs', 'build.ts')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 400_000,
  });
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  console.log(`${build.stdout.trim()}\ndocs: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 420_000);

describe('the documentation site', () => {
  it('has no broken link (linkinator, local links only: the tests run offline)', async () => {
    const checker = new LinkChecker();
    const result = await checker.check({
      path: DIST,
      recurse: true,
      checkFragments: true,
      // External sites are not reachable from CI's closed network; their addresses are constants.
      linksToSkip: ['^https?://(?!localhost)', '^mailto:'],
      concurrency: 20,
    });
    const broken = result.links
      .filter((link) => link.state === 'BROKEN')
      .map((link) => `${link.url} (from ${link.parent ?? '?'}, ${link.status ?? ''})`);
    expect(broken).toEqual([]);
    // The crawl reached every kind of page, not just the home page.
    const checked = result.links.filter((link) => link.state === 'OK').map((link) => link.url);
    for (const page of [
      'rules/shipping-wording.html',
      'templates/answer/greeting.html',
      'actions/order.flag_note.html',
      'intents/order.ship_time.html',
      'api/index.html',
      'guide/check-a-draft.html',
      'playground/index.html',
    ])
      expect(
        checked.some((url) => url.endsWith(`/${page}`)),
        page,
      ).toBe(true);
  }, 300_000);

  it('every rule huashu lint --format sarif lists has its page, and its helpUri points to it', () => {
    const run = spawnSync(process.execPath, [BIN, 'lint', '着什么急', '--format', 'sarif'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(1);
    const log = JSON.parse(run.stdout) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri?: string }> } } }>;
    };
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.map((rule) => rule.id).sort()).toEqual(lintRules.map((rule) => rule.id).sort());
    for (const rule of rules) {
      expect(rule.helpUri).toBe(ruleDocsUrl(rule.id));
      expect(rule.helpUri!.startsWith(DOCS_BASE_URL)).toBe(true);
      // The published address maps onto the built site: base URL + path = docs/dist/ + path.
      const page = join(DIST, ruleDocsPath(rule.id));
      expect(existsSync(page), page).toBe(true);
      const html = readFileSync(page, 'utf8');
      expect(html).toContain(`id="${rule.id}"`);
      expect(html).toContain('Correct');
      expect(html).toContain('Incorrect');
    }
  });

  it('every link of the QA report to a check documentation page lands on a page and anchor of the site', () => {
    for (const id of CHECK_IDS) {
      const url = checkDocsUrl(id);
      expect(url.startsWith(DOCS_BASE_URL), url).toBe(true);
      const [path, fragment] = url.slice(DOCS_BASE_URL.length).split('#') as [string, string | undefined];
      const page = join(DIST, path);
      expect(existsSync(page), page).toBe(true);
      if (fragment !== undefined) expect(readFileSync(page, 'utf8'), url).toContain(`id="${fragment}"`);
    }
  });

  it('generates a page per template, action and intent, each linked from its index', () => {
    for (const section of ['templates', 'actions', 'intents']) {
      const index = readFileSync(join(DIST, section, 'index.html'), 'utf8');
      const links = [...index.matchAll(/<a href="([^"#:]+\.html)"/g)]
        .map((m) => m[1]!)
        .filter((href) => href !== 'index.html');
      expect(links.length, section).toBeGreaterThan(20);
      for (const href of links)
        expect(existsSync(join(DIST, section, href)), `${section}/${href}`).toBe(true);
    }
  });
});

describeWithPart(CHROMIUM, 'the documentation site in Chromium, from file://', () => {
  it('opens the home page, follows the nav to a rule page and a rule page to a guide, without errors', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('requestfailed', (request) =>
        errors.push(`${request.url()}: ${request.failure()?.errorText ?? ''}`),
      );

      await page.goto(pathToFileURL(join(DIST, 'index.html')).href);
      expect(await page.title()).toContain('huashu');
      await page.locator('a.VPNavBarMenuLink', { hasText: 'Rules' }).first().click();
      await page.waitForURL(/\/rules\/index\.html$/);
      await page.locator('main a', { hasText: 'shipping-wording' }).first().click();
      await page.waitForURL(/\/rules\/shipping-wording\.html$/);
      expect(await page.locator('h1').first().textContent()).toContain('shipping-wording');
      // The theme's stylesheet loaded from file://: the nav bar is laid out as a fixed bar.
      // Run in the page (a string, so this file needs no DOM types).
      const position = await page.evaluate('getComputedStyle(document.querySelector(".VPNav")).position');
      expect(['fixed', 'sticky', 'relative']).toContain(position);
      expect(await page.evaluate('document.styleSheets.length')).toBeGreaterThan(0);
      await page.locator('main a', { hasText: 'checking a draft' }).click();
      await page.waitForURL(/\/guide\/check-a-draft\.html$/);
      expect(await page.locator('h1').first().textContent()).toContain('Check a draft');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
