/**
 * `huashu`: the assistant (analyze → recommend → render → lint in one object), its errors and its
 * types. Each area's own entry points are documented subpaths (src/entry/): `huashu/intent`,
 * `huashu/templates`, `huashu/lint`, `huashu/text`, `huashu/schemas`; file loading is `huashu/node`.
 */
export { createAssistant } from './assistant/index.js';
export { HuashuError, isHuashuError } from './errors.js';
export { VERSION } from './generated/version.js';
export { createConversationSession, createMemoryStore } from './store/index.js';

export type { Assistant } from './assistant/index.js';
export type {
  ConversationSession,
  ConversationStore,
  MemoryStoreOptions,
  SessionMessage,
  SessionOptions,
  SessionReplyOptions,
  StoredTurn,
  TurnToAppend,
} from './store/index.js';
export type { AssistantOptions } from './options.js';
export type { HuashuErrorCode, HuashuIssue } from './errors.js';
export type {
  Analysis,
  Entity,
  EntityType,
  Evidence,
  IntentCandidate,
  Range,
  Risk,
  Signal,
} from './analysis/types.js';
export type {
  ActionId,
  CustomActions,
  CustomIntents,
  CustomLintRules,
  CustomTemplates,
  IntentId,
  LintRuleId,
  SignalId,
  TemplateId,
} from './ids.js';
export type { Facts } from './facts.js';
export type { Context, Turn } from './context.js';
export type { IntentModel, IntentOptions, PatternGroup } from './intent/index.js';
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
export type {
  AnalysisLike,
  CatalogueOptions,
  Channel,
  RenderOptions,
  SelectOptions,
  Stage,
  TemplateCatalogue,
  TemplateDefinition,
  TemplateCompiler,
  TemplateDefinitionInput,
  TemplateEntry,
  TemplateFilter,
  TemplateLocale,
  TemplateMatch,
  VariableDeclaration,
  VariableType,
} from './templates/index.js';
export type {
  ConversationTurn,
  Finding,
  ForbiddenCategory,
  LintContext,
  Linter,
  LintOptions,
  LintResult,
  LintRuleInfo,
  NotCheckedRule,
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
} from './lint/index.js';
export type { NormalizedText } from './normalize/index.js';
export type { LanguageResult, Locale, Script, SupportedLocale } from './language/index.js';
