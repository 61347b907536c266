import type { RuleDescriptor } from '../formatters/types.js';
import type { HuashuConfig } from '../../node/config.js';
import type { ReplyLinter } from './run.js';

export type LintOptionsInput = NonNullable<HuashuConfig['lint']>;

/**
 * Builds the linter the command runs, from the merged lint options and the rest of the
 * configuration (e.g. a templates folder for suggestions); tests pass a fake.
 */
export type LinterFactory = (
  options: LintOptionsInput,
  config: Omit<HuashuConfig, 'lint'>,
) => {
  linter: ReplyLinter;
  /** Every rule that can run, with its configured severity (SARIF lists them; --rule checks ids). */
  rules: RuleDescriptor[];
};
