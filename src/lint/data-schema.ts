import * as z from 'zod/mini';
import { MAX_PHRASE_LENGTH } from '../limits.js';
import type { ShippedStructure } from './structure.js';

/** The forbidden-language categories of the domain brief (§4), plus `custom` for a shop's own packs. */
export const FORBIDDEN_CATEGORIES = [
  'scolding',
  'rhetorical',
  'interrogation',
  'discrimination',
  'deflection',
  'impatience',
  'flat_refusal',
  'condescension',
  'not_my_business',
] as const;
export type ForbiddenCategory = (typeof FORBIDDEN_CATEGORIES)[number];
export const categorySchema = z.enum([...FORBIDDEN_CATEGORIES, 'custom']);
export type PhraseCategory = z.infer<typeof categorySchema>;

export const PHRASE_LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export const phraseLocaleSchema = z.enum(PHRASE_LOCALES);

/**
 * What each phrase-driven rule's entries may be for. The first role is the default. Cue roles
 * (`warehouse`, `owner`, …) are not findings themselves: the rule reads where they sit.
 */
export const RULE_ROLES = {
  'no-forbidden-phrase': ['phrase'],
  'shipping-wording': ['claim', 'warehouse'],
  'no-overpromise': ['promise', 'marker', 'arrival'],
  'no-pii-leak': ['owner', 'service', 'reference', 'card', 'spelled-email'],
  'no-offplatform-contact': [
    'contact',
    'channel',
    'payment',
    'phone',
    'invite',
    'pay',
    'off',
    'self',
    'personal',
    'other',
    'negation',
    'warning',
    'handle',
  ],
  'greet-first': ['greeting'],
  'apologize-on-complaint': ['apology', 'complaint'],
  'offer-further-help': ['further-help', 'closing', 'thanks', 'decline', 'ack', 'welcome'],
} as const satisfies Record<string, readonly [string, ...string[]]>;
export type PhraseRuleId = keyof typeof RULE_ROLES;

/**
 * Cue roles matched only on demand: they are common words (加, 不会, 我的, never, my) that a rule
 * reads around one of its own matches, so they stay out of the linter's automaton (a reply without
 * the rule's matches does not pay for them) and the rule matches them when it needs them.
 */
export const NEAR_ROLES: Partial<Record<PhraseRuleId, readonly string[]>> = {
  'no-offplatform-contact': ['invite', 'pay', 'off', 'self', 'personal', 'other', 'negation', 'warning'],
  'no-overpromise': ['arrival'],
  // Owners and introducers of a datum (您的, 手机号, 客服热线, 订单号…), read only in a reply with a
  // digit or an @.
  'no-pii-leak': ['owner', 'service', 'reference', 'card'],
};
export const PHRASE_RULE_IDS = Object.keys(RULE_ROLES) as PhraseRuleId[];
/** The rules a shop's phrase pack may add entries to. */
export const PACK_RULE_IDS = ['no-forbidden-phrase', 'no-overpromise', 'no-offplatform-contact'] as const;

/**
 * A pattern: literal text (folded like replies: width, traditional, case, spaces, punctuation,
 * particles, 您/你), `…` for a gap of up to `maxGap` characters inside one sentence, and `(a|b|)`
 * for alternatives (an empty one makes the group optional). Groups do not nest.
 */
export const patternSchema = z.string().check(
  z.minLength(1, 'a pattern must not be empty'),
  // abort: the pattern's own check below is not run on an oversized one.
  z.maxLength(MAX_PHRASE_LENGTH, {
    message: `a pattern is at most ${MAX_PHRASE_LENGTH} characters (MAX_PHRASE_LENGTH)`,
    abort: true,
  }),
  z.superRefine((pattern, ctx) => {
    const problem = patternProblem(pattern);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  }),
);

const literalListSchema = z.optional(
  z.array(z.string().check(z.minLength(1, 'must not be empty'))).check(z.minLength(1)),
);
const windowSchema = z.optional(z.number().check(z.int(), z.gte(1), z.lte(200)));

export const phraseEntrySchema = z.strictObject({
  /** Stable id, shown in findings' data as `phrase`. Defaults to `<file>#<index>`. */
  id: z.optional(
    z
      .string()
      .check(z.regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, dots, dashes and underscores')),
  ),
  role: z.optional(z.string()),
  category: z.optional(categorySchema),
  patterns: z.array(patternSchema).check(z.minLength(1, 'an entry needs at least one pattern')),
  /** Where in its clause the phrase must stand: a bare 不知道 is a refusal only at the end of one. */
  at: z.optional(z.enum(['clause-start', 'clause-end', 'clause'])),
  /**
   * `question`: the phrase's clause must end as a question (? ？ or a final 吗): 你没看详情页吗？
   * is a rhetorical question at the customer, 你没看详情页的话我发给你 is not.
   */
  mood: z.optional(z.enum(['question'])),
  /**
   * `true`: a Latin literal of the entry that ends in a letter also matches when digits follow it
   * directly (wx12345, qq12345678: an account id written onto a channel's name).
   */
  digitsAfter: z.optional(z.literal(true)),
  /** Longest `…` gap, in skeleton characters (default 8). */
  maxGap: z.optional(z.number().check(z.int(), z.gte(1), z.lte(40))),
  /** Not a match when one of these stands right before it (不 in 不一定). `@name` inserts a shared list. */
  unlessPrecededBy: literalListSchema,
  /** Not a match when one of these follows right after it (支付 after 微信). */
  unlessFollowedBy: literalListSchema,
  /** Not a match when one of these occurs in the `beforeWindow` characters before it, same sentence. */
  unlessBefore: literalListSchema,
  beforeWindow: windowSchema,
  /** Not a match when one of these occurs in the `afterWindow` characters after it, same sentence. */
  unlessAfter: literalListSchema,
  afterWindow: windowSchema,
  /** Not a match when one of these occurs inside the matched span: 保证尽快发货 is effort, not 保证…发货. */
  unlessInside: literalListSchema,
  /** Not a match when one of these occurs anywhere later in the reply (我也不清楚，马上帮您问一下). */
  unlessLater: literalListSchema,
  /** A better wording to show as `expected`. */
  expected: z.optional(z.string().check(z.minLength(1))),
  /** Replacement text of an automatic fix, for rules that fix (`shipping-wording` claims). */
  fix: z.optional(z.string().check(z.minLength(1))),
  note: z.optional(z.string()),
  /** Replies this entry must match: checked when the data is built or the pack loaded. */
  examples: z
    .array(z.string().check(z.minLength(1)))
    .check(z.minLength(1, 'give at least one example the entry must match')),
  /** Replies this entry must NOT match (harmless uses). */
  counterExamples: z.optional(z.array(z.string().check(z.minLength(1)))),
});
export type PhraseEntry = z.infer<typeof phraseEntrySchema>;
/** An entry as the build ships it: examples are checked at build time and left out. */
export type CompilableEntry = Omit<PhraseEntry, 'examples' | 'counterExamples'>;
export type PhraseLocale = (typeof PHRASE_LOCALES)[number];

/** One file of rules/lint/: the entries of one rule in one locale. */
export const ruleDataFileSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    rule: z.enum(PHRASE_RULE_IDS as [PhraseRuleId, ...PhraseRuleId[]]),
    locale: phraseLocaleSchema,
    phrases: z.array(phraseEntrySchema),
  })
  .check(z.superRefine((file, ctx) => checkRoles(file.rule, file.phrases, ctx, ['phrases'], false)));
export type RuleDataFile = z.infer<typeof ruleDataFileSchema>;

/** rules/lint/lists.<locale>.json: named literal lists entries refer to as `@name`. */
export const listsFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  locale: phraseLocaleSchema,
  lists: z.record(
    z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)),
    z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  ),
});

const localizedTextSchema = z.strictObject({ 'zh-Hans': z.string(), 'zh-Hant': z.string(), en: z.string() });

/** rules/lint/categories.json: each forbidden-language category's label and suggested template. */
export const categoriesFileSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    categories: z.record(
      z.enum(FORBIDDEN_CATEGORIES),
      z.strictObject({
        template: z.string().check(z.regex(/^[a-z-]+\/[a-z0-9._-]+$/)),
        label: localizedTextSchema,
      }),
    ),
  })
  .check(
    z.superRefine((file, ctx) => {
      for (const category of FORBIDDEN_CATEGORIES)
        if (!(category in file.categories))
          ctx.addIssue({
            code: 'custom',
            path: ['categories'],
            message: `category "${category}" is missing`,
          });
    }),
  );

/**
 * rules/lint/structure.json: the structural detectors of no-forbidden-phrase. `classes` are word
 * classes (regex alternatives: Chinese as the skeleton reads it, English lower case with
 * apostrophes dropped); a detector's `patterns` are regex sources over one sentence of the reply
 * (clauses joined by `,`, Latin words by one space) where `{class}` inserts a class. Every
 * detector must find its `examples` and none of its `counterExamples` (checked at build time).
 */
export const structureDetectorSchema = z.strictObject({
  id: z
    .string()
    .check(z.regex(/^(zh|en)\.[a-z0-9.-]+$/, 'the language, then a dotted id: zh.rhetorical.told-you')),
  category: z.enum(FORBIDDEN_CATEGORIES),
  language: z.enum(['zh', 'en']),
  description: z.string().check(z.minLength(1)),
  patterns: z
    .array(z.string().check(z.minLength(1), z.maxLength(MAX_PHRASE_LENGTH * 4)))
    .check(z.minLength(1)),
  /** The sentence must be a question (`question`), or a question or an exclamation. */
  mood: z.optional(z.enum(['question', 'question-or-exclaim'])),
  /** Not a finding when this matches the sentence right before the match (its last 16 characters). */
  unlessBefore: z.optional(z.string().check(z.minLength(1))),
  /** Not a finding when this matches anywhere in the match's sentence. */
  unlessSentence: z.optional(z.string().check(z.minLength(1))),
  /** Not a finding when this matches anywhere in the reply (an owner of the problem). */
  unlessReply: z.optional(z.string().check(z.minLength(1))),
  /** Not a finding when this matches the match's sentence or the next one (a reason, an alternative). */
  unlessNear: z.optional(z.string().check(z.minLength(1))),
  examples: z
    .array(z.string().check(z.minLength(1)))
    .check(z.minLength(1, 'give at least one reply the detector must flag')),
  counterExamples: z
    .array(z.string().check(z.minLength(1)))
    .check(z.minLength(1, 'give at least one close reply it must not flag')),
});
export type StructureDetector = z.infer<typeof structureDetectorSchema>;

/** The format of rules/lint/tone-model.json that src/lint/tone.ts reads. */
export const TONE_MODEL_FORMAT = 'tone-3';

/**
 * rules/lint/tone-model.json: no-forbidden-phrase's learned tone score (src/lint/tone.ts), written
 * by `npx tsx scripts/lint-lab/tone-model.ts --out rules/lint/tone-model.json`.
 */
export const toneModelFileSchema = z
  .strictObject({
    format: z.literal(TONE_MODEL_FORMAT),
    bits: z.number().check(z.int(), z.gte(8), z.lte(20)),
    scale: z.number().check(z.positive()),
    bias: z.number(),
    threshold: z.number(),
    weights: z.string().check(z.regex(/^[A-Za-z0-9+/]*$/)),
    /** What it was trained on (scripts/lint-lab/tone/training-data.ts): a test checks it is today's data. */
    trainedOn: z.optional(z.string().check(z.regex(/^[0-9a-f]{16}$/))),
  })
  .check(
    z.refine((model) => model.weights.length === 1 << model.bits, {
      message: 'weights must hold 2^bits levels, one base64 digit each (the level + 32)',
      path: ['weights'],
    }),
  );

export const structureFileSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    classes: z.record(
      z.string().check(z.regex(/^(zh|en)\.[a-zA-Z]+$/)),
      z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    ),
    detectors: z.array(structureDetectorSchema).check(z.minLength(1)),
    /**
     * Words that cancel a finding of no-forbidden-phrase (a phrase or a detector) when they stand
     * right before it or overlap its start: `any` for every category (不用您自己找, no need to
     * chase the courier yourself), `blame` for deflection, discrimination and condescension
     * (不是您的错). Chinese as the skeleton reads it; English without spaces, as the skeleton.
     */
    cancelledBy: z.strictObject({
      any: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
      blame: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    }),
  })
  .check(
    z.superRefine((file, ctx) => {
      const seen = new Set<string>();
      file.detectors.forEach((detector, index) => {
        if (seen.has(detector.id))
          ctx.addIssue({
            code: 'custom',
            path: ['detectors', index, 'id'],
            message: `"${detector.id}" is used twice`,
          });
        seen.add(detector.id);
        if (!detector.id.startsWith(`${detector.language}.`))
          ctx.addIssue({
            code: 'custom',
            path: ['detectors', index, 'id'],
            message: `starts with its language, ${detector.language}.`,
          });
      });
    }),
  );
export type StructureFile = Omit<z.infer<typeof structureFileSchema>, '$schema'>;

/**
 * A shop's own phrase pack (`createLinter({ packs })`), like a prh dictionary: entries for one rule,
 * each with `examples` it must match and `counterExamples` it must not — checked when it loads.
 */
export const phrasePackSchema = z
  .strictObject({
    name: z.string().check(z.minLength(1, 'name the pack')),
    rule: z.optional(z.enum(PACK_RULE_IDS)),
    phrases: z.array(phraseEntrySchema).check(z.minLength(1, 'a pack needs at least one phrase entry')),
  })
  .check(
    z.superRefine((pack, ctx) =>
      checkRoles(pack.rule ?? 'no-forbidden-phrase', pack.phrases, ctx, ['phrases'], true),
    ),
  );
export type PhrasePack = z.input<typeof phrasePackSchema>;

export type LocalizedText = Record<PhraseLocale, string>;

/**
 * rules/lint/suggestions.json: the built-in templates whose sentences the linter suggests without a
 * resolver (besides categories.json's), and neutral texts for the variables those templates need,
 * so no suggestion carries a sample name, date or order number.
 */
export const suggestionsFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  templates: z
    .array(z.string().check(z.regex(/^[a-z-]+\/[a-z0-9._-]+$/, 'a template id such as "opening/chat"')))
    .check(z.minLength(1)),
  neutral: z.record(
    z
      .string()
      .check(
        z.regex(/^[a-zA-Z][\w]*(?:\.[a-zA-Z][\w]*)*$/, 'a variable path such as "order.promisedShipAt"'),
      ),
    z.strictObject({
      'zh-Hans': z.string().check(z.minLength(1)),
      'zh-Hant': z.string().check(z.minLength(1)),
      en: z.string().check(z.minLength(1)),
    }),
  ),
});
export type SuggestionsFile = z.infer<typeof suggestionsFileSchema>;

/** src/generated/lint-suggestions.ts: template id → locale → the sentence the linter suggests. */
export type BuiltInSuggestions = Record<string, LocalizedText>;

/** Distinct characters of the Basic Multilingual Plane, written as one string. */
function characters(what: string) {
  return z.string().check(
    z.minLength(1, `list the ${what}`),
    z.superRefine((value, ctx) => {
      const seen = new Set<string>();
      for (const char of value) {
        if (char.length !== 1 || /\s/.test(char))
          ctx.addIssue({ code: 'custom', message: `"${char}" is not one visible BMP character` });
        else if (seen.has(char)) ctx.addIssue({ code: 'custom', message: `"${char}" is listed twice` });
        seen.add(char);
      }
    }),
  );
}

/** A Han (or other non-Latin) letter: the skeleton's particles and folds are never word characters. */
const NON_LATIN_LETTER = /^[\p{L}\p{N}]$/u;
function nonLatin(value: string): boolean {
  return [...value].every((char) => NON_LATIN_LETTER.test(char) && char.charCodeAt(0) >= 0x2e80);
}
const SYMBOL = /^[^\p{L}\p{N}\p{M}]$/u;

/**
 * rules/lint/skeleton.json: the characters the skeleton treats specially, written folded (as
 * `normalize` leaves them: simplified, half-width). See `SkeletonAlphabet`.
 */
export const skeletonFileSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    /** Sentence particles, dropped without a break (亲 呢 啊 吧 …). */
    particles: characters('particles').check(z.refine(nonLatin, 'particles are Han characters')),
    /** The address 亲: a particle, but kept as part of a word with a neighbour listed here (亲自, 母亲). */
    address: z.strictObject({
      character: z.string().check(z.length(1, 'one character')),
      wordWithNext: characters('characters that make a word with the address before them'),
      wordWithPrevious: characters('characters that make a word with the address after them'),
    }),
    /**
     * Other particles that are kept as part of a word, as the address is: 哈 in 哈喽 / 哈啰 / 哈罗
     * (hello), dropped elsewhere (好的哈). Without this a pattern 哈喽 would read as a bare 喽.
     */
    particleWords: z.optional(
      z.record(
        z.string().check(z.length(1, 'one character')),
        z.strictObject({
          wordWithNext: characters('characters that make a word with the particle before them'),
        }),
      ),
    ),
    /** Characters folded further: 您 → 你. */
    folds: z
      .record(z.string().check(z.length(1)), z.string().check(z.length(1)))
      .check(
        z.refine(
          (folds) => Object.entries(folds).every(([from, to]) => nonLatin(from) && nonLatin(to)),
          'folds map Han characters to Han characters',
        ),
      ),
    /** Marks that end a sentence (a dot between two digits is a decimal point). */
    sentenceMarks: characters('sentence marks').check(
      z.refine((v) => [...v].every((c) => SYMBOL.test(c)), 'marks, not letters'),
    ),
    /** Symbols kept in the skeleton (100%). */
    keptSymbols: characters('kept symbols').check(
      z.refine((v) => [...v].every((c) => SYMBOL.test(c)), 'symbols, not letters'),
    ),
    /**
     * Symbols and emoji chat writes for a word (➕我 for 加我, 🐧 for QQ's nickname 企鹅): the
     * skeleton reads the word in their place, unless a digit follows (+86, 1+1).
     */
    /**
     * Letters of other scripts that look Latin (Cyrillic а е о р с і, Greek ο ν, small capitals):
     * in a word that has an a–z letter too (whаtsаpp, іnstagram) the skeleton reads the Latin one.
     */
    latinLookalikes: z.optional(
      z.record(
        z
          .string()
          .check(
            z.refine(
              (letter) => letter.length === 1 && /^\p{L}$/u.test(letter) && !/^[a-z]$/.test(letter),
              'one non-ASCII letter',
            ),
          ),
        z.string().check(z.regex(/^[a-z]$/, 'one letter a–z')),
      ),
    ),
    symbolWords: z.optional(
      z.record(
        z.string().check(
          z.refine((key) => {
            const points = [...key];
            return (
              points.length >= 1 &&
              points.length <= 2 &&
              SYMBOL.test(points[0]!) &&
              (points.length === 1 || points[1] === '\uFE0F')
            );
          }, 'one symbol or emoji, optionally with its emoji presentation selector (U+FE0F)'),
        ),
        z
          .string()
          .check(
            z.refine(
              (word) => word.length >= 1 && word.length <= 4 && nonLatin(word),
              'one to four Han characters',
            ),
          ),
      ),
    ),
  })
  .check(
    z.superRefine((file, ctx) => {
      for (const particle of Object.keys(file.particleWords ?? {}))
        if (!file.particles.includes(particle))
          ctx.addIssue({
            code: 'custom',
            path: ['particleWords', particle],
            message: `"${particle}" is not one of the particles`,
          });
      if (!file.particles.includes(file.address.character))
        ctx.addIssue({
          code: 'custom',
          path: ['address', 'character'],
          message: 'the address is one of the particles',
        });
    }),
  );
export type SkeletonFile = z.infer<typeof skeletonFileSchema>;

const wordListSchema = z.array(z.string().check(z.minLength(1, 'must not be empty'))).check(z.minLength(1));

/** rules/lint/words.json: the word lists rules read outside their phrase data, folded where the rule reads folded text. */
export const wordsFileSchema = z.strictObject({
  $schema: z.optional(z.string()),
  'greet-first': z.strictObject({
    /** An opening address the skeleton drops (亲) greets on its own: the folded reply starts with one. */
    openingAddresses: wordListSchema,
  }),
  'offer-further-help': z.strictObject({
    /** Any of these in the customer's thanks (as written) asks something more: no closing. */
    questionMarks: characters('question marks'),
    /** Particles that may stand around the closing words of a closing turn (好的呀, 谢谢啦, 唔該晒). */
    closingFiller: z.optional(characters('closing filler')),
  }),
  'no-overpromise': z.strictObject({
    /**
     * How a Chinese certainty marker's clause is read (src/lint/rules/promise-clause.ts), in
     * skeleton form: simplified, 您 → 你, particles and punctuation gone.
     */
    zh: z.strictObject({
      /** An outcome the agent cannot control: arrival (到, 送达), a result (没问题, 能退), a limit. */
      outcome: wordListSchema,
      /** An outcome only after a time word (保证今天发货); the agent's own action otherwise (一定给你发货). */
      dispatch: wordListSchema,
      /** The agent's own action (帮你, 跟进, 尽快): what follows is effort, not an outcome. */
      effort: wordListSchema,
      /** A hedge (预计, 应该): what follows is an estimate. */
      hedge: wordListSchema,
      /** Read past without a decision: 到底, 到时候, 一定的. */
      neutral: wordListSchema,
      /** Time words (明天, 周五, 号 after a number): with a dispatch or an arrival, a date promise. */
      time: wordListSchema,
      /**
       * A scope that opens with one of these is a predicate about what will happen (会配合,
       * 能止住, 不缩水, 没有副作用): a result, unless the agent's own action or a hedge follows.
       */
      resultOpening: wordListSchema,
      /** A scope that opens with one of these is a fact, a judgement or a refusal (是正品, 很着急, 不行). */
      notResult: wordListSchema,
      /** A result complement anywhere in the scope (赶得上, 来得及, 退得成): a result. */
      resultComplement: wordListSchema,
      /** Adverbs read past before a result opening (一点都不缩水, 永远不会坏, 再也不会). */
      resultAdverb: wordListSchema,
      /**
       * Someone else than the shop right before a marker (海关一定放行, 快递员一定送上楼): their action
       * is an outcome the agent cannot control, so the scope is a promise unless effort or a hedge
       * follows.
       */
      thirdParty: wordListSchema,
      /** Negation or doubt in the few characters before a marker (不能保证, 没办法保证). */
      negation: wordListSchema,
      /** Words before a marker that contain a negation character but negate nothing (没问题, 不客气). */
      negationNeutral: wordListSchema,
      /** A question after the marker in its sentence (保证能到吗). */
      question: wordListSchema,
      /** The clause asks the customer to do something (请你务必保证信息真实): the promise is theirs. */
      request: wordListSchema,
      /** Requests that are reassurance, not a task (请放心, 请稍等). */
      requestNeutral: wordListSchema,
      /** Past or completed before an arrival (已经到了, 昨天收到): a report, not a promise. */
      pastBefore: wordListSchema,
      /** A condition before an arrival (如果明天到, 等收到后): not a promise. */
      conditionBefore: wordListSchema,
    }),
  }),
  'shipping-wording': z.strictObject({
    /**
     * How a shipping claim's clause is read (src/lint/rules/shipping-claim.ts), in skeleton
     * form: simplified, 您 → 你, particles and punctuation gone.
     */
    zh: z.strictObject({
      /** What is sent is not the parcel (链接, 优惠券, 退款), on either side of the verb. */
      notParcel: wordListSchema,
      /** Words before the verb, by what they make of it. */
      left: z.strictObject({
        /** 已, 已经, 早就 (and their typos 以, 己): done — a claim. */
        doneAdverb: wordListSchema,
        /** 昨天, 之前, 刚才: a past time — a claim. */
        past: wordListSchema,
        negation: wordListSchema,
        /** 会, 将, 明天, 尽快, 内, 等: a plan, a modal or a future time. */
        future: wordListSchema,
        /** 正在, 在: in progress (blocks a verb, not a state). */
        progressive: wordListSchema,
        /** 是否, 有没有, 什么时候: the clause asks. */
        question: wordListSchema,
        /** 如果, 一旦, 只要: the clause is a condition. */
        condition: wordListSchema,
        /** 给你, 帮你: the beneficiary, part of the span. */
        beneficiary: wordListSchema,
        /** 你 right before the verb: the customer does it (你寄出后…). */
        you: wordListSchema,
        /** Words that contain a marker but are none (不好意思, 会员, 所以, 目前). */
        neutral: wordListSchema,
      }),
      /** Words after the verb. */
      right: z.strictObject({
        /** 了, 过, 完: done. */
        doneAdverb: wordListSchema,
        /** 吗, 没有, 否: the clause asks. */
        question: wordListSchema,
        /** 后, 的时候, 的话: a condition or a time clause. */
        condition: wordListSchema,
        /** 给你, 出去, 走: part of the span. */
        beneficiary: wordListSchema,
        /** The verb is part of a noun (发货时间, 寄送地址) or in progress (发货中). */
        neutral: wordListSchema,
      }),
      /** Carriers and couriers: 交给顺丰, 发的中通, 已发韵达. */
      carriers: wordListSchema,
    }),
    /** English, lower-cased words of the original sentence. */
    en: z.strictObject({
      /** The verb chain before a participle, by role. */
      chain: z.strictObject({
        perfect: wordListSchema,
        pastAux: wordListSchema,
        be: wordListSchema,
        modal: wordListSchema,
        negation: wordListSchema,
        adverb: wordListSchema,
      }),
      /** Before the verb, these make its clause a condition (if, once, until). */
      condition: wordListSchema,
      /** A relative pronoun right before the verb with no subject (items that shipped). */
      relative: wordListSchema,
      /** A question's first word (has, did, when). */
      questionStart: wordListSchema,
      determiner: wordListSchema,
      /** Generic goods (orders, items): with a determiner before, a policy, not a claim. */
      generic: wordListSchema,
      /** Determiners that keep a generic noun a claim (your orders have shipped). */
      genericKeep: wordListSchema,
      /** After a present passive or a subjectless participle, these make it a policy (is shipped within 24 hours). */
      policyNext: wordListSchema,
      /** What is sent is not the parcel (link, email, refund). */
      notParcel: wordListSchema,
      /** The right-hand object window stops at these. */
      objectStop: wordListSchema,
      /** A fix appended after the span would split the verb from these. */
      objectNext: wordListSchema,
    }),
  }),
  'no-offplatform-contact': z.strictObject({
    /** After a contact handle, an account id introduced by a label (号码, 账号, id) … */
    accountLabels: wordListSchema,
    /** … and an optional link (是, 为), or by a link or a separator alone (QQ: 12345678). */
    accountLinks: wordListSchema,
    accountSeparators: wordListSchema,
    /** A pronoun right before a channel makes it the agent's own (我微信是…). */
    ownerPronouns: z.optional(wordListSchema),
    /** A pronoun right after a channel makes the channel a verb aimed at the agent (V我, WhatsApp me). */
    objectPronouns: z.optional(wordListSchema),
  }),
});
export type RuleWords = Omit<z.infer<typeof wordsFileSchema>, '$schema'>;

/** src/generated/lint-data.ts: rules/lint/ validated and checked by scripts/data/lint.ts. */
export interface BuiltInLintData {
  skeleton: Omit<SkeletonFile, '$schema'>;
  words: RuleWords;
  categories: Record<ForbiddenCategory, { template: string; label: LocalizedText }>;
  lists: Array<{ locale: PhraseLocale; lists: Record<string, string[]> }>;
  /** rules/lint/structure.json without the detectors' examples (checked at build time). */
  structure: ShippedStructure;
  /** rules/lint/tone-model.json (absent: no tone score). */
  tone?: z.infer<typeof toneModelFileSchema>;
  files: Array<{ file: string; rule: PhraseRuleId; locale: PhraseLocale; phrases: CompilableEntry[] }>;
}

function checkRoles(
  rule: PhraseRuleId,
  phrases: readonly PhraseEntry[],
  ctx: z.core.$RefinementCtx,
  path: PropertyKey[],
  allowCustom: boolean,
): void {
  const roles: readonly string[] = RULE_ROLES[rule];
  phrases.forEach((entry, index) => {
    const at = [...path, index];
    if (entry.role !== undefined && !roles.includes(entry.role))
      ctx.addIssue({
        code: 'custom',
        path: [...at, 'role'],
        message: `${rule} entries have role ${roles.join(' | ')}`,
      });
    if (rule === 'no-forbidden-phrase') {
      if (entry.category === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'category'],
          message: 'a forbidden phrase needs a category',
        });
      else if (entry.category === 'custom' && !allowCustom)
        ctx.addIssue({ code: 'custom', path: [...at, 'category'], message: '`custom` is for packs only' });
    } else if (entry.category !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: [...at, 'category'],
        message: `only no-forbidden-phrase entries have a category`,
      });
  });
}

/**
 * Longest expansion of one pattern's alternatives: word classes in a row multiply (10 × 12 = 120),
 * and the cap keeps a typo or a pack's pattern from blowing up the automaton.
 */
export const MAX_ALTERNATIVES = 256;

/** Expand `(a|b)` groups; `undefined` when the pattern is malformed (see `patternProblem`). */
export function expandAlternatives(pattern: string): string[] | undefined {
  let results = [''];
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i]!;
    if (char === '(') {
      const close = pattern.indexOf(')', i + 1);
      if (close < 0) return undefined;
      const body = pattern.slice(i + 1, close);
      if (body.includes('(')) return undefined;
      const options = body.split('|');
      const next: string[] = [];
      for (const prefix of results) for (const option of options) next.push(prefix + option);
      if (next.length > MAX_ALTERNATIVES) return undefined;
      results = next;
      i = close + 1;
    } else if (char === ')' || char === '|') {
      return undefined;
    } else {
      results = results.map((prefix) => prefix + char);
      i++;
    }
  }
  return results;
}

/** Why a pattern is malformed, or undefined. Skeleton-level checks (empty literals) come at compile. */
export function patternProblem(pattern: string): string | undefined {
  let depth = 0;
  for (const char of pattern) {
    if (char === '(') {
      if (depth > 0) return 'groups "( | )" do not nest';
      depth++;
    } else if (char === ')') {
      if (depth === 0) return 'unbalanced ")"';
      depth--;
    } else if (char === '|' && depth === 0) return '"|" only separates alternatives inside "( )"';
  }
  if (depth !== 0) return 'unclosed "("';
  const expanded = expandAlternatives(pattern);
  if (expanded === undefined) return `more than ${MAX_ALTERNATIVES} alternatives`;
  for (const option of expanded) {
    if (option.startsWith('…') || option.endsWith('…')) return 'a gap "…" must stand between two literals';
    if (option.includes('……')) return 'use one "…" per gap';
  }
  return undefined;
}
