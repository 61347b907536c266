/** The condition language of template `when` and next-action rules: json-rules-engine's JSON and semantics. */
export { checkCondition } from './checks.js';
export type { CheckOptions, ConditionIssue } from './checks.js';
export { compileCondition, engineOnlyReasons } from './compile.js';
export type { CompileOptions, EngineOnlyReason } from './compile.js';
export { describeKind, objectOf, specOf } from './fact-spec.js';
export type { FactSpecs, ScalarKind, ValueSpec } from './fact-spec.js';
export { inheritedStep, parseSimplePath, resolveFactPath } from './fact-path.js';
export { builtInOperators, OPERATOR_NAMES, OperatorTable } from './operators.js';
export type { CustomOperator, DecoratorDefinition, OperatorDefinition } from './operators.js';
export { conditionNodeSchema, conditionSchema, topLevelConditionSchema } from './schema.js';
export { conditionSize } from './size.js';
export { conditionTreeProblem } from './tree.js';
export type { TreeLimits, TreeProblem } from './tree.js';
export { isFactReference } from './types.js';
export type {
  Almanac,
  CompiledCondition,
  ConditionNode,
  FactReference,
  LeafCondition,
  TopLevelCondition,
} from './types.js';
