import type { Facts } from '../facts.js';
import type { SupportedLocale } from '../language/index.js';
import type { NormalizedText } from '../normalize/index.js';
import { toOriginalRange } from '../normalize/index.js';
import { checkReport, createFinding, type PersonalDatum } from './finding.js';
import { findPii, maskPii } from './pii.js';
import type { PhraseMatch, PhraseSet } from './phrase-set.js';
import { replyLocale } from './reply-locale.js';
import {
  MAX_FINDINGS_PER_RULE,
  type ReplyView,
  type ReportDescriptor,
  type Rule,
  type RuleContext,
  type RuleListener,
  type TextMatch,
} from './rule.js';
import { skeletonToOriginal, type Skeleton } from './skeleton.js';
import type { SuggestionResolver } from './suggestions.js';
import type {
  ConversationTurn,
  Finding,
  LintContext,
  RuleOptions,
  Severity,
  SeveritySetting,
} from './types.js';
import { firstEndingAfter } from '../util/first-ending-after.js';

/** The reply being linted as the rules see it; one per linter, refilled for each reply. */
class ReplyFrame implements ReplyView {
  text = '';
  whole = '';
  skeleton!: Skeleton;
  get normalized(): NormalizedText {
    return this.skeleton.normalized;
  }
  /** Bound once, so a rule may pass `reply.range` around. */
  readonly range = (start: number, end: number) => skeletonToOriginal(this.skeleton, start, end);
}

/** What the rules see of the reply being linted, shared by a linter's runners and reused from reply to reply. */
export class ReplyState {
  readonly view = new ReplyFrame();
  facts: Facts | undefined;
  conversation: readonly ConversationTurn[] | undefined;
  findings: Finding[] | undefined;
  private personalData: PersonalDatum[] | undefined;
  private givenLocale: SupportedLocale | undefined;
  private detectedLocale: SupportedLocale | undefined;

  constructor(private readonly messageLocaleOption: SupportedLocale | undefined) {}

  get reply(): string {
    return this.view.text;
  }

  /** Start on a reply (`whole`: the reply it begins, when lint reads only its first characters). */
  begin(reply: string, skeleton: Skeleton, context: LintContext | undefined, whole = reply): void {
    this.view.text = reply;
    this.view.whole = whole;
    this.view.skeleton = skeleton;
    this.facts = context?.facts;
    this.conversation = context?.history ?? context?.conversation;
    this.givenLocale = context?.locale;
    this.detectedLocale = undefined;
    this.findings = undefined;
    this.personalData = undefined;
  }

  /**
   * The personal data overlapping `[start, end)` of the reply (any full phone, ID number, e-mail
   * or address, whoever it belongs to), found once per reply on the first finding that needs it.
   */
  readonly personalDataIn = (start: number, end: number): readonly PersonalDatum[] => {
    if (end <= start) return [];
    if (this.personalData === undefined) {
      const normalized = this.view.normalized;
      const reply = this.view.text;
      this.personalData = findPii(normalized.text).map((hit) => {
        const [from, to] = toOriginalRange(normalized, hit.start, hit.end);
        const text = reply.slice(from, to);
        return { start: from, end: to, text, masked: maskPii(hit.kind, text) };
      });
    }
    // Data are sorted and never overlap: the first one ending after `start`, by binary search.
    const data = this.personalData;
    const low = firstEndingAfter(data, start);
    let last = low;
    while (last < data.length && data[last]!.start < end) last++;
    return low === last ? [] : data.slice(low, last);
  };

  /** This reply's findings; drops every reference to the reply so a long-lived linter does not hold it. */
  end(): Finding[] {
    const findings = this.findings ?? [];
    this.personalData = undefined;
    this.facts = undefined;
    this.conversation = undefined;
    this.findings = undefined;
    return findings;
  }

  get locale(): SupportedLocale {
    if (this.givenLocale !== undefined) return this.givenLocale;
    this.detectedLocale ??= replyLocale(this.view.text);
    return this.detectedLocale;
  }

  get messageLocale(): SupportedLocale {
    return this.messageLocaleOption ?? this.locale;
  }
}

const NO_MATCHES: readonly PhraseMatch[] = Object.freeze([]);

/** Whether `facts` has a value (not undefined) at each path. */
export function hasFacts(facts: Facts | undefined, paths: ReadonlyArray<readonly string[]>): boolean {
  for (const path of paths) {
    let node: unknown = facts;
    for (const key of path) {
      if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return false;
      node = (node as Record<string, unknown>)[key];
    }
    if (node === undefined) return false;
  }
  return true;
}

/** One enabled rule: its context (made once), its listeners, and this reply's phrase matches. */
export class RuleRunner {
  readonly id: string;
  /** This reply's matches of the rule's phrases, in scan order until `run()` sorts them. */
  readonly matches: PhraseMatch[] = [];
  private reported = 0;
  private readonly listener: RuleListener;
  private readonly severity: Severity;
  /** The rule only listens to its phrases: a reply without them costs it nothing. */
  private readonly phrasesOnly: boolean;
  /** The fact paths the rule runs only with, split at the dots. */
  private readonly requiredFacts: ReadonlyArray<readonly string[]> | undefined;

  constructor(
    private readonly rule: Rule,
    configured: { readonly severity: SeveritySetting; readonly options: RuleOptions },
    private readonly state: ReplyState,
    /** The set the rule's phrases are in: built when first asked for (the conversation rules' set). */
    phrases: () => PhraseSet,
    suggest: SuggestionResolver,
  ) {
    const id = rule.meta.id;
    this.id = id;
    this.severity = configured.severity === 'warn' ? 'warn' : 'error';
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
      options: configured.options,
      matches: (role) => {
        if (role === undefined) return matches;
        return matches.length === 0 ? NO_MATCHES : matches.filter((m) => m.entry.role === role);
      },
      matchText: (text, role) => {
        const set = phrases();
        const skeleton = set.reader.readAside(text);
        const found: TextMatch[] = [];
        for (const m of set.match(skeleton)) {
          if (m.entry.ruleId !== id || (role !== undefined && m.entry.role !== role)) continue;
          const range = skeletonToOriginal(skeleton, m.start, m.end);
          found.push({ ...m, range, text: text.slice(range[0], range[1]) });
        }
        return found.sort((a, b) => a.start - b.start);
      },
      suggestion: (templateId) => suggest(templateId, state.locale),
      report: (descriptor) => this.report(descriptor),
    };
    this.requiredFacts = rule.meta.requiresFacts?.map((path) => path.split('.'));
    this.listener = rule.create(context);
    this.phrasesOnly =
      this.listener.phrase !== undefined &&
      this.listener.reply === undefined &&
      this.listener['reply:exit'] === undefined;
  }

  /** The rule's listeners for this reply: `reply`, each phrase match by position, `reply:exit`. */
  run(): void {
    if (this.rule.meta.requiresConversation && this.state.conversation === undefined) return;
    if (this.requiredFacts !== undefined && !hasFacts(this.state.facts, this.requiredFacts)) return;
    if (this.phrasesOnly && this.matches.length === 0) return;
    this.reported = 0;
    const listener = this.listener;
    listener.reply?.();
    if (listener.phrase !== undefined && this.matches.length > 0) {
      if (this.matches.length > 1) this.matches.sort((a, b) => a.start - b.start || a.end - b.end);
      for (const match of this.matches) listener.phrase(match);
    }
    listener['reply:exit']?.();
  }

  private report(descriptor: ReportDescriptor): void {
    // The whole reply: no-pii-leak's last finding may reach into the part past MAX_LINTED_CHARS.
    const reply = this.state.view.whole;
    checkReport(this.rule.meta, descriptor, reply);
    if (++this.reported > MAX_FINDINGS_PER_RULE) return;
    (this.state.findings ??= []).push(
      createFinding(
        this.rule.meta,
        this.severity,
        descriptor,
        reply,
        this.state.messageLocale,
        this.state.personalDataIn,
      ),
    );
  }
}
