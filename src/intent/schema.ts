import * as z from 'zod/mini';
import { MAX_PHRASE_LENGTH, MAX_REGEX_LENGTH } from '../limits.js';
import type { NormalizedText } from '../normalize/index.js';
import { regexProblem } from '../text/safe-regex.js';
import { INTENT_ID_PATTERN } from './ids.js';
import type { NaiveBayes } from './naive-bayes.js';
import type { SpellingIndex } from './spelling.js';
import { LOCALES } from '../vocabulary.js';
import { isKindObject } from '../util/kind-object.js';

export const intentLocaleSchema = z.enum(LOCALES);

export const intentIdSchema = z
  .string()
  .check(
    z.regex(
      INTENT_ID_PATTERN,
      'an intent id is lower-case words joined by "." "_" or "-", e.g. "order.cancel"',
    ),
  );

const literalList = z.array(
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'an empty string matches everything; remove it'),
      z.maxLength(
        MAX_PHRASE_LENGTH,
        `a literal is at most ${MAX_PHRASE_LENGTH} characters (MAX_PHRASE_LENGTH)`,
      ),
    ),
);

/**
 * A group of declarative patterns for one intent. All matching runs on the folded text (simplified,
 * half-width, lower case), so write literals in any script or width. Latin literals match whole
 * words; end one with `*` to match a prefix (`cancel*` matches "cancelling").
 */
export const patternGroupSchema = z
  .strictObject({
    /** Shown in evidence; defaults to `<intent>#<index>`. */
    id: z.optional(
      z
        .string()
        .check(
          z.regex(
            /^[a-z0-9][a-z0-9._#-]*$/,
            'a pattern id is lower-case letters, digits, ".", "_", "#" or "-"',
          ),
        ),
    ),
    intent: intentIdSchema,
    /** Locale the group was written for (documentation only: matching is script-independent). */
    locale: z.optional(intentLocaleSchema),
    /** Phrases that signal the intent: each adds `weight`. */
    phrases: z.optional(literalList),
    /** Single words that hint at the intent: each adds half of `weight`. */
    keywords: z.optional(literalList),
    /**
     * Regular expressions on the folded text (flag `u`); keep them few: they run on every message.
     * They must be runnable by a linear-time engine: no lookaround, no backreferences.
     */
    regex: z.optional(
      z.array(
        z.string().check(
          z.maxLength(MAX_REGEX_LENGTH, {
            message: `a regex is at most ${MAX_REGEX_LENGTH} characters (MAX_REGEX_LENGTH)`,
            abort: true,
          }),
          z.superRefine((source, ctx) => {
            const problem = regexProblem(source);
            if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
          }),
        ),
      ),
    ),
    /** The whole message (punctuation and spaces ignored) is one of these: adds twice `weight`. */
    exact: z.optional(literalList),
    /** Literals that veto this group: when one occurs anywhere in the message the group adds nothing. */
    negative: z.optional(literalList),
    /** Log-odds added to the intent when the group fires (negative pushes away). Default 2.5. */
    weight: z.optional(z.number().check(z.gte(-20), z.lte(20))),
  })
  .check(
    z.refine(
      (g) =>
        (g.phrases?.length ?? 0) +
          (g.keywords?.length ?? 0) +
          (g.regex?.length ?? 0) +
          (g.exact?.length ?? 0) >
        0,
      { message: 'a pattern group needs at least one of phrases, keywords, regex or exact' },
    ),
  );

export type PatternGroup = z.input<typeof patternGroupSchema>;

/** `rules/intents/patterns.<locale>.json`. */
export const patternFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  $comment: z.optional(z.string()),
  locale: intentLocaleSchema,
  /** Text chat exports insert that says nothing about the intent (order cards, menu clicks): masked before classifying. */
  mask: z.optional(literalList),
  /** Words that only label data next to them ([订单x]单号, 电话[电话x]), folded: data and one label is data only. */
  dataLabels: z.optional(literalList),
  /**
   * Words that open a request made by the way (顺便, by the way), folded and matched at a clause's
   * start as written: a trailing space ends a word ("also ").
   */
  asides: z.optional(
    z.array(
      z
        .string()
        .check(
          z.minLength(1, 'an empty string matches everything; remove it'),
          z.maxLength(
            MAX_PHRASE_LENGTH,
            `a word is at most ${MAX_PHRASE_LENGTH} characters (MAX_PHRASE_LENGTH)`,
          ),
        ),
    ),
  ),
  patterns: z.array(patternGroupSchema),
});

export type PatternFile = z.infer<typeof patternFileSchema>;

/** `rules/intents/stopwords.en.json`: English words the model skips. */
export const stopWordFileSchema = z.strictObject({
  $comment: z.optional(z.string()),
  locale: z.literal('en'),
  words: z.array(z.string().check(z.regex(/^[a-z]+$/, 'a stop word is lower-case letters a–z'))),
});

/** `rules/intents/corpus.<locale>.json`, the nlp.js corpus format. */
export const corpusFileSchema = z.strictObject({
  $comment: z.optional(z.string()),
  locale: intentLocaleSchema,
  data: z.array(
    z.strictObject({
      intent: intentIdSchema,
      utterances: z
        .array(z.string().check(z.trim(), z.minLength(1)))
        .check(z.minLength(1, 'an intent needs utterances')),
      /** Held back from training; the test suite checks each is classified as `intent`. */
      tests: z.array(z.string().check(z.trim(), z.minLength(1))),
    }),
  ),
});

export type CorpusFile = z.infer<typeof corpusFileSchema>;

/**
 * A statistical model that can stand in for the built-in naive Bayes (e.g. `createNaturalClassifier()`
 * from `huashu/node`). Patterns, context and thresholds still apply on top of it.
 */
export interface IntentModel {
  /** Shown in evidence as `model:<name>`. */
  readonly name: string;
  /** The intent ids the model knows, in the order of `predict`'s probabilities. */
  readonly intents: readonly string[];
  /** Posterior probability of each intent (order of `intents`) for the folded text. */
  predict(normalized: NormalizedText): ArrayLike<number>;
}

const intentModelSchema = z.custom<IntentModel>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as IntentModel).name === 'string' &&
    Array.isArray((value as IntentModel).intents) &&
    typeof (value as IntentModel).predict === 'function',
  {
    message:
      'expected a classifier object { name, intents, predict(normalized) }, e.g. createNaturalClassifier()',
  },
);

/**
 * What user examples are learned on: the naive Bayes counts of the built-in corpus (examples are
 * added to them, new intent ids becoming new classes, with no retraining) and its English spelling
 * index. ~80 KB of data that only a classifier with examples reads, so it is not in the core:
 * `import { exampleModel } from 'huashu/intent'` and pass `intents: { examples, exampleModel }`.
 */
export interface ExampleModel {
  readonly kind: 'huashu/example-model';
  /** The built-in counts as a model, decoded on first call and shared (read-only). */
  naiveBayes(): NaiveBayes;
  /** The spelling index naive Bayes corrects unknown English words with. */
  spelling(stopWords: ReadonlySet<number>): SpellingIndex;
}

export function isExampleModel(value: unknown): value is ExampleModel {
  return isKindObject(value, 'huashu/example-model', ['naiveBayes', 'spelling']);
}

const exampleModelSchema = z.custom<ExampleModel>(isExampleModel, {
  message: 'expected the exampleModel exported by huashu/intent',
});

/** `createAssistant({ intents })`: extend or tune the classifier without code. */
export const intentOptionsSchema = z
  .strictObject({
    /** Labelled examples; they are added to the model's counts (new intent ids allowed) and match exactly. */
    examples: z.optional(
      z
        .array(
          z.strictObject({
            text: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
            intent: intentIdSchema,
          }),
        )
        .check(z.maxLength(100_000)),
    ),
    /** Extra pattern groups (same format as `rules/intents/patterns.*.json`). */
    patterns: z.optional(z.array(patternGroupSchema).check(z.maxLength(10_000))),
    /** Below this confidence the primary intent is `other`. Default 0.3. */
    threshold: z.optional(z.number().check(z.gte(0), z.lte(1))),
    /** When the top two candidates are closer than this, the primary intent is `other`. Default 0.03. */
    margin: z.optional(z.number().check(z.gte(0), z.lte(1))),
    /** How many corpus utterances one user example counts as. Default 3. */
    exampleWeight: z.optional(z.number().check(z.gte(0.1), z.lte(100))),
    /** Replace the statistical model (patterns and context still apply). */
    classifier: z.optional(intentModelSchema),
    /** What examples are learned on, from `huashu/intent`; needed with `examples` and no `classifier`. */
    exampleModel: z.optional(exampleModelSchema),
  })
  .check(
    z.superRefine((options, context) => {
      if ((options.examples?.length ?? 0) > 0 && options.classifier === undefined && !options.exampleModel)
        context.addIssue({
          code: 'custom',
          path: ['exampleModel'],
          message:
            'examples are learned on naive Bayes counts kept out of the core (~80 KB): pass intents: { examples, exampleModel }, with exampleModel imported from huashu/intent',
        });
    }),
  );

export type IntentOptions = z.input<typeof intentOptionsSchema>;
