import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fmt, median, timePerItem, type Suite } from './harness.js';
import { createTemplateCatalogue, type TemplateDefinitionInput } from '../src/templates/index.js';
import { templateCompiler } from '../src/templates/compiler.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A fresh node (with tsx, as this suite runs from src/) that imports the catalogue and builds it twice. */
function coldLoad(): { importMs: number; firstMs: number; nextMs: number } {
  const url = pathToFileURL(join(root, 'src/templates/index.ts')).href;
  const script = `const t0=performance.now();const m=await import(${JSON.stringify(url)});const t1=performance.now();m.createTemplateCatalogue();const t2=performance.now();m.createTemplateCatalogue();const t3=performance.now();console.log(JSON.stringify([t1-t0,t2-t1,t3-t2]))`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
  });
  const [importMs, firstMs, nextMs] = JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as number[];
  return { importMs: importMs ?? NaN, firstMs: firstMs ?? NaN, nextMs: nextMs ?? NaN };
}

/** The same from the built package (dist/), when it has been built with the catalogue. */
function coldLoadBuilt(): number[] | undefined {
  const dist = join(root, 'dist/index.js');
  if (!existsSync(dist) || !readFileSync(dist, 'utf8').includes('createTemplateCatalogue')) return undefined;
  const script = `const t0=performance.now();const m=await import(${JSON.stringify(pathToFileURL(dist).href)});m.createTemplateCatalogue().render('opening/chat');console.log(performance.now()-t0)`;
  return Array.from({ length: 5 }, () =>
    Number(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim(),
    ),
  );
}

/** A pack of `n` small templates, compiled at load (packs are not precompiled). */
function pack(n: number): TemplateDefinitionInput[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `bench/t${i}`,
    stage: 'answer',
    intents: ['order.ship_time'],
    channels: ['chat'],
    description: 'bench',
    variables: {
      'customer.name': { type: 'text', optional: true, example: '王芳' },
      'customer.gender': { type: 'gender', optional: true, example: 'female' },
      'order.id': { type: 'text', example: '123' },
    },
    sources: {
      'zh-Hans': `{{honorific customer}}，您的订单{{order.id}}第${i}号模板~`,
      en: `Dear {{honorific customer}}, order {{order.id}}, template ${i}.`,
    },
  }));
}

export const templatesSuite: Suite = {
  name: 'templates',
  run() {
    const catalogue = createTemplateCatalogue();
    // Callers build their own variables: cloned examples, not the catalogue's frozen ones.
    const items = catalogue.list().map((e) => ({
      id: e.id,
      locale: e.locale,
      vars: structuredClone(e.example) as Record<string, unknown>,
    }));
    const render = timePerItem(items, (x) => catalogue.render(x.id, x.vars, { locale: x.locale }), {
      rounds: 7,
      inner: 50,
    });
    const facts = {
      channel: 'chat' as const,
      customer: { name: '王芳', gender: 'female' as const, phone: '13812345678' },
      order: {
        id: '1',
        shipped: true,
        carrierScan: true,
        carrier: '顺丰速运',
        trackingNumber: 'SF1402283726513',
      },
    };
    const shipping = timePerItem([facts], (f) => catalogue.render('shipping/carrier-shipped', f), {
      rounds: 2000,
      inner: 20,
    });
    const analyses = ['order.ship_time', 'aftersale.defect', 'greeting', 'complaint', 'other'].map((id) => ({
      intent: { id, confidence: 0.9 },
      language: { locale: 'zh-Hans' },
      signals: [{ id: 'emotion.anger' }],
    }));
    const select = timePerItem(analyses, (a) => catalogue.select(a, { order: { shipped: true } }), {
      rounds: 200,
      inner: 10,
    });
    const warm = timePerItem([0], () => createTemplateCatalogue(), { rounds: 30, inner: 1 });
    const packs = pack(50);
    const withPack = timePerItem([packs], (p) => createTemplateCatalogue(p, { templateCompiler }), {
      rounds: 5,
      inner: 1,
    });
    const cold = Array.from({ length: 5 }, coldLoad);
    const built = coldLoadBuilt();
    return [
      {
        measure: `render µs/call (${items.length} templates × locales, example vars)`,
        median: fmt(render.medianUs),
        p99: fmt(render.p99Us),
        goal: 'median ≤ 2',
      },
      {
        measure: 'render µs/call (shipping/carrier-shipped, facts as vars)',
        median: fmt(shipping.medianUs),
        p99: fmt(shipping.p99Us),
        goal: 'median ≤ 2',
      },
      {
        measure: 'select µs/call (5 analyses + facts)',
        median: fmt(select.medianUs),
        p99: fmt(select.p99Us),
        goal: '',
      },
      {
        measure: 'fresh process: import src/templates ms (tsx, 5 runs)',
        median: fmt(median(cold.map((c) => c.importMs)), 1),
        p99: fmt(Math.max(...cold.map((c) => c.importMs)), 1),
        goal: '',
      },
      {
        measure: 'fresh process: first createTemplateCatalogue() ms',
        median: fmt(median(cold.map((c) => c.firstMs)), 1),
        p99: fmt(Math.max(...cold.map((c) => c.firstMs)), 1),
        goal: '',
      },
      {
        measure: 'fresh process: second createTemplateCatalogue() ms',
        median: fmt(median(cold.map((c) => c.nextMs)), 1),
        p99: fmt(Math.max(...cold.map((c) => c.nextMs)), 1),
        goal: '',
      },
      {
        measure: 'fresh process: import dist + catalogue + first render ms',
        median: built ? fmt(median(built), 1) : 'n/a (npm run build)',
        p99: built ? fmt(Math.max(...built), 1) : '',
        goal: '',
      },
      {
        measure: 'createTemplateCatalogue() ms (warm process)',
        median: fmt(warm.medianUs / 1000),
        p99: fmt(warm.p99Us / 1000),
        goal: '',
      },
      {
        measure:
          'createTemplateCatalogue(pack of 50 × 2 locales, { templateCompiler }) ms (compiled at load)',
        median: fmt(withPack.medianUs / 1000, 1),
        p99: fmt(withPack.p99Us / 1000, 1),
        goal: '',
      },
    ];
  },
};
