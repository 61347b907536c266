import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonModule, type DataGenerator } from './types.js';

export const languageGenerator: DataGenerator = {
  name: 'language',
  generate(root) {
    const lexicon = JSON.parse(
      readFileSync(join(root, 'rules', 'language', 'latin-lexicon.json'), 'utf8'),
    ) as Record<string, unknown>;
    const words: Record<string, string[]> = {};
    for (const [locale, list] of Object.entries(lexicon)) {
      if (locale.startsWith('$')) continue;
      if (!Array.isArray(list) || !list.every((w) => typeof w === 'string')) {
        throw new Error(`rules/language/latin-lexicon.json: "${locale}" must be an array of strings`);
      }
      words[locale] = [...new Set(list.map((w) => w.toLowerCase()))];
    }
    const content = jsonModule(
      'latinLexicon',
      null,
      'Readonly<Record<string, readonly string[]>>',
      words,
      'The Latin-script shop-chat lexicon per language (rules/language/latin-lexicon.json)',
    );
    return [{ name: 'latin-lexicon.ts', content }];
  },
};
