import { lintData } from '../generated/lint-data.js';
import {
  NEAR_ROLES,
  type ForbiddenCategory,
  type LocalizedText,
  type PhraseRuleId,
  type RuleWords,
} from './data-schema.js';
import type { EntrySource } from './phrase-set.js';
import { SkeletonReader } from './skeleton.js';
import { compileStructure, type CompiledStructure } from './structure.js';
import { decodeToneModel, politeFrameOf, type ToneModel } from './tone.js';

// The one reader of the generated lint data (rules/lint/, validated and example-checked at build time).

/**
 * The phrase entries of rules/lint/ (validated and example-checked at build time) for the given
 * rules, without their on-demand cue roles (`NEAR_ROLES`): `near` gives those instead, for one rule.
 */
export function builtInSources(rules: ReadonlySet<string>, near = false): EntrySource[] {
  const sources: EntrySource[] = [];
  for (const file of lintData().files) {
    if (!rules.has(file.rule)) continue;
    const nearRoles: readonly string[] = NEAR_ROLES[file.rule as PhraseRuleId] ?? [];
    file.phrases.forEach((entry, index) => {
      if (nearRoles.includes(entry.role ?? '') !== near) return;
      sources.push({
        ruleId: file.rule,
        locale: file.locale,
        file: file.file,
        path: `phrases[${index}]`,
        entry,
      });
    });
  }
  return sources;
}

/** Shared literal lists (`@name`), merged over the locales: matching does not depend on the locale. */
export function builtInLists(): Map<string, string[]> {
  const merged = new Map<string, string[]>();
  for (const { lists } of lintData().lists)
    for (const [name, values] of Object.entries(lists))
      merged.set(name, [...(merged.get(name) ?? []), ...values]);
  return merged;
}

export function categoryInfo(category: ForbiddenCategory): { template: string; label: LocalizedText } {
  return lintData().categories[category];
}

let reader: SkeletonReader | undefined;

/** The skeleton reader of the built-in alphabet (rules/lint/skeleton.json), shared by every linter. */
export function builtInReader(): SkeletonReader {
  return (reader ??= new SkeletonReader(lintData().skeleton));
}

/** The word lists rules read outside their phrase data (rules/lint/words.json). */
export function ruleWords(): RuleWords {
  return lintData().words;
}

let tone: BuiltInTone | null | undefined;

/** no-forbidden-phrase's learned tone score and what clears it (see `builtInTone`). */
export interface BuiltInTone {
  readonly model: ToneModel;
  /**
   * A polite frame (zh.polite, en.polite of rules/lint/structure.json: 请问, 麻烦, may I ask,
   * could you …) in the sentence the score points at clears it, as it clears the interrogation
   * detectors: a question asked through one is a question, not an interrogation. Tested on the
   * normalised text, where 您 is still 您.
   */
  readonly politeFrame: RegExp;
}

/** no-forbidden-phrase's learned tone score (rules/lint/tone-model.json), decoded on first use; null without one. */
export function builtInTone(): BuiltInTone | null {
  if (tone === undefined) {
    const data = lintData().tone;
    tone =
      data === undefined
        ? null
        : { model: decodeToneModel(data), politeFrame: politeFrameOf(lintData().structure.classes) };
  }
  return tone;
}

let structure: CompiledStructure | undefined;

/** no-forbidden-phrase's structural detectors (rules/lint/structure.json), compiled on first use. */
export function builtInStructure(): CompiledStructure {
  return (structure ??= compileStructure(lintData().structure));
}
