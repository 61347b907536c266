import type { HuashuConfig } from '../../node/config.js';
import type { RuleDescriptor } from '../formatters/types.js';
import type { ColumnMap } from './columns.js';
import type { InputFormat } from './input-format.js';

export interface PrintConfigInput {
  /** The configuration file read, or undefined (none found, or --no-config). */
  configFile: string | undefined;
  config: HuashuConfig;
  /** The lint options after --rule and --message-locale. */
  lint: NonNullable<HuashuConfig['lint']>;
  /** Every rule with the severity it runs with. */
  rules: readonly RuleDescriptor[];
  /** The file asked about, and how lint would read it. */
  file?: { path: string; inputFormat: InputFormat; columns: ColumnMap };
}

/**
 * `--print-config [file]`: the configuration lint runs with, as JSON (eslint's --print-config):
 * the file it came from, every rule's severity (defaults included), the other lint options, the
 * folders, and for a file how it is read. Phrase packs are listed by name and size, not in full.
 */
export function printConfig(input: PrintConfigInput): string {
  const rules: Record<string, string> = {};
  for (const rule of input.rules) rules[rule.id] = rule.severity ?? 'error';
  const { rules: _rules, packs, ...rest } = input.lint;
  const lint: Record<string, unknown> = { rules, ...rest };
  if (packs !== undefined)
    lint.packs = packs.map((pack) => {
      const { name, rule, phrases } = pack as { name?: unknown; rule?: unknown; phrases?: unknown };
      return {
        ...(name === undefined ? {} : { name }),
        ...(rule === undefined ? {} : { rule }),
        phrases: Array.isArray(phrases) ? phrases.length : 0,
      };
    });
  const output: Record<string, unknown> = {
    configFile: input.configFile ?? null,
    ...(input.file === undefined
      ? {}
      : {
          file: input.file.path,
          inputFormat: input.file.inputFormat,
          ...(Object.keys(input.file.columns).length === 0 ? {} : { columns: input.file.columns }),
        }),
    lint,
    ...(input.config.templates === undefined ? {} : { templates: input.config.templates }),
    ...(input.config.actions === undefined ? {} : { actions: input.config.actions }),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
