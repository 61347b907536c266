/**
 * The hand-written source files of the written corpora (`scripts/corpus/written-src/
 * <writer>.<locale>.<nn>.txt`), read the same way for every writer.
 *
 * Source format: `@<intent id>` starts a section; each other non-empty line is one customer
 * message, optionally followed by ` || ` and the agent's previous message; `#` starts a comment line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_IN_INTENT_IDS } from '../../src/intent/ids.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WRITTEN_SRC = join(ROOT, 'scripts/corpus/written-src');
export const WRITTEN_OUT = join(ROOT, 'rules/intents/written');
const IDS = new Set<string>(BUILT_IN_INTENT_IDS);

export interface WrittenRow {
  text: string;
  intent: string;
  prev?: string;
}

/** One source file's messages, in order; throws naming the file and line of a malformed one. */
export function parseWrittenFile(file: string): WrittenRow[] {
  const rows: WrittenRow[] = [];
  let intent: string | undefined;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const where = `${file}:${i + 1}`;
      if (line.startsWith('@')) {
        intent = line.slice(1).trim();
        if (!IDS.has(intent)) throw new Error(`${where}: unknown intent id "${intent}"`);
        return;
      }
      if (intent === undefined) throw new Error(`${where}: message before any @intent line`);
      const [text, prev, extra] = line.split(' || ').map((s) => s.trim());
      if (!text || extra !== undefined || prev === '') throw new Error(`${where}: malformed line`);
      rows.push(prev === undefined ? { text, intent } : { text, intent, prev });
    });
  return rows;
}

/** Every message a writer wrote in a locale, file by file in name order. */
export function readWritten(writer: string, locale: string): WrittenRow[] {
  return readdirSync(WRITTEN_SRC)
    .filter((f) => f.startsWith(`${writer}.${locale}.`) && f.endsWith('.txt'))
    .sort()
    .flatMap((f) => parseWrittenFile(join(WRITTEN_SRC, f)));
}
