/**
 * The built-in closed classes of customer messages (filler, not understood, wishes, declines, own purchase; see
 * closed-class-readers.ts), read on folded text; their data is rules/text/closed-classes.json.
 */
import { closedClassData } from '../generated/closed-classes.js';
import { closedClassReaders, type ClosedClassReaders } from './closed-class-readers.js';

let builtIn: ClosedClassReaders | undefined;
/** The built-in classes' readers, built on first use. */
function readers(): ClosedClassReaders {
  return (builtIn ??= closedClassReaders(closedClassData()));
}

/** Whether the folded message may ask or request something: false for filler only (filler is a closed class, requests are not). */
export function asksSomething(folded: string): boolean {
  return readers().asksSomething(folded);
}

/** Whether the folded message only says the customer did not understand the agent (什么意思, 没看懂, "what do you mean"). */
export function saysNotUnderstood(folded: string): boolean {
  return readers().saysNotUnderstood(folded);
}

/** Whether the folded message only sends good wishes (新年快乐, 生意兴隆, "happy new year"). */
export function sendsWishes(folded: string): boolean {
  return readers().sendsWishes(folded);
}

/** Whether the folded message only turns down what the agent offered (不用了, 算了, "no thanks"). */
export function declines(folded: string): boolean {
  return readers().declines(folded);
}

/** Whether the folded message refers to the customer's purchase or the shop's goods (我买的, 下的单, "my order"). */
export function mentionsPurchase(folded: string): boolean {
  return readers().mentionsPurchase(folded);
}
