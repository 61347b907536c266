import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeIssues, HuashuError, issuesFromZod, safeParse, type HuashuIssue } from '../../src/errors.js';
import {
  categoriesFileSchema,
  skeletonFileSchema,
  suggestionsFileSchema,
  wordsFileSchema,
  listsFileSchema,
  structureFileSchema,
  toneModelFileSchema,
  type StructureFile,
  PHRASE_LOCALES,
  PHRASE_RULE_IDS,
  ruleDataFileSchema,
  type BuiltInLintData,
  type BuiltInSuggestions,
  type CompilableEntry,
} from '../../src/lint/data-schema.js';
import type { CheckedSource } from '../../src/lint/check-entries.js';
import { jsonExpression, UNPACK_IMPORT } from './packed-json.js';
import { jsonModule, type DataGenerator } from './types.js';

const DIR = join('rules', 'lint');
const SUGGESTIONS_FILE = 'suggestions.json';
const SKELETON_FILE = 'skeleton.json';
const WORDS_FILE = 'words.json';
const STRUCTURE_FILE = 'structure.json';
const TONE_FILE = 'tone-model.json';

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
    // The rules' on-demand sets too (channel frames, arrival cues, the owners of personal data,
    // unverified claims): a reply that needs them is linted once, so their automata are
    // snapshotted rather than built on a bot's first such message.
    return captureAutomatonLists(() => {
      const linter = createLinter({ rules: { 'unverified-shipping-claim': 'warn' } });
      linter.lint('您的手机13812345678，加我微信，保证明天到，已经发货了', {
        facts: { order: { deliveryUncertain: true } },
      });
    }).map((list) => list.keywords);
  },
  async generate(root) {
    // Compiling needs normalize(), which needs the hanzi table generated before this step.
    const { compileAndCheck } = await import('../../src/lint/check-entries.js');
    const { SkeletonReader } = await import('../../src/lint/skeleton.js');
    const { normalize } = await import('../../src/normalize/index.js');
    const issues: HuashuIssue[] = [];
    const data: BuiltInLintData = {
      skeleton: undefined as unknown as BuiltInLintData['skeleton'],
      words: undefined as unknown as BuiltInLintData['words'],
      categories: {} as BuiltInLintData['categories'],
      structure: { classes: {}, detectors: [], cancelledBy: { any: [], blame: [] } },
      lists: [],
      files: [],
    };
    const sources: CheckedSource[] = [];
    const seen = new Set<string>();
    let structure: StructureFile | undefined;
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
      if (name === SUGGESTIONS_FILE) continue; // lintSuggestionsGenerator's
      if (name === SKELETON_FILE) {
        const parsed = safeParse(skeletonFileSchema, json);
        if (!parsed.success) issues.push(...issuesFromZod(parsed.error, '', file));
        else {
          const { $schema: _schema, ...skeleton } = parsed.data;
          issues.push(...unfolded(file, skeleton, normalize));
          data.skeleton = skeleton;
        }
        continue;
      }
      if (name === WORDS_FILE) {
        const parsed = safeParse(wordsFileSchema, json);
        if (!parsed.success) issues.push(...issuesFromZod(parsed.error, '', file));
        else {
          const { $schema: _schema, ...words } = parsed.data;
          const folded = (path: string, values: readonly string[]) =>
            values.forEach((value, i) => {
              if (normalize(value).text !== value)
                issues.push({
                  file,
                  path: `${path}[${i}]`,
                  message: `write "${value}" folded: "${normalize(value).text}"`,
                });
            });
          folded('greet-first.openingAddresses', words['greet-first'].openingAddresses);
          const contact = words['no-offplatform-contact'];
          folded('no-offplatform-contact.accountLabels', contact.accountLabels);
          folded('no-offplatform-contact.accountLinks', contact.accountLinks);
          folded('no-offplatform-contact.accountSeparators', contact.accountSeparators);
          folded('no-offplatform-contact.ownerPronouns', contact.ownerPronouns ?? []);
          folded('no-offplatform-contact.objectPronouns', contact.objectPronouns ?? []);
          data.words = words;
        }
        continue;
      }
      if (name === STRUCTURE_FILE) {
        const parsed = safeParse(structureFileSchema, json);
        if (!parsed.success) issues.push(...issuesFromZod(parsed.error, '', file));
        else structure = parsed.data;
        continue;
      }
      if (name === TONE_FILE) {
        const parsed = safeParse(toneModelFileSchema, json);
        if (!parsed.success) issues.push(...issuesFromZod(parsed.error, '', file));
        else {
          // What it was trained on is for the freshness test, not the runtime.
          const { trainedOn: _trainedOn, ...tone } = parsed.data;
          data.tone = tone;
        }
        continue;
      }
      if (name === 'categories.json') {
        const parsed = safeParse(categoriesFileSchema, json);
        if (!parsed.success) issues.push(...issuesFromZod(parsed.error, '', file));
        else data.categories = parsed.data.categories as BuiltInLintData['categories'];
        continue;
      }
      const listMatch = /^lists\.([\w-]+)\.json$/.exec(name);
      if (listMatch) {
        const parsed = safeParse(listsFileSchema, json);
        if (!parsed.success) issues.push(...issuesFromZod(parsed.error, '', file));
        else if (parsed.data.locale !== listMatch[1])
          issues.push({ file, path: 'locale', message: `the file name says ${listMatch[1]}` });
        else data.lists.push({ locale: parsed.data.locale, lists: parsed.data.lists });
        continue;
      }
      const parsed = safeParse(ruleDataFileSchema, json);
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
      data.files.push({ file, rule, locale, phrases: phrases.map(runtimeEntry) });
    }
    for (const required of [SKELETON_FILE, WORDS_FILE, STRUCTURE_FILE])
      if (!names.includes(required))
        issues.push({ file: `${DIR}/${required}`, path: '', message: 'missing' });
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
    // Phrases are compiled with the alphabet they ship with; without a valid one there is nothing to check.
    if (data.skeleton !== undefined) {
      const reader = new SkeletonReader(data.skeleton);
      issues.push(...compileAndCheck(sources, lists, reader).issues);
      // no-overpromise and shipping-wording read their Chinese grammar words on the skeleton: a
      // word written otherwise never matches.
      const shipping = data.words?.['shipping-wording'].zh;
      const grammar: Record<string, readonly string[]> = {
        ...prefixed('no-overpromise.zh', data.words?.['no-overpromise'].zh ?? {}),
        ...prefixed('shipping-wording.zh.left', shipping?.left ?? {}),
        ...prefixed('shipping-wording.zh.right', shipping?.right ?? {}),
        ...prefixed('shipping-wording.zh', {
          notParcel: shipping?.notParcel ?? [],
          carriers: shipping?.carriers ?? [],
        }),
      };
      if (structure !== undefined) {
        const { checkStructure } = await import('./lint-structure.js');
        const checked = checkStructure(structure, reader, `${DIR}/${STRUCTURE_FILE}`, chatTexts(root));
        issues.push(...checked.issues);
        data.structure = checked.shipped;
      }
      for (const [list, words] of Object.entries(grammar))
        words.forEach((word, i) => {
          const skeleton = reader.readAside(word).text;
          if (skeleton !== word)
            issues.push({
              file: `${DIR}/${WORDS_FILE}`,
              path: `${list}[${i}]`,
              message: `write "${word}" as the skeleton reads it: "${skeleton}"`,
            });
        });
    }

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

/** The alphabet's characters must be as `normalize` leaves them, or replies would never contain them. */
function unfolded(
  file: string,
  skeleton: BuiltInLintData['skeleton'],
  normalize: (text: string) => { text: string },
): HuashuIssue[] {
  const issues: HuashuIssue[] = [];
  const check = (path: string, characters: string) => {
    for (const char of characters) {
      const folded = normalize(char).text;
      if (folded !== char)
        issues.push({ file, path, message: `"${char}" never occurs in folded text: write "${folded}"` });
    }
  };
  check('particles', skeleton.particles);
  check('address.character', skeleton.address.character);
  check('address.wordWithNext', skeleton.address.wordWithNext);
  check('address.wordWithPrevious', skeleton.address.wordWithPrevious);
  for (const [particle, { wordWithNext }] of Object.entries(skeleton.particleWords ?? {}))
    check(`particleWords.${particle}`, particle + wordWithNext);
  for (const [from, to] of Object.entries(skeleton.folds)) check(`folds.${from}`, from + to);
  check('sentenceMarks', skeleton.sentenceMarks);
  check('keptSymbols', skeleton.keptSymbols);
  for (const [letter, latin] of Object.entries(skeleton.latinLookalikes ?? {}))
    check(`latinLookalikes.${letter}`, letter + latin);
  for (const [symbol, word] of Object.entries(skeleton.symbolWords ?? {})) {
    // Whole: the presentation selector after ☎ is kept only after an emoji.
    const folded = normalize(symbol).text;
    if (folded !== symbol)
      issues.push({
        file,
        path: `symbolWords.${symbol}`,
        message: `"${symbol}" never occurs in folded text: write "${folded}"`,
      });
    check(`symbolWords.${symbol}`, word);
  }
  return issues;
}

/**
 * What the runtime reads of an entry: not its examples (checked here, at build time), nor its note.
 * A finding quotes a note only for a pack's `custom` category (no-forbidden-phrase); the built-in
 * files allow only the brief's categories, so their notes are for the data's authors and stay in
 * rules/lint/*.json (11 KB of text the bundles no longer carry).
 */
function runtimeEntry(entry: CheckedSource['entry']): CompilableEntry {
  const { examples: _examples, counterExamples: _counter, note: _note, ...rest } = entry;
  return rest;
}

/** A `{{path}}` or `{{helper path …}}` mustache of `path` in a template source. */
function mustacheOf(path: string): RegExp {
  return new RegExp(`\\{\\{~?\\s*(?:[a-z]+\\s+)?${path.replace(/\./g, '\\.')}(?:\\s[^{}]*)?~?\\}\\}`, 'g');
}

/** A `{{#if path}}` or `{{#unless path}}` guard of `path`; its path becomes `true` when the text is neutral. */
function guardOf(path: string): RegExp {
  return new RegExp(`(\\{\\{~?\\s*#(?:if|unless)\\s+)${path.replace(/\./g, '\\.')}(\\s*~?\\}\\})`, 'g');
}

/** `source` with `name` given its neutral text: its guards hold and its mustaches are the text. */
function withNeutral(source: string, name: string, text: string): string {
  return source.replace(guardOf(name), '$1true$2').replace(mustacheOf(name), () => text);
}

/**
 * rules/lint/suggestions.json + categories.json + templates/ → src/generated/lint-suggestions.ts:
 * the sentence each template the linter suggests renders to in each locale, so the linter needs no
 * template engine. Rendered by the catalogue itself (runs after the templates generator) with
 * neutral variables: no customer (亲 / 親 / customer), and each required variable replaced by its
 * neutral text from suggestions.json (约定的发货日期, not a sample date). A template that needs a
 * variable without a neutral text fails the build.
 */
export const lintSuggestionsGenerator: DataGenerator = {
  name: 'lint-suggestions',
  async generate(root) {
    const { createTemplateCatalogue } = await import('../../src/templates/index.js');
    const { templateCompiler } = await import('../../src/templates/compiler.js');
    const { PHRASE_LOCALES: locales } = await import('../../src/lint/data-schema.js');
    const file = `${DIR}/${SUGGESTIONS_FILE}`;
    const issues: HuashuIssue[] = [];
    const parsed = safeParse(suggestionsFileSchema, JSON.parse(readFileSync(join(root, file), 'utf8')));
    const categories = safeParse(
      categoriesFileSchema,
      JSON.parse(readFileSync(join(root, DIR, 'categories.json'), 'utf8')),
    );
    if (!parsed.success) issues.push(...issuesFromZod(parsed.error, '', file));
    if (!categories.success) issues.push(...issuesFromZod(categories.error, '', `${DIR}/categories.json`));
    if (!parsed.success || !categories.success) throw invalidSuggestions(issues);
    const { templates, neutral } = parsed.data;
    const ids = [
      ...new Set([...Object.values(categories.data.categories).map((c) => c!.template), ...templates]),
    ].sort();

    const builtIn = createTemplateCatalogue();
    const packs = [];
    for (const id of ids) {
      const path = templates.includes(id) ? `templates[${templates.indexOf(id)}]` : '';
      const entries = locales.map((locale) => builtIn.get(id, locale));
      const first = entries[0];
      if (first === undefined || entries.some((e, i) => e === undefined || e.locale !== locales[i])) {
        issues.push({ file, path, message: `no built-in template "${id}" in every locale` });
        continue;
      }
      const variables: Record<string, unknown> = {};
      const replaced: string[] = [];
      for (const [name, declaration] of Object.entries(first.variables)) {
        if (Object.hasOwn(neutral, name)) replaced.push(name);
        else if (declaration.optional === true) variables[name] = declaration;
        else
          issues.push({
            file,
            path: 'neutral',
            message: `template "${id}" needs "${name}": give it a neutral text (no sample value) in every locale`,
          });
      }
      const sources: Record<string, string> = {};
      for (const entry of entries) {
        let source = entry!.source;
        for (const name of replaced) source = withNeutral(source, name, neutral[name]![entry!.locale]);
        sources[entry!.locale] = source;
      }
      packs.push({
        id,
        stage: first.stage,
        intents: [...first.intents],
        channels: [...first.channels],
        description: first.description,
        variables,
        ...(first.when === undefined ? {} : { when: first.when }),
        sources,
      });
    }
    if (issues.length > 0) throw invalidSuggestions(issues);

    const neutralCatalogue = createTemplateCatalogue(packs as never, { templateCompiler });
    const sentences: BuiltInSuggestions = {};
    for (const { id } of packs) {
      const byLocale = {} as BuiltInSuggestions[string];
      for (const locale of locales) byLocale[locale] = neutralCatalogue.render(id, {}, { locale });
      sentences[id] = byLocale;
    }
    const payload = jsonExpression(sentences);
    const content =
      '// Generated by scripts/build-data.ts from rules/lint/suggestions.json and templates/ — do not edit.\n' +
      (payload.packed ? UNPACK_IMPORT : '') +
      "import type { BuiltInSuggestions } from '../lint/data-schema.js';\n\n" +
      'let decoded: BuiltInSuggestions | undefined;\n\n' +
      '/** Template id → locale → the sentence the linter suggests by default; decoded on first call. */\n' +
      'export function lintSuggestions(): BuiltInSuggestions {\n' +
      `  return (decoded ??= ${payload.expression} as BuiltInSuggestions);\n` +
      '}\n';
    return [{ name: 'lint-suggestions.ts', content }];
  },
};

function invalidSuggestions(issues: HuashuIssue[]): HuashuError {
  return new HuashuError(
    'INVALID_RULES',
    `Invalid lint suggestions (${issues.length} problems):\n  ${describeIssues(issues)}`,
    { issues },
  );
}

/** The word lists of `lists`, keyed by their path under `prefix`. */
function prefixed(
  prefix: string,
  lists: Record<string, readonly string[]>,
): Record<string, readonly string[]> {
  return Object.fromEntries(Object.entries(lists).map(([name, words]) => [`${prefix}.${name}`, words]));
}

/** The intent corpus's chat turns (customer and agent), to tell rare words from common ones. */
function chatTexts(root: string): string[] {
  const dir = join(root, 'rules', 'intents', 'written');
  const texts: string[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort())
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const row = JSON.parse(line) as { text?: unknown; prev?: unknown };
      if (typeof row.text === 'string') texts.push(row.text);
      if (typeof row.prev === 'string') texts.push(row.prev);
    }
  return texts;
}
