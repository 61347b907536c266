import { UsageError } from '../usage-error.js';
import type { ColumnMap } from './columns.js';
import { createCsvParser } from './csv-parser.js';
import { createJsonlParser } from './jsonl-parser.js';
import { createPlainParser } from './plain-parser.js';
import type { InputParser } from './record.js';

export const INPUT_FORMATS = ['plain', 'jsonl', 'csv', 'tsv'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

const BY_EXTENSION: Record<string, InputFormat> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.jsonlines': 'jsonl',
  // Many exports write one object per line under .json; an array file is reported on its first line.
  '.json': 'jsonl',
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
};

/** The format of a file, from `--input-format` or else its extension; plain text otherwise. */
export function detectInputFormat(path: string | undefined, override: string | undefined): InputFormat {
  if (override !== undefined) {
    if (!(INPUT_FORMATS as readonly string[]).includes(override))
      throw new UsageError(`--input-format must be one of ${INPUT_FORMATS.join(', ')}, not "${override}"`);
    return override as InputFormat;
  }
  if (path === undefined) return 'plain';
  const dot = path.lastIndexOf('.');
  const extension = dot === -1 ? '' : path.slice(dot).toLowerCase();
  return BY_EXTENSION[extension] ?? 'plain';
}

/** Does a command-line argument name a file we should read (rather than being the reply itself)? */
export function looksLikeInputPath(argument: string): boolean {
  return !/\s/.test(argument) && /\.(jsonl|ndjson|jsonlines|json|csv|tsv|tab|txt|log)$/i.test(argument);
}

export function createParser(format: InputFormat, columns: ColumnMap): InputParser {
  switch (format) {
    case 'plain':
      return createPlainParser();
    case 'jsonl':
      return createJsonlParser();
    case 'csv':
      return createCsvParser({ delimiter: ',', columns });
    case 'tsv':
      return createCsvParser({ delimiter: '\t', columns });
  }
}
