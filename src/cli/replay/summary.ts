import type { FullReply } from '../../assistant/index.js';
import type { ReplayRow } from './rows.js';

/** The template that tells a customer their request is outside the shop's business. */
export const OUT_OF_SCOPE_TEMPLATE = 'situation/out-of-scope';
/** The template that asks instead of answering when the intent is unsure (rule scope.reply-unsure). */
export const UNSURE_TEMPLATE = 'situation/unsure';

/**
 * Intents whose messages may justify a costly action (compensation, price-difference refund,
 * reship): delay, defect, wrong or missing item, price protection, a stuck parcel, a complaint.
 */
export const COSTLY_ACTION_INTENTS: ReadonlySet<string> = new Set([
  'order.shipping_delay',
  'order.courier_stalled',
  'aftersale.defect',
  'aftersale.wrong_missing',
  'aftersale.price_protection',
  'complaint',
]);

/** How many lines each defect count lists, so a report on a million messages stays short. */
const LISTED_LINES = 20;

/** One replayed message, as the sample shows it. */
export interface ReplaySample {
  line: number;
  text: string;
  previousAgentMessage: string | null;
  intent: string;
  confidence: number;
  accept: string[];
  actions: string[];
  templates: string[];
  reply: string;
}

export interface ReplaySummary {
  messages: number;
  labelled: number;
  emptyReplies: number;
  /** Lines whose reply is empty (the first 20). */
  emptyLines: number[];
  outOfScope: number;
  /** Labelled messages not labelled `other` that got the out-of-scope wording. */
  outOfScopeOnInScope: number;
  /** Their lines (the first 20). */
  outOfScopeOnInScopeLines: number[];
  /** Replies that asked which matter the customer means, because the intent was unsure. */
  unsure: number;
  /** Of those, labelled messages whose predicted intent was right (an answer would have fitted). */
  unsureOnRightIntent: number;
  distinctReplies: number;
  /** Predicted intent → action id → count. */
  actionsByIntent: Record<string, Record<string, number>>;
  /** Costly action id → how often it fired, and how often on a labelled message none of whose labels justifies it. */
  costly: Record<string, { fired: number; unjustified: number; unjustifiedLines: number[] }>;
  /** Intent accuracy on the labelled messages (null without labels). */
  accuracy: number | null;
  sample: ReplaySample[];
}

/** Spread `count` picks evenly over `total` items (deterministic: the same file gives the same sample). */
export function sampleIndices(total: number, count: number): number[] {
  if (count >= total) return Array.from({ length: total }, (_, i) => i);
  return Array.from({ length: count }, (_, k) => Math.floor(((k + 0.5) * total) / count));
}

/** Summarise replies; `costlyActions` are the catalogue's costly action ids. Pure. */
export function summarizeReplay(
  rows: readonly ReplayRow[],
  replies: readonly FullReply[],
  costlyActions: ReadonlySet<string>,
  sampleSize: number,
): ReplaySummary {
  const summary: ReplaySummary = {
    messages: rows.length,
    labelled: 0,
    emptyReplies: 0,
    emptyLines: [],
    outOfScope: 0,
    outOfScopeOnInScope: 0,
    outOfScopeOnInScopeLines: [],
    unsure: 0,
    unsureOnRightIntent: 0,
    distinctReplies: 0,
    actionsByIntent: {},
    costly: {},
    accuracy: null,
    sample: [],
  };
  for (const id of costlyActions) summary.costly[id] = { fired: 0, unjustified: 0, unjustifiedLines: [] };
  const distinct = new Set<string>();
  let correct = 0;
  rows.forEach((row, i) => {
    const reply = replies[i];
    if (reply === undefined) return;
    const labelled = row.accept.length > 0;
    if (labelled) {
      summary.labelled++;
      if (row.accept.includes(reply.analysis.intent.id)) correct++;
    }
    if (reply.text.trim() === '') {
      summary.emptyReplies++;
      if (summary.emptyLines.length < LISTED_LINES) summary.emptyLines.push(row.line);
    } else distinct.add(reply.text);
    if (reply.replies.some((r) => r.templateId === OUT_OF_SCOPE_TEMPLATE && r.text !== undefined)) {
      summary.outOfScope++;
      if (labelled && !row.accept.includes('other')) {
        summary.outOfScopeOnInScope++;
        if (summary.outOfScopeOnInScopeLines.length < LISTED_LINES)
          summary.outOfScopeOnInScopeLines.push(row.line);
      }
    }
    const intent = reply.analysis.intent.id;
    if (reply.replies.some((r) => r.templateId === UNSURE_TEMPLATE && r.text !== undefined)) {
      summary.unsure++;
      if (labelled && row.accept.includes(intent)) summary.unsureOnRightIntent++;
    }
    const byIntent = (summary.actionsByIntent[intent] ??= {});
    for (const action of reply.actions) {
      byIntent[action.id] = (byIntent[action.id] ?? 0) + 1;
      const costly = summary.costly[action.id];
      if (costly === undefined) continue;
      costly.fired++;
      if (labelled && !row.accept.some((id) => COSTLY_ACTION_INTENTS.has(id))) {
        costly.unjustified++;
        if (costly.unjustifiedLines.length < LISTED_LINES) costly.unjustifiedLines.push(row.line);
      }
    }
  });
  summary.distinctReplies = distinct.size;
  summary.accuracy = summary.labelled > 0 ? correct / summary.labelled : null;
  summary.sample = sampleIndices(rows.length, sampleSize).flatMap((i) => {
    const row = rows[i];
    const reply = replies[i];
    if (row === undefined || reply === undefined) return [];
    return [
      {
        line: row.line,
        text: row.text,
        previousAgentMessage: row.previousAgentMessage,
        intent: reply.analysis.intent.id,
        confidence: reply.analysis.intent.confidence,
        accept: row.accept,
        actions: reply.actions.map((a) => a.id),
        templates: reply.replies.filter((r) => r.text !== undefined).map((r) => r.templateId),
        reply: reply.text,
      },
    ];
  });
  return summary;
}
