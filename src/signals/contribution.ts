import type { Range, SignalId } from '../analysis/types.js';

/** One piece of evidence raising a signal: combined per signal by noisy-or (1 − Π(1 − weight)). */
export interface Contribution {
  signal: SignalId;
  weight: number;
  /** Where in the ORIGINAL text, when the evidence is text of the message. */
  range?: Range;
  /** Why, in words, when the evidence is not text of the message (earlier turns, context). */
  detail?: string;
}
