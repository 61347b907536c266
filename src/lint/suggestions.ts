import { invalidArgument } from '../arguments.js';
import { lintSuggestions } from '../generated/lint-suggestions.js';
import type { SupportedLocale } from '../language/index.js';
import { PHRASE_LOCALES } from './data-schema.js';

/** Turns a template id into a whole approved sentence in a locale; undefined when there is none. */
export type SuggestionResolver = (templateId: string, locale: SupportedLocale) => string | undefined;

const LOCALES: ReadonlySet<unknown> = new Set(PHRASE_LOCALES);

/**
 * The linter's default suggestions: sentences rendered at build time from the built-in templates
 * the built-in rules name (rules/lint/suggestions.json), with neutral variables — the address
 * 亲 / 親 / "customer", never a sample name, date or order number. Undefined for other ids.
 */
export const builtInSuggestion: SuggestionResolver = (templateId, locale) => {
  if (typeof templateId !== 'string')
    throw invalidArgument(
      'INVALID_INPUT',
      'builtInSuggestion(templateId, locale)',
      'templateId',
      'a template id such as "opening/chat"',
      templateId,
    );
  if (!LOCALES.has(locale))
    throw invalidArgument(
      'INVALID_INPUT',
      'builtInSuggestion(templateId, locale)',
      'locale',
      `one of ${PHRASE_LOCALES.join(', ')}`,
      locale,
    );
  const sentences = lintSuggestions();
  return Object.hasOwn(sentences, templateId) ? sentences[templateId]![locale] : undefined;
};
