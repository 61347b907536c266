import * as z from 'zod/mini';
import { regexPieceListSchema, regexPieceSchema } from './regex-pieces.js';

/** A piece of a closed class; a frame piece (wishes: greetings, thanks) may stand around the class but is not it. */
const closedClassSchema = regexPieceListSchema(
  z.extend(regexPieceSchema(), { frame: z.optional(z.boolean()) }),
);

/** rules/text/closed-classes.json: the closed classes of whole customer messages (src/text/closed-classes.ts). */
export const closedClassesFileSchema = z.strictObject({
  description: z.string().check(z.minLength(1)),
  /** What a message holds when it asks nothing. */
  filler: closedClassSchema,
  /** A message that only says the customer did not understand the agent. */
  notUnderstood: closedClassSchema,
  /** A message that only sends good wishes. */
  wishes: closedClassSchema,
  /** A short answer that only turns down what the agent offered (不用了, no thanks). */
  declines: closedClassSchema,
  /** Not a whole-message class: a reference anywhere to the customer's purchase or the shop's goods (我买的, "my order"). */
  ownPurchase: closedClassSchema,
  /** Not a whole-message class: a purchase or item placed with another shop, platform or person (别家买的, 在拼多多买的). */
  boughtElsewhere: closedClassSchema,
});
export type ClosedClassesFile = z.infer<typeof closedClassesFileSchema>;

/** The names of the classes, as the file keys them. */
export const CLOSED_CLASSES = [
  'filler',
  'notUnderstood',
  'wishes',
  'declines',
  'ownPurchase',
  'boughtElsewhere',
] as const;
export type ClosedClassName = (typeof CLOSED_CLASSES)[number];

/** What the build ships of a class: its pieces' patterns in file order, frame pieces marked. */
export type ClosedClassData = ReadonlyArray<{ pattern: string; frame?: boolean }>;
export type ClosedClassesData = Readonly<Record<ClosedClassName, ClosedClassData>>;
