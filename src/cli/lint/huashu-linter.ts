import { createLinter, type ConfiguredRule } from '../../lint/linter.js';
import { loadTemplatePack } from '../../node/templates.js';
import { createTemplateCatalogue } from '../../templates/index.js';
import type { RuleDescriptor } from '../formatters/types.js';
import type { LinterFactory } from './linter-factory.js';

function describe(rule: ConfiguredRule): RuleDescriptor {
  return {
    id: rule.id,
    description: rule.meta.docs.description,
    url: rule.meta.docs.url,
    category: rule.meta.category,
    severity: rule.severity,
    fixable: rule.meta.fixable === true,
  };
}

/**
 * huashu's own linter for the CLI: the lint options of the configuration, and suggestions taken
 * from the template catalogue (the shop's templates folder included) as createAssistant does.
 */
export const createHuashuLinter: LinterFactory = (options, config) => {
  const catalogue = createTemplateCatalogue(
    config.templates === undefined ? [] : loadTemplatePack(config.templates),
  );
  const linter = createLinter(options, (templateId, locale) => catalogue.example(templateId, locale));
  return { linter, rules: linter.rules.map(describe) };
};
