import { parseJsonText } from '../../node/json-text.js';
import { CsvRowReader, type CsvCell } from '../lint/csv-parser.js';
import { readLineBatches, type SourceLine } from '../lint/source-lines.js';
import { sniffFormat } from '../input/format.js';
import { UsageError } from '../usage-error.js';

/** A turn record read from a line, or a line that could not be read. */
export type TurnLine =
  { kind: 'record'; line: number; value: unknown } | { kind: 'malformed'; line: number; message: string };

/** A JSONL line not parsed yet (`readTurnLines` with `raw`): `turnLineFromJson` reads it. */
export interface RawJsonLine {
  kind: 'json';
  line: number;
  text: string;
}

/** Why a line longer than the reader's limit was skipped (`units`: its length in UTF-16 code units). */
export function lineTooLongMessage(units: number): string {
  return `the line is ${units} characters long`;
}

/** A JSONL line read: a record, a malformed line, or undefined for a blank one. */
export function turnLineFromJson(line: number, text: string): TurnLine | undefined {
  if (text.trim() === '') return undefined;
  const parsed = parseJsonText(text, true);
  if (!parsed.ok) return { kind: 'malformed', line, message: parsed.message };
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))
    return {
      kind: 'malformed',
      line,
      message: 'expected a JSON object {"conversationId", "role", "text", "time"?}',
    };
  return { kind: 'record', line, value: parsed.value };
}

/** Header names of the turn fields in CSV/TSV exports (compared after trimming, case-insensitively). */
const HEADERS: Record<string, readonly string[]> = {
  conversationId: [
    'conversationid',
    'conversation_id',
    'conversation',
    'session_id',
    'sessionid',
    'chat_id',
    '会话id',
    '會話id',
  ],
  role: ['role', 'sender_role', 'speaker', 'sender', '角色', '发送方', '發送方'],
  text: ['text', 'message', 'content', 'reply', '内容', '內容', '消息', '消息内容'],
  time: ['time', 'timestamp', 'created_at', 'sent_at', 'datetime', '时间', '時間', '发送时间', '發送時間'],
  agent: ['agent', 'agent_id', 'agentid', 'agent_name', '客服昵称', '客服名称', '客服'],
  facts: ['facts'],
};

export type TurnFormat = 'jsonl' | 'csv' | 'tsv';
export const TURN_FORMATS: readonly TurnFormat[] = ['jsonl', 'csv', 'tsv'];

/** Every header name of a turn field, lower-cased: a first line with one of them is a CSV/TSV header. */
const KNOWN_HEADERS: ReadonlySet<string> = new Set(Object.values(HEADERS).flat());

/**
 * The format of an export: `override` (--input-format), else the file's extension, else its first
 * non-blank line (JSONL when it starts with `{`, CSV/TSV when it is a header row with a known
 * column). Throws a UsageError when it cannot be told.
 */
export function turnFormatOf(path: string | undefined, firstText: string, override?: TurnFormat): TurnFormat {
  if (override !== undefined) return override;
  const lower = path?.toLowerCase() ?? '';
  if (/\.(jsonl|ndjson|json)$/.test(lower)) return 'jsonl';
  if (lower.endsWith('.tsv') || lower.endsWith('.tab')) return 'tsv';
  if (lower.endsWith('.csv')) return 'csv';
  const sniffed = sniffFormat(firstText, KNOWN_HEADERS);
  if (sniffed !== 'plain') return sniffed;
  throw new UsageError(
    `${path ?? 'standard input'}: cannot tell the format: the first line is neither a JSON object nor a CSV/TSV header with conversationId, role and text columns; give --input-format jsonl|csv|tsv`,
  );
}

function columnsOf(header: readonly string[]): Partial<Record<string, number>> {
  const lower = header.map((h) => h.trim().toLowerCase());
  const indexes: Partial<Record<string, number>> = {};
  for (const [field, names] of Object.entries(HEADERS)) {
    const index = names.map((name) => lower.indexOf(name)).find((i) => i !== -1);
    if (index !== undefined) indexes[field] = index;
  }
  const missing = ['conversationId', 'role', 'text'].filter((field) => indexes[field] === undefined);
  if (missing.length > 0)
    throw new UsageError(
      `the CSV header has no ${missing.join(', ')} column (looked for ${missing.map((f) => HEADERS[f]!.join('/')).join('; ')}); its columns are: ${header.join(', ')}`,
    );
  return indexes;
}

/**
 * Turn records from a JSONL or CSV/TSV export, line by line: the lint readers' line splitter, JSON
 * parser and RFC 4180 row reader. A CSV `facts` cell holds JSON; empty cells are absent fields.
 * With `raw`, JSONL lines come unparsed (`RawJsonLine`, blank ones too): the caller parses them
 * later or in another thread, with `turnLineFromJson`.
 */
export function readTurnLines(
  chunks: AsyncIterable<string | Uint8Array>,
  path: string | undefined,
  override?: TurnFormat,
): AsyncGenerator<TurnLine[]>;
export function readTurnLines(
  chunks: AsyncIterable<string | Uint8Array>,
  path: string | undefined,
  override: TurnFormat | undefined,
  raw: true,
): AsyncGenerator<Array<TurnLine | RawJsonLine>>;
export async function* readTurnLines(
  chunks: AsyncIterable<string | Uint8Array>,
  path: string | undefined,
  override?: TurnFormat,
  raw = false,
): AsyncGenerator<Array<TurnLine | RawJsonLine>> {
  let format: TurnFormat | undefined;
  let csv: CsvRowReader | undefined;
  let columns: Partial<Record<string, number>> | undefined;
  let out: Array<TurnLine | RawJsonLine> = [];
  const onRow = (cells: CsvCell[], line: number) => {
    if (columns === undefined) {
      columns = columnsOf(cells.map((c) => c.value));
      return;
    }
    const value: Record<string, unknown> = {};
    for (const [field, index] of Object.entries(columns)) {
      const cell = cells[index!]?.value;
      if (cell === undefined || cell === '') continue;
      if (field === 'facts') {
        const parsed = parseJsonText(cell, true);
        if (!parsed.ok) {
          out.push({ kind: 'malformed', line, message: `facts: ${parsed.message}` });
          return;
        }
        value.facts = parsed.value;
      } else value[field] = cell;
    }
    out.push({ kind: 'record', line, value });
  };
  const onBroken = (first: number, _last: number, reason: string) =>
    out.push({ kind: 'malformed', line: first, message: reason });

  const jsonLine = (line: SourceLine) => {
    if (raw) out.push({ kind: 'json', line: line.line, text: line.text });
    else {
      const read = turnLineFromJson(line.line, line.text);
      if (read !== undefined) out.push(read);
    }
  };

  for await (const batch of readLineBatches(chunks)) {
    for (const line of batch) {
      if (line.tooLong !== undefined) {
        out.push({
          kind: 'malformed',
          line: line.line,
          message: lineTooLongMessage(line.tooLong),
        });
        continue;
      }
      if (format === undefined) {
        if (line.text.trim() === '') continue;
        format = turnFormatOf(path, line.text, override);
        if (format !== 'jsonl') csv = new CsvRowReader(format === 'csv' ? ',' : '\t', onRow, onBroken);
      }
      if (csv !== undefined) csv.push(line);
      else jsonLine(line);
    }
    if (out.length > 0) {
      yield out;
      out = [];
    }
  }
  csv?.finish();
  if (out.length > 0) yield out;
}
