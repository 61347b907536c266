import type { IntentId, SignalId } from '../ids.js';
import type { LanguageResult } from '../language/index.js';
import type { AgentTurnKind } from '../intent/agent-turn.js';

export type { SignalId };

/** A half-open UTF-16 range `[start, end)` in the ORIGINAL text. */
export type Range = [start: number, end: number];

/** Why a result was reached: a pattern, an n-gram of the model, an example or the context. */
export interface Evidence {
  source: 'pattern' | 'model' | 'example' | 'context';
  /** The pattern id, the n-gram or word, or a short description. */
  detail: string;
  /** Where in the original text it fired, when it points at text. */
  range?: Range;
  /** How much it contributed (log-odds or pattern weight). */
  weight?: number;
}

export interface IntentCandidate {
  /** An intent id of domain.md §2, or a user-defined one (declared in `CustomIntents`). */
  id: IntentId;
  /**
   * Confidence in [0, 1]. The first candidate's is calibrated when it is the answer (it then equals
   * `intent.confidence`); the others are the model's probabilities, and a secondary request's is its
   * own clause's, so a later candidate can show a higher figure than the first (complaint 0.76,
   * then order.courier_stalled 1.00 for its clause).
   */
  confidence: number;
  evidence: Evidence[];
}

export interface Signal {
  id: SignalId;
  /** Strength in [0, 1]. */
  score: number;
  evidence: Array<{ text: string; range: Range }>;
  /** Why, in words, when part of the score comes from outside the text (repeat_contact from the history). */
  detail?: string;
}

export type EntityType =
  | 'order_id'
  | 'tracking_number'
  | 'phone'
  | 'amount'
  | 'date'
  | 'time'
  | 'size'
  | 'color'
  | 'name'
  | 'address'
  | 'link'
  | 'number';

export interface Entity {
  type: EntityType;
  /** The text as written in the original message. */
  text: string;
  range: Range;
  /** A canonical value (digits of a phone, `{ amount, currency }` rendered as "12.50 CNY", ISO date…). */
  value: string;
  /** True for the source's masked placeholders such as `[订单x]`. */
  placeholder?: boolean;
  /** For tracking numbers, the carrier the format belongs to, when known. */
  carrier?: string;
  /** For phones, a masked form safe to show (138****5678). */
  masked?: string;
  /** For amounts, ISO 4217 currency. */
  currency?: string;
}

export type Risk = 'low' | 'medium' | 'high';

/** What `analyze()` tells about one customer message. */
export interface Analysis {
  /** The message as given. */
  text: string;
  /** The folded text matching runs on (see `normalize`). */
  normalized: string;
  language: LanguageResult;
  /** The primary intent; `other` below the confidence threshold or when the top two are too close. */
  intent: { id: IntentId; confidence: number };
  /**
   * The candidates with evidence: the primary intent first, then secondary requests in the same
   * message, then the next most likely of the rest (see `IntentCandidate.confidence`).
   */
  intents: IntentCandidate[];
  /** Signals found, strongest first. */
  signals: Signal[];
  entities: Entity[];
  risk: Risk;
  /**
   * What the agent's previous turn did, when the context has one: `statement`, `question`,
   * `asked_for_data`, `asked_anything_else` or `opening` (read from its end). A bare 好的 answers
   * a question but only acknowledges a statement; templates and rules can tell them apart.
   */
  previousAgentTurn?: AgentTurnKind;
}
