import { createLinter, type ConfiguredRule } from '../../lint/linter.js';
import { ruleHelp } from '../../lint/rule-docs.js';
import { builtInSuggestion, type SuggestionResolver } from '../../lint/suggestions.js';
import { loadTemplatePack } from '../../node/templates.js';
import { createTemplateCatalogue } from '../../templates/index.js';
import { templateCompiler } from '../../templates/compiler.js';
import type { RuleDescriptor } from '../formatters/types.js';
import type { LinterFactory } from './linter-factory.js';

function describe(rule: ConfiguredRule): RuleDescriptor {
  const help = ruleHelp(rule.id);
  return {
    id: rule.id,
    description: rule.meta.docs.description,
    ...(help === undefined
      ? {}
      : { fullDescription: help.fullDescription, help: { text: help.text, markdown: help.markdown } }),
    url: rule.meta.docs.url,
    category: rule.meta.category,
    severity: rule.severity,
    fixable: rule.meta.fixable === true,
  };
}

/**
 * The shop's templates folder as suggestions: its own templates rendered with their example
 * values (the shop wrote them), the built-in sentences for every other id.
 */
function shopSuggestions(folder: string): SuggestionResolver {
  const pack = loadTemplatePack(folder);
  const catalogue = createTemplateCatalogue(pack, { templateCompiler });
  const own = new Set(pack.map((template) => template.id));
  return (templateId, locale) =>
    own.has(templateId) ? catalogue.example(templateId, locale) : builtInSuggestion(templateId, locale);
}

/**
 * huashu's own linter for the CLI: the lint options of the configuration; suggestions from the
 * built-in sentences, or the shop's templates folder where it has a template of that id.
 */
export const createHuashuLinter: LinterFactory = (options, config) => {
  const linter = createLinter(
    options,
    config.templates === undefined ? {} : { suggest: shopSuggestions(config.templates) },
  );
  return { linter, rules: linter.rules.map(describe) };
};
