import type { RuleDescriptor } from '../../lint/formatters/types.js';
import type { HuashuConfig } from '../../node/config.js';
import type { ReplyLinter } from './run.js';

export type LintOptionsInput = NonNullable<HuashuConfig['lint']>;

/** Builds the linter the command runs, from the merged configuration; tests pass a fake. */
export type LinterFactory = (options: LintOptionsInput) => {
  linter: ReplyLinter;
  /** Every rule that can run, with its configured severity (SARIF lists them; --rule checks ids). */
  rules: RuleDescriptor[];
};
