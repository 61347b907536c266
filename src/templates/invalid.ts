import { describeIssues, HuashuError, type HuashuIssue } from '../errors.js';

/** The one error an invalid template pack (or the built-in folder, at build time) raises. */
export function invalidTemplates(issues: readonly HuashuIssue[]): HuashuError {
  return new HuashuError(
    'INVALID_TEMPLATES',
    `Invalid templates (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n  ${describeIssues(issues)}`,
    { issues },
  );
}
