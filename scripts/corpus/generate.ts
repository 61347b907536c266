/**
 * Writes the generated intent corpus: rules/intents/generated/{zh-Hans,zh-Hant,en}.jsonl from the
 * grammar in rules/intents/grammar/.
 *
 *   npx tsx scripts/corpus/generate.ts           rewrite the outputs
 *   npx tsx scripts/corpus/generate.ts --check   exit 1 if the committed outputs differ from a fresh run
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, toJsonl } from './corpus.js';
import { loadGrammar, OUTPUT_DIR } from './grammar.js';
import { LOCALES, type Locale } from './schema.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function outputPath(root: string, locale: Locale): string {
  return join(root, OUTPUT_DIR, `${locale}.jsonl`);
}

/** The fresh output of every locale, as file contents. */
export function freshOutputs(root: string): { files: Record<Locale, string>; summary: string } {
  const { records, report } = generateCorpus(loadGrammar(root));
  const files = Object.fromEntries(LOCALES.map((l) => [l, toJsonl(records[l])])) as Record<Locale, string>;
  const summary = LOCALES.map((l) => {
    const counts = Object.values(report.counts[l]);
    return (
      `${l}: ${records[l].length} records (per intent min ${Math.min(...counts)}, max ${Math.max(...counts)}), ` +
      `${report.conflicts[l]} conflicting keys dropped, ${report.excluded[l]} excluded, ` +
      `${report.exhausted[l].length} skeletons exhausted`
    );
  }).join('\n');
  const conflicts = LOCALES.flatMap((l) => report.conflictKeys[l].map((k) => `  ${l}: ${k}`));
  return {
    files,
    summary: conflicts.length > 0 ? `${summary}\nconflicting keys:\n${conflicts.join('\n')}` : summary,
  };
}

/** Locales whose committed file differs from a fresh generation. */
export function staleOutputs(root: string): Locale[] {
  const { files } = freshOutputs(root);
  return LOCALES.filter((l) => {
    const path = outputPath(root, l);
    return !existsSync(path) || readFileSync(path, 'utf8') !== files[l];
  });
}

function main(argv: string[]): number {
  if (argv.includes('--check')) {
    const stale = staleOutputs(ROOT);
    if (stale.length > 0) {
      console.error(
        `Generated corpus out of date: ${stale.join(', ')}. Run npx tsx scripts/corpus/generate.ts and commit.`,
      );
      return 1;
    }
    console.error('Generated corpus is up to date.');
    return 0;
  }
  const { files, summary } = freshOutputs(ROOT);
  mkdirSync(join(ROOT, OUTPUT_DIR), { recursive: true });
  for (const locale of LOCALES) writeFileSync(outputPath(ROOT, locale), files[locale]);
  console.error(summary);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = main(process.argv.slice(2));
