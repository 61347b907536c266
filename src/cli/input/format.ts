/** Formats a turn or reply export can be read in. */
export type SniffedFormat = 'jsonl' | 'csv' | 'tsv' | 'plain';

/** Sentence punctuation: a first line with it is text, not a header row. */
const SENTENCE = /[。！？，、；!?]|\.\s/;

/**
 * The format of an input from its first non-blank line, for standard input and files without a
 * known extension: JSONL when it starts with `{`; CSV or TSV when it is a header row — split by a
 * tab (else a comma) into at least two short cells without sentence punctuation, one of which is
 * a known column name (`knownHeaders`, compared trimmed and lower-cased); else plain text.
 */
export function sniffFormat(firstLine: string, knownHeaders: ReadonlySet<string>): SniffedFormat {
  const line = firstLine.replace(/^\uFEFF/, '').trim();
  if (line.startsWith('{')) return 'jsonl';
  const delimiter = line.includes('\t') ? '\t' : ',';
  const cells = line.split(delimiter).map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
  if (cells.length < 2) return 'plain';
  if (cells.some((cell) => cell.length > 40 || SENTENCE.test(cell))) return 'plain';
  if (!cells.some((cell) => knownHeaders.has(cell.toLowerCase()))) return 'plain';
  return delimiter === '\t' ? 'tsv' : 'csv';
}
