/**
 * rules/text/closed-classes.json, as the build checks it (scripts/data/text.ts): the shipped file
 * passes, and each kind of mistake in a copy of it is caught and named at its path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedClassData, closedClassProblems } from '../../scripts/data/text.js';
import { normalize } from '../../src/normalize/index.js';
import { closedClassReaders } from '../../src/text/closed-class-readers.js';
import { closedClassesFileSchema, type ClosedClassesFile } from '../../src/text/closed-class-schema.js';

const FILE = join(import.meta.dirname, '..', '..', 'rules', 'text', 'closed-classes.json');
const shipped = (): ClosedClassesFile =>
  closedClassesFileSchema.parse(JSON.parse(readFileSync(FILE, 'utf8')));
const problemsOf = (file: ClosedClassesFile) =>
  closedClassProblems(file, closedClassReaders(closedClassData(file)), (text) => normalize(text).text).map(
    (issue) => `${issue.path}: ${issue.message}`,
  );

describe('rules/text/closed-classes.json', () => {
  it('every example is held by its class and matched by its piece; no counter-example is held', () => {
    expect(problemsOf(shipped())).toEqual([]);
  });

  it.each([
    [
      'an example the class does not hold',
      (f: ClosedClassesFile) => f.filler.pieces[0]!.examples.push('哈哈 这个怎么退'),
      'filler.pieces[0].examples[2]: "哈哈 这个怎么退" is not read as filler',
    ],
    [
      'an example another piece covers, not its own',
      (f: ClosedClassesFile) => f.notUnderstood.pieces[0]!.examples.push('没看懂'),
      'notUnderstood.pieces[0].examples[3]: "没看懂" is not matched by its piece',
    ],
    [
      'a counter-example the class holds',
      (f: ClosedClassesFile) => f.wishes.counterExamples.push('新年快乐'),
      'wishes.counterExamples[7]: "新年快乐" is read as wishes',
    ],
    [
      'a piece that swallows requests',
      (f: ClosedClassesFile) => (f.filler.pieces[1]!.pattern = '[a-z ]+'),
      'filler.counterExamples[8]: "create new platinum account" is read as filler',
    ],
  ])('catches %s', (_what, mutate, problem) => {
    const file = shipped();
    mutate(file);
    expect(problemsOf(file)).toContain(problem);
  });

  it.each([
    ['a pattern that does not compile', { pattern: '(?<=x' }],
    ['a piece without examples', { examples: [] }],
    ['an unknown field', { weight: 2 }],
  ])('refuses %s', (_what, change) => {
    const json = JSON.parse(readFileSync(FILE, 'utf8')) as {
      filler: { pieces: Array<Record<string, unknown>> };
    };
    Object.assign(json.filler.pieces[0]!, change);
    expect(closedClassesFileSchema.safeParse(json).success).toBe(false);
  });
});
