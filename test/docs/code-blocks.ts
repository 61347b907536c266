/**
 * The code blocks of the README and the guides, as the docs tests run them. A fence's info string
 * says what a block is:
 * - `ts` / `js`: a program, run against the built package (`import … from 'huashu'` resolves to
 *   dist/ through the package's own exports); a block that uses `assistant` without declaring it
 *   gets `const assistant = createAssistant()` first;
 * - `sh`: commands, one a line, run from the repository root with `huashu` the built CLI;
 * - `… skip` (shell-only: installs, builds, needs the evaluation data) or `ts shape` (a shape or a
 *   signature, not a program): shown, not run;
 * - `text`, `json`, `jsonl`, `csv`, `handlebars`: output or data, not run.
 * A bare fence is an error: every block says what it is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface CodeBlock {
  file: string;
  line: number;
  lang: string;
  flags: string[];
  code: string;
}

export const RUN_LANGS = new Set(['ts', 'js']);
export const SHELL_LANGS = new Set(['sh']);
export const DATA_LANGS = new Set(['text', 'json', 'jsonl', 'csv', 'handlebars']);
export const FLAGS = new Set(['skip', 'shape']);

/** The README and every hand-written page under docs/ (not the generated reference or the build). */
export function documentationFiles(root: string): string[] {
  const generated = new Set(['rules', 'templates', 'actions', 'intents', 'api', 'dist', '.vitepress']);
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      if (entry.isDirectory())
        return generated.has(entry.name) && dir === join(root, 'docs') ? [] : walk(join(dir, entry.name));
      return entry.name.endsWith('.md') ? [join(dir, entry.name)] : [];
    });
  return [join(root, 'README.md'), ...walk(join(root, 'docs'))];
}

export function codeBlocks(root: string, path: string): CodeBlock[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const [lang = '', ...flags] = open[2]!.trim().split(/\s+/).filter(Boolean);
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== fence; i++) body.push(lines[i]!);
    blocks.push({ file: relative(root, path), line: start + 1, lang, flags, code: body.join('\n') });
  }
  return blocks;
}

/** What the test does with a block, or why the block is malformed. */
export function kind(block: CodeBlock): 'run' | 'shell' | 'shown' | { problem: string } {
  const unknown = block.flags.filter((flag) => !FLAGS.has(flag));
  if (unknown.length > 0) return { problem: `unknown flag(s) ${unknown.join(', ')}` };
  if (block.lang === '')
    return { problem: 'a bare fence: say what the block is (ts, sh, text, json, … or `skip`)' };
  if (block.flags.length > 0) return 'shown';
  if (RUN_LANGS.has(block.lang)) return 'run';
  if (SHELL_LANGS.has(block.lang)) return 'shell';
  if (DATA_LANGS.has(block.lang)) return 'shown';
  return { problem: `unknown language "${block.lang}"` };
}

/**
 * A block as a module. A fragment that uses the package's exports without importing them (the
 * guides continue one example across blocks) gets them imported, and `assistant` declared.
 */
export function program(block: CodeBlock, exportNames: readonly string[] = []): string {
  const code = block.code;
  const declared = (name: string) =>
    new RegExp(`\\b(const|let|var|function|class)\\s+${name}\\b|import[^;]*\\b${name}\\b`).test(code);
  const used = (name: string) => new RegExp(`(?<![.\\w'"])${name}\\b`).test(code);
  const missing = exportNames.filter((name) => used(name) && !declared(name));
  const needsAssistant = used('assistant') && !declared('assistant');
  if (needsAssistant && !missing.includes('createAssistant') && !declared('createAssistant'))
    missing.push('createAssistant');
  const preamble =
    (missing.length ? `import { ${missing.join(', ')} } from 'huashu';\n` : '') +
    (needsAssistant ? 'const assistant = createAssistant();\n' : '');
  return `${preamble}${code}\nexport {};\n`;
}
