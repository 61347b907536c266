import { UsageError } from '../usage-error.js';

/** The record fields a CSV column can fill (see record-fields.ts). */
export const CSV_FIELDS = [
  'reply',
  'agent',
  'id',
  'conversationId',
  'role',
  'customerMessage',
  'facts',
  'locale',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Header names each field is found under when `--column` does not say (compared case-insensitively). */
const DEFAULT_HEADERS: Record<CsvField, readonly string[]> = {
  reply: ['reply', 'text', 'message', 'content', '回复', '回复内容', '客服回复', '內容'],
  agent: ['agent', 'agent_id', 'agentId', 'agent_name', '客服', '客服昵称', '客服名称'],
  id: ['id', 'message_id', 'messageId', 'reply_id'],
  conversationId: [
    'conversationId',
    'conversation_id',
    'conversation',
    'session_id',
    'sessionId',
    'chat_id',
    '会话id',
    '会话ID',
  ],
  role: ['role', 'sender_role', 'speaker', '角色'],
  customerMessage: ['customerMessage', 'customer_message', 'question', '顾客消息'],
  facts: ['facts'],
  locale: ['locale', 'lang', 'language'],
};

export type ColumnMap = Partial<Record<CsvField, string>>;

/** Every header name a field is found under, and those `--column` names, lower-cased (for format sniffing). */
export function knownHeaders(columns: ColumnMap): ReadonlySet<string> {
  return new Set(
    [...Object.values(DEFAULT_HEADERS).flat(), ...Object.values(columns)].map((h) => h.trim().toLowerCase()),
  );
}

/** Parse `--column field=<header>` options. */
export function parseColumnOptions(values: readonly string[]): ColumnMap {
  const map: ColumnMap = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    const field = value.slice(0, eq) as CsvField;
    const header = value.slice(eq + 1);
    if (eq <= 0 || header === '')
      throw new UsageError(`--column takes field=<header>, e.g. --column reply=content; got "${value}"`);
    if (!CSV_FIELDS.includes(field))
      throw new UsageError(`--column: unknown field "${field}"; fields: ${CSV_FIELDS.join(', ')}`);
    map[field] = header;
  }
  return map;
}

/** Where each field is in a header row; throws a UsageError when a named column or the reply is missing. */
export function resolveColumns(
  header: readonly string[],
  columns: ColumnMap,
): Partial<Record<CsvField, number>> {
  const trimmed = header.map((h) => h.trim());
  const lower = trimmed.map((h) => h.toLowerCase());
  const indexes: Partial<Record<CsvField, number>> = {};
  for (const field of CSV_FIELDS) {
    const named = columns[field];
    if (named !== undefined) {
      const index = trimmed.indexOf(named.trim());
      const fallback = index === -1 ? lower.indexOf(named.trim().toLowerCase()) : index;
      if (fallback === -1)
        throw new UsageError(
          `--column ${field}=${named}: the CSV header has no column "${named}"; its columns are: ${trimmed.join(', ')}`,
        );
      indexes[field] = fallback;
      continue;
    }
    const index = DEFAULT_HEADERS[field].map((h) => lower.indexOf(h.toLowerCase())).find((i) => i !== -1);
    if (index !== undefined) indexes[field] = index;
  }
  if (indexes.reply === undefined)
    throw new UsageError(
      `the CSV header has no reply column (looked for ${DEFAULT_HEADERS.reply.join(', ')}); its columns are: ${trimmed.join(', ')}. Name it with --column reply=<header>`,
    );
  return indexes;
}
