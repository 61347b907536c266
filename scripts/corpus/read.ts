/** Reads a committed generated corpus file, validating every line. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeParse } from '../../src/errors.js';
import { OUTPUT_DIR } from './grammar.js';
import { recordSchema, type CorpusRecord, type Locale } from './schema.js';

export function readCorpus(root: string, locale: Locale): CorpusRecord[] {
  return readFileSync(join(root, OUTPUT_DIR, `${locale}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const parsed = safeParse(recordSchema, JSON.parse(l));
      if (!parsed.success) throw new Error(`${locale}.jsonl line ${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}
