import * as z from 'zod/mini';
import { turnSchema } from '../../context.js';
import { formatPath, safeParse } from '../../errors.js';
import { factsSchema } from '../../facts.js';
import { supportedLocaleSchema } from '../../options.js';
import type { ReplyOrigin } from '../formatters/types.js';
import type { InputItem, JsonLineOrigin, ReplyRecord } from './record.js';
import type { SourceLine } from './source-lines.js';

/** Ids and names may be numbers in exports; both become strings. `null` counts as absent. */
const idSchema = z.pipe(
  z.nullish(z.union([z.string(), z.number()])),
  z.transform((value) => (value === null || value === undefined ? undefined : String(value))),
);

/**
 * The fields a JSONL line (or a CSV row, through `--column`) may carry. Other fields are ignored,
 * since exports carry many (timestamps, shop, channel…).
 */
export const inputRecordSchema = z.object({
  /** The agent's reply (the text linted). `text` is accepted for it too. */
  reply: z.nullish(z.string()),
  text: z.nullish(z.string()),
  /** `agent` (default) rows are linted; `customer` and `system` rows are conversation context only. */
  role: z.nullish(z.enum(['agent', 'customer', 'system'])),
  facts: z.nullish(factsSchema),
  agent: idSchema,
  id: idSchema,
  conversationId: idSchema,
  /** A conversation id, or the earlier turns themselves (oldest first). */
  conversation: z.nullish(
    z.union([z.string(), z.number(), z.array(z.pick(turnSchema, { role: true, text: true }))]),
  ),
  locale: z.nullish(supportedLocaleSchema),
  /** The customer message the reply answers (also `customer_message`). */
  customerMessage: z.nullish(z.string()),
  customer_message: z.nullish(z.string()),
});

export type InputRecordFields = z.input<typeof inputRecordSchema>;

/** The field the reply text was read from, so its position in the source can be found. */
export type ReplyField = 'reply' | 'text';

/** A JSONL record's origin is looked up in its line later; a CSV cell's is known. */
function originFor(origin: ReplyOrigin | SourceLine, field: ReplyField): ReplyOrigin | JsonLineOrigin {
  return 'text' in origin ? { jsonLine: origin, field } : origin;
}

/**
 * Validate one record's fields (given `origin`: where its reply is, or the JSONL line to find it in) and turn them into what the lint run consumes: a reply to lint,
 * a conversation turn, or a malformed-record report naming every problem.
 */
export function toInputItem(value: unknown, line: number, origin: ReplyOrigin | SourceLine): InputItem {
  return simpleReply(value, line, origin) ?? validatedItem(value, line, origin);
}

const isId = (value: unknown) =>
  value === undefined || value === null || typeof value === 'string' || typeof value === 'number';

/**
 * The common row — a reply with plain string/number ids and nothing else to validate — read
 * without the schema: a million rows save about a second. Anything else goes through zod.
 */
function simpleReply(value: unknown, line: number, origin: ReplyOrigin | SourceLine): InputItem | undefined {
  const fields = value as Record<string, unknown>;
  const reply = fields.reply;
  if (
    typeof reply !== 'string' ||
    fields.text !== undefined ||
    fields.role !== undefined ||
    fields.facts !== undefined ||
    fields.conversation !== undefined ||
    fields.locale !== undefined ||
    fields.customerMessage !== undefined ||
    fields.customer_message !== undefined ||
    !isId(fields.id) ||
    !isId(fields.agent) ||
    !isId(fields.conversationId)
  )
    return undefined;
  const record: ReplyRecord = { reply, line, origin: originFor(origin, 'reply') };
  if (fields.id !== undefined && fields.id !== null) record.id = String(fields.id);
  if (fields.agent !== undefined && fields.agent !== null) record.agent = String(fields.agent);
  if (fields.conversationId !== undefined && fields.conversationId !== null)
    record.conversationId = String(fields.conversationId);
  return { kind: 'reply', record };
}

function validatedItem(value: unknown, line: number, origin: ReplyOrigin | SourceLine): InputItem {
  const parsed = safeParse(inputRecordSchema, value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = formatPath(issue.path);
      return path === '' ? issue.message : `${path}: ${issue.message}`;
    });
    return { kind: 'malformed', line, message: problems.join('; ') };
  }
  const fields = parsed.data;
  const field: ReplyField = typeof fields.reply === 'string' ? 'reply' : 'text';
  const text = fields.reply ?? fields.text;
  if (typeof text !== 'string')
    return {
      kind: 'malformed',
      line,
      message: 'reply: expected the reply text as a string ("reply" or "text")',
    };
  const conversationId =
    fields.conversationId ??
    (typeof fields.conversation === 'string' || typeof fields.conversation === 'number'
      ? String(fields.conversation)
      : undefined);
  const role = fields.role ?? 'agent';
  if (role !== 'agent')
    return {
      kind: 'turn',
      line,
      ...(conversationId === undefined ? {} : { conversationId }),
      turn: { role, text },
    };
  const customerMessage = fields.customerMessage ?? fields.customer_message;
  return {
    kind: 'reply',
    record: {
      reply: text,
      line,
      origin: originFor(origin, field),
      ...(fields.id === undefined ? {} : { id: fields.id }),
      ...(fields.agent === undefined ? {} : { agent: fields.agent }),
      ...(conversationId === undefined ? {} : { conversationId }),
      ...(fields.facts == null ? {} : { facts: fields.facts }),
      ...(fields.locale == null ? {} : { locale: fields.locale }),
      ...(Array.isArray(fields.conversation) ? { conversation: fields.conversation } : {}),
      ...(customerMessage == null ? {} : { customerMessage }),
    },
  };
}
