import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { HuashuError } from '../../errors.js';
import { lintRules, type LintRuleInfo } from '../../lint/rule-list.js';
import { CONFIG_FILE_NAME } from '../../node/config.js';

const comment = (text: string, indent: string) => `${indent}// ${text}`;

function ruleLine(rule: LintRuleInfo, last: boolean): string[] {
  const notes = [
    rule.category,
    rule.fixable ? 'has fixes' : '',
    rule.requiresConversation ? 'needs the conversation' : '',
    rule.offByDefault ? `off by default; "${rule.defaultSeverity}" turns it on` : '',
  ].filter(Boolean);
  return [
    comment(`${rule.description} [${notes.join('; ')}]`, '      '),
    comment(rule.url, '      '),
    `      ${JSON.stringify(rule.id)}: ${JSON.stringify(rule.offByDefault ? 'off' : rule.defaultSeverity)}${last ? '' : ','}`,
  ];
}

/**
 * The text `huashu lint --init` writes: JSON with comments (the loader accepts them), listing every
 * built-in rule with its default severity and description, and every other option with what it
 * does. Values are the defaults, so the file changes nothing until it is edited.
 */
export function initialConfigText(rules: readonly LintRuleInfo[] = lintRules): string {
  const lines = [
    `// ${CONFIG_FILE_NAME}: huashu's configuration, found by \`huashu\` in this folder or a folder above.`,
    '// JSON with comments. In VS Code, add "files.associations": { "huashu.config.json": "jsonc" }',
    '// to your settings so the editor does not flag the comments. Check it: huashu lint --print-config',
    '{',
    '  "lint": {',
    comment('Severity per rule: "off", "warn" or "error" (a rule\'s own warnings stay warnings).', '    '),
    comment('The values below are the defaults.', '    '),
    '    "rules": {',
    ...rules.flatMap((rule, i) => ruleLine(rule, i === rules.length - 1)),
    '    },',
    comment(
      'Phrases never reported: a finding inside one of them is dropped (matched like replies).',
      '    ',
    ),
    '    "allow": [],',
    comment('Extra phrase packs: paths of pack JSON files, relative to this file, or pack objects', '    '),
    comment('({ "name", "rule", "phrases" }). See the README, "Phrase packs".', '    '),
    '    "packs": []',
    comment(
      'Language of the findings\' messages: "zh-Hans", "zh-Hant" or "en". Default: the reply\'s',
      '    ',
    ),
    comment('own language.', '    '),
    comment('"messageLocale": "zh-Hans"', '    '),
    '  }',
    comment("A folder of the shop's own reply templates (relative to this file): lint suggests them.", '  '),
    comment('"templates": "templates",', '  '),
    comment('A folder of extra next-action rule files (relative to this file).', '  '),
    comment('"actions": "actions"', '  '),
    '}',
    '',
  ];
  return lines.join('\n');
}

/**
 * Write `huashu.config.json` in `folder`; an existing file is kept (`USAGE`, exit 2) unless
 * `force`. Returns the path written. The file is created exclusively, so a file that appears
 * between the check and the write is not overwritten either.
 */
export function writeInitialConfig(folder: string, force: boolean): string {
  const path = join(folder, CONFIG_FILE_NAME);
  const flags = constants.O_WRONLY | constants.O_CREAT | (force ? constants.O_TRUNC : constants.O_EXCL);
  let fd: number;
  try {
    fd = openSync(path, flags, 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new HuashuError(
        'USAGE',
        `${path} already exists; it was not changed (--init --force overwrites it)`,
      );
    throw new HuashuError('IO', `cannot write ${path}: ${code ?? String(error)}`, { cause: error });
  }
  try {
    writeSync(fd, initialConfigText());
  } finally {
    closeSync(fd);
  }
  return path;
}
