import type { Finding } from '../lint/types.js';
import type { QaConversation, QaTurn } from './conversation.js';
import type { CueHit } from './cues.js';
import type { QaCue } from './cue-schema.js';
import type { CheckEvidence } from './result.js';
import { customerRuns, type CustomerRun } from './structure.js';

/** What the checks read of one turn. */
export interface TurnNotes {
  cues: CueHit[];
  /** Customer turns: made only of thanks, acknowledgement, goodbye or nothing-else. */
  closing: boolean;
  /** Customer turns: why it is a complaint trigger, when it is one. */
  complaint: CheckEvidence | undefined;
  /** Agent turns: the lint findings of the conversation's lint checks. */
  findings: Finding[];
}

export interface Thresholds {
  firstResponseSeconds: number;
  responseSeconds: number;
}

/** A conversation with every turn read once, as the checks see it. */
export interface ConversationView {
  conversation: QaConversation;
  turns: readonly QaTurn[];
  notes: readonly TurnNotes[];
  runs: readonly CustomerRun[];
  thresholds: Thresholds;
  /** Indexes of the customer turns and of the agent turns, in order (several checks read them). */
  byRole: { readonly customer: readonly number[]; readonly agent: readonly number[] };
}

export function makeView(
  conversation: QaConversation,
  notes: TurnNotes[],
  thresholds: Thresholds,
): ConversationView {
  return {
    conversation,
    turns: conversation.turns,
    notes,
    runs: customerRuns(conversation.turns),
    thresholds,
    byRole: {
      customer: conversation.turns.flatMap((turn, i) => (turn.role === 'customer' ? [i] : [])),
      agent: conversation.turns.flatMap((turn, i) => (turn.role === 'agent' ? [i] : [])),
    },
  };
}

/** The first hit of `cue` in turn `index`, as evidence. */
export function cueIn(view: ConversationView, index: number, cue: QaCue): CueHit | undefined {
  return view.notes[index]!.cues.find((hit) => hit.cue === cue);
}

export const indexesOf = (view: ConversationView, role: 'customer' | 'agent'): readonly number[] =>
  view.byRole[role];

/** A short quote of a turn for messages. */
export function quote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}
