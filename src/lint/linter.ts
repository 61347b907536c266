import type { Range } from '../analysis/types.js';
import { invalidArgument, isPlainObject, quoteId } from '../arguments.js';
import { describeIssues, HuashuError, parseOrThrow, type HuashuIssue } from '../errors.js';
import { checkLintContext, checkLintInput } from './input.js';
import { lintOptionsSchema, type LintOptions } from './options.js';
import { ALLOW_RULE } from './phrase-set.js';
import { phraseSetFor } from './phrase-sources.js';
import { lintResult } from './post-process.js';
import { MAX_LINTED_CHARS } from '../limits.js';
import { defineRule, MAX_FINDINGS_PER_RULE, type Rule } from './rule.js';
import { BUILT_IN_RULES } from './rules/index.js';
import { hasFacts, ReplyState, RuleRunner } from './runner.js';
import type { PhraseMatch, PhraseSet } from './phrase-set.js';
import { SkeletonScratch, skeletonToOriginal } from './skeleton.js';
import { builtInSuggestion, type SuggestionResolver } from './suggestions.js';
import type {
  LintContext,
  LintResult,
  NotCheckedRule,
  RuleOptions,
  RuleSetting,
  SeveritySetting,
} from './types.js';

export { MAX_FINDINGS_PER_RULE };

/** A rule as a linter runs it: its meta and the severity and options the configuration gave it. */
export interface ConfiguredRule {
  readonly id: string;
  readonly meta: Rule['meta'];
  readonly severity: SeveritySetting;
  /** `meta.defaultOptions` with the configured options over them. */
  readonly options: RuleOptions;
}

export interface Linter {
  /** Lint one agent reply. Findings are data: never throws on what the reply says. */
  lint(reply: string, context?: LintContext): LintResult;
  /** Every known rule with its configured severity (`off` included), in run order. */
  readonly rules: readonly ConfiguredRule[];
  /**
   * The enabled rules that `lint(reply, context)` does not run for lack of what they read: the
   * conversation rules without `history`, shipping-wording without `facts.order.shipped`. An
   * export linted without facts can say so instead of passing in silence. Same order as `rules`.
   */
  notChecked(context?: LintContext): readonly NotCheckedRule[];
}

/** What a linter is given besides its options: code, not configuration. */
export interface LinterExtensions {
  /**
   * Turns the template a rule suggests into a whole sentence in the reply's locale. Default:
   * `builtInSuggestion`, sentences generated at build time from the built-in templates with
   * neutral variables; `createAssistant` passes its own catalogue (packs included).
   */
  suggest?: SuggestionResolver;
  /** Rules made with `defineRule`, run after the built-in ones. */
  extraRules?: readonly Rule[];
}

const CALL = 'createLinter(options, extensions)';
const EXTENSION_KEYS: ReadonlySet<string> = new Set(['suggest', 'extraRules']);

/**
 * Build a linter: validates the options, loads the built-in phrase data and the packs (each checked
 * against its own examples), compiles the phrases into one automaton (the conversation rules'
 * into a second, matched only when a conversation is given), and creates the rules once.
 * Throws `HuashuError` `INVALID_OPTIONS` (bad options or extensions, unknown rule ids) or
 * `INVALID_RULES` (a pack that fails its schema or its examples, a malformed extra rule), listing
 * every problem.
 */
export function createLinter(options: LintOptions = {}, extensions: LinterExtensions = {}): Linter {
  return buildLinter(options, extensions).linter;
}

/** A linter, and its lint() without the argument check for callers that validated the context. */
export interface BuiltLinter {
  linter: Linter;
  /**
   * lint() of a reply and a context already checked against lint's context schema (the reply
   * pipeline's own output, its facts and history validated by reply()): no second validation.
   */
  lintChecked(reply: string, context?: LintContext): LintResult;
}

/** createLinter(), keeping the unchecked lint for huashu's own callers (see BuiltLinter). */
export function buildLinter(options: LintOptions = {}, extensions: LinterExtensions = {}): BuiltLinter {
  const parsed = parseOrThrow(lintOptionsSchema, options, 'INVALID_OPTIONS', 'createLinter(options)');
  const { suggest, extraRules } = checkExtensions(extensions);
  const rules: Rule[] = [...BUILT_IN_RULES, ...extraRules.map(extraRule)];

  const configured = configureRules(rules, parsed.rules ?? {});
  const enabled = rules.filter((_, i) => configured[i]!.severity !== 'off');
  // The rules that read a conversation have their phrases (好, 谢谢, 您好, 再见…: words in most
  // replies) in a set of their own, compiled on the first lint with a conversation and matched only
  // then: a reply linted alone pays nothing for them (their compile is a fifth of the first lint's).
  const onConversation = (rule: Rule) => rule.meta.requiresConversation === true;
  const phrases = phraseSetFor(
    new Set(enabled.filter((rule) => !onConversation(rule)).map((rule) => rule.meta.id)),
    parsed.packs ?? [],
    parsed.allow ?? [],
  );
  let conversationPhrases: PhraseSet | undefined;
  const conversationSet = (): PhraseSet =>
    (conversationPhrases ??= phraseSetFor(
      new Set(enabled.filter(onConversation).map((rule) => rule.meta.id)),
      [],
      [],
    ));
  const replySet = (): PhraseSet => phrases;

  const state = new ReplyState(parsed.messageLocale);
  const runners = enabled.map(
    (rule) =>
      new RuleRunner(
        rule,
        configured.find((c) => c.id === rule.meta.id)!,
        state,
        onConversation(rule) ? conversationSet : replySet,
        suggest,
      ),
  );
  const byId = new Map(runners.map((runner) => [runner.id, runner]));
  // Reused from reply to reply: reading and scanning a reply allocate (almost) nothing.
  const scratch = new SkeletonScratch();
  const found: PhraseMatch[] = [];

  function lint(reply: string, context?: LintContext): LintResult {
    checkLintInput(reply, context);
    return lintChecked(reply, context);
  }

  function lintChecked(reply: string, context?: LintContext): LintResult {
    if (reply.length <= MAX_LINTED_CHARS) return lintWhole(reply, context);
    // A bounded window keeps a megabyte within the time budget; the result says what was left.
    const end = windowEnd(reply, MAX_LINTED_CHARS);
    const result = lintWhole(reply.slice(0, end), context, reply);
    result.unchecked = [end, reply.length];
    return result;
  }

  /** Lint `reply` (the whole reply, or its first MAX_LINTED_CHARS characters: `whole` is then the reply). */
  function lintWhole(reply: string, context?: LintContext, whole = reply): LintResult {
    const skeleton = phrases.reader.read(reply, scratch);
    state.begin(reply, skeleton, context, whole);
    for (const runner of runners) if (runner.matches.length > 0) runner.matches.length = 0;
    let allowed: Range[] | undefined;
    if (found.length > 0) found.length = 0;
    phrases.match(skeleton, undefined, found);
    if (state.conversation !== undefined) conversationSet().match(skeleton, undefined, found);
    for (const match of found) {
      const id = match.entry.ruleId;
      if (id === ALLOW_RULE) (allowed ??= []).push(skeletonToOriginal(skeleton, match.start, match.end));
      else byId.get(id)?.matches.push(match);
    }
    if (found.length > 0) found.length = 0;
    for (const runner of runners) runner.run();
    return lintResult(state.end(), allowed);
  }

  // What each enabled rule needs, and the answers of notChecked() by the set of needs missing
  // (a few rules: a bit each), so a run over a million replies allocates nothing for it.
  const needs = enabled.flatMap((rule) => [
    ...(rule.meta.requiresConversation === true ? [{ ruleId: rule.meta.id, needs: 'conversation' }] : []),
    ...(rule.meta.requiresFacts ?? []).map((path) => ({ ruleId: rule.meta.id, needs: path })),
  ]);
  const needPaths = needs.map(({ needs: path }) => [path.split('.')]);
  const notCheckedBySet = new Map<number, readonly NotCheckedRule[]>();

  function notChecked(context?: LintContext): readonly NotCheckedRule[] {
    checkLintContext(context);
    let missing = 0;
    // More than 30 needs (extra rules) do not fit the bits: those answers are not cached.
    const missingList: boolean[] = [];
    needs.forEach((need, i) => {
      const met =
        need.needs === 'conversation'
          ? (context?.history ?? context?.conversation) !== undefined
          : hasFacts(context?.facts, needPaths[i]!);
      missingList.push(!met);
      if (!met && i < 30) missing |= 1 << i;
    });
    let list = needs.length > 30 ? undefined : notCheckedBySet.get(missing);
    if (list === undefined) {
      list = Object.freeze(needs.filter((_, i) => missingList[i]).map((n) => Object.freeze({ ...n })));
      if (needs.length <= 30) notCheckedBySet.set(missing, list);
    }
    return list;
  }

  return { linter: { lint, rules: configured, notChecked }, lintChecked };
}

function checkExtensions(extensions: unknown): {
  suggest: SuggestionResolver;
  extraRules: readonly unknown[];
} {
  if (extensions === undefined) return { suggest: builtInSuggestion, extraRules: [] };
  if (!isPlainObject(extensions))
    throw invalidArgument(
      'INVALID_OPTIONS',
      CALL,
      'extensions',
      typeof extensions === 'function'
        ? 'an object { suggest?, extraRules? } (pass a suggestion resolver as { suggest })'
        : 'an object { suggest?, extraRules? }',
      extensions,
    );
  for (const key of Object.keys(extensions))
    if (!EXTENSION_KEYS.has(key)) {
      const message = `unknown key ${quoteId(key)}; known keys: suggest, extraRules`;
      throw new HuashuError('INVALID_OPTIONS', `Invalid ${CALL}: ${message}.`, {
        issues: [{ path: `extensions.${quoteId(key, false)}`, message }],
      });
    }
  const { suggest, extraRules } = extensions;
  if (suggest !== undefined && typeof suggest !== 'function')
    throw invalidArgument(
      'INVALID_OPTIONS',
      CALL,
      'extensions.suggest',
      'a function (templateId, locale) => sentence | undefined, or undefined for the built-in sentences',
      suggest,
    );
  if (extraRules !== undefined && !Array.isArray(extraRules))
    throw invalidArgument(
      'INVALID_OPTIONS',
      CALL,
      'extensions.extraRules',
      'an array of rules made with defineRule()',
      extraRules,
    );
  return {
    suggest: (suggest as SuggestionResolver | undefined) ?? builtInSuggestion,
    extraRules: (extraRules as unknown[] | undefined) ?? [],
  };
}

/** A rule given to createLinter, checked as defineRule checks it; problems name its place in `extraRules`. */
function extraRule(rule: unknown, index: number): Rule {
  try {
    return defineRule(rule as Rule);
  } catch (error) {
    if (!(error instanceof HuashuError)) throw error;
    const issues = error.issues.map((issue) => ({
      ...issue,
      path: issue.path === '' ? `extraRules[${index}]` : `extraRules[${index}].${issue.path}`,
    }));
    throw new HuashuError(
      'INVALID_RULES',
      `Invalid ${CALL.replace('extensions', `{ extraRules[${index}] }`)} (make rules with defineRule()):\n  ${describeIssues(issues)}`,
      { issues },
    );
  }
}

function configureRules(rules: readonly Rule[], settings: Record<string, RuleSetting>): ConfiguredRule[] {
  const issues: HuashuIssue[] = [];
  const known = new Set<string>();
  for (const rule of rules) {
    if (known.has(rule.meta.id))
      issues.push({ path: 'rules', message: `two rules have the id "${rule.meta.id}"` });
    known.add(rule.meta.id);
  }
  for (const id of Object.keys(settings))
    if (!known.has(id))
      issues.push({
        path: `rules.${quoteId(id, false)}`,
        message: `unknown rule ${quoteId(id)}; known rules: ${[...known].join(', ')}`,
      });
  const configured = rules.map((rule): ConfiguredRule => {
    const setting = settings[rule.meta.id];
    const severity =
      setting === undefined
        ? rule.meta.offByDefault === true
          ? 'off'
          : rule.meta.defaultSeverity
        : typeof setting === 'string'
          ? setting
          : setting[0];
    const given = typeof setting === 'object' ? setting[1] : undefined;
    return {
      id: rule.meta.id,
      meta: rule.meta,
      severity,
      options: ruleOptions(rule, given, `rules.${quoteId(rule.meta.id, false)}[1]`, issues),
    };
  });
  if (issues.length > 0)
    throw new HuashuError('INVALID_OPTIONS', `Invalid createLinter(options):\n  ${describeIssues(issues)}`, {
      issues,
    });
  return configured;
}

const NO_OPTIONS: RuleOptions = Object.freeze({});

/**
 * A rule's defaults with `given` over them: a key the rule does not declare, or a value of another
 * type than its default's, is an issue at `path` (the options are data a shop writes by hand).
 */
function ruleOptions(
  rule: Rule,
  given: RuleOptions | undefined,
  path: string,
  issues: HuashuIssue[],
): RuleOptions {
  const defaults = rule.meta.defaultOptions ?? NO_OPTIONS;
  // A copy, frozen: a rule cannot change what another linter of the same rule reads.
  if (given === undefined || Object.keys(given).length === 0) return Object.freeze({ ...defaults });
  const names = Object.keys(defaults);
  for (const [key, value] of Object.entries(given)) {
    if (!Object.hasOwn(defaults, key))
      issues.push({
        path: `${path}.${key}`,
        message:
          names.length === 0
            ? `${quoteId(rule.meta.id)} has no options`
            : `unknown option of ${quoteId(rule.meta.id)}; its options: ${names.join(', ')}`,
      });
    else if (typeof value !== typeof defaults[key])
      issues.push({
        path: `${path}.${key}`,
        message: `must be a ${typeof defaults[key]} (default ${JSON.stringify(defaults[key])}); got ${JSON.stringify(value)}`,
      });
  }
  return Object.freeze({ ...defaults, ...given });
}

/** `limit`, or one less where that would split a surrogate pair (a character stays whole). */
function windowEnd(text: string, limit: number): number {
  const last = text.charCodeAt(limit - 1);
  return last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit;
}
