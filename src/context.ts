import * as z from 'zod/mini';
import { CHANNELS, ROLES } from './vocabulary.js';

/** One earlier turn of the conversation. */
export const turnSchema = z.object({
  role: z.enum(ROLES),
  text: z.string(),
  /** ISO 8601 time or epoch milliseconds; optional. */
  at: z.optional(z.union([z.string(), z.number()])),
});
export type Turn = z.infer<typeof turnSchema>;

/** What the caller knows about the conversation around a message. */
export const contextSchema = z.strictObject({
  /** The agent's last message before this one: short answers (好的, a bare order number) after a question are `ack`. */
  previousAgentMessage: z.optional(z.nullable(z.string())),
  /** Earlier turns, oldest first. */
  history: z.optional(z.array(turnSchema)),
  /** Where the conversation happens. */
  channel: z.optional(z.enum(CHANNELS)),
  /** How many times this customer has contacted about this issue before (recommend uses it). */
  repeatContacts: z.optional(z.number().check(z.int(), z.gte(0))),
});
export type Context = z.infer<typeof contextSchema>;

const CONTEXT_KEYS: ReadonlySet<string> = new Set([
  'previousAgentMessage',
  'history',
  'channel',
  'repeatContacts',
]);
const CHANNEL_SET: ReadonlySet<unknown> = new Set(CHANNELS);
const ROLE_SET: ReadonlySet<unknown> = new Set(ROLES);

/**
 * Whether `value` is a valid context, without zod (the per-message fast path). Never accepts what
 * `contextSchema` rejects; when it says no, parse with `contextSchema` to list the problems.
 */
export function isContext(value: unknown): value is Context {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) if (!CONTEXT_KEYS.has(key)) return false;
  const context = value as Record<string, unknown>;
  const previous = context.previousAgentMessage;
  if (previous !== undefined && previous !== null && typeof previous !== 'string') return false;
  if (context.channel !== undefined && !CHANNEL_SET.has(context.channel)) return false;
  const repeats = context.repeatContacts;
  if (repeats !== undefined && !(Number.isSafeInteger(repeats) && (repeats as number) >= 0)) return false;
  const history = context.history;
  if (history === undefined) return true;
  if (!Array.isArray(history)) return false;
  for (let i = 0; i < history.length; i++) {
    const turn: unknown = history[i];
    if (typeof turn !== 'object' || turn === null || Array.isArray(turn)) return false;
    const { role, text, at } = turn as Record<string, unknown>;
    if (!ROLE_SET.has(role) || typeof text !== 'string') return false;
    if (at !== undefined && typeof at !== 'string' && !(typeof at === 'number' && Number.isFinite(at)))
      return false;
  }
  return true;
}
