import type { HuashuIssue } from '../errors.js';
import type { PhraseEntry } from './data-schema.js';
import { PhraseSet, type CompiledEntry, type EntrySource } from './phrase-set.js';
import type { SkeletonReader } from './skeleton.js';

/** An entry with its examples, as written in rules/lint/ or a pack. */
export interface CheckedSource extends EntrySource {
  entry: PhraseEntry;
}

/**
 * Compile entries and run each one's `examples` (it must match every one) and `counterExamples`
 * (it must match none), like prh's specs. Returns every problem; the caller throws once.
 */
export function compileAndCheck(
  sources: readonly CheckedSource[],
  lists: ReadonlyMap<string, readonly string[]>,
  reader: SkeletonReader,
): { set: PhraseSet; compiled: Array<CompiledEntry | undefined>; issues: HuashuIssue[] } {
  const { set, compiled, issues } = PhraseSet.compile(sources, lists, reader);
  sources.forEach((source, index) => {
    const entry = compiled[index];
    if (entry === undefined) return;
    const where = (field: string, i: number) => ({
      file: source.file,
      path: `${source.path}.${field}[${i}]`,
    });
    source.entry.examples.forEach((example, i) => {
      if (set.matchText(example, entry).length === 0)
        issues.push({
          ...where('examples', i),
          message: `the entry does not match its example "${example}"`,
        });
    });
    (source.entry.counterExamples ?? []).forEach((counter, i) => {
      const found = set.matchText(counter, entry);
      if (found.length > 0)
        issues.push({
          ...where('counterExamples', i),
          message: `the entry matches its counter-example "${counter}"`,
        });
    });
  });
  return { set, compiled, issues };
}
