/**
 * Function words by the role they play in a clause, for the rules that read a cue's clause
 * (shipping-wording's claims, no-overpromise's promises): looked up by their first or last
 * character, longest first, so reading never cuts a word.
 */
export interface WordTable<M> {
  readonly marks: ReadonlyMap<string, M>;
  readonly byFirst: ReadonlyMap<number, readonly string[]>;
  readonly byLast: ReadonlyMap<number, readonly string[]>;
}

/** A table from `[mark, words]` rows; a word in two rows takes the later row's mark. */
export function wordTable<M>(entries: ReadonlyArray<readonly [M, readonly string[]]>): WordTable<M> {
  const marks = new Map<string, M>();
  for (const [mark, words] of entries) for (const word of words) marks.set(word, mark);
  const byFirst = new Map<number, string[]>();
  const byLast = new Map<number, string[]>();
  for (const word of marks.keys()) {
    for (const [index, code] of [
      [byFirst, word.charCodeAt(0)],
      [byLast, word.charCodeAt(word.length - 1)],
    ] as const) {
      const list = index.get(code);
      if (list === undefined) index.set(code, [word]);
      else list.push(word);
    }
  }
  for (const list of [...byFirst.values(), ...byLast.values()]) list.sort((a, b) => b.length - a.length);
  return { marks, byFirst, byLast };
}

/** The longest word of `words` starting at `start` (ending by `to`): its mark and length. */
export function wordStartingAt<M>(
  text: string,
  start: number,
  to: number,
  words: WordTable<M>,
): [M, number] | undefined {
  const candidates = words.byFirst.get(text.charCodeAt(start));
  if (candidates === undefined) return undefined;
  for (const word of candidates)
    if (start + word.length <= to && text.startsWith(word, start))
      return [words.marks.get(word)!, word.length];
  return undefined;
}

/** The longest word of `words` ending at `end` (not before `from`): its mark and length. */
export function wordEndingAt<M>(
  text: string,
  end: number,
  from: number,
  words: WordTable<M>,
): [M, number] | undefined {
  const candidates = words.byLast.get(text.charCodeAt(end - 1));
  if (candidates === undefined) return undefined;
  for (const word of candidates)
    if (end - word.length >= from && text.startsWith(word, end - word.length))
      return [words.marks.get(word)!, word.length];
  return undefined;
}
