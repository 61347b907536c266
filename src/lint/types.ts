import type { Range } from '../analysis/types.js';
import type { LintRuleId } from '../ids.js';
import type { Facts } from '../facts.js';
import type { SupportedLocale } from '../language/index.js';

export type Severity = 'error' | 'warn';
export type SeveritySetting = 'off' | 'warn' | 'error';
/** A rule option's value: options are flat switches, numbers and words (`{ "tone": false }`). */
export type RuleOptionValue = boolean | number | string;
/** A rule's options: the keys of its `meta.defaultOptions`, each of its default's type. */
export type RuleOptions = Readonly<Record<string, RuleOptionValue>>;
/**
 * How the configuration sets a rule, as in eslint: a severity, or a severity and options
 * (`["warn", { "tone": false }]`); options left out keep the rule's defaults.
 */
export type RuleSetting = SeveritySetting | [SeveritySetting, (RuleOptions | undefined)?];

/** One problem in a reply. Findings are data: lint() never throws on what the reply says. */
export interface Finding {
  ruleId: LintRuleId;
  messageId: string;
  severity: Severity;
  /** The message in the chosen locale, with its data filled in. */
  message: string;
  /** `[start, end)` UTF-16 range in the ORIGINAL reply. */
  range: Range;
  /**
   * The offending text as written, with any personal data inside it masked (138****5678); for a
   * `redacted` finding, the datum's masked form.
   */
  actual: string;
  /** What to write instead, when there is one obvious replacement. */
  expected?: string;
  /**
   * An automatic fix: replace `range` of the original reply with `text`. `safe: true` marks a fix
   * that cannot change what the reply asserts (it masks or removes flagged text), which
   * `huashu lint --fix` applies; any other fix is offered for a person to apply.
   */
  fix?: { range: Range; text: string; safe?: true };
  /** Whole approved sentences the agent could use instead. */
  suggestions?: Array<{ text: string }>;
  /** Extra data, e.g. `{ category: 'deflection' }` for forbidden phrases. */
  data?: Record<string, string>;
  url?: string;
  /**
   * The range is personal data (no-pii-leak): `message`, `actual`, `data`, `expected` and the fix
   * carry only its masked form (138****5678), and formatters that print the reply mask the range.
   */
  redacted?: true;
}

export interface LintResult {
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  /**
   * Set only for a reply longer than MAX_LINTED_CHARS (100,000): `[start, end)` of the part no
   * rule read. The findings are those of the first MAX_LINTED_CHARS characters.
   */
  unchecked?: Range;
}

/** An enabled rule that did not run on a reply for lack of what it reads. */
export interface NotCheckedRule {
  readonly ruleId: string;
  /** What was missing: `conversation`, or a fact path (`order.shipped`) of the lint context's facts. */
  readonly needs: string;
}

/** A turn of the conversation given to the conversation rules. */
export interface ConversationTurn {
  role: 'customer' | 'agent' | 'system';
  text: string;
  /** ISO 8601 time or epoch milliseconds; not read by the rules. */
  at?: string | number | undefined;
}

export interface LintContext {
  facts?: Facts;
  /**
   * The turns before this reply, oldest first — the same shape as `context.history` of analyze()
   * and reply() (`{ role, text, at? }`), so one conversation object serves all three.
   */
  history?: ConversationTurn[];
  /** The older name of `history`; `history` wins when both are given. */
  conversation?: ConversationTurn[];
  /** The reply's locale; detected when absent. */
  locale?: SupportedLocale;
}
