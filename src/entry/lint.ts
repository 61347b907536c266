/** `huashu/lint`: the reply linter on its own, custom rules and fixes. */
export { applyFixes, createLinter, defineRule, lintRules } from '../lint/index.js';
export type { LintRuleId } from '../ids.js';
export type {
  ConversationTurn,
  Finding,
  ForbiddenCategory,
  LintContext,
  Linter,
  LintOptions,
  LintResult,
  LintRuleInfo,
  PhraseMatch,
  PhrasePack,
  ReportDescriptor,
  Rule,
  RuleContext,
  RuleListener,
  RuleMeta,
  Severity,
  SeveritySetting,
  RuleSetting,
  RuleOptions,
  RuleOptionValue,
  SuggestionResolver,
} from '../lint/index.js';
