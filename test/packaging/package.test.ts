/**
 * The published package, tested as a user installs it (npm pack, then `npm install <tarball>
 * --omit=dev` into an empty project): what it ships, what it installs, one core for import and
 * require, declarations that type-check without zod under every module resolution, and a core
 * that bundles for browsers with esbuild, Vite and webpack and runs with no Node built-ins.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED, LIBRARY_ENTRIES } from '../../tsup.config.js';
import { bundleWithEsbuild, bundleWithVite, bundleWithWebpack, runInBareContext } from './bundle.js';
import { diskUsage, installPackage, ROOT, type InstalledPackage } from './installed.js';
import type * as LintEntry from '../../src/entry/lint.js';

/**
 * Install size: issue 10's goal, 10 MB. It was 10.07 MB (du) with json-rules-engine and its six
 * dependencies installed (~2 MB) for the rare pack rule outside the compiled subset; that engine is
 * now an optional peer (2026-12-05), which leaves ~8.2 MB. The budget is the goal.
 */
const INSTALL_BUDGET = 10 * 1024 * 1024;
/**
 * The esbuild bundle of createAssistant, minified: the goal of issue 10, 900 KB. 1,885 KB before
 * the generated data was packed (src/util/packed-json.ts) and json-rules-engine left out of browser
 * bundles; 1,471 KB after; ~1,020 KB once re2js gave way to src/text/linear-regex.ts, the built-in
 * templates were built from shared factories, the schemas moved to zod/mini and the naive Bayes
 * counts to huashu/intent; 889 KB (2026-12-06) once handlebars' compiler and the pack checks moved
 * to huashu/templates' templateCompiler, the data to base85 and zopfli's DEFLATE.
 */
const BROWSER_BUNDLE_BUDGET = 900 * 1024;

let pkg: InstalledPackage;
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  files: string[];
};

beforeAll(() => {
  pkg = installPackage();
}, 600_000);

afterAll(() => {
  if (pkg) rmSync(dirname(pkg.app), { recursive: true, force: true });
});

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: pkg.app, encoding: 'utf8', timeout: 60_000 });
}

describe('what the package ships and installs', () => {
  it('ships dist, the rule and template sources, and not the training corpora (generated, grammar, written) or the calibration conversations', () => {
    expect(pkg.files).toContain('dist/index.js');
    expect(pkg.files).toContain('dist/index.cjs');
    expect(pkg.files).toContain('dist/cli/bin.js');
    expect(pkg.files).toContain('rules/intents/corpus.zh-Hans.json');
    expect(
      pkg.files.filter((f) => /^rules\/intents\/(generated|grammar|written|calibration)\//.test(f)),
    ).toEqual([]);
    expect(pkg.files.filter((f) => /^(src|test|bench|scripts)\//.test(f))).toEqual([]);
  });

  it(`installs in at most ${INSTALL_BUDGET / 1024 / 1024} MB with its dependencies (du of node_modules)`, () => {
    expect(diskUsage(join(pkg.app, 'node_modules'))).toBeLessThanOrEqual(INSTALL_BUDGET);
  });

  it('a dependency is bundled or installed, never both, and dist needs nothing else', () => {
    const installed = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}),
    ]);
    for (const name of installed)
      expect(
        BUNDLED.some((pattern) => pattern.test(name)),
        name,
      ).toBe(false);
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const specifiers = new Set<string>();
    for (const file of pkg.files.filter((f) => /^dist\/.*\.(c?js)$/.test(f))) {
      const code = readFileSync(join(pkg.packageDir, file), 'utf8');
      for (const m of code.matchAll(
        /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"'./][^"']*)["']/g,
      ))
        specifiers.add(m[1]!);
    }
    const packages = [...specifiers]
      .filter((s) => !builtins.has(s) && /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w./-]*)?$/.test(s))
      .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
    expect(packages.length).toBeGreaterThan(0);
    for (const name of packages) expect(installed.has(name), `dist imports ${name}`).toBe(true);
  });

  it('repository and homepage are set, so rule docs and SARIF helpUri links are absolute', () => {
    const installedManifest = JSON.parse(readFileSync(join(pkg.packageDir, 'package.json'), 'utf8')) as {
      repository?: { url?: string };
      homepage?: string;
    };
    expect(installedManifest.repository?.url).toMatch(/^git\+https:\/\/github\.com\/.+\.git$/);
    expect(installedManifest.homepage).toMatch(/^https:\/\//);
  });
});

describe('one core for import and require', () => {
  const entries = Object.keys(LIBRARY_ENTRIES).map((name) =>
    name === 'index' ? 'huashu' : `huashu/${name.replace(/\/index$/, '')}`,
  );

  it('require(): an error thrown through huashu/node is a HuashuError of huashu', () => {
    const out = node([
      '-e',
      `const { isHuashuError, HuashuError, createAssistant } = require('huashu');
       const nodeEntry = require('huashu/node');
       let error;
       try { nodeEntry.loadTemplatePack('/no/such/folder'); } catch (e) { error = e; }
       console.log(JSON.stringify({
         recognised: isHuashuError(error), instance: error instanceof HuashuError, code: error.code,
         sameClass: nodeEntry.HuashuError === HuashuError, sameFactory: nodeEntry.createAssistant === createAssistant,
         intent: createAssistant().analyze('亲，请问什么时候发货').intent.id,
         entries: ${JSON.stringify(entries)}.map((e) => Object.keys(require(e)).length > 0),
       }));`,
    ]);
    expect(JSON.parse(out)).toEqual({
      recognised: true,
      instance: true,
      code: 'IO',
      sameClass: true,
      sameFactory: true,
      intent: 'order.ship_time',
      entries: entries.map(() => true),
    });
  });

  it('import: the same through the ESM build', () => {
    const out = node([
      '--input-type=module',
      '-e',
      `import { isHuashuError, HuashuError } from 'huashu';
       import { loadTemplatePack, HuashuError as NodeError } from 'huashu/node';
       let error;
       try { loadTemplatePack('/no/such/folder'); } catch (e) { error = e; }
       console.log(JSON.stringify({ recognised: isHuashuError(error), instance: error instanceof HuashuError, sameClass: NodeError === HuashuError }));`,
    ]);
    expect(JSON.parse(out)).toEqual({ recognised: true, instance: true, sameClass: true });
  });

  it('the CommonJS build keeps the syntax of the ESM one (no sucrase helpers: a closure per `??`)', () => {
    const dist = join(pkg.packageDir, 'dist');
    const cjs = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cjs'));
    expect(cjs.length).toBeGreaterThan(5);
    const helpers = cjs.filter((file) =>
      /\b_nullishCoalesce\(|\b_optionalChain\(|\.prototype\.__init\b/.test(
        readFileSync(join(dist, file), 'utf8'),
      ),
    );
    expect(helpers).toEqual([]);
  });

  it('every JavaScript file is ASCII (V8 keeps a source with one CJK character as two bytes per character)', () => {
    const dist = join(pkg.packageDir, 'dist');
    const scripts = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => /\.c?js$/.test(f));
    expect(scripts.length).toBeGreaterThan(10);
    const wide = scripts.filter((file) => /[^\0-\x7f]/u.test(readFileSync(join(dist, file), 'utf8')));
    expect(wide).toEqual([]);
    // The escapes keep the meaning: a Chinese rule message reads as written.
    const { createLinter } = createRequire(join(pkg.app, 'index.js'))('huashu/lint') as typeof LintEntry;
    expect(
      createLinter()
        .lint('你自己看不懂吗')
        .findings.map((f) => f.message)
        .join(''),
    ).toMatch(/[\u4e00-\u9fff]/u);
  });

  it('json-rules-engine is an optional peer: not installed, and a call that needs it says how to add it', () => {
    expect(existsSync(join(pkg.app, 'node_modules', 'json-rules-engine'))).toBe(false);
    const out = node([
      '--input-type=module',
      '-e',
      `import { createAssistant } from 'huashu';
       const a = createAssistant();
       const compiled = a.recommend({ text: '快递一直没更新，都五天了' }).actions.length;
       a.recommendAsync({ text: '我要退货' }, { engine: 'json-rules-engine' }).then(
         () => console.log(JSON.stringify({ compiled, refused: false })),
         (e) => console.log(JSON.stringify({ compiled, code: e.code, message: e.message })),
       );`,
    ]);
    const result = JSON.parse(out) as { compiled: number; code?: string; message?: string };
    expect(result.compiled).toBeGreaterThan(0);
    expect(result.code).toBe('MISSING_PEER_DEPENDENCY');
    expect(result.message).toContain('npm install json-rules-engine');
  });

  it('the CLI runs from the installed package', () => {
    const out = execFileSync(join(pkg.app, 'node_modules', '.bin', 'huashu'), ['--version'], {
      cwd: pkg.app,
      encoding: 'utf8',
    });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('the installed CLI writes the QA HTML report with uPlot inlined from its bundle (uplot is not installed)', () => {
    const report = join(pkg.app, 'qa-report.html');
    const run = spawnSync(
      join(pkg.app, 'node_modules', '.bin', 'huashu'),
      ['qa', join(ROOT, 'test', 'qa', 'report', 'export.jsonl'), '--format', 'html', '-o', report],
      { cwd: pkg.app, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(2); // the fixture's two malformed lines
    expect(readFileSync(report, 'utf8')).toContain('/*! https://github.com/leeoniya/uPlot');
    expect(existsSync(join(pkg.app, 'node_modules', 'uplot'))).toBe(false);
  });

  it('huashu qa --workers 2 runs its worker threads from the installed package, as --workers 1 does', () => {
    const lines = [];
    for (let c = 1; c <= 600; c++)
      lines.push(
        JSON.stringify({ conversationId: `c${c}`, role: 'customer', text: '在吗', time: 1716195600 + c }),
        JSON.stringify({
          conversationId: `c${c}`,
          role: 'agent',
          text: '您好，请问有什么可以帮您？',
          time: 1716195610 + c,
          agent: 'a',
        }),
      );
    writeFileSync(join(pkg.app, 'turns.jsonl'), `${lines.join('\n')}\n`);
    const qa = (workers: string) =>
      execFileSync(
        join(pkg.app, 'node_modules', '.bin', 'huashu'),
        ['qa', 'turns.jsonl', '--format', 'json', '--workers', workers],
        { cwd: pkg.app, encoding: 'utf8' },
      );
    const two = qa('2');
    expect(two.trim().split('\n')).toHaveLength(601);
    expect(two).toBe(qa('1'));
  });
});

describe('declarations', () => {
  const consumer = `
import { createAssistant, isHuashuError, type IntentId, type TemplateId, type Facts } from 'huashu';
import { exampleModel } from 'huashu/intent';
import { createLinter, type LintRuleId } from 'huashu/lint';
import { factsJsonSchema } from 'huashu/schemas';
import { normalize } from 'huashu/text';
import { loadConfig } from 'huashu/node';

declare module 'huashu' {
  interface CustomIntents { 'shop.trade_in': true }
  interface CustomTemplates { 'answer/shop.trade_in': true }
}

const assistant = createAssistant({
  intents: { exampleModel, examples: [{ text: '以旧换新', intent: 'shop.trade_in' }] },
});
const intent: IntentId = assistant.analyze('以旧换新').intent.id;
const declared: IntentId = 'shop.trade_in';
const template: TemplateId = 'answer/shop.trade_in';
// @ts-expect-error a typo is not an intent id
const typo: IntentId = 'order.shiptime';
const rule: LintRuleId | undefined = createLinter().lint('亲').findings[0]?.ruleId;
const facts: Facts = { order: { shipped: true, carrierScan: false } };
// @ts-expect-error facts are checked: shipped is a boolean
const wrong: Facts = { order: { shipped: 'yes' } };
const schema: unknown = factsJsonSchema;
const folded: string = normalize('ＡＢＣ').text;
const found: boolean = isHuashuError(new Error('x'));
export { intent, declared, template, typo, rule, facts, wrong, schema, folded, found, loadConfig };
`;

  // Every resolution attw checks; skipLibCheck off, so huashu's own declarations are checked, and
  // zod is not installed (--omit=dev): a zod type left in them would fail here.
  it.each([
    ['node16, ESM', { module: 'Node16', moduleResolution: 'Node16' }, 'index.mts'],
    ['node16, CJS', { module: 'Node16', moduleResolution: 'Node16' }, 'index.cts'],
    ['bundler', { module: 'ESNext', moduleResolution: 'Bundler' }, 'index.ts'],
    ['node10 (typesVersions for subpaths)', { module: 'CommonJS', moduleResolution: 'Node10' }, 'index.ts'],
  ] as const)('type-check a consumer under %s resolution', (_name, options, file) => {
    writeFileSync(join(pkg.app, file), consumer);
    const config = join(pkg.app, `tsconfig.${file}.json`);
    writeFileSync(
      config,
      JSON.stringify({
        compilerOptions: {
          ...options,
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
          ignoreDeprecations: '6.0',
        },
        files: [file],
      }),
    );
    expect(() => createRequire(join(pkg.app, 'x.js')).resolve('zod')).toThrow();
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', config], { cwd: pkg.app, encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  });
});

describe('browser bundles of the core', () => {
  const messages = [
    '亲，请问什么时候发货？',
    '我要退货，东西是坏的',
    'WHERE IS MY ORDER?!',
    '請問這款有沒有S碼？',
  ];
  let expected: string;
  beforeAll(() => {
    expected = node([
      '-e',
      `const { createAssistant } = require('huashu');
       const a = createAssistant();
       console.log(JSON.stringify(${JSON.stringify(messages)}.map((m) => {
         const r = a.reply(m, { facts: { order: { shipped: true, carrierScan: true } } });
         return [r.analysis.intent.id, r.analysis.signals.map((s) => s.id), r.actions.map((x) => x.id), r.text, a.lint(r.text).errorCount];
       })));`,
    ]).trim();
  });

  const sameAsNode = (file: string) => {
    const createAssistant = runInBareContext(file);
    const a = createAssistant();
    const got = messages.map((m) => {
      const r = a.reply(m, { facts: { order: { shipped: true, carrierScan: true } } });
      return [
        r.analysis.intent.id,
        r.analysis.signals.map((s) => s.id),
        r.actions.map((x) => x.id),
        r.text,
        a.lint(r.text).errorCount,
      ];
    });
    expect(JSON.stringify(got)).toBe(expected);
  };

  it(`esbuild --bundle --platform=browser --minify: no Node built-in, ≤ ${BROWSER_BUNDLE_BUDGET / 1024} KB, runs with no built-ins`, async () => {
    const bundle = await bundleWithEsbuild(pkg.app);
    expect(bundle.warnings).toEqual([]);
    expect(bundle.bytes).toBeLessThanOrEqual(BROWSER_BUNDLE_BUDGET);
    // handlebars' compiler stays out: only packs need it, through huashu/templates' templateCompiler.
    expect(readFileSync(bundle.file, 'utf8')).not.toContain('Handlebars.compile');
    sameAsNode(bundle.file);
    // json-rules-engine is left out of browser bundles (package.json `browser`): the reference
    // engine is refused with a typed error, not a failed import.
    const a = runInBareContext(bundle.file)();
    await expect(
      a.recommendAsync({ text: '我要退货' }, { engine: 'json-rules-engine' }),
    ).rejects.toMatchObject({
      code: 'MISSING_PEER_DEPENDENCY',
    });
  });

  it('Vite (library build) bundles and runs it', async () => {
    const bundle = await bundleWithVite(pkg.app);
    expect(bundle.warnings.filter((w) => /externalized|node:|polyfill|Could not resolve/i.test(w))).toEqual(
      [],
    );
    sameAsNode(bundle.file);
  });

  it('webpack (web target, no Node polyfills) bundles and runs it', async () => {
    const bundle = await bundleWithWebpack(pkg.app);
    expect(bundle.warnings).toEqual([]);
    sameAsNode(bundle.file);
  });
});
