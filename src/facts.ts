import * as z from 'zod';
import { CHANNELS } from './vocabulary.js';

/**
 * What the shop knows about the conversation, the customer and the order. Templates' `when`
 * conditions, the linter's shipping rules and the next-action rules all read this one shape.
 * Every field is optional: rules only fire on what is known.
 */
export const factsSchema = z
  .object({
    channel: z.enum(CHANNELS).optional(),
    shop: z.object({ name: z.string().optional() }).strict().optional(),
    agent: z.object({ id: z.string().optional(), name: z.string().optional() }).strict().optional(),
    customer: z
      .object({
        name: z.string().optional(),
        gender: z.enum(['female', 'male', 'unknown']).optional(),
        tier: z.string().optional(),
        phone: z.string().optional(),
      })
      .strict()
      .optional(),
    order: z
      .object({
        id: z.string().optional(),
        status: z.string().optional(),
        /** The shop's system shows the order as shipped (发货 done in the back office). */
        shipped: z.boolean().optional(),
        /** The carrier has scanned the parcel in (揽收): only then may a reply say 已发货. */
        carrierScan: z.boolean().optional(),
        trackingNumber: z.string().optional(),
        carrier: z.string().optional(),
        /** Disruption, remote area or peak season: never promise a date (留有余地). */
        deliveryUncertain: z.boolean().optional(),
        /** The shop's system says the order is past the date it promised to ship or deliver by. */
        overdue: z.boolean().optional(),
        /** ISO 8601 date-time the shop promised to ship by. */
        promisedShipAt: z.string().optional(),
        /** ISO 8601 date-time the order was paid. */
        paidAt: z.string().optional(),
      })
      .strict()
      .optional(),
    /** Who caused the problem: the merchant is called, the customer confirmed in writing. */
    responsibility: z.enum(['merchant', 'customer', 'carrier', 'unknown']).optional(),
    /**
     * The service case this message belongs to, as the agent's console tracks it: `pending` when the
     * agent cannot answer now (record, promise a time, call back), `resolved` once the problem is
     * solved (ask for satisfaction).
     */
    case: z
      .object({ status: z.enum(['open', 'pending', 'resolved', 'closed']).optional() })
      .strict()
      .optional(),
  })
  .strict();

export type Facts = z.infer<typeof factsSchema>;

/** JSON Schema of the facts, for editors and other languages. */
export function factsJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(factsSchema) as Record<string, unknown>;
}
