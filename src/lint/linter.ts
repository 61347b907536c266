import { z } from 'zod';
import type { Range } from '../analysis/types.js';
import { invalidArgument, quoteId } from '../arguments.js';
import { describeIssues, HuashuError, issuesFromZod, parseOrThrow, type HuashuIssue } from '../errors.js';
import { factsSchema, type Facts } from '../facts.js';
import { detectLanguage, type SupportedLocale } from '../language/index.js';
import { normalize, toOriginalRange } from '../normalize/index.js';
import { createTemplateCatalogue, type TemplateCatalogue } from '../templates/index.js';
import { builtInLists, builtInSources } from './built-in-data.js';
import { findPii, maskPii } from './pii.js';
import { compileAndCheck, type CheckedSource } from './check-entries.js';
import { phraseLocaleSchema, phrasePackSchema, type PhrasePack } from './data-schema.js';
import { lintOptionsSchema, type LintOptions } from './options.js';
import { ALLOW_RULE, PhraseSet, type EntrySource, type PhraseMatch } from './phrase-set.js';
import {
  defineRule,
  interpolate,
  MAX_FINDINGS_PER_RULE,
  type ReplyView,
  type ReportDescriptor,
  type Rule,
  type RuleContext,
  type RuleListener,
  type TextMatch,
} from './rule.js';
import { BUILT_IN_RULES } from './rules/index.js';
import { buildSkeleton, skeletonToOriginal, type Skeleton } from './skeleton.js';
import type {
  ConversationTurn,
  Finding,
  LintContext,
  LintResult,
  Severity,
  SeveritySetting,
} from './types.js';

/** Turns a template id into a whole sentence in a locale (the template catalogue's `example`). */
export type SuggestionResolver = (templateId: string, locale: SupportedLocale) => string | undefined;

/** A rule as a linter runs it: its meta and the severity the configuration gave it. */
export interface ConfiguredRule {
  readonly id: string;
  readonly meta: Rule['meta'];
  readonly severity: SeveritySetting;
}

export interface Linter {
  /** Lint one agent reply. Findings are data: never throws on what the reply says. */
  lint(reply: string, context?: LintContext): LintResult;
  /** Every known rule with its configured severity (`off` included), in run order. */
  readonly rules: readonly ConfiguredRule[];
}

const replySchema = z.string({ error: 'expected the reply text as a string' });

const lintContextSchema = z
  .object({
    facts: factsSchema.optional(),
    conversation: z
      .array(z.object({ role: z.enum(['customer', 'agent', 'system']), text: z.string() }))
      .optional(),
    locale: phraseLocaleSchema.optional(),
  })
  .strict();

export { MAX_FINDINGS_PER_RULE };

const SUPPORTED: ReadonlySet<string> = new Set(['zh-Hans', 'zh-Hant', 'en']);
const HAN = /[\u3400-\u9fff]/;
const LATIN = /[A-Za-z]/;

/** The reply's locale when the caller did not say: detected, else guessed from its script. */
function replyLocale(reply: string): SupportedLocale {
  const detected = detectLanguage(reply).locale;
  if (SUPPORTED.has(detected)) return detected as SupportedLocale;
  if (HAN.test(reply)) return 'zh-Hans';
  return LATIN.test(reply) ? 'en' : 'zh-Hans';
}

let builtInCatalogue: TemplateCatalogue | undefined;

/** The default resolver: the built-in templates' own examples, loaded on the first suggestion. */
const builtInSuggestion: SuggestionResolver = (templateId, locale) =>
  (builtInCatalogue ??= createTemplateCatalogue()).example(templateId, locale);

/** The compiled built-in phrases per set of enabled rules: most linters share the default one. */
const builtInCache = new Map<string, PhraseSet>();

/**
 * Build a linter: validates the options, loads the built-in phrase data and the packs (each checked
 * against its own examples), compiles every phrase into one automaton, and creates the rules once.
 * Throws `HuashuError` `INVALID_OPTIONS` (bad options, unknown rule ids) or `INVALID_RULES` (a
 * pack that fails its schema or its examples), listing every problem.
 *
 * `resolveSuggestion` turns a template id into a whole approved sentence (default: the built-in
 * templates rendered with their example values; `createAssistant` passes its own catalogue, packs
 * included). `extraRules` adds rules made with `defineRule`.
 */
export function createLinter(
  options: LintOptions = {},
  resolveSuggestion: SuggestionResolver = builtInSuggestion,
  extraRules: readonly Rule[] = [],
): Linter {
  const parsed = parseOrThrow(lintOptionsSchema, options, 'INVALID_OPTIONS', 'createLinter(options)');
  if (typeof resolveSuggestion !== 'function')
    throw invalidArgument(
      'INVALID_OPTIONS',
      'createLinter(options, resolveSuggestion)',
      'resolveSuggestion',
      'a function (templateId, locale) => sentence | undefined, or undefined for the built-in templates',
      resolveSuggestion,
    );
  if (!Array.isArray(extraRules))
    throw invalidArgument(
      'INVALID_OPTIONS',
      'createLinter(options, resolveSuggestion, extraRules)',
      'extraRules',
      'an array of rules made with defineRule()',
      extraRules,
    );
  const rules: Rule[] = [...BUILT_IN_RULES, ...extraRules.map(extraRule)];

  const configured = configureRules(rules, parsed.rules ?? {});
  const enabled = rules.filter((_, i) => configured[i]!.severity !== 'off');
  const enabledIds = new Set(enabled.map((rule) => rule.meta.id));

  const packSources = packEntrySources(parsed.packs ?? [], enabledIds);
  const allowSources = allowEntrySources(parsed.allow ?? []);
  let phrases: PhraseSet;
  if (packSources.length === 0 && allowSources.length === 0) {
    const key = [...enabledIds].sort().join(',');
    let cached = builtInCache.get(key);
    if (cached === undefined) {
      cached = compileBuiltIn(builtInSources(enabledIds));
      builtInCache.set(key, cached);
    }
    phrases = cached;
  } else {
    phrases = compileBuiltIn([...builtInSources(enabledIds), ...packSources, ...allowSources]);
  }

  const state = new ReplyState(parsed.messageLocale);
  const runners = enabled.map(
    (rule) =>
      new RuleRunner(
        rule,
        configured.find((c) => c.id === rule.meta.id)!.severity,
        state,
        phrases,
        resolveSuggestion,
      ),
  );

  function lint(reply: string, context?: LintContext): LintResult {
    if (typeof reply !== 'string') parseOrThrow(replySchema, reply, 'INVALID_INPUT', 'lint(reply)');
    if (context !== undefined)
      parseOrThrow(lintContextSchema, context, 'INVALID_INPUT', 'lint(reply, context)');
    const normalized = normalize(reply);
    const skeleton = buildSkeleton(normalized);
    state.begin(reply, skeleton, context);
    const matches = phrases.match(skeleton);
    for (const runner of runners) runner.matches.length = 0;
    const allowed: Range[] = [];
    for (const match of matches) {
      if (match.entry.ruleId === ALLOW_RULE)
        allowed.push(skeletonToOriginal(skeleton, match.start, match.end));
      else byRule(runners, match.entry.ruleId)?.matches.push(match);
    }
    const findings: Finding[] = [];
    state.findings = findings;
    for (const runner of runners) runner.run();
    state.end();
    return finish(findings, allowed);
  }

  return { lint, rules: configured };
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
      `Invalid createLinter(options, resolveSuggestion, extraRules[${index}]) (make rules with defineRule()):\n  ${describeIssues(issues)}`,
      { issues },
    );
  }
}

function byRule(runners: readonly RuleRunner[], id: string): RuleRunner | undefined {
  for (const runner of runners) if (runner.id === id) return runner;
  return undefined;
}

function configureRules(rules: readonly Rule[], settings: Record<string, SeveritySetting>): ConfiguredRule[] {
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
  if (issues.length > 0)
    throw new HuashuError('INVALID_OPTIONS', `Invalid createLinter(options):\n  ${describeIssues(issues)}`, {
      issues,
    });
  return rules.map((rule) => ({
    id: rule.meta.id,
    meta: rule.meta,
    severity: settings[rule.meta.id] ?? rule.meta.defaultSeverity,
  }));
}

function compileBuiltIn(sources: EntrySource[]): PhraseSet {
  const { set, issues } = PhraseSet.compile(sources, builtInLists());
  // Built-in data was checked by the build; a problem here is a pack or allow-list one.
  if (issues.length > 0)
    throw new HuashuError('INVALID_RULES', `Invalid lint phrases:\n  ${describeIssues(issues)}`, { issues });
  return set;
}

/** Validate the packs and run their examples; throws `INVALID_RULES` listing every problem. */
function packEntrySources(packs: readonly PhrasePack[], enabled: ReadonlySet<string>): EntrySource[] {
  const issues: HuashuIssue[] = [];
  const sources: CheckedSource[] = [];
  packs.forEach((raw, p) => {
    const result = phrasePackSchema.safeParse(raw);
    if (!result.success) {
      issues.push(...issuesFromZod(result.error, `packs[${p}]`));
      return;
    }
    const pack = result.data;
    const ruleId = pack.rule ?? 'no-forbidden-phrase';
    pack.phrases.forEach((entry, index) =>
      sources.push({ ruleId, file: pack.name, path: `packs[${p}].phrases[${index}]`, entry }),
    );
  });
  if (issues.length === 0) issues.push(...compileAndCheck(sources, builtInLists()).issues);
  if (issues.length > 0)
    throw new HuashuError('INVALID_RULES', `Invalid phrase packs:\n  ${describeIssues(issues)}`, { issues });
  return sources.filter((source) => enabled.has(source.ruleId));
}

function allowEntrySources(allow: readonly string[]): EntrySource[] {
  const issues: HuashuIssue[] = [];
  const sources = allow.map((phrase, index): EntrySource => {
    // Allowed phrases are literal: the pattern syntax characters are punctuation to them.
    const literal = phrase.replace(/[()|…]/g, ' ');
    return {
      ruleId: ALLOW_RULE,
      role: 'allow',
      file: 'allow',
      path: `allow[${index}]`,
      entry: { patterns: [literal] },
    };
  });
  const { issues: compileIssues } = PhraseSet.compile(sources, new Map());
  for (const issue of compileIssues)
    issues.push({
      path: issue.path,
      message: 'an allowed phrase must contain more than spaces, punctuation and particles',
    });
  if (issues.length > 0)
    throw new HuashuError('INVALID_OPTIONS', `Invalid createLinter(options):\n  ${describeIssues(issues)}`, {
      issues,
    });
  return sources;
}

/** Every datum findPii finds has a digit (any script) or an at sign. */
const MAY_HOLD_DATA = /[\p{Nd}@＠]/u;

/** A datum of the reply in original offsets, with its masked form. */
interface PersonalDatum {
  start: number;
  end: number;
  text: string;
  masked: string;
}

/** `reply[start, end)` with every datum in it masked; a datum cut by the range shows as `*`s. */
function maskRange(reply: string, start: number, end: number, data: readonly PersonalDatum[]): string {
  let out = '';
  let position = start;
  for (const datum of data) {
    const from = Math.max(datum.start, start);
    const to = Math.min(datum.end, end);
    out += reply.slice(position, from);
    out += from === datum.start && to === datum.end ? datum.masked : '*'.repeat(to - from);
    position = to;
  }
  return out + reply.slice(position, end);
}

/** `value` (a message, data, suggestion or fix written by a rule) with each datum's text masked. */
function maskAll(value: string, data: readonly PersonalDatum[]): string {
  for (const { text, masked } of data) if (value.includes(text)) value = value.split(text).join(masked);
  return value;
}

/** What the rules see of the reply being linted; reused from reply to reply. */
class ReplyState {
  reply = '';
  skeleton!: Skeleton;
  view!: ReplyView;
  facts: Facts | undefined;
  conversation: readonly ConversationTurn[] | undefined;
  findings: Finding[] = [];
  private personalData: PersonalDatum[] | undefined;
  private givenLocale: SupportedLocale | undefined;
  private detectedLocale: SupportedLocale | undefined;

  constructor(private readonly messageLocaleOption: SupportedLocale | undefined) {}

  begin(reply: string, skeleton: Skeleton, context: LintContext | undefined): void {
    this.reply = reply;
    this.skeleton = skeleton;
    this.personalData = undefined;
    this.view = {
      text: reply,
      normalized: skeleton.normalized,
      skeleton,
      range: (start, end) => skeletonToOriginal(skeleton, start, end),
    };
    this.facts = context?.facts;
    this.conversation = context?.conversation;
    this.givenLocale = context?.locale;
    this.detectedLocale = undefined;
  }

  /**
   * The personal data overlapping `[start, end)` of the reply (any full phone, ID number, e-mail
   * or address, whoever it belongs to), found once per reply on the first finding that needs it.
   */
  personalDataIn(start: number, end: number): readonly PersonalDatum[] {
    if (end <= start) return [];
    if (this.personalData === undefined) {
      const normalized = this.skeleton.normalized;
      this.personalData = findPii(normalized.text).map((hit) => {
        const [from, to] = toOriginalRange(normalized, hit.start, hit.end);
        const text = this.reply.slice(from, to);
        return { start: from, end: to, text, masked: maskPii(hit.kind, text) };
      });
    }
    // Data are sorted and never overlap: binary search for the first one ending after `start`.
    const data = this.personalData;
    let low = 0;
    let high = data.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (data[mid]!.end <= start) low = mid + 1;
      else high = mid;
    }
    let last = low;
    while (last < data.length && data[last]!.start < end) last++;
    return low === last ? [] : data.slice(low, last);
  }

  end(): void {
    // Drop references so a long-lived linter does not hold the last reply.
    this.personalData = undefined;
    this.facts = undefined;
    this.conversation = undefined;
    this.findings = [];
  }

  get locale(): SupportedLocale {
    if (this.givenLocale !== undefined) return this.givenLocale;
    this.detectedLocale ??= replyLocale(this.reply);
    return this.detectedLocale;
  }

  get messageLocale(): SupportedLocale {
    return this.messageLocaleOption ?? this.locale;
  }
}

/** One enabled rule: its context, its listeners, and this reply's phrase matches. */
class RuleRunner {
  readonly id: string;
  readonly matches: PhraseMatch[] = [];
  private reported = 0;
  private readonly listener: RuleListener;
  private readonly severity: Severity;

  constructor(
    private readonly rule: Rule,
    setting: SeveritySetting,
    private readonly state: ReplyState,
    phrases: PhraseSet,
    private readonly resolveSuggestion: SuggestionResolver | undefined,
  ) {
    this.id = rule.meta.id;
    this.severity = setting === 'warn' ? 'warn' : 'error';
    const id = this.id;
    const matches = this.matches;
    const context: RuleContext = {
      id,
      get reply() {
        return state.view;
      },
      get facts() {
        return state.facts;
      },
      get conversation() {
        return state.conversation;
      },
      get locale() {
        return state.locale;
      },
      matches: (role) => (role === undefined ? matches : matches.filter((m) => m.entry.role === role)),
      matchText: (text, role) => {
        const skeleton = buildSkeleton(normalize(text));
        const found: TextMatch[] = [];
        for (const m of phrases.match(skeleton)) {
          if (m.entry.ruleId !== id || (role !== undefined && m.entry.role !== role)) continue;
          const range = skeletonToOriginal(skeleton, m.start, m.end);
          found.push({ ...m, range, text: text.slice(range[0], range[1]) });
        }
        return found.sort((a, b) => a.start - b.start);
      },
      suggestion: (templateId) => this.resolveSuggestion?.(templateId, state.locale),
      report: (descriptor) => this.report(descriptor),
    };
    this.listener = rule.create(context);
  }

  run(): void {
    if (this.rule.meta.requiresConversation && this.state.conversation === undefined) return;
    this.reported = 0;
    const listener = this.listener;
    listener.reply?.();
    if (listener.phrase !== undefined && this.matches.length > 0) {
      if (this.matches.length > 1) this.matches.sort((a, b) => a.start - b.start || a.end - b.end);
      for (const match of this.matches) listener.phrase(match);
    }
    listener['reply:exit']?.();
  }

  report(descriptor: ReportDescriptor): void {
    const { meta } = this.rule;
    const messages = meta.messages[descriptor.messageId];
    const reply = this.state.reply;
    const problem = (message: string) =>
      new HuashuError('INVALID_RULES', `Rule "${this.id}" reported ${message}`, {
        issues: [{ path: this.id, message }],
      });
    if (messages === undefined) throw problem(`an unknown messageId "${descriptor.messageId}"`);
    if (descriptor.fix !== undefined && !meta.fixable)
      throw problem('a fix, but fixable rules must set meta.fixable');
    if (descriptor.suggestions !== undefined && !meta.hasSuggestions)
      throw problem('suggestions, but rules with suggestions must set meta.hasSuggestions');
    if (!validRange(descriptor.range, reply.length))
      throw problem(`a range outside the reply: [${descriptor.range.join(', ')}]`);
    if (descriptor.fix !== undefined && !validRange(descriptor.fix.range, reply.length))
      throw problem(`a fix range outside the reply: [${descriptor.fix.range.join(', ')}]`);
    if (descriptor.masked !== undefined && typeof descriptor.masked !== 'string')
      throw problem('a masked form that is not a string');
    if (++this.reported > MAX_FINDINGS_PER_RULE) return;
    const [start, end] = descriptor.range;
    const text = reply.slice(start, end);
    const { masked } = descriptor;
    // A redacted finding shows the masked form wherever the rule might have put the datum. Any
    // other finding (a whole-reply one of greet-first, a phrase next to a phone number) shows
    // the personal data inside its range masked too, so no output repeats it.
    const personal =
      masked === undefined && MAY_HOLD_DATA.test(text) ? this.state.personalDataIn(start, end) : [];
    const hide =
      masked !== undefined
        ? text === '' || text === masked
          ? (value: string) => value
          : (value: string) => (value.includes(text) ? value.split(text).join(masked) : value)
        : personal.length === 0
          ? (value: string) => value
          : (value: string) => maskAll(value, personal);
    const finding: Finding = {
      ruleId: this.id,
      messageId: descriptor.messageId,
      severity: this.severity === 'warn' ? 'warn' : (descriptor.severity ?? 'error'),
      message: hide(interpolate(messages[this.state.messageLocale], descriptor.data)),
      range: [start, end],
      actual: masked ?? (personal.length === 0 ? text : maskRange(reply, start, end, personal)),
    };
    if (descriptor.expected !== undefined) finding.expected = hide(descriptor.expected);
    if (descriptor.fix !== undefined)
      finding.fix = { range: [...descriptor.fix.range], text: hide(descriptor.fix.text) };
    if (descriptor.suggestions !== undefined && descriptor.suggestions.length > 0)
      finding.suggestions = descriptor.suggestions.map((s) => ({ text: hide(s.text) }));
    if (descriptor.data !== undefined) {
      const data: Record<string, string> = {};
      for (const [key, value] of Object.entries(descriptor.data)) data[key] = hide(value);
      finding.data = data;
    }
    finding.url = meta.docs.url;
    if (masked !== undefined) finding.redacted = true;
    this.state.findings.push(finding);
  }
}

function validRange(range: Range, length: number): boolean {
  const [start, end] = range;
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start && end <= length;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether `[start, end)` lies inside one of `ranges`: sorted by start with a running maximum of
 * the ends, each question is a binary search (a megabyte of allowed phrases stays O(n log n)).
 */
function insideAny(ranges: readonly Range[]): (start: number, end: number) => boolean {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const starts = Int32Array.from(sorted, (r) => r[0]);
  const maxEnds = new Int32Array(sorted.length);
  let furthest = -1;
  sorted.forEach((r, i) => (maxEnds[i] = furthest = Math.max(furthest, r[1])));
  return (start, end) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnds[lo - 1]! >= end;
  };
}

/** Drop allowed and duplicate findings, sort by position, count. */
function finish(findings: Finding[], allowed: readonly Range[]): LintResult {
  let kept = findings;
  if (allowed.length > 0) {
    const inside = insideAny(allowed);
    kept = kept.filter((f) => !inside(f.range[0], f.range[1]));
  }
  if (kept.length > 1) {
    // A rule reports a span inside another of its spans (不知道 in 我不知道) once, and two
    // overlapping spans with the same message (加我微信 / 微信聊) once: sorted by rule, start,
    // longest first, a span is dropped when it ends before the furthest end seen, or starts
    // before it with the same messageId.
    kept.sort((a, b) => compareIds(a.ruleId, b.ruleId) || a.range[0] - b.range[0] || b.range[1] - a.range[1]);
    const unique: Finding[] = [];
    let rule = '';
    let furthest = -1;
    let furthestMessage = '';
    for (const f of kept) {
      if (f.ruleId !== rule) {
        rule = f.ruleId;
        furthest = -1;
      }
      if (f.range[1] <= furthest && f.range[1] > f.range[0]) continue;
      if (f.range[0] < furthest && f.messageId === furthestMessage) continue;
      if (f.range[1] > furthest) {
        furthest = f.range[1];
        furthestMessage = f.messageId;
      }
      unique.push(f);
    }
    kept = unique;
    kept.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || compareIds(a.ruleId, b.ruleId));
  }
  let errorCount = 0;
  for (const f of kept) if (f.severity === 'error') errorCount++;
  return { findings: kept, errorCount, warningCount: kept.length - errorCount };
}
