/**
 * An adapter that lets natural's naive Bayes stand in for huashu's own model, so users can compare
 * (`createAssistant({ intents: { classifier: createNaturalClassifier() } })`, `huashu eval
 * --classifier natural`). natural is an optional peer dependency: it is loaded lazily, here only.
 *
 * natural's tokenizer drops Chinese, so the adapter feeds it huashu's features (character 1–2-grams,
 * stemmed English words) as tokens; patterns, context and thresholds still apply on top of it.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { HuashuError, parseOrThrow, safeParse } from '../errors.js';
import { intentModel } from '../generated/intent-model.js';
import { intentPatterns } from '../generated/intent-patterns.js';
import { extractFeatures, FeatureBuffer } from '../intent/features.js';
import { stopWordKeys } from '../intent/word-keys.js';
import { shippedPatternMatcher } from '../intent/patterns.js';
import { corpusFileSchema, intentIdSchema, type IntentModel } from '../intent/schema.js';
import { documentFeatures } from '../intent/training.js';
import type { NormalizedText } from '../normalize/index.js';
import { readJsonFile } from './files.js';
import { LOCALES } from '../vocabulary.js';

/** The part of natural's (apparatus's) Bayes classifier the adapter uses. */
interface BayesEngine {
  addExample(observation: Record<number, string>, label: string): void;
  train(): void;
  getClassifications(observation: Record<number, string>): Array<{ label: string; value: number }>;
}

export interface NaturalClassifierOptions {
  /** Labelled texts to train on instead of the built-in corpus (rules/intents/corpus.*.json). */
  examples?: ReadonlyArray<{ text: string; intent: string }>;
  /** natural's additive smoothing. Default 1. */
  smoothing?: number;
}

const naturalOptionsSchema = z.strictObject({
  examples: z.optional(
    z
      .array(
        z.object({
          text: z.string().check(z.minLength(1, 'an example needs its text')),
          intent: intentIdSchema,
        }),
      )
      .check(z.minLength(1, 'give at least one example, or leave examples out for the built-in corpus')),
  ),
  // Bounded: natural's probabilities become NaN with a smoothing of 2 ** 31 (the fuzz suite).
  smoothing: z.optional(
    z.number().check(z.positive(), z.lte(1_000, 'smoothing is at most 1,000 (typical: 0.1 to 10)')),
  ),
});

/** The folder holding rules/intents/, searched upwards from this module (src/node, dist/node, dist chunks). */
function rulesFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up++) {
    const candidate = join(dir, 'rules', 'intents');
    if (existsSync(join(candidate, 'corpus.zh-Hans.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new HuashuError(
    'IO',
    'The intent corpus (rules/intents/corpus.*.json) was not found beside the package.',
  );
}

/** The built-in corpus's utterances (not its `tests`), validated. */
export function readIntentCorpus(): Array<{ text: string; intent: string }> {
  const folder = rulesFolder();
  const examples: Array<{ text: string; intent: string }> = [];
  for (const locale of LOCALES) {
    const file = join(folder, `corpus.${locale}.json`);
    const parsed = safeParse(corpusFileSchema, readJsonFile(file, 'INVALID_RULES'));
    if (!parsed.success)
      throw new HuashuError('INVALID_RULES', `${file} is not a valid corpus file: ${parsed.error.message}`);
    for (const entry of parsed.data.data)
      for (const text of entry.utterances) examples.push({ text, intent: entry.intent });
  }
  return examples;
}

/**
 * natural's classifier engine, required lazily. Only its Bayes classifier module is loaded: the
 * package entry pulls ~77 MB of dependencies, runs dotenv and prints to stdout, so it is the
 * fallback, with stdout silenced while it loads.
 */
function loadBayes(smoothing: number): BayesEngine {
  const require = createRequire(import.meta.url);
  type BayesClass = new (stemmer?: unknown, smoothing?: number) => { classifier: BayesEngine };
  let Bayes: BayesClass | undefined;
  try {
    Bayes = require('natural/lib/natural/classifiers/bayes_classifier') as BayesClass;
  } catch {
    const write = process.stdout.write;
    const log = console.log;
    try {
      process.stdout.write = (() => true) as typeof process.stdout.write;
      console.log = () => undefined;
      Bayes = (require('natural') as { BayesClassifier?: BayesClass }).BayesClassifier;
    } catch (error) {
      throw new HuashuError(
        'MISSING_PEER_DEPENDENCY',
        'createNaturalClassifier() needs the optional peer dependency "natural": npm install natural',
        { cause: error },
      );
    } finally {
      process.stdout.write = write;
      console.log = log;
    }
  }
  if (typeof Bayes !== 'function')
    throw new HuashuError(
      'MISSING_PEER_DEPENDENCY',
      'The installed "natural" has no BayesClassifier (need natural >= 6).',
    );
  return new Bayes(undefined, smoothing).classifier;
}

/** Feature keys as natural's sparse observation (token strings keyed by position). */
function observation(keys: ArrayLike<number>): Record<number, string> {
  const tokens: Record<number, string> = {};
  const seen = new Set<number>();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] ?? 0;
    if (seen.has(key)) continue;
    seen.add(key);
    tokens[i] = key.toString(36);
  }
  return tokens;
}

/**
 * Train natural's naive Bayes on the built-in corpus (or `options.examples`) and return it as an
 * `IntentModel` for `createAssistant({ intents: { classifier } })`. Throws `MISSING_PEER_DEPENDENCY`
 * when natural is not installed. Training runs here, once (about a second for the built-in corpus).
 */
export function createNaturalClassifier(options: NaturalClassifierOptions = {}): IntentModel {
  const checked = parseOrThrow(
    naturalOptionsSchema,
    options ?? {},
    'INVALID_OPTIONS',
    'createNaturalClassifier(options)',
  );
  const engine = loadBayes(checked.smoothing ?? 1);
  const stopWords = stopWordKeys(intentModel().stopWords);
  const matcher = shippedPatternMatcher(intentPatterns());
  const buffer = new FeatureBuffer();
  const examples = checked.examples ?? readIntentCorpus();
  const intents: string[] = [];
  // natural keeps its classes in plain objects keyed by label: an intent id such as "constructor"
  // would read the inherited Object function and write features onto it. It sees `c<index>` labels.
  const index = new Map<string, number>();
  for (const { text, intent } of examples) {
    let i = index.get(intent);
    if (i === undefined) {
      i = intents.push(intent) - 1;
      index.set(intent, i);
    }
    engine.addExample(observation(documentFeatures(text, matcher, stopWords, buffer).keys), `c${i}`);
  }
  engine.train();
  const probabilities = new Float64Array(intents.length);
  return {
    name: 'natural',
    intents,
    predict(normalized: NormalizedText): ArrayLike<number> {
      extractFeatures(normalized.text, null, buffer, stopWords);
      const results = engine.getClassifications(observation(buffer.keys.subarray(0, buffer.count)));
      probabilities.fill(0);
      let total = 0;
      for (const { label, value } of results) {
        const i = label.startsWith('c') ? Number(label.slice(1)) : NaN;
        if (!(i >= 0 && i < intents.length) || !(value > 0)) continue;
        probabilities[i] = value;
        total += value;
      }
      // natural multiplies raw probabilities: long messages underflow to 0 everywhere (no opinion),
      // or, with a smoothing above a class's count, overflow to Infinity (those intents tie).
      if (total === Infinity) {
        let tied = 0;
        for (let i = 0; i < probabilities.length; i++) {
          probabilities[i] = probabilities[i] === Infinity ? 1 : 0;
          tied += probabilities[i]!;
        }
        for (let i = 0; i < probabilities.length; i++) probabilities[i] = probabilities[i]! / tied;
      } else if (total === 0) probabilities.fill(1 / intents.length);
      else for (let i = 0; i < probabilities.length; i++) probabilities[i] = (probabilities[i] ?? 0) / total;
      return probabilities;
    },
  };
}
