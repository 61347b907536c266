/**
 * `npm run docs:build`: the documentation site into docs/dist/.
 *
 * 1. the reference pages from the data (scripts/docs/generate.ts);
 * 2. the API reference from the types (TypeDoc with typedoc-plugin-markdown → docs/api/);
 * 3. VitePress, as plain pages (mpa), with the published path as base;
 * 4. every root-relative link made relative, so docs/dist opens from file:// and from any host;
 * 5. the playground (playground/dist, built by its own script) copied to docs/dist/playground/,
 *    or a page saying how to build it when it is not there.
 *
 * Needs src/generated (`npm run gen`); `npm run docs:build` runs both.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCS_BASE_URL } from '../../src/lint/docs.js';
import { generate } from './generate.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DOCS = join(ROOT, 'docs');
export const DIST = join(DOCS, 'dist');
const BASE = new URL(DOCS_BASE_URL).pathname; // '/huashu/'

/** The package's documented entry points (tsup.config.ts LIBRARY_ENTRIES). */
const API_ENTRIES = [
  'src/index.ts',
  'src/entry/intent.ts',
  'src/entry/lint.ts',
  'src/entry/qa.ts',
  'src/entry/templates.ts',
  'src/entry/text.ts',
  'src/entry/schemas.ts',
  'src/node/index.ts',
];

async function apiReference(): Promise<void> {
  const { Application } = await import('typedoc');
  const out = join(DOCS, 'api');
  rmSync(out, { recursive: true, force: true });
  const app = await Application.bootstrapWithPlugins({
    entryPoints: API_ENTRIES.map((entry) => join(ROOT, entry)),
    // Only src/: the whole project (tests, scripts) would triple TypeDoc's time.
    tsconfig: join(DOCS, 'tsconfig.api.json'),
    plugin: ['typedoc-plugin-markdown'],
    out,
    readme: 'none',
    entryFileName: 'index.md',
    skipErrorChecking: true,
    excludePrivate: true,
    excludeInternal: true,
    hideGenerator: true,
    logLevel: 'Error',
    // The markdown is rendered by VitePress: keep `{{` and `<T>` from being read as Vue.
    sanitizeComments: true,
  } as Record<string, unknown>);
  const project = await app.convert();
  if (!project) throw new Error('TypeDoc could not read the entry points');
  await app.generateOutputs(project);
  // Doc comments quote template syntax (`{{@channel}}`) in inline code, which Vue would evaluate.
  for (const file of files(out).filter((name) => name.endsWith('.md')))
    writeFileSync(file, `::: v-pre\n\n${readFileSync(file, 'utf8')}\n:::\n`);
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * `href="/huashu/guide/x.html"` in docs/dist/rules/a.html becomes `href="../guide/x.html"`;
 * `url(/huashu/assets/f.woff2)` in a stylesheet likewise. A link to a folder gets its index.html,
 * which file:// does not add by itself.
 */
export function relativize(dist: string, base = BASE): number {
  let changed = 0;
  const pattern = new RegExp(
    `((?:href|src|content)=["']|url\\(["']?)${base.replace(/[/.]/g, '\\$&')}([^"')\\s]*)`,
    'g',
  );
  for (const file of files(dist)) {
    if (!/\.(html|css)$/.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    const from = posix.dirname(relative(dist, file).split(sep).join('/'));
    const next = text.replace(pattern, (_, prefix: string, target: string) => {
      const [path = '', rest = ''] = target.split(/(?=[?#])/, 2);
      let to = path === '' || path.endsWith('/') ? `${path}index.html` : path;
      if (prefix.startsWith('content')) return `${prefix}${DOCS_BASE_URL}${target}`; // meta tags stay absolute
      to = posix.relative(from === '.' ? '' : from, to) || 'index.html';
      changed++;
      return `${prefix}${to}${rest}`;
    });
    if (next !== text) writeFileSync(file, next);
  }
  return changed;
}

function playground(): string {
  const built = join(ROOT, 'playground', 'dist');
  const target = join(DIST, 'playground');
  if (existsSync(join(built, 'index.html'))) {
    cpSync(built, target, { recursive: true });
    return 'copied from playground/dist';
  }
  mkdirSync(target, { recursive: true });
  writeFileSync(
    join(target, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>huashu playground</title>' +
      '<p>The playground is not in this build: build it (playground/, see its README) and run ' +
      '<code>npm run docs:build</code> again; it is copied here from <code>playground/dist</code>.</p>' +
      '<p><a href="../guide/playground.html">Back to the documentation</a></p>\n',
  );
  return 'placeholder (playground/dist not built)';
}

function size(dir: string): { files: number; bytes: number } {
  const all = files(dir);
  return { files: all.length, bytes: all.reduce((sum, file) => sum + statSync(file).size, 0) };
}

export async function buildDocs(
  options: { log?: (line: string) => void; api?: boolean } = {},
): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  const time = async (label: string, step: () => unknown) => {
    const started = performance.now();
    const result = await step();
    log(
      `docs: ${label} in ${((performance.now() - started) / 1000).toFixed(1)} s${typeof result === 'string' ? ` (${result})` : ''}`,
    );
  };
  await time('reference pages', () => {
    const sidebar = generate();
    return Object.entries(sidebar)
      .map(([section, items]) => `${items.length} ${section}`)
      .join(', ');
  });
  // --no-api keeps the last docs/api (for quick rebuilds of the guides).
  if (options.api !== false || !existsSync(join(DOCS, 'api', 'index.md')))
    await time('API reference (TypeDoc)', apiReference);
  rmSync(DIST, { recursive: true, force: true });
  await time('VitePress', async () => {
    const { build } = await import('vitepress');
    await build(DOCS);
  });
  await time('relative links', () => `${relativize(DIST)} links`);
  await time('playground', playground);
  const { files: count, bytes } = size(DIST);
  log(`docs: ${count} files, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${relative(ROOT, DIST)}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildDocs({ api: !process.argv.includes('--no-api') }).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
