/**
 * Regenerates docs/images/qa-report.png, the README's picture of the QA HTML report: 600 synthetic
 * conversations over 14 days (scripts/qa-sample-export.ts) through `huashu qa --format html
 * --report-locale zh-Hans`, opened from file:// in Debian's Chromium, the top of the page (summary,
 * charts, agents) captured at 1200 px wide.
 *
 *   npx tsx scripts/screenshot-qa-report.ts [out.png]
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execute } from '../src/cli/index.js';
import { launchChromium } from '../test/helpers/external.js';
import { sampleExport } from './qa-sample-export.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'docs', 'images', 'qa-report.png'));
const dir = mkdtempSync(join(tmpdir(), 'huashu-qa-shot-'));
try {
  const exportFile = join(dir, 'helpdesk-export.jsonl');
  writeFileSync(exportFile, `${sampleExport(600, 14).join('\n')}\n`);
  const report = join(dir, 'report.html');
  let stderr = '';
  const code = await execute(
    ['qa', 'helpdesk-export.jsonl', '--format', 'html', '-o', report, '--report-locale', 'zh-Hans'],
    {
      stdout: process.stdout,
      stderr: { write: (chunk: string) => (stderr += chunk) },
      stdin: process.stdin,
      cwd: dir,
      env: {},
    },
  );
  if (code === 2) throw new Error(`huashu qa failed:\n${stderr}`);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(report).href);
    await page.waitForFunction("document.querySelectorAll('.uplot').length === 4");
    const agents = await page.locator('#agents').boundingBox();
    const height = Math.ceil((agents?.y ?? 900) + Math.min(agents?.height ?? 0, 330));
    await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: 0, width: 1200, height } });
  } finally {
    await browser.close();
  }
  console.error(`${out}: ${Math.round(statSync(out).size / 1024)} KB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
