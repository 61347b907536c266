import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeIssues, HuashuError, issuesFromZod, type HuashuIssue } from '../../src/errors.js';
import { normalize } from '../../src/normalize/index.js';
import {
  CLOSED_CLASSES,
  closedClassesFileSchema,
  type ClosedClassesData,
  type ClosedClassName,
} from '../../src/text/closed-class-schema.js';
import { closedClassReaders, type ClosedClassReaders } from '../../src/text/closed-class-readers.js';
import { jsonModule, type DataGenerator } from './types.js';

const FILE = 'rules/text/closed-classes.json';

/** Whether the class holds the folded message, by the readers of the data being built. */
const HOLDS: Record<ClosedClassName, (readers: ClosedClassReaders, folded: string) => boolean> = {
  filler: (readers, folded) => !readers.asksSomething(folded),
  notUnderstood: (readers, folded) => readers.saysNotUnderstood(folded),
  wishes: (readers, folded) => readers.sendsWishes(folded),
};

/**
 * rules/text/closed-classes.json → src/generated/closed-classes.ts: validated with zod, then read by
 * the run time's own readers (src/text/closed-classes.ts) built from the file: every example must
 * be held by its class and matched by its piece, every counter-example must not be held. The build
 * fails listing every problem. Ships the patterns only.
 */
export const textGenerator: DataGenerator = {
  name: 'text',
  generate(root) {
    const json: unknown = JSON.parse(readFileSync(join(root, FILE), 'utf8'));
    const parsed = closedClassesFileSchema.safeParse(json);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error, '', FILE);
      throw new HuashuError('INVALID_RULES', `Invalid ${FILE}:\n  ${describeIssues(issues)}`, { issues });
    }
    const data = Object.fromEntries(
      CLOSED_CLASSES.map((name) => [
        name,
        parsed.data[name].pieces.map(({ pattern, frame }) =>
          frame === true ? { pattern, frame } : { pattern },
        ),
      ]),
    ) as unknown as ClosedClassesData;
    const issues = closedClassProblems(parsed.data, closedClassReaders(data));
    if (issues.length > 0)
      throw new HuashuError('INVALID_RULES', `Invalid ${FILE}:\n  ${describeIssues(issues)}`, { issues });
    return [
      {
        name: 'closed-classes.ts',
        content: jsonModule(
          'closedClassData',
          '../text/closed-class-schema.js',
          'ClosedClassesData',
          data,
          'The closed classes of whole customer messages (rules/text/closed-classes.json)',
        ),
      },
    ];
  },
};

/** Every example not held by its class or not matched by its piece; every counter-example held. */
export function closedClassProblems(
  file: Readonly<
    Record<
      ClosedClassName,
      {
        pieces: ReadonlyArray<{ pattern: string; examples: readonly string[] }>;
        counterExamples: readonly string[];
      }
    >
  >,
  readers: ClosedClassReaders,
): HuashuIssue[] {
  const issues: HuashuIssue[] = [];
  const problem = (path: string, message: string) => issues.push({ file: FILE, path, message });
  for (const name of CLOSED_CLASSES) {
    const holds = (text: string) => HOLDS[name](readers, normalize(text).text);
    file[name].pieces.forEach((piece, p) => {
      const own = new RegExp(piece.pattern, 'u');
      piece.examples.forEach((example, e) => {
        const path = `${name}.pieces[${p}].examples[${e}]`;
        if (!own.test(normalize(example).text))
          problem(path, `${JSON.stringify(example)} is not matched by its piece`);
        if (!holds(example)) problem(path, `${JSON.stringify(example)} is not held by the ${name} class`);
      });
    });
    file[name].counterExamples.forEach((text, c) => {
      if (holds(text))
        problem(`${name}.counterExamples[${c}]`, `${JSON.stringify(text)} is held by the ${name} class`);
    });
  }
  return issues;
}
