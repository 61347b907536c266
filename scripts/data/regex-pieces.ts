import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as z from 'zod/mini';
import { describeIssues, HuashuError, issuesFromZod, safeParse, type HuashuIssue } from '../../src/errors.js';

/**
 * Build-time reading of a data file of regular-expression pieces (src/text/regex-pieces.ts):
 * parsed with its zod schema, and each list checked with the run time's own reader. Any problem
 * fails the build, all of them listed.
 */
export function readPieceFile<Schema extends z.core.$ZodType>(
  root: string,
  file: string,
  schema: Schema,
): z.output<Schema> {
  const parsed = safeParse(schema, JSON.parse(readFileSync(join(root, file), 'utf8')));
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error, '', file);
    throw new HuashuError('INVALID_RULES', `Invalid ${file}:\n  ${describeIssues(issues)}`, { issues });
  }
  return parsed.data;
}

/** Throws the build's error listing `issues` (nothing when there are none). */
export function failWith(file: string, issues: readonly HuashuIssue[]): void {
  if (issues.length > 0)
    throw new HuashuError('INVALID_RULES', `Invalid ${file}:\n  ${describeIssues(issues)}`, { issues });
}

/**
 * The problems of one list `name`: an example its own piece does not match (`pieceRegex` compiles a
 * pattern as the run time does) or the reader does not read as the list's (`readsAs`, on the text
 * `fold` gives: normalize's, which the caller imports once the generated tables it reads exist);
 * a counter-example the reader does.
 */
export function pieceListProblems(
  file: string,
  name: string,
  list: {
    pieces: ReadonlyArray<{ pattern: string; examples: readonly string[] }>;
    counterExamples: readonly string[];
  },
  readsAs: (folded: string) => boolean,
  fold: (text: string) => string,
  pieceRegex: (pattern: string) => RegExp = (pattern) => new RegExp(pattern, 'u'),
): HuashuIssue[] {
  const issues: HuashuIssue[] = [];
  const problem = (path: string, message: string) => issues.push({ file, path, message });
  list.pieces.forEach((piece, p) => {
    const own = pieceRegex(piece.pattern);
    piece.examples.forEach((example, e) => {
      const path = `${name}.pieces[${p}].examples[${e}]`;
      const folded = fold(example);
      if (!own.test(folded)) problem(path, `${JSON.stringify(example)} is not matched by its piece`);
      if (!readsAs(folded)) problem(path, `${JSON.stringify(example)} is not read as ${name}`);
    });
  });
  list.counterExamples.forEach((text, c) => {
    if (readsAs(fold(text)))
      problem(`${name}.counterExamples[${c}]`, `${JSON.stringify(text)} is read as ${name}`);
  });
  return issues;
}
