/**
 * Intents: analyze() µs per message (median, p99) on the eval files, the resident memory of a fresh
 * process after createAssistant() and one analyze(), and — side by side in the same run — accuracy
 * and speed of huashu's classifier, nlp.js (@nlpjs/nlp with lang-zh / lang-en, a devDependency used
 * only here) and natural (through huashu/node's adapter), all trained on the same corpus
 * (rules/intents/corpus.*.json). Imports huashu from src/ through tsx.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { createAssistant } from '../src/assistant/index.js';
import { createIntentClassifier } from '../src/intent/classifier.js';
import { parseEvaluationRows, scoreIntents, type EvaluationRow } from '../src/intent/evaluate.js';
import { normalize } from '../src/normalize/index.js';
import { createNaturalClassifier, readIntentCorpus } from '../src/node/natural.js';
import { evalDir } from './foundation.bench.js';
import { fmt, timePerItem, type Row, type Suite, type Timing } from './harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FILES = [
  ['zh-jddc', 'zh-jddc-intents.jsonl'],
  ['en-bitext', 'en-bitext-intents.jsonl'],
] as const;

const contextOf = (row: EvaluationRow) =>
  row.previousAgentMessage === null ? undefined : { previousAgentMessage: row.previousAgentMessage };

/** timePerItem three times, keeping the run with the lowest median (other jobs share the 2 cores). */
function bestOf3<T>(items: readonly T[], fn: (item: T) => unknown): Timing {
  let best: Timing | undefined;
  for (let run = 0; run < 3; run++) {
    const timing = timePerItem(items, fn, { rounds: 3, inner: 5 });
    if (best === undefined || timing.medianUs < best.medianUs) best = timing;
  }
  return best!;
}

interface EngineResult {
  accuracy: number;
  macroF1: number;
  /** Mean µs per message over the file (the engine's own loop: the fastest of three warm passes). */
  meanUs: number;
}

function score(rows: readonly EvaluationRow[], predicted: readonly string[]) {
  return scoreIntents(rows.map((row, i) => ({ accept: row.accept, predicted: predicted[i] ?? 'other' })));
}

/** RSS (MB) of a fresh node that imports the bundled core, builds an assistant and analyses one message. */
async function residentMemory(): Promise<{ loaded: number; bare: number }> {
  const out = join(root, '.bench-tmp', 'intent-rss', 'huashu.mjs');
  mkdirSync(dirname(out), { recursive: true });
  await build({
    entryPoints: [join(root, 'src', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'silent',
  });
  const script = `const h=await import(${JSON.stringify(out)});const a=h.createAssistant();a.analyze('亲，请问什么时候发货',{previousAgentMessage:'请问是这个订单吗?'});globalThis.gc?.();console.log(process.memoryUsage().rss)`;
  const loaded = Number(
    execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    }).trim(),
  );
  const bare = Number(
    execFileSync(process.execPath, ['-e', 'console.log(process.memoryUsage().rss)'], {
      encoding: 'utf8',
    }).trim(),
  );
  return { loaded: loaded / 2 ** 20, bare: bare / 2 ** 20 };
}

interface NlpJs {
  addLanguage(locale: string): void;
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, text: string): Promise<{ intent: string }>;
  settings: Record<string, unknown>;
}

/** nlp.js trained on the corpus's utterances (zh-Hans and zh-Hant as zh, en as en). */
async function trainNlpJs(): Promise<{ nlp: NlpJs; seconds: number }> {
  const require = createRequire(import.meta.url);
  const { containerBootstrap } = require('@nlpjs/core') as {
    containerBootstrap(): Promise<{ use(x: unknown): void; get(name: string): NlpJs }>;
  };
  const container = await containerBootstrap();
  container.use((require('@nlpjs/nlp') as { Nlp: unknown }).Nlp);
  container.use((require('@nlpjs/lang-zh') as { LangZh: unknown }).LangZh);
  container.use((require('@nlpjs/lang-en') as { LangEn: unknown }).LangEn);
  const nlp = container.get('nlp');
  nlp.settings.autoSave = false;
  nlp.addLanguage('zh');
  nlp.addLanguage('en');
  for (const locale of ['zh-Hans', 'zh-Hant', 'en'] as const) {
    const corpus = JSON.parse(
      readFileSync(join(root, 'rules', 'intents', `corpus.${locale}.json`), 'utf8'),
    ) as {
      data: Array<{ intent: string; utterances: string[] }>;
    };
    for (const entry of corpus.data)
      for (const text of entry.utterances) nlp.addDocument(locale === 'en' ? 'en' : 'zh', text, entry.intent);
  }
  // nlp.js logs every training epoch to the console: keep the bench's table readable.
  const log = console.log;
  console.log = () => undefined;
  const started = performance.now();
  try {
    await nlp.train();
  } finally {
    console.log = log;
  }
  return { nlp, seconds: (performance.now() - started) / 1000 };
}

export const intentSuite: Suite = {
  name: 'intent',
  async run() {
    const data = FILES.map(([label, file]) => ({
      label,
      rows: parseEvaluationRows(readFileSync(join(evalDir, file), 'utf8')),
    }));
    const assistant = createAssistant();
    const rows: Row[] = [];

    // analyze(): the whole per-message work (language, intent, signals, entities, risk).
    for (const { label, rows: evalRows } of data) {
      const timing = bestOf3(evalRows, (row) => assistant.analyze(row.text, contextOf(row)));
      rows.push({
        measure: `analyze() µs/message (${label}, ${evalRows.length}, with context; best of 3 runs)`,
        median: fmt(timing.medianUs),
        p99: fmt(timing.p99Us),
        goal: 'median ≤ 20, p99 ≤ 100',
      });
    }
    const classifier = createIntentClassifier();
    for (const { label, rows: evalRows } of data) {
      const folded = evalRows.map((row) => ({ normalized: normalize(row.text), context: contextOf(row) }));
      const timing = bestOf3(folded, (x) => classifier.classify(x.normalized, x.context));
      rows.push({
        measure: `  of which intent classify() µs/message (${label})`,
        median: fmt(timing.medianUs),
        p99: fmt(timing.p99Us),
        goal: '',
      });
    }

    const memory = await residentMemory();
    rows.push({
      measure: 'RSS after createAssistant() + analyze(), fresh process (MB)',
      median: fmt(memory.loaded, 1),
      p99: '',
      goal: '≤ 60',
    });
    rows.push({
      measure: '  a bare node process, for reference (MB)',
      median: fmt(memory.bare, 1),
      p99: '',
      goal: '',
    });

    // Side by side, same corpus: huashu (with and without the agent's previous message), nlp.js, natural.
    const engines: Array<{ name: string; trainSeconds: string; results: EngineResult[] }> = [];
    const run = async (predict: (row: EvaluationRow) => string | Promise<string>) => {
      const results: EngineResult[] = [];
      for (const { rows: evalRows } of data) {
        const predicted: string[] = [];
        for (const row of evalRows) predicted.push(await predict(row));
        // Warm (compiled) passes, timed; the fastest of three, as the machine is shared.
        let meanUs = Infinity;
        for (let pass = 0; pass < 4; pass++) {
          const started = performance.now();
          for (const row of evalRows) await predict(row);
          if (pass > 0) meanUs = Math.min(meanUs, ((performance.now() - started) * 1000) / evalRows.length);
        }
        const report = score(evalRows, predicted);
        results.push({ accuracy: report.accuracy, macroF1: report.macroF1, meanUs });
      }
      return results;
    };
    engines.push({
      name: 'huashu',
      trainSeconds: 'build time',
      results: await run((row) => classifier.classify(normalize(row.text), contextOf(row)).intent.id),
    });
    engines.push({
      name: 'huashu, no context',
      trainSeconds: 'build time',
      results: await run((row) => classifier.classify(normalize(row.text)).intent.id),
    });
    const { nlp, seconds } = await trainNlpJs();
    const nlpIntent = (intent: string) => (intent === 'None' ? 'other' : intent);
    engines.push({
      name: 'nlp.js',
      trainSeconds: fmt(seconds, 1),
      results: await run(async (row) =>
        nlpIntent((await nlp.process(/[\u3400-\u9fff]/u.test(row.text) ? 'zh' : 'en', row.text)).intent),
      ),
    });
    const naturalStarted = performance.now();
    const natural = createIntentClassifier({
      classifier: createNaturalClassifier({ examples: readIntentCorpus() }),
    });
    const naturalSeconds = (performance.now() - naturalStarted) / 1000;
    engines.push({
      name: 'natural (adapter, + patterns)',
      trainSeconds: fmt(naturalSeconds, 1),
      results: await run((row) => natural.classify(normalize(row.text), contextOf(row)).intent.id),
    });

    for (const engine of engines)
      data.forEach(({ label }, i) => {
        const r = engine.results[i]!;
        rows.push({
          measure: `${engine.name}: ${label} accuracy / macro-F1, µs/message, training s`,
          median: `${fmt(r.accuracy, 3)} / ${fmt(r.macroF1, 3)}`,
          p99: `${fmt(r.meanUs, 1)} µs`,
          goal:
            i === 0
              ? `${engine.trainSeconds}${engine.name === 'huashu' ? ' (goal: zh ≥ 0.85 / 0.70)' : ''}`
              : engine.name === 'huashu'
                ? '(goal: en ≥ 0.95)'
                : '',
        });
      });
    return rows;
  },
};
