import type { Entity, EntityType } from '../analysis/types.js';
import type { NormalizedText } from '../normalize/index.js';
import { lastPlaceholderKind, placeholderAt, PlaceholderKind } from '../text/placeholder.js';
import { entityAt } from './candidates.js';
import { maskedNumberKind } from './identifiers.js';
import type { CueHit, IdentifierKind } from './lexicon-hits.js';

/** The entity each kind of export mask stands for; masks of other kinds (邮箱, 身份证号…) report none. */
const ENTITY_OF_KIND: Partial<Record<PlaceholderKind, EntityType>> = {
  [PlaceholderKind.Order]: 'order_id',
  [PlaceholderKind.Amount]: 'amount',
  [PlaceholderKind.Date]: 'date',
  [PlaceholderKind.Time]: 'time',
  [PlaceholderKind.Phone]: 'phone',
  [PlaceholderKind.Address]: 'address',
  [PlaceholderKind.Site]: 'address',
  [PlaceholderKind.Name]: 'name',
  [PlaceholderKind.Link]: 'link',
  [PlaceholderKind.Number]: 'number',
};

/**
 * The masks of anonymised exports, read by the one placeholder reader (src/text/placeholder.ts):
 * `[订单x]` → order_id, `[金额x]` → amount, … `[ORDERID_12]` → order_id, all `placeholder: true`.
 * A masked number is what the number it hides would be (`maskedNumberKind`): 订单号：[数字x] is an
 * order number, and so is a bare [数字x] after the agent asked for one.
 * Folded text: traditional 訂單 is 订单 here, and ［ ］ are [ ].
 */
export function placeholderCandidates(
  n: NormalizedText,
  cues: () => readonly CueHit[],
  askedFor: IdentifierKind | undefined,
  out: Entity[],
): void {
  const text = n.text;
  for (let at = text.indexOf('['); at >= 0; at = text.indexOf('[', at + 1)) {
    const end = placeholderAt(text, at);
    if (end < 0) continue;
    const kind = lastPlaceholderKind();
    let type = ENTITY_OF_KIND[kind];
    if (type === undefined) continue;
    if (kind === PlaceholderKind.Number) type = maskedNumberKind(n, cues(), askedFor, at, end) ?? type;
    const entity = entityAt(n, at, end, type, '', { placeholder: true });
    entity.value = entity.text;
    out.push(entity);
    at = end - 1;
  }
}
