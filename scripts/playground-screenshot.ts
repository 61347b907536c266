/**
 * Regenerates docs/images/playground.png: builds the playground (as `npm run playground:build`,
 * without regenerating src/generated), opens it from file:// in Debian's Chromium with a sample
 * case in the URL fragment, and saves a screenshot of the top of the page. `npm run playground:screenshot`.
 * Chinese text needs a CJK font on the machine (Debian: fonts-wqy-microhei or fonts-noto-cjk).
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { launchChromium } from '../test/helpers/external.js';
import { fragment } from '../test/playground/build.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const output = join(root, 'docs', 'images', 'playground.png');
const LIMIT = 300 * 1024;

/** A sample case: a complaint about a stalled parcel, with facts, and a draft with three problems. */
const CASE = {
  text: '我的快递三天了还没动，单号 SF1234567890123，你们再不处理我就投诉',
  prev: '亲，您的包裹已经在路上了',
  facts: JSON.stringify({
    customer: { name: '王芳', gender: 'female' },
    order: { shipped: true, carrierScan: false },
  }),
  draft: '亲，仓库已发货了，明天肯定到，有事加我微信 wx12345',
};

await build({ configFile: join(root, 'playground', 'vite.config.ts'), logLevel: 'warn' });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1240 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(join(root, 'playground', 'dist', 'index.html')).href + fragment(CASE));
  await page.waitForSelector('[data-testid="intent"] [data-intent]');
  await page.waitForSelector('[data-testid="findings"] > li');
  mkdirSync(dirname(output), { recursive: true });
  // The first 1240 px (message to next actions, draft findings, packs): a full page is over the limit.
  await page.screenshot({ path: output });
} finally {
  await browser.close();
}
const bytes = statSync(output).size;
console.log(`${output}: ${(bytes / 1024).toFixed(0)} KB`);
if (bytes > LIMIT) {
  console.error(`larger than ${LIMIT / 1024} KB: shorten the sample case or the viewport`);
  process.exitCode = 1;
}
