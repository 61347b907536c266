import type { Finding } from '../lint/types.js';
import type { QaConversation, QaTurn } from './conversation.js';
import type { CueHit } from './cues.js';
import type { QaCue } from './cue-schema.js';
import type { Range } from '../analysis/types.js';
import type { SupportedLocale } from '../vocabulary.js';
import type { Complaint } from './complaint.js';
import { evidenceMessage, type EvidenceData, type EvidenceMessageId } from './evidence-messages.js';
import type { CheckEvidence } from './result.js';
import { customerRuns, type CustomerRun } from './structure.js';

/** What the checks read of one turn. */
export interface TurnNotes {
  cues: CueHit[];
  /** Customer turns: made only of thanks, acknowledgement, goodbye or nothing-else. */
  closing: boolean;
  /** Customer turns: why it is a complaint trigger, when it is one. */
  complaint: Complaint | undefined;
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
  /** Evidence saying message `id` with `data` (written in the QA's locale), at a turn and range. */
  say(id: EvidenceMessageId, data?: EvidenceData, at?: { turn?: number; range?: Range }): CheckEvidence;
}

const NO_DATA: EvidenceData = Object.freeze({});

export function makeView(
  conversation: QaConversation,
  notes: TurnNotes[],
  thresholds: Thresholds,
  locale: SupportedLocale = 'en',
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
    say(id, data, at) {
      // Built key by key (not spread): a million-turn run makes a few million of these.
      const evidence = {} as CheckEvidence;
      if (at?.turn !== undefined) evidence.turn = at.turn;
      if (at?.range !== undefined) evidence.range = at.range;
      evidence.message = evidenceMessage(id, data ?? NO_DATA, locale);
      return evidence;
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
