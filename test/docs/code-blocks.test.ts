/**
 * Every code block of the README and the guides is run or says why not (test/docs/code-blocks.ts):
 * ts/js blocks run against the built package, sh blocks run the built CLI from the repository root.
 * Needs dist/ (`npm run build`, which `npm test` runs first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeBlocks, documentationFiles, kind, program, type CodeBlock } from './code-blocks.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Inside the repository, so `import … from 'huashu'` resolves to dist/ through package.json's exports.
const TMP = join(ROOT, '.docs-tmp', 'blocks');
const BIN = join(ROOT, 'dist', 'cli', 'bin.js');

const blocks = documentationFiles(ROOT).flatMap((file) => codeBlocks(ROOT, file));
const label = (block: CodeBlock) =>
  `${block.file}:${block.line} (${block.lang}${block.flags.length ? ` ${block.flags.join(' ')}` : ''})`;
const programs = blocks.filter((block) => kind(block) === 'run');
const shells = blocks.filter((block) => kind(block) === 'shell');

describe('documentation code blocks', () => {
  it('every block says what it is', () => {
    const problems = blocks.flatMap((block) => {
      const k = kind(block);
      return typeof k === 'object' ? [`${label(block)}: ${k.problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('the README and the job guides have programs and commands to run', () => {
    for (const page of ['README.md', 'docs/guide/answer-a-customer.md', 'docs/guide/check-a-draft.md'])
      expect(programs.filter((b) => b.file === page).length, page).toBeGreaterThan(0);
    expect(shells.filter((b) => b.file === 'docs/guide/score-conversations.md').length).toBeGreaterThan(0);
  });

  describe('ts and js blocks run against the built package', () => {
    let results: Record<string, string | null> = {};
    beforeAll(() => {
      expect(existsSync(BIN), 'dist/ is built (npm run build)').toBe(true);
      rmSync(TMP, { recursive: true, force: true });
      mkdirSync(TMP, { recursive: true });
      const exportNames = Object.keys(
        createRequire(import.meta.url)(join(ROOT, 'dist', 'index.cjs')) as object,
      );
      const names = programs.map((block, i) => {
        const name = `${String(i).padStart(3, '0')}.${block.lang === 'js' ? 'mjs' : 'ts'}`;
        writeFileSync(join(TMP, name), program(block, exportNames));
        return name;
      });
      // One process for every block: each is its own module, imported in turn; a failure is recorded, not fatal.
      writeFileSync(
        join(TMP, 'run.mjs'),
        `const names = ${JSON.stringify(names)};\nconst results = {};\nconst log = console.log;\nconsole.log = () => {};\n` +
          `for (const name of names) { try { await import('./' + name); results[name] = null; } catch (e) { results[name] = String(e && e.stack || e); } }\n` +
          `console.log = log;\nprocess.stdout.write(JSON.stringify(results));\n`,
      );
      const run = spawnSync(process.execPath, ['--import', 'tsx', join(TMP, 'run.mjs')], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.status, run.stderr).toBe(0);
      const byName = JSON.parse(run.stdout) as Record<string, string | null>;
      results = Object.fromEntries(programs.map((block, i) => [label(block), byName[names[i]!] ?? null]));
    }, 150_000);

    it.each(programs.map((block) => [label(block)]))('%s', (name) => {
      expect(results[name], name).toBeNull();
    });
  });

  describe('sh blocks run the built CLI', () => {
    it.each(shells.map((block) => [label(block), block] as const))('%s', (_, block) => {
      for (const line of block.code.split('\n')) {
        const command = line.replace(/\s+#.*$/, '').trim();
        if (command === '') continue;
        const args = command.replace(/^(npx )?huashu\b/, '');
        expect(args, `${command}: only huashu commands run here; mark others \`sh skip\``).not.toBe(command);
        // bash parses the quoting as a reader's shell would; huashu is the built CLI.
        const run = spawnSync('bash', ['-c', `node ${JSON.stringify(BIN)} ${args}`], {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 60_000,
        });
        // 0 clean, 1 findings or a fatal item: both are results. 2 is a usage or input error.
        expect([0, 1], `${command}\n${run.stderr}`).toContain(run.status);
        expect(run.stderr, command).not.toMatch(/^\s+at /m);
      }
    });
  });
});
