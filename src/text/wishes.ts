/**
 * Whether the customer's whole message sends good wishes — 新年快乐, 中秋快乐, 生意兴隆, 万事如意,
 * "happy new year", "merry christmas" — and asks nothing else. Not a parting wish (周末愉快, have a
 * nice day): that is a goodbye, answered as one. Such a message wants the wishes
 * returned, not "that is outside our business" nor "I did not catch that". A closed class, like
 * the filler of `asks.ts`: read on folded text (simplified, lower case, half-width); greetings,
 * thanks, names of the shop and filler around it allowed (亲 新年快乐呀, 祝你们生意兴隆 谢谢).
 */
import { onlyClassAndFiller } from './asks.js';

const WISH_PIECES = [
  // 新年快乐, 节日快乐, 中秋快乐, 圣诞快乐, 新春快乐, 国庆快乐, 端午安康, 元旦快乐 …
  '(?:祝(?:你|您|你们|大家|客服|小姐姐|小哥哥|亲)*)?(?:新年|新春|春节|节日|中秋(?:节)?|国庆(?:节)?|圣诞(?:节)?|元旦|端午(?:节)?|元宵(?:节)?|七夕|五一|劳动节|妇女节|女神节|儿童节|情人节|过年)(?:快乐|安康|愉快|好)',
  '(?:祝(?:你|您|你们|大家|客服|小姐姐|小哥哥|亲|老板)*)?(?:生意兴隆|财源广进|万事如意|身体健康|工作顺利|心想事成|大吉大利|恭喜发财|新年好|过年好|阖家幸福|阖家欢乐)',
  "\\b(?:happy (?:new year|holidays|easter|thanksgiving|diwali|lunar new year|chinese new year)|merry (?:christmas|xmas)|season'?s greetings)\\b",
  // the frame around the wishes
  '你好|您好|亲|谢谢|也祝|一切顺利|呀|哟|噢|哦|🎉|🧧|🎄|🎆|🏮|\\b(?:hi|hello|thanks|thank you|to you|and|the|all|everyone|team|guys)\\b',
];
const WISHES = new RegExp(WISH_PIECES.slice(0, 3).join('|'), 'u');
const WISHES_AND_FRAME = new RegExp(WISH_PIECES.join('|'), 'gu');

/** Whether the folded message only sends good wishes (see above). */
export function sendsWishes(folded: string): boolean {
  return onlyClassAndFiller(folded, WISHES, WISHES_AND_FRAME);
}
