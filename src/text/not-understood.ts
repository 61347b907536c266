/**
 * Whether the customer's whole message says they did not understand the agent — 什么意思,
 * 没看懂, 你说啥, "what do you mean", "huh?" — with nothing else asked. Such a message is a
 * question about the agent's last turn: the answer is to explain again, not "I did not catch
 * what you said" (which blames the customer's wording) nor "that is outside our business".
 * A closed class, like the filler of `asks.ts`: read on folded text (simplified, lower case,
 * half-width), filler around it allowed (啊？什么意思, 嗯？ 没看懂).
 */
import { onlyClassAndFiller } from './asks.js';

const NOT_UNDERSTOOD_PIECES = [
  // what does it mean: 什么意思, 你说的是啥意思, 这是什么意思
  '(?:你|您|这|这个)?(?:说|讲|发)?的?(?:是)?(?:什么|啥|神马)意思',
  // did not understand: 没看懂, 看不懂你说的, 我不太明白, 听不懂
  '我?(?:还是)?(?:没|不|看不|听不|没太|不太|不是很|没怎么)(?:看|听)?(?:懂|明白)(?:你|您)?(?:说|讲|发)?(?:的|了)?',
  // what did you say: 你说啥, 你在说什么, 你刚才说什么, 说的啥
  '(?:你|您)?(?:在|刚才|刚刚)?(?:说|讲)的?(?:是)?(?:啥|什么|神马)',
  // a bare "what?": 啥, 什么, 神马
  '^[\\s\\p{P}\\p{S}]*(?:啥|什么|神马)[\\s\\p{P}\\p{S}]*$',
  "\\b(?:what do you mean|what does that mean|huh|pardon|come again|say that again|i (?:do ?n'?t|dont) (?:understand|get it|follow)|not sure what you mean)\\b|^\\s*what\\s*\\?",
];
const NOT_UNDERSTOOD = new RegExp(NOT_UNDERSTOOD_PIECES.join('|'), 'u');
const EVERY_NOT_UNDERSTOOD = new RegExp(NOT_UNDERSTOOD.source, 'gu');

/** Whether the folded message only says the customer did not understand (see above). */
export function saysNotUnderstood(folded: string): boolean {
  return onlyClassAndFiller(folded, NOT_UNDERSTOOD, EVERY_NOT_UNDERSTOOD);
}
