/**
 * The playground page (issue 14): the JavaScript it carries (bytes of its inline script, and what
 * is in them) and "first result after load" — navigation start → the first intent on screen — in
 * Debian's Chromium from file://, the median of fresh page loads. `npm run bench -- playground`.
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as esbuild, type Metafile, type Plugin } from 'esbuild';
import { francDataSubset, noSourceMap, zodEnglishOnly } from '../tsup.config.js';
import { buildPlayground, inlineScriptBytes } from '../test/playground/build.js';
import { launchChromium } from '../test/helpers/external.js';
import { fmt, median, type Row, type Suite } from './harness.js';

const RUNS = 7;
const ENTRY = fileURLToPath(new URL('../playground/src/main.ts', import.meta.url));
const CASE =
  '#text=' +
  encodeURIComponent('我的快递三天了还没动，你们再不处理我就投诉') +
  '&draft=' +
  encodeURIComponent('亲，仓库已发货了，明天肯定到，加我微信 wx12345');

const kb = (bytes: number) => fmt(bytes / 1024, 1);

/** Where a bundled input comes from: a package, a generated data module, a core area, the page. */
function owner(input: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (pkg) return `package ${pkg[1]}`;
  const generated = /src\/generated\/([^/]+)\.ts$/.exec(input);
  if (generated) return `data src/generated/${generated[1]}`;
  const area = /(?:^|\/)src\/([^/]+)/.exec(input);
  if (area) return `code src/${area[1]}`;
  return input.includes('playground/') ? 'code playground/src' : input;
}

/** As the page's pageOnlyTrims (playground/build/trims.ts): json-rules-engine left out. */
const noReferenceEngine: Plugin = {
  name: 'no-reference-engine',
  setup(build) {
    build.onResolve({ filter: /^json-rules-engine$/ }, () => ({
      path: 'stub',
      namespace: 'no-reference-engine',
    }));
    build.onLoad({ filter: /.*/, namespace: 'no-reference-engine' }, () => ({
      contents: 'export class Engine {} export class Operator {}',
      loader: 'js',
    }));
  },
};

/**
 * The same page bundled by esbuild (minified, UTF-8, the same trims as the Vite build) for its
 * metafile: bytes in the output per input. Vite's own output is the figure above; this splits it.
 */
async function breakdown(): Promise<Array<[string, number]>> {
  const result = await esbuild({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    charset: 'utf8',
    write: false,
    metafile: true,
    logLevel: 'silent',
    loader: { '.css': 'empty' },
    plugins: [francDataSubset, zodEnglishOnly, noSourceMap, noReferenceEngine],
  });
  const output = Object.values((result.metafile as Metafile).outputs)[0]!;
  const by = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs))
    by.set(owner(input), (by.get(owner(input)) ?? 0) + bytesInOutput);
  return [...by].sort((a, b) => b[1] - a[1]);
}

async function firstResults(url: string): Promise<Record<string, number>> {
  const browser = await launchChromium();
  try {
    const runs: Array<Record<string, number>> = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url + CASE);
      await page.waitForFunction(() => performance.getEntriesByName('playground:first-lint').length > 0);
      runs.push(
        // A string, not a function: tsx would wrap a named inner function in its __name helper.
        // `painted`: when the intent's text reached the screen (Element Timing of the element
        // marked elementtiming="first-result"), not when the script wrote it.
        (await page.evaluate(`new Promise((resolve) => {
          const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
          new PerformanceObserver((list) => {
            const entry = list.getEntries().find((e) => e.identifier === 'first-result');
            if (entry) resolve({ lint: at('playground:first-lint'), bundle: at('playground:bundle-start'), script: at('playground:script'), form: at('playground:form-painted'), fcp: at('first-contentful-paint'), assistant: at('playground:assistant-ready'), intent: at('playground:first-intent'), painted: entry.renderTime || entry.loadTime });
          }).observe({ type: 'element', buffered: true });
        })`)) as Record<string, number>,
      );
      await context.close();
    }
    return Object.fromEntries(Object.keys(runs[0]!).map((k) => [k, median(runs.map((r) => r[k]!))]));
  } finally {
    await browser.close();
  }
}

export const playgroundSuite: Suite = {
  name: 'playground',
  async run(): Promise<Row[]> {
    const built = await buildPlayground();
    try {
      const js = inlineScriptBytes(built.html);
      const gzipped = gzipSync(built.html.match(/<script\b[^>]*>([\s\S]*?)<\/script>/)?.[1] ?? '').length;
      const load = loadavg()[0]!;
      const times = await firstResults(built.url);
      const parts = await breakdown();
      const partsTotal = parts.reduce((sum, [, bytes]) => sum + bytes, 0);
      const row = (measure: string, value: string, goal = ''): Row => ({ measure, value, goal });
      return [
        row('page JavaScript, minified (KB, inline script of dist/index.html)', kb(js), '≤ 1024'),
        row('  gzipped (KB)', kb(gzipped)),
        row('whole index.html (KB)', kb(Buffer.byteLength(built.html))),
        row(
          `first result on screen after load (ms, median of ${RUNS} loads from file://: the intent painted)`,
          fmt(times.painted!, 0),
          '≤ 300',
        ),
        row('  navigation start → script starts (ms: HTML read, script compiled)', fmt(times.bundle!, 0)),
        row('  → library modules initialised (ms)', fmt(times.script! - times.bundle!, 0)),
        row(
          '  → the form painted (ms; first contentful paint at ' + fmt(times.fcp!, 0) + ')',
          fmt(times.form! - times.script!, 0),
        ),
        row('  → createAssistant() done (ms)', fmt(times.assistant! - times.form!, 0)),
        row('  → first analyze() written to the page (ms)', fmt(times.intent! - times.assistant!, 0)),
        row('  → painted (ms)', fmt(times.painted! - times.intent!, 0)),
        row('link → intent and draft findings on screen (ms, median)', fmt(times.lint!, 0), '≤ 2000'),
        row('load average (1 min) while measuring', fmt(load, 2)),
        row(`what is in it (esbuild metafile of the same page: ${kb(partsTotal)} KB)`, '', ''),
        ...parts
          .slice(0, 18)
          .map(([name, bytes]) =>
            row(`  ${name}`, `${kb(bytes)} KB  ${fmt((100 * bytes) / partsTotal, 1)} %`),
          ),
        row(
          `  ${parts.length - 18} smaller parts`,
          `${kb(parts.slice(18).reduce((s, [, b]) => s + b, 0))} KB`,
        ),
      ];
    } finally {
      rmSync(built.dir, { recursive: true, force: true });
    }
  },
};
