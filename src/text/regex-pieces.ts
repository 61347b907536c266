import * as z from 'zod/mini';

/**
 * Lists of regular-expression pieces kept as data (rules/text/closed-classes.json,
 * rules/intents/agent-turn.json): each piece a JavaScript regular expression (`u` flag) read on
 * folded text, with the whole messages it covers; each list with counter-examples. The build
 * checks them with the run time's own reader (scripts/data/regex-pieces.ts).
 */

/** `pattern` with each `{name}` of `values` replaced by the alternatives it stands for. */
export function expandPlaceholders(
  pattern: string,
  values: Readonly<Record<string, readonly string[]>>,
): string {
  let expanded = pattern;
  for (const [name, words] of Object.entries(values))
    expanded = expanded.replaceAll(`{${name}}`, words.join('|'));
  return expanded;
}

/** A piece whose pattern may hold `{name}` for each of `placeholders` (filled in before compiling). */
export function regexPieceSchema(placeholders: readonly string[] = []) {
  const standIns = Object.fromEntries(placeholders.map((name) => [name, ['x']]));
  const compiles = (source: string): boolean => {
    try {
      new RegExp(expandPlaceholders(source, standIns), 'u');
      return true;
    } catch {
      return false;
    }
  };
  return z.strictObject({
    /** What the piece covers (laughter, an offer of help…): documentation, and the build's messages. */
    kind: z.string().check(z.minLength(1)),
    /** Why the piece reads as it does, where its pattern does not say. */
    note: z.optional(z.string().check(z.minLength(1))),
    /** A regular expression (JavaScript, `u` flag) on folded text; joined with the list's others. */
    pattern: z
      .string()
      .check(
        z.minLength(1),
        z.refine(compiles, 'must compile as a JavaScript regular expression with the u flag'),
      ),
    /** Whole messages (as written) the list reads as its own, matched by this piece once folded. */
    examples: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  });
}

/** A list of pieces: what it reads, the pieces, and whole messages it must not read as its own. */
export function regexPieceListSchema<Piece extends z.core.$ZodType>(piece: Piece) {
  return z.strictObject({
    description: z.string().check(z.minLength(1)),
    pieces: z.array(piece).check(z.minLength(1)),
    /** Whole messages (as written) the list must not read as its own. */
    counterExamples: z.array(z.string()).check(z.minLength(1)),
  });
}
