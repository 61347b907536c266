import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateActionData } from '../../src/actions/data.js';
import { ruleFileJsonSchema } from '../../src/actions/rule-schema.js';
import { jsonModule, type DataGenerator } from './types.js';

/** Files in rules/actions/ that are not rule files. */
const NOT_RULES = new Set(['catalogue.json', 'explain.json', 'rule.schema.json']);

/** The rule files of rules/actions/, in name order (their rules keep that order: json-rules-engine's addRule order). */
export function actionRuleFileNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !NOT_RULES.has(name))
    .sort();
}

function readJson(path: string, label: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`${label}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Template ids in templates/ (`<group>/<name>` from `<group>/<name>.<locale>.hbs`). */
function templateIds(root: string): Set<string> | undefined {
  const dir = join(root, 'templates');
  if (!existsSync(dir)) return undefined;
  const ids = new Set<string>();
  for (const group of readdirSync(dir, { withFileTypes: true })) {
    if (!group.isDirectory()) continue;
    for (const file of readdirSync(join(dir, group.name))) {
      const match = /^(.+)\.(zh-Hans|zh-Hant|en)\.hbs$/.exec(file);
      if (match) ids.add(`${group.name}/${match[1]}`);
    }
  }
  return ids.size > 0 ? ids : undefined;
}

/**
 * rules/actions/ → src/generated/actions-*.ts: the action catalogue, the explanation words and the
 * built-in rules, all validated (every problem listed, one INVALID_RULES). Also writes the JSON
 * Schema of rule files, rules/actions/rule.schema.json, from the zod schema.
 */
export const actionsGenerator: DataGenerator = {
  name: 'actions',
  generate(root) {
    const dir = join(root, 'rules', 'actions');
    const ids = templateIds(root);
    const data = validateActionData({
      catalogue: {
        file: 'rules/actions/catalogue.json',
        content: readJson(join(dir, 'catalogue.json'), 'catalogue.json'),
      },
      explain: {
        file: 'rules/actions/explain.json',
        content: readJson(join(dir, 'explain.json'), 'explain.json'),
      },
      rules: actionRuleFileNames(dir).map((name) => ({
        file: `rules/actions/${name}`,
        content: readJson(join(dir, name), name),
      })),
      ...(ids ? { hasTemplate: (id: string) => ids.has(id) } : {}),
    });

    const schemaPath = join(dir, 'rule.schema.json');
    const schema = `${JSON.stringify(ruleFileJsonSchema(), null, 2)}\n`;
    if (!existsSync(schemaPath) || readFileSync(schemaPath, 'utf8') !== schema)
      writeFileSync(schemaPath, schema);

    return [
      {
        name: 'actions-catalogue.ts',
        content: jsonModule(
          'actionCatalogue',
          '../actions/catalogue.js',
          'ActionCatalogueFile',
          data.catalogue,
          'The action catalogue (rules/actions/catalogue.json)',
        ),
      },
      {
        name: 'actions-explain.ts',
        content: jsonModule(
          'actionExplainVocabulary',
          '../actions/explain.js',
          'ExplainVocabulary',
          data.explain,
          'The words that explain a recommendation (rules/actions/explain.json)',
        ),
      },
      {
        name: 'actions-rules.ts',
        content: jsonModule(
          'builtInActionRules',
          '../actions/rule-schema.js',
          'Rule',
          data.rules,
          'The built-in next-action rules (rules/actions/*.json)',
          'readonly Rule[]',
        ),
      },
    ];
  },
};
