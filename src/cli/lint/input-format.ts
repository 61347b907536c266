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

/** Extensions whose format is known without looking inside (.txt and .log are plain text). */
export function hasKnownExtension(path: string): boolean {
  const dot = path.lastIndexOf('.');
  const extension = dot === -1 ? '' : path.slice(dot).toLowerCase();
  return extension in BY_EXTENSION || extension === '.txt' || extension === '.log';
}

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

/**
 * Does a command-line argument name a file (rather than being the reply itself)? Then a missing
 * file is an error, not a reply to lint: a file with a known extension, a shell pattern the shell
 * did not expand (`exports/*.jsonl` in quotes), a path with a separator, or an ASCII file name
 * with an extension (`replies.jsnol`, mistyped). Text with spaces, non-ASCII text and URLs are
 * replies.
 */
export function looksLikeInputPath(argument: string): boolean {
  if (argument === '' || /\s/.test(argument)) return false;
  if (/\.(jsonl|ndjson|jsonlines|json|csv|tsv|tab|txt|log)$/i.test(argument)) return true;
  if (!/^[\x21-\x7e]+$/.test(argument) || argument.includes('://')) return false;
  return /[*/\\]/.test(argument) || /^[\w.-]*[A-Za-z0-9_-]\.[A-Za-z][A-Za-z0-9]{0,7}$/.test(argument);
}

/** The parser of a format; `maxFieldLength` bounds a CSV field that spans lines. */
export function createParser(format: InputFormat, columns: ColumnMap, maxFieldLength?: number): InputParser {
  const limit = maxFieldLength === undefined ? {} : { maxFieldLength };
  switch (format) {
    case 'plain':
      return createPlainParser();
    case 'jsonl':
      return createJsonlParser();
    case 'csv':
      return createCsvParser({ delimiter: ',', columns, ...limit });
    case 'tsv':
      return createCsvParser({ delimiter: '\t', columns, ...limit });
  }
}
