export { createAssistant } from './assistant/index.js';
export type { Assistant } from './assistant/index.js';
export type { AssistantOptions } from './options.js';
export type {
  Analysis,
  Entity,
  EntityType,
  Evidence,
  IntentCandidate,
  Range,
  Risk,
  Signal,
  SignalId,
} from './analysis/types.js';
export { factsSchema, factsJsonSchema } from './facts.js';
export {
  createIntentClassifier,
  INTENT_IDS,
  intentOptionsSchema,
  parseEvaluationRows,
  patternGroupSchema,
  scoreIntents,
} from './intent/index.js';
export type {
  Confusion,
  EvaluationReport,
  EvaluationRow,
  IntentClassifier,
  IntentId,
  IntentModel,
  IntentOptions,
  IntentResult,
  IntentScore,
  PatternGroup,
  ScoredRow,
} from './intent/index.js';
export type {
  Recommendation,
  RecommendedAction,
  RecommendedReply,
  SuppressedAction,
} from './actions/types.js';
export type { FullReply, RecommendInput, ReplyOptions } from './assistant/index.js';
export type { ActionOptions } from './actions/pack.js';
export type {
  ConditionNode as ActionCondition,
  Rule as ActionRule,
  RuleFile as ActionRuleFile,
} from './actions/rule-schema.js';
export type { RuleFacts as ActionFacts } from './actions/rule-facts.js';
export { createTemplateCatalogue, templateDefinitionSchema } from './templates/index.js';
export type {
  AnalysisLike,
  CatalogueOptions,
  Channel,
  RenderOptions,
  SelectOptions,
  Stage,
  TemplateCatalogue,
  TemplateDefinition,
  TemplateDefinitionInput,
  TemplateEntry,
  TemplateFilter,
  TemplateLocale,
  TemplateMatch,
  VariableDeclaration,
  VariableType,
} from './templates/index.js';
export {
  applyFixes,
  createLinter,
  defineRule,
  lintOptionsSchema,
  lintRules,
  phrasePackSchema,
} from './lint/index.js';
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
  SuggestionResolver,
} from './lint/index.js';
export {
  aggregateResults,
  CHECK_IDS,
  createQa,
  DEFAULT_SCORECARD,
  parseScorecard,
  qaOptionsSchema,
  scorecardJsonSchema,
  scorecardSchema,
  turnRecordSchema,
} from './qa/index.js';
export type {
  CheckEvidence,
  CheckId,
  ConversationResult,
  Qa,
  QaAggregates,
  QaConversation,
  QaOptions,
  Scorecard,
  ScorecardInput,
  TurnRecord,
} from './qa/index.js';
export type { Facts } from './facts.js';
export type { Context, Turn } from './context.js';
export { HuashuError, isHuashuError } from './errors.js';
export { LIMITS } from './limits.js';
export type { HuashuErrorCode, HuashuIssue } from './errors.js';
// The public toOriginalRange checks its arguments; the internal one (hot path) trusts its callers.
export { normalize, checkedToOriginalRange as toOriginalRange } from './normalize/index.js';
export type { NormalizedText } from './normalize/index.js';
export { detectLanguage } from './language/index.js';
export type { LanguageResult, Locale, Script, SupportedLocale } from './language/index.js';
export { VERSION } from './generated/version.js';
