/**
 * Reads and validates rules/intents/: `patterns.<locale>.json` and `corpus.<locale>.json`. Every
 * problem (file, JSON path, message) is collected, then one HuashuError `INVALID_RULES` lists them all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HuashuError, describeIssues, issuesFromZod, safeParse, type HuashuIssue } from '../../src/errors.js';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';
import {
  corpusFileSchema,
  patternFileSchema,
  stopWordFileSchema,
  type CorpusFile,
  type PatternFile,
} from '../../src/intent/schema.js';

export const INTENT_LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;

export interface IntentRules {
  patterns: Array<{ file: string; data: PatternFile }>;
  corpora: Array<{ file: string; data: CorpusFile }>;
  /** English words the model skips (rules/intents/stopwords.en.json). */
  stopWords: string[];
}

function readJson(path: string, file: string, issues: HuashuIssue[]): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    issues.push({ file, path: '', message: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

/**
 * `fold`: normalize()'s folding, to check the words the classifier compares with folded text. The
 * build passes it once the hanzi table it needs is generated (this module must not import it).
 */
export function loadIntentRules(root: string, fold?: (text: string) => string): IntentRules {
  const issues: HuashuIssue[] = [];
  const rules: IntentRules = { patterns: [], corpora: [], stopWords: [] };
  const known = new Set<string>(BUILT_IN_INTENT_IDS);
  const groupIds = new Map<string, string>();
  for (const locale of INTENT_LOCALES) {
    const patternFile = `rules/intents/patterns.${locale}.json`;
    const corpusFile = `rules/intents/corpus.${locale}.json`;
    for (const [file, schema] of [
      [patternFile, patternFileSchema],
      [corpusFile, corpusFileSchema],
    ] as const) {
      const path = join(root, file);
      if (!existsSync(path)) {
        issues.push({ file, path: '', message: 'file is missing' });
        continue;
      }
      const raw = readJson(path, file, issues);
      if (raw === undefined) continue;
      const parsed = safeParse(schema, raw);
      if (!parsed.success) {
        issues.push(...issuesFromZod(parsed.error, '', file));
        continue;
      }
      if (parsed.data.locale !== locale)
        issues.push({ file, path: 'locale', message: `expected "${locale}" (the file name's locale)` });
      if ('patterns' in parsed.data) {
        parsed.data.patterns.forEach((group, i) => {
          if (!known.has(group.intent))
            issues.push({
              file,
              path: `patterns[${i}].intent`,
              message: `unknown intent "${group.intent}" (built-in ids only)`,
            });
          const id = group.id ?? `${locale}.${group.intent}#${i}`;
          const previous = groupIds.get(id);
          if (previous !== undefined)
            issues.push({
              file,
              path: `patterns[${i}].id`,
              message: `duplicate pattern id "${id}" (also in ${previous})`,
            });
          groupIds.set(id, file);
          group.id = id;
        });
        // The classifier compares these with folded text (an aside's trailing space ends its word).
        for (const key of fold === undefined ? [] : (['dataLabels', 'asides'] as const))
          (parsed.data[key] ?? []).forEach((word, i) => {
            const folded = fold!(word);
            if (folded !== word.trimEnd())
              issues.push({ file, path: `${key}[${i}]`, message: `write "${word}" folded: "${folded}"` });
          });
        rules.patterns.push({ file, data: parsed.data });
      } else {
        const seen = new Set<string>();
        parsed.data.data.forEach((entry, i) => {
          if (!known.has(entry.intent))
            issues.push({
              file,
              path: `data[${i}].intent`,
              message: `unknown intent "${entry.intent}" (built-in ids only)`,
            });
          if (seen.has(entry.intent))
            issues.push({
              file,
              path: `data[${i}].intent`,
              message: `"${entry.intent}" appears twice; merge the entries`,
            });
          seen.add(entry.intent);
        });
        rules.corpora.push({ file, data: parsed.data });
      }
    }
  }
  const stopFile = 'rules/intents/stopwords.en.json';
  const stopPath = join(root, stopFile);
  if (existsSync(stopPath)) {
    const parsed = safeParse(stopWordFileSchema, readJson(stopPath, stopFile, issues));
    if (parsed.success) rules.stopWords = parsed.data.words;
    else issues.push(...issuesFromZod(parsed.error, '', stopFile));
  }
  if (issues.length > 0)
    throw new HuashuError('INVALID_RULES', `Invalid intent rules:\n  ${describeIssues(issues)}`, { issues });
  return rules;
}
