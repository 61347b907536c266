import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as HuashuText from '../src/entry/text.js';
import { fmt, readJsonl, timePerItem, type Suite } from './harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const evalDir = join(root, '..', 'shared', 'eval');

export function evalTexts(file: string): string[] {
  return readJsonl<{ text: string }>(readFileSync(join(evalDir, file), 'utf8')).map((r) => r.text);
}

/** Wall time of a fresh `node` that imports the built package and analyses one message. */
function importToFirstResult(format: 'esm' | 'cjs'): number[] {
  const script =
    format === 'esm'
      ? `const t=performance.now();const h=await import(${JSON.stringify(join(root, 'dist/index.js'))});h.createAssistant().analyze('亲，请问什么时候发货');console.log(performance.now()-t)`
      : `const t=performance.now();const h=require(${JSON.stringify(join(root, 'dist/index.cjs'))});h.createAssistant().analyze('亲，请问什么时候发货');console.log(performance.now()-t)`;
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const args = format === 'esm' ? ['--input-type=module', '-e', script] : ['-e', script];
    runs.push(Number(execFileSync(process.execPath, args, { encoding: 'utf8' }).trim()));
  }
  return runs.sort((a, b) => a - b);
}

export const foundationSuite: Suite = {
  name: 'foundation',
  async run() {
    const { normalize, detectLanguage } = (await import(join(root, 'dist/text.js'))) as typeof HuashuText;
    const texts = evalTexts('zh-jddc-intents.jsonl');
    const norm = timePerItem(texts, (t) => normalize(t));
    const lang = timePerItem(texts, (t) => detectLanguage(t));
    const both = timePerItem(texts, (t) => {
      normalize(t);
      detectLanguage(t);
    });
    const esm = importToFirstResult('esm');
    const cjs = importToFirstResult('cjs');
    const median = (xs: number[]) => xs[xs.length >> 1] ?? 0;
    return [
      {
        measure: 'normalize µs/message (zh-jddc, 495)',
        median: fmt(norm.medianUs),
        p99: fmt(norm.p99Us),
        goal: '',
      },
      { measure: 'detectLanguage µs/message', median: fmt(lang.medianUs), p99: fmt(lang.p99Us), goal: '' },
      {
        measure: 'normalize + detectLanguage µs/message',
        median: fmt(both.medianUs),
        p99: fmt(both.p99Us),
        goal: 'median ≤ 5',
      },
      {
        measure: 'import → first analyze() ms (ESM, 7 runs)',
        median: fmt(median(esm), 1),
        p99: fmt(esm.at(-1) ?? 0, 1),
        goal: '≤ 150',
      },
      {
        measure: 'require → first analyze() ms (CJS, 7 runs)',
        median: fmt(median(cjs), 1),
        p99: fmt(cjs.at(-1) ?? 0, 1),
        goal: '≤ 150',
      },
    ];
  },
};
