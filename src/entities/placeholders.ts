import type { Entity, EntityType } from '../analysis/types.js';
import type { NormalizedText } from '../normalize/index.js';
import { entityAt } from './candidates.js';

/** The masks JD chat exports put in place of personal data, and the entity each stands for. */
const MASKS: Record<string, EntityType> = {
  订单: 'order_id',
  金额: 'amount',
  日期: 'date',
  时间: 'time',
  电话: 'phone',
  地址: 'address',
  站点: 'address',
  姓名: 'name',
  链接: 'link',
  数字: 'number',
};
// Folded text: traditional 訂單 is 订单 here, and ［ ］ are [ ].
const PLACEHOLDER = /\[(订单|金额|日期|时间|电话|地址|站点|姓名|链接|数字)x\]|\[orderid_\d+\]/g;

/** `[订单x]` → order_id, `[金额x]` → amount, … `[ORDERID_12]` → order_id, all `placeholder: true`. */
export function placeholderCandidates(n: NormalizedText, out: Entity[]): void {
  const text = n.text;
  if (!text.includes('[')) return;
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(text); m !== null; m = PLACEHOLDER.exec(text)) {
    const type = m[1] === undefined ? 'order_id' : (MASKS[m[1]] ?? 'number');
    const entity = entityAt(n, m.index, m.index + m[0].length, type, '', { placeholder: true });
    entity.value = entity.text;
    out.push(entity);
  }
}
