import * as z from 'zod/mini';
import { CHANNELS } from './vocabulary.js';

/**
 * What the shop knows about the conversation, the customer and the order. Templates' `when`
 * conditions, the linter's shipping rules and the next-action rules all read this one shape.
 * Every field is optional: rules only fire on what is known.
 */
export const factsSchema = z.strictObject({
  channel: z.optional(z.enum(CHANNELS)),
  shop: z.optional(z.strictObject({ name: z.optional(z.string()) })),
  agent: z.optional(z.strictObject({ id: z.optional(z.string()), name: z.optional(z.string()) })),
  customer: z.optional(
    z.strictObject({
      name: z.optional(z.string()),
      gender: z.optional(z.enum(['female', 'male', 'unknown'])),
      tier: z.optional(z.string()),
      phone: z.optional(z.string()),
    }),
  ),
  order: z.optional(
    z.strictObject({
      id: z.optional(z.string()),
      status: z.optional(z.string()),
      /** The shop's system shows the order as shipped (发货 done in the back office). */
      shipped: z.optional(z.boolean()),
      /** The carrier has scanned the parcel in (揽收): only then may a reply say 已发货. */
      carrierScan: z.optional(z.boolean()),
      trackingNumber: z.optional(z.string()),
      carrier: z.optional(z.string()),
      /** Disruption, remote area or peak season: never promise a date (留有余地). */
      deliveryUncertain: z.optional(z.boolean()),
      /** The shop's system says the order is past the date it promised to ship or deliver by. */
      overdue: z.optional(z.boolean()),
      /** ISO 8601 date-time the shop promised to ship by. */
      promisedShipAt: z.optional(z.string()),
      /** ISO 8601 date-time the order was paid. */
      paidAt: z.optional(z.string()),
    }),
  ),
  /** Who caused the problem: the merchant is called, the customer confirmed in writing. */
  responsibility: z.optional(z.enum(['merchant', 'customer', 'carrier', 'unknown'])),
  /**
   * The service case this message belongs to, as the agent's console tracks it: `pending` when the
   * agent cannot answer now (record, promise a time, call back), `resolved` once the problem is
   * solved (ask for satisfaction).
   */
  case: z.optional(z.strictObject({ status: z.optional(z.enum(['open', 'pending', 'resolved', 'closed'])) })),
});

export type Facts = z.infer<typeof factsSchema>;

/** JSON Schema of the facts, for editors and other languages. */
export function factsJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(factsSchema) as Record<string, unknown>;
}
