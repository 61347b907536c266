export { createLinter } from './linter.js';
export type { ConfiguredRule, Linter, LinterExtensions } from './linter.js';
export { builtInSuggestion } from './suggestions.js';
export type { SuggestionResolver } from './suggestions.js';
export { defineRule, interpolate } from './rule.js';
export type {
  LocalizedMessage,
  ReplyView,
  ReportDescriptor,
  Rule,
  RuleCategory,
  RuleContext,
  RuleListener,
  RuleMeta,
  TextMatch,
} from './rule.js';
export { applyFixes } from './fixes.js';
export { lintOptionsSchema, severitySettingSchema } from './options.js';
export type { LintOptions } from './options.js';
export { FORBIDDEN_CATEGORIES, phrasePackSchema } from './data-schema.js';
export type { ForbiddenCategory, PhraseCategory, PhraseEntry, PhrasePack } from './data-schema.js';
export type { CompiledEntry, PhraseMatch } from './phrase-set.js';
export { lintRules } from './rule-list.js';
export type { LintRuleInfo } from './rule-list.js';
export type {
  ConversationTurn,
  Finding,
  LintContext,
  LintResult,
  NotCheckedRule,
  Severity,
  SeveritySetting,
  RuleSetting,
  RuleOptions,
  RuleOptionValue,
} from './types.js';
