import * as z from 'zod';

/** Whether `source` compiles as a regular expression with the `u` flag. */
function compiles(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/** One piece of a closed class: a regular expression on folded text, with messages it covers. */
const pieceSchema = z.strictObject({
  /** What the piece covers (laughter, waiting…): documentation, and the build's messages. */
  kind: z.string().min(1),
  /** Why the piece reads as it does, where its pattern does not say. */
  note: z.string().min(1).optional(),
  /** A regular expression (JavaScript, `u` flag) read on folded text; joined with the class's others. */
  pattern: z
    .string()
    .min(1)
    .refine(compiles, 'must compile as a JavaScript regular expression with the u flag'),
  /** Only framing (wishes: greetings, thanks): allowed around the class, not the class itself. */
  frame: z.boolean().optional(),
  /** Whole messages (as written) the class holds, matched by this piece once folded. */
  examples: z.array(z.string().min(1)).min(1),
});

const closedClassSchema = z.strictObject({
  description: z.string().min(1),
  pieces: z.array(pieceSchema).min(1),
  /** Whole messages (as written) the class must not hold. */
  counterExamples: z.array(z.string()).min(1),
});

/** rules/text/closed-classes.json: the closed classes of whole customer messages (src/text/closed-classes.ts). */
export const closedClassesFileSchema = z.strictObject({
  description: z.string().min(1),
  /** What a message holds when it asks nothing. */
  filler: closedClassSchema,
  /** A message that only says the customer did not understand the agent. */
  notUnderstood: closedClassSchema,
  /** A message that only sends good wishes. */
  wishes: closedClassSchema,
});
export type ClosedClassesFile = z.infer<typeof closedClassesFileSchema>;

/** The names of the classes, as the file keys them. */
export const CLOSED_CLASSES = ['filler', 'notUnderstood', 'wishes'] as const;
export type ClosedClassName = (typeof CLOSED_CLASSES)[number];

/** What the build ships of a class: its pieces' patterns in file order, frame pieces marked. */
export type ClosedClassData = ReadonlyArray<{ pattern: string; frame?: boolean }>;
export type ClosedClassesData = Readonly<Record<ClosedClassName, ClosedClassData>>;
