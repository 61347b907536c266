import type { QaTurn } from './conversation.js';

/** Consecutive customer turns and the agent turn that answers them (the next agent turn after them). */
export interface CustomerRun {
  /** Indexes of the run's customer turns. */
  customers: number[];
  /** Index of the answering agent turn; undefined for the trailing run. */
  answer: number | undefined;
  /** Indexes of the agent reply: every agent turn after the run up to the next customer turn. */
  reply: number[];
}

/** The runs of customer turns, in order; the last one is trailing when no agent turn follows it. */
export function customerRuns(turns: readonly QaTurn[]): CustomerRun[] {
  const runs: CustomerRun[] = [];
  let current: CustomerRun | undefined;
  turns.forEach((turn, i) => {
    if (turn.role === 'customer') {
      if (current === undefined || current.answer !== undefined) {
        current = { customers: [], answer: undefined, reply: [] };
        runs.push(current);
      }
      current.customers.push(i);
    } else if (current !== undefined) {
      current.answer ??= i;
      current.reply.push(i);
    }
  });
  return runs;
}

/** Seconds between two timed turns, unrounded. */
export function secondsBetween(from: QaTurn, to: QaTurn): number {
  return (to.time!.ms - from.time!.ms) / 1000;
}
