import type { ReplyOrigin } from '../../lint/formatters/types.js';
import { parseJsonText } from '../../node/json-text.js';
import { jsonStringValueSpan } from './json-string-span.js';
import type { InputParser, JsonLineOrigin, ReplyRecord } from './record.js';
import { toInputItem } from './record-fields.js';

/**
 * JSONL: one JSON object per line, `{ reply, facts?, agent?, conversationId?, id?, … }` (see
 * record-fields.ts). Blank lines are skipped; a line that is not valid JSON or not a valid record
 * is reported with its line number and skipped.
 */
export function createJsonlParser(): InputParser {
  return {
    push(line, emit) {
      const { text } = line;
      if (text.trim() === '') return;
      // The message says where and why, never quoting the line (it may hold a customer's data).
      const parsed = parseJsonText(text, true);
      if (!parsed.ok) {
        emit({ kind: 'malformed', line: line.line, message: parsed.message });
        return;
      }
      const value = parsed.value;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        emit({
          kind: 'malformed',
          line: line.line,
          message: `expected a JSON object like {"reply": "…"}, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`,
        });
        return;
      }
      emit(toInputItem(value, line.line, line));
    },
    finish() {},
  };
}

/**
 * Where a record's reply is written: for JSONL, the characters inside the JSON string of its key
 * in the line (looked up only for replies with findings).
 */
export function resolveOrigin(record: ReplyRecord): ReplyOrigin {
  const origin = record.origin;
  if (!isJsonLineOrigin(origin)) return origin;
  const { jsonLine, field } = origin;
  const span = jsonStringValueSpan(jsonLine.text, field);
  // Without a span (an unusual encoding of the key), point at the line itself.
  if (span === undefined) return { line: jsonLine.line, column: 1 };
  return {
    line: jsonLine.line,
    column: span[0] + 1,
    offset: jsonLine.offset + span[0],
    encoding: 'json-string',
    raw: jsonLine.text.slice(span[0], span[1]),
  };
}

function isJsonLineOrigin(origin: ReplyOrigin | JsonLineOrigin): origin is JsonLineOrigin {
  return 'jsonLine' in origin;
}
