import * as z from 'zod/mini';
import type { Range } from '../analysis/types.js';
import { issuesFromZod, parseOrThrow, safeParse, type HuashuIssue } from '../errors.js';
import type { Facts } from '../facts.js';
import type { SupportedLocale } from '../language/index.js';
import type { NormalizedText } from '../normalize/index.js';
import type { PhraseMatch } from './phrase-set.js';
import type { Skeleton } from './skeleton.js';
import type { ConversationTurn, RuleOptions, Severity } from './types.js';

/** A message in every locale huashu speaks; `{{name}}` placeholders are filled from the report's data. */
export type LocalizedMessage = Record<SupportedLocale, string>;

/** What a rule checks, for grouping in reports (a forbidden phrase's own category is in its data). */
export type RuleCategory = 'wording' | 'facts' | 'privacy' | 'platform' | 'conversation';

export interface RuleMeta {
  /** Stable kebab-case id, e.g. `no-forbidden-phrase`. */
  id: string;
  category: RuleCategory;
  docs: { description: string; url: string };
  /** Set when the rule reports `fix`es: the linter refuses a fix from a rule without it (like eslint). */
  fixable?: boolean;
  /** Set when the rule reports `suggestions`. */
  hasSuggestions?: boolean;
  messages: Record<string, LocalizedMessage>;
  /** Severity when the configuration does not name the rule (or turns it on, when `offByDefault`). */
  defaultSeverity: Severity;
  /** The rule runs only when the configuration turns it on (`"warn"` or `"error"`). */
  offByDefault?: boolean;
  /** The rule reads the conversation and only runs when `conversation` is given. */
  requiresConversation?: boolean;
  /**
   * Fact paths the rule cannot judge without (`order.shipped`): it only runs when the lint context's
   * facts have each of them, and `linter.notChecked(context)` names it otherwise.
   */
  requiresFacts?: readonly string[];
  /**
   * The rule's options and their defaults (`{ tone: true }`): the configuration may set these keys
   * only (`["warn", { "tone": false }]`), each to a value of its default's type, and the rule reads
   * the result as `context.options`.
   */
  defaultOptions?: RuleOptions;
}

/**
 * The reply being linted, in the three forms matching uses (the skeleton's arrays and the folded
 * text are made when a rule first reads them). `context.reply` is always the reply being linted:
 * keep its `skeleton` or `normalized`, not the view itself, past a listener.
 */
export interface ReplyView {
  /** The reply as written: finding ranges index into it. */
  readonly text: string;
  /**
   * The whole reply: `text` itself, or for a reply longer than MAX_LINTED_CHARS, `text` and the
   * part past it that no rule reads (no-pii-leak masks the data it may hold, wholesale).
   */
  readonly whole: string;
  readonly normalized: NormalizedText;
  readonly skeleton: Skeleton;
  /** The ORIGINAL range of a skeleton range `[start, end)`. */
  range(start: number, end: number): Range;
}

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string>;
  /** `[start, end)` in the ORIGINAL reply. */
  range: Range;
  /** `warn` lowers a finding the rule is less sure of; the configuration caps it further. */
  severity?: Severity;
  expected?: string;
  /**
   * Replace `range` with `text`. `safe: true` lets `huashu lint --fix` apply it unattended; set it
   * only when the fix cannot change what the reply asserts, whatever the record's facts: it masks
   * or removes the text the rule flags (no-pii-leak masks the datum). A fix that rewrites a claim
   * (shipping-wording's 仓库已发货) is right only when the facts are, and inserting a subject can
   * misname who shipped (顺丰已经发出 → 顺丰仓库已经发出): it stays unsafe, for a person to apply.
   */
  fix?: { range: Range; text: string; safe?: boolean };
  suggestions?: Array<{ text: string }>;
  /**
   * The range is personal data and this is its masked form: the finding's `actual` is this text,
   * it is marked `redacted`, and the range's text is replaced by it wherever else it appears in the
   * finding (message, data, expected, suggestions, fix), so no output repeats the datum.
   */
  masked?: string;
}

/**
 * At most this many findings per rule and reply: real replies have a handful; a megabyte of
 * repeated phrases would otherwise cost time and memory for findings nobody reads. A rule with
 * a loop of its own may stop there too.
 */
export const MAX_FINDINGS_PER_RULE = 200;

/**
 * What a rule sees. `create(context)` runs once per linter; `reply`, `facts`, `conversation`,
 * `locale` and `matches` are those of the reply being linted while a listener runs.
 */
export interface RuleContext {
  readonly id: string;
  readonly reply: ReplyView;
  readonly facts: Facts | undefined;
  /** The turns before this reply, oldest first; rules with `requiresConversation` only run when given. */
  readonly conversation: readonly ConversationTurn[] | undefined;
  /** The reply's locale: the lint context's, else detected (zh-Hans when not a supported one). */
  readonly locale: SupportedLocale;
  /** `meta.defaultOptions` with the configuration's options over them (`{}` for a rule without options). */
  readonly options: RuleOptions;
  /** This rule's phrase matches in the reply with the given role (all roles when omitted), by position. */
  matches(role?: string): readonly PhraseMatch[];
  /** This rule's phrase matches in another text, e.g. the customer's last turn, with their ranges there. */
  matchText(text: string, role?: string): readonly TextMatch[];
  /**
   * A whole approved sentence of a template, in the reply's locale, from the linter's resolver
   * (default: the built-in sentences); undefined when it has none for the id.
   */
  suggestion(templateId: string): string | undefined;
  report(descriptor: ReportDescriptor): void;
}

/** A phrase match in some text: `range` and `text` are in that text as written. */
export interface TextMatch extends PhraseMatch {
  readonly range: Range;
  readonly text: string;
}

export interface RuleListener {
  /** Before anything else, once per reply: reset per-reply state here. */
  reply?(): void;
  /** Each of this rule's phrase matches in the reply, all roles, by position. */
  phrase?(match: PhraseMatch): void;
  /** After the phrase matches, once per reply. */
  'reply:exit'?(): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  create(context: RuleContext): RuleListener;
}

const localizedMessageSchema = z.strictObject({
  'zh-Hans': z.string().check(z.minLength(1)),
  'zh-Hant': z.string().check(z.minLength(1)),
  en: z.string().check(z.minLength(1)),
});

const ruleSchema = z.object({
  meta: z.object({
    id: z.string().check(z.regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'a kebab-case rule id')),
    category: z.enum(['wording', 'facts', 'privacy', 'platform', 'conversation']),
    docs: z.object({ description: z.string().check(z.minLength(1)), url: z.string().check(z.minLength(1)) }),
    fixable: z.optional(z.boolean()),
    hasSuggestions: z.optional(z.boolean()),
    messages: z
      .record(z.string().check(z.regex(/^[a-zA-Z][\w-]*$/)), localizedMessageSchema)
      .check(z.refine((messages) => Object.keys(messages).length > 0, 'a rule needs at least one message')),
    defaultSeverity: z.enum(['error', 'warn']),
    offByDefault: z.optional(z.boolean()),
    requiresConversation: z.optional(z.boolean()),
    requiresFacts: z.optional(
      z
        .array(
          z.string().check(z.regex(/^[a-zA-Z]\w*(\.[a-zA-Z]\w*)*$/, 'a fact path such as order.shipped')),
        )
        .check(z.maxLength(16)),
    ),
    defaultOptions: z.optional(
      z.record(
        z.string().check(z.regex(/^[a-zA-Z]\w*$/, 'an option name such as tone')),
        z.union([z.boolean(), z.number(), z.string()]),
      ),
    ),
  }),
  create: z.custom<Rule['create']>((value) => typeof value === 'function', 'create must be a function'),
});

/**
 * Declare a lint rule (eslint's shape): `meta` with an id, docs, messages in zh-Hans, zh-Hant and
 * en, and `create(context)` returning listeners. Throws `HuashuError` `INVALID_RULES` when malformed.
 */
export function defineRule(rule: Rule): Rule {
  parseOrThrow(ruleSchema, rule, 'INVALID_RULES', 'defineRule(rule)');
  return defineBuiltInRule(rule);
}

/**
 * A built-in rule (src/lint/rules/): frozen as defineRule() freezes it, not parsed at import (the
 * parse cost the start-up of every process); test/lint/rules-meta.test.ts checks each one against
 * the same schema (`checkRule`).
 */
export function defineBuiltInRule(rule: Rule): Rule {
  return Object.freeze({ meta: Object.freeze({ ...rule.meta }), create: rule.create });
}

/** The problems defineRule() would throw for `rule`, or an empty list. */
export function checkRule(rule: unknown): HuashuIssue[] {
  const parsed = safeParse(ruleSchema, rule);
  return parsed.success ? [] : issuesFromZod(parsed.error);
}

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** Fill `{{name}}` from `data`; unknown placeholders stay as written (eslint's interpolate). */
export function interpolate(text: string, data: Readonly<Record<string, string>> | undefined): string {
  if (data === undefined || !text.includes('{{')) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(data, name) ? data[name]! : whole,
  );
}
