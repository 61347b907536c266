import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeIssues, HuashuError, issuesFromZod, type HuashuIssue } from '../../src/errors.js';
import {
  categoriesFileSchema,
  listsFileSchema,
  PHRASE_LOCALES,
  PHRASE_RULE_IDS,
  ruleDataFileSchema,
  type BuiltInLintData,
  type CompilableEntry,
} from '../../src/lint/data-schema.js';
import type { CheckedSource } from '../../src/lint/check-entries.js';
import { jsonModule, type DataGenerator } from './types.js';

const DIR = join('rules', 'lint');

/**
 * rules/lint/*.json → src/generated/lint-data.ts. Every file is validated with zod, every pattern
 * compiled, and every entry run against its `examples` (must match) and `counterExamples` (must
 * not); the build fails listing every problem with its file and JSON path.
 */
export const lintGenerator: DataGenerator = {
  name: 'lint',
  // The phrase set of the built-in rules (default settings) is compiled by createLinter().
  async automata() {
    const { captureAutomatonLists } = await import('../../src/text/automaton.js');
    const { createLinter } = await import('../../src/lint/linter.js');
    return captureAutomatonLists(() => createLinter()).map((list) => list.keywords);
  },
  async generate(root) {
    // Compiling needs normalize(), which needs the hanzi table generated before this step.
    const { compileAndCheck } = await import('../../src/lint/check-entries.js');
    const issues: HuashuIssue[] = [];
    const data: BuiltInLintData = {
      categories: {} as BuiltInLintData['categories'],
      lists: [],
      files: [],
    };
    const sources: CheckedSource[] = [];
    const seen = new Set<string>();
    const names = readdirSync(join(root, DIR))
      .filter((name) => name.endsWith('.json'))
      .sort();
    for (const name of names) {
      const file = `${DIR}/${name}`;
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(join(root, file), 'utf8'));
      } catch (error) {
        issues.push({ file, path: '', message: `not valid JSON: ${(error as Error).message}` });
        continue;
      }
      if (name === 'categories.json') {
        const parsed = categoriesFileSchema.safeParse(json);
        if (!parsed.success) issues.push(...issuesFromZod(parsed.error, '', file));
        else data.categories = parsed.data.categories as BuiltInLintData['categories'];
        continue;
      }
      const listMatch = /^lists\.([\w-]+)\.json$/.exec(name);
      if (listMatch) {
        const parsed = listsFileSchema.safeParse(json);
        if (!parsed.success) issues.push(...issuesFromZod(parsed.error, '', file));
        else if (parsed.data.locale !== listMatch[1])
          issues.push({ file, path: 'locale', message: `the file name says ${listMatch[1]}` });
        else data.lists.push({ locale: parsed.data.locale, lists: parsed.data.lists });
        continue;
      }
      const parsed = ruleDataFileSchema.safeParse(json);
      if (!parsed.success) {
        issues.push(...issuesFromZod(parsed.error, '', file));
        continue;
      }
      const { rule, locale, phrases } = parsed.data;
      if (name !== `${rule}.${locale}.json`) {
        issues.push({
          file,
          path: '',
          message: `a file for ${rule} in ${locale} must be named ${rule}.${locale}.json`,
        });
        continue;
      }
      seen.add(name);
      phrases.forEach((entry, index) =>
        sources.push({ ruleId: rule, locale, file, path: `phrases[${index}]`, entry }),
      );
      data.files.push({ file, rule, locale, phrases: phrases.map(withoutExamples) });
    }
    if (!names.includes('categories.json'))
      issues.push({
        file: `${DIR}/categories.json`,
        path: '',
        message: 'missing: the categories and their templates',
      });
    for (const rule of PHRASE_RULE_IDS)
      for (const locale of PHRASE_LOCALES)
        if (!seen.has(`${rule}.${locale}.json`))
          issues.push({
            file: `${DIR}/${rule}.${locale}.json`,
            path: '',
            message: 'missing: every rule has data in every locale',
          });

    const lists = new Map<string, string[]>();
    for (const { lists: own } of data.lists)
      for (const [name, values] of Object.entries(own))
        lists.set(name, [...(lists.get(name) ?? []), ...values]);
    const ids = new Map<string, string>();
    for (const source of sources) {
      const id = source.entry.id;
      if (id === undefined) continue;
      const key = `${source.ruleId}/${source.locale}/${id}`;
      const other = ids.get(key);
      if (other !== undefined)
        issues.push({
          file: source.file,
          path: `${source.path}.id`,
          message: `id "${id}" is also used at ${other}`,
        });
      ids.set(key, source.path);
    }
    issues.push(...compileAndCheck(sources, lists).issues);

    if (issues.length > 0)
      throw new HuashuError(
        'INVALID_RULES',
        `Invalid lint data (${issues.length} problems):\n  ${describeIssues(issues)}`,
        {
          issues,
        },
      );
    return [
      {
        name: 'lint-data.ts',
        content: jsonModule(
          'lintData',
          '../lint/data-schema.js',
          'BuiltInLintData',
          data,
          "The linter's built-in phrase data (rules/lint/, validated)",
        ),
      },
    ];
  },
};

function withoutExamples(entry: CheckedSource['entry']): CompilableEntry {
  const { examples: _examples, counterExamples: _counter, ...rest } = entry;
  return rest;
}
