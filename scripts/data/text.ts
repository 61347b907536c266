import type { HuashuIssue } from '../../src/errors.js';
import { closedClassReaders, type ClosedClassReaders } from '../../src/text/closed-class-readers.js';
import {
  CLOSED_CLASSES,
  closedClassesFileSchema,
  type ClosedClassesData,
  type ClosedClassesFile,
  type ClosedClassName,
} from '../../src/text/closed-class-schema.js';
import { failWith, pieceListProblems, readPieceFile } from './regex-pieces.js';
import { jsonModule, type DataGenerator } from './types.js';

const FILE = 'rules/text/closed-classes.json';

/** Whether the class holds the folded message, by the readers of the data being built. */
const HOLDS: Record<ClosedClassName, (readers: ClosedClassReaders, folded: string) => boolean> = {
  filler: (readers, folded) => !readers.asksSomething(folded),
  notUnderstood: (readers, folded) => readers.saysNotUnderstood(folded),
  wishes: (readers, folded) => readers.sendsWishes(folded),
  declines: (readers, folded) => readers.declines(folded),
  ownPurchase: (readers, folded) => readers.mentionsPurchase(folded),
  boughtElsewhere: (readers, folded) => readers.boughtElsewhere(folded),
};

/** The shipped form: each class's patterns in file order, frame pieces marked. */
export function closedClassData(file: ClosedClassesFile): ClosedClassesData {
  return Object.fromEntries(
    CLOSED_CLASSES.map((name) => [
      name,
      file[name].pieces.map(({ pattern, frame }) => (frame === true ? { pattern, frame } : { pattern })),
    ]),
  ) as unknown as ClosedClassesData;
}

/** Every example not held by its class or not matched by its piece; every counter-example held. */
export function closedClassProblems(
  file: ClosedClassesFile,
  readers: ClosedClassReaders,
  fold: (text: string) => string,
): HuashuIssue[] {
  return CLOSED_CLASSES.flatMap((name) =>
    pieceListProblems(FILE, name, file[name], (folded) => HOLDS[name](readers, folded), fold),
  );
}

/**
 * rules/text/closed-classes.json → src/generated/closed-classes.ts: validated with zod, then read by
 * the run time's own readers (src/text/closed-class-readers.ts) built from the file: every example
 * must be held by its class and matched by its piece, every counter-example must not be held. The
 * build fails listing every problem. Ships the patterns only.
 */
export const textGenerator: DataGenerator = {
  name: 'text',
  async generate(root) {
    // Imported here: normalize reads the generated fold tables, written by an earlier generator.
    const { normalize } = await import('../../src/normalize/index.js');
    const file = readPieceFile(root, FILE, closedClassesFileSchema);
    const data = closedClassData(file);
    failWith(
      FILE,
      closedClassProblems(file, closedClassReaders(data), (text) => normalize(text).text),
    );
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
