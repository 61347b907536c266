import type { ReplyOrigin } from '../../lint/formatters/types.js';
import { parseJsonText } from '../../node/json-text.js';
import { resolveColumns, type ColumnMap, type CsvField } from './columns.js';
import type { InputItem, InputParser } from './record.js';
import { toInputItem } from './record-fields.js';
import { DEFAULT_MAX_LINE_LENGTH, type SourceLine } from './source-lines.js';

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
  /** The last line read, for how many lines an unfinished row covers. */
  private lastLine = 0;

  /**
   * `broken` is told of a row given up: a quoted field longer than `maxFieldLength` (a closing
   * quote is surely missing; memory stays bounded), from its first line to the line it reached.
   */
  constructor(
    private readonly delimiter: string,
    private readonly row: (cells: CsvCell[], line: number) => void,
    private readonly broken: (first: number, last: number, reason: string) => void = () => {},
    private readonly maxFieldLength = DEFAULT_MAX_LINE_LENGTH,
  ) {}

  push(line: SourceLine): void {
    const { text } = line;
    this.lastLine = line.line;
    let i = 0;
    if (this.quoted === undefined) {
      if (text === '') return; // a blank line between rows
      this.cells = [];
      this.rowLine = line.line;
    } else {
      i = this.continueQuoted(line, 0);
      if (i === -1) {
        if (this.quoted !== undefined && this.quoted.raw.length > this.maxFieldLength) {
          this.giveUp(
            line.line,
            `a quoted field runs over ${this.maxFieldLength.toLocaleString('en-US')} characters (a " is probably missing)`,
          );
        }
        return;
      }
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

  /** Drop the row being read and say so: lines `rowLine`…`last` are not checked. */
  private giveUp(last: number, reason: string): void {
    const first = this.rowLine;
    this.quoted = undefined;
    this.cells = [];
    this.broken(first, last, reason);
  }

  /** A line was left out (too long): a row still open across it is broken. */
  abandon(line: SourceLine): void {
    this.lastLine = line.line;
    if (this.quoted !== undefined)
      this.giveUp(line.line, `its quoted field runs into line ${line.line}, which is too long`);
  }

  /** The input ended: a quoted field left open makes the row broken (to the last line). */
  finish(): void {
    if (this.quoted !== undefined)
      this.giveUp(this.lastLine, 'a quoted field is never closed (a " is missing)');
  }
}

/**
 * CSV (or TSV): the first row is the header; `--column field=<header>` says which column holds
 * the reply, the agent, the conversation id… (defaults: a column named reply, agent, id,
 * conversationId…). A `facts` column holds JSON. A row without the reply column's cell is malformed.
 */
export function createCsvParser(options: {
  delimiter: string;
  columns: ColumnMap;
  /** Longest quoted field (characters); default the line limit, 1,000,000. */
  maxFieldLength?: number;
}): InputParser {
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
      const parsed = parseJsonText(factsText, true);
      if (!parsed.ok) {
        emit({ kind: 'malformed', line, message: `facts: ${parsed.message}` });
        return;
      }
      fields.facts = parsed.value;
    }
    emit(toInputItem(fields, line, replyCell.origin));
  }

  // A broken row: where it starts, and honestly how much of the input went unchecked with it.
  const onBroken = (first: number, last: number, reason: string) => {
    const lines = last - first + 1;
    emit({
      kind: 'malformed',
      line: first,
      lines,
      message:
        lines === 1
          ? `${reason}: line ${first} was not checked`
          : `${reason}: lines ${first}–${last} (${lines.toLocaleString('en-US')} lines) were not checked`,
    });
  };
  const reader = new CsvRowReader(options.delimiter, onRow, onBroken, options.maxFieldLength);
  return {
    push(line, out) {
      emit = out;
      reader.push(line);
    },
    finish(out) {
      emit = out;
      reader.finish();
    },
    abandon(line, out) {
      emit = out;
      reader.abandon(line);
    },
  };
}
