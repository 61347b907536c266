import type { Context } from '../context.js';
import { extractEntities } from '../entities/index.js';
import { previousAgentText, recentTurns, turnTail } from '../text/message.js';

/**
 * What the conversation already named — an order number, a product link — for a reply to a message
 * that names none: 您的订单[订单x]已出库 then 什么快递 is about [订单x], so the reply does not ask for
 * the order number again.
 */
export type NamedKind = 'order_id' | 'link';

/** How many turns of the history are read, newest first, after the agent's previous message. */
const EARLIER_TURNS = 4;
/** A text that can hold an order number or a link: a mask, four digits in a row, a URL. */
const MAY_NAME = /\[|\d{4}|:\/\/|www\./iu;

/** Whether the context has turns before the message (the agent's previous turn or a history). */
export function hasEarlierTurns(context: Context): boolean {
  return previousAgentText(context) !== undefined || (context.history?.length ?? 0) > 0;
}

/**
 * The value of the first `kind` entity of `entities`, a written value before the export's mask of
 * one ([订单x]): what a reply names when the customer or the conversation gave it.
 */
export function namedIn(
  entities: ReadonlyArray<{ type: string; value?: string; placeholder?: boolean }> | undefined,
  kind: NamedKind,
): string | undefined {
  let masked: string | undefined;
  for (const entity of entities ?? []) {
    if (entity.type !== kind || !entity.value) continue;
    if (entity.placeholder !== true) return entity.value;
    masked ??= entity.value;
  }
  return masked;
}

/**
 * The value of the newest `kind` entity in the turns before the message (`recentTurns`: the agent's
 * previous message, then the last few turns of the history), each turn read once; undefined when
 * none names one. Links are read from the customer's turns only.
 */
export function namedBefore(context: Context, kind: NamedKind): string | undefined {
  // A link is one the customer sent (the templates say 您发来的商品); an order number either side named.
  const agentsToo = kind === 'order_id';
  for (const turn of recentTurns(context, EARLIER_TURNS)) {
    if ((!agentsToo && turn.role !== 'customer') || !MAY_NAME.test(turn.text)) continue;
    const named = namedIn(extractEntities(turnTail(turn.text)), kind);
    if (named !== undefined) return named;
  }
  return undefined;
}

/**
 * `target` with `key` read from the conversation (`namedBefore`) on first use: most replies render
 * no template that names it, and those do not pay for reading the earlier turns.
 */
export function withNamedBefore(
  target: Record<string, unknown>,
  key: string,
  kind: NamedKind,
  context: Context,
): Record<string, unknown> {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = namedBefore(context, kind);
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
      return value;
    },
  });
  return target;
}
