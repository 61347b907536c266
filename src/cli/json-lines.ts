import type * as z from 'zod/mini';
import { describeIssues, HuashuError, issuesFromZod, type HuashuIssue, safeParse } from '../errors.js';

/**
 * Parse JSON Lines with `schema`; every bad line is reported (line number, path, message) in one
 * `INVALID_INPUT` naming `what` (e.g. "evaluation rows"). Blank lines are skipped; `toRow` gets each
 * valid line with its 1-based number. No row at all is an error too.
 */
export function parseJsonLines<S extends z.core.$ZodType, Row>(
  jsonl: string,
  schema: S,
  toRow: (value: z.infer<S>, line: number) => Row,
  what: string,
  file?: string,
): Row[] {
  const rows: Row[] = [];
  const issues: HuashuIssue[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const at = `line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      issues.push({
        ...(file === undefined ? {} : { file }),
        path: at,
        message: `not valid JSON (${(error as Error).message})`,
      });
      return;
    }
    const parsed = safeParse(schema, value);
    if (!parsed.success) {
      issues.push(...issuesFromZod(parsed.error, at, file));
      return;
    }
    rows.push(toRow(parsed.data, i + 1));
  });
  if (issues.length > 0)
    throw new HuashuError(
      'INVALID_INPUT',
      `Invalid ${what}:\n  ${describeIssues(issues.slice(0, 20))}${issues.length > 20 ? `\n  … and ${issues.length - 20} more` : ''}`,
      { issues },
    );
  if (rows.length === 0)
    throw new HuashuError('INVALID_INPUT', `The file has no rows (${what}): give one JSON object per line.`);
  return rows;
}
