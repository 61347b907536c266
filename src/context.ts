import { z } from 'zod';

/** One earlier turn of the conversation. */
export const turnSchema = z.object({
  role: z.enum(['customer', 'agent', 'system']),
  text: z.string(),
  /** ISO 8601 time or epoch milliseconds; optional. */
  at: z.union([z.string(), z.number()]).optional(),
});
export type Turn = z.infer<typeof turnSchema>;

/** What the caller knows about the conversation around a message. */
export const contextSchema = z
  .object({
    /** The agent's last message before this one: short answers (好的, a bare order number) after a question are `ack`. */
    previousAgentMessage: z.string().nullable().optional(),
    /** Earlier turns, oldest first. */
    history: z.array(turnSchema).optional(),
    /** Where the conversation happens. */
    channel: z.enum(['chat', 'phone', 'email', 'social']).optional(),
    /** How many times this customer has contacted about this issue before (recommend uses it). */
    repeatContacts: z.number().int().min(0).optional(),
  })
  .strict();
export type Context = z.infer<typeof contextSchema>;
