import type { Analysis } from '../analysis/types.js';

/** Human-readable rendering of an analysis, for `--format pretty`. Pure. */
export function formatAnalysisPretty(analysis: Analysis): string {
  const lines = [`» ${analysis.text}`];
  const { language } = analysis;
  lines.push(
    `  language  ${language.locale} (${language.script}, confidence ${language.confidence.toFixed(2)})`,
  );
  return lines.join('\n');
}
