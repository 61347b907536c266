import type { ReplyOrigin } from '../../lint/formatters/types.js';
import { resolveColumns, type ColumnMap, type CsvField } from './columns.js';
import type { InputItem, InputParser } from './record.js';
import { toInputItem } from './record-fields.js';
import type { SourceLine } from './source-lines.js';

/** One field of a CSV row: its value and where its text starts in the file. */
export interface CsvCell {
  value: string;
  origin: ReplyOrigin;
}

/**
 * An RFC 4180 reader fed line by line: fields separated by the delimiter, a field in double quotes
 * may hold delimiters, `""` for a quote and line breaks (the row then spans lines). Lenient where
 * exports are sloppy: a quote inside an unquoted field is kept as written, text after a closing
 * quote is appended. Calls `row` with the cells and the line the row starts on.
 */
export class CsvRowReader {
  private cells: CsvCell[] = [];
  private rowLine = 0;
  private quoted: { raw: string; origin: ReplyOrigin } | undefined;

  constructor(
    private readonly delimiter: string,
    private readonly row: (cells: CsvCell[], line: number) => void,
  ) {}

  push(line: SourceLine): void {
    const { text } = line;
    let i = 0;
    if (this.quoted === undefined) {
      if (text === '') return; // a blank line between rows
      this.cells = [];
      this.rowLine = line.line;
    } else {
      i = this.continueQuoted(line, 0);
      if (i === -1) return;
    }
    for (;;) {
      // At the start of a field.
      if (text.charCodeAt(i) === 34 /* " */) {
        this.quoted = {
          raw: '',
          origin: { line: line.line, column: i + 2, offset: line.offset + i + 1, encoding: 'csv-quoted' },
        };
        i = this.continueQuoted(line, i + 1);
        if (i === -1) return;
        continue;
      }
      const next = text.indexOf(this.delimiter, i);
      const end = next === -1 ? text.length : next;
      this.cells.push({
        value: text.slice(i, end),
        origin: { line: line.line, column: i + 1, offset: line.offset + i },
      });
      if (next === -1) {
        this.endRow();
        return;
      }
      i = next + 1;
    }
  }

  /**
   * Read on inside a quoted field from `i`. Returns where the next field starts, or -1 when the
   * line is used up (the row ended, or the field goes on past the line break).
   */
  private continueQuoted(line: SourceLine, from: number): number {
    const { text } = line;
    const quoted = this.quoted;
    if (quoted === undefined) return from;
    let i = from;
    for (;;) {
      const quote = text.indexOf('"', i);
      if (quote === -1) {
        quoted.raw += text.slice(i) + line.terminator;
        return -1;
      }
      if (text.charCodeAt(quote + 1) === 34) {
        quoted.raw += text.slice(i, quote + 2);
        i = quote + 2;
        continue;
      }
      quoted.raw += text.slice(i, quote);
      const next = text.indexOf(this.delimiter, quote + 1);
      const trailing = text.slice(quote + 1, next === -1 ? text.length : next);
      this.cells.push({
        value: quoted.raw.replace(/""/g, '"') + trailing,
        origin: { ...quoted.origin, raw: quoted.raw },
      });
      this.quoted = undefined;
      if (next === -1) {
        this.endRow();
        return -1;
      }
      return next + 1;
    }
  }

  private endRow(): void {
    const cells = this.cells;
    this.cells = [];
    this.row(cells, this.rowLine);
  }

  /** The input ended: the line a quoted field was left open on, if any. */
  finish(): number | undefined {
    if (this.quoted === undefined) return undefined;
    const line = this.quoted.origin.line;
    this.quoted = undefined;
    this.cells = [];
    return line;
  }
}

/**
 * CSV (or TSV): the first row is the header; `--column field=<header>` says which column holds
 * the reply, the agent, the conversation id… (defaults: a column named reply, agent, id,
 * conversationId…). A `facts` column holds JSON. A row without the reply column's cell is malformed.
 */
export function createCsvParser(options: { delimiter: string; columns: ColumnMap }): InputParser {
  let indexes: Partial<Record<CsvField, number>> | undefined;
  let emit: (item: InputItem) => void = () => {};

  function onRow(cells: CsvCell[], line: number): void {
    if (indexes === undefined) {
      indexes = resolveColumns(
        cells.map((c) => c.value),
        options.columns,
      );
      return;
    }
    const replyIndex = indexes.reply ?? 0;
    const replyCell = cells[replyIndex];
    if (replyCell === undefined) {
      emit({
        kind: 'malformed',
        line,
        message: `the row has ${cells.length} field${cells.length === 1 ? '' : 's'}, no reply (column ${replyIndex + 1})`,
      });
      return;
    }
    const fields: Record<string, unknown> = { reply: replyCell.value };
    for (const field of ['agent', 'id', 'conversationId', 'role', 'customerMessage', 'locale'] as const) {
      const index = indexes[field];
      const value = index === undefined ? undefined : cells[index]?.value;
      if (value !== undefined && value !== '') fields[field] = value;
    }
    const factsIndex = indexes.facts;
    const factsText = factsIndex === undefined ? undefined : cells[factsIndex]?.value;
    if (factsText !== undefined && factsText.trim() !== '') {
      try {
        fields.facts = JSON.parse(factsText);
      } catch (error) {
        emit({ kind: 'malformed', line, message: `facts: invalid JSON: ${(error as Error).message}` });
        return;
      }
    }
    emit(toInputItem(fields, line, replyCell.origin));
  }

  const reader = new CsvRowReader(options.delimiter, onRow);
  return {
    push(line, out) {
      emit = out;
      reader.push(line);
    },
    finish(out) {
      const open = reader.finish();
      if (open !== undefined)
        out({ kind: 'malformed', line: open, message: 'a quoted field is never closed (a " is missing)' });
    },
  };
}
