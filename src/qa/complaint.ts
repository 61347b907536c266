import type { Analysis, Range, Signal, SignalId } from '../analysis/types.js';
import { checkText } from '../assistant/inputs.js';
import { createIntentClassifier, type IntentClassifier } from '../intent/index.js';
import { signalsOf } from '../signals/extract.js';
import { readMessage } from '../text/message.js';

/**
 * Why a customer turn is a complaint trigger: a strong signal (its score and the words that raised
 * it, where in the turn) or the complaint / abuse intent (its confidence).
 */
export type ComplaintTrigger =
  | { kind: 'signal'; id: SignalId; score: number; text?: string }
  | { kind: 'intent'; id: string; confidence: number };

/** A complaint trigger and, for a signal, where in the turn its words are. */
export interface Complaint {
  trigger: ComplaintTrigger;
  range?: Range;
}

/** Intents that are a complaint trigger on their own (domain brief §2). */
const TRIGGER_INTENTS: ReadonlySet<string> = new Set(['complaint', 'abuse']);

/**
 * Whether a customer turn is a complaint trigger, from `analyze()`: a complaint or abuse intent, a
 * threat to escalate (bad review, complaint channel, media, legal), abuse, or anger at least
 * `angerThreshold` strong. A calm defect report, urging or a nudge is none of these.
 */
export function complaintTrigger(analysis: Analysis, angerThreshold: number): Complaint | undefined {
  return triggerOf(analysis.signals, () => analysis.intent, angerThreshold);
}

/** A customer turn as QA reads it: its complaint trigger, and its intent only when asked for. */
export interface CustomerTurnReading {
  complaint: Complaint | undefined;
  /** `analyze(text).intent`, classified on the first call (the trigger may already have). */
  intent(): { id: string; confidence: number };
}

/**
 * `complaintTrigger(createAssistant().analyze(text), angerThreshold)` without the parts of
 * `analyze()` the trigger does not read (language, entities, risk), and without classifying the
 * intent when a signal already decides and nothing else asks for it: the same message reading, the
 * same classifier and signals, so the same answer for less than half the work on a QA run's
 * customer turns (test/qa/complaint.test.ts compares both).
 */
export function createComplaintReader(angerThreshold: number): (text: string) => CustomerTurnReading {
  let classifier: IntentClassifier | undefined;
  return (text) => {
    const message = readMessage(checkText(text, 'analyze(text)'));
    let intent: { id: string; confidence: number } | undefined;
    const intentOf = () => (intent ??= (classifier ??= createIntentClassifier({})).topIntent(message));
    return { complaint: triggerOf(signalsOf(message), intentOf, angerThreshold), intent: intentOf };
  };
}

function triggerOf(
  signals: readonly Signal[],
  intentOf: () => { id: string; confidence: number },
  angerThreshold: number,
): Complaint | undefined {
  for (const signal of signals) {
    const strong =
      signal.id === 'emotion.anger'
        ? signal.score >= angerThreshold
        : signal.id.startsWith('threat.') || signal.id === 'abuse';
    if (!strong) continue;
    const first = signal.evidence[0];
    return {
      trigger: {
        kind: 'signal',
        id: signal.id,
        score: signal.score,
        ...(first === undefined ? {} : { text: first.text }),
      },
      ...(first === undefined ? {} : { range: first.range }),
    };
  }
  const intent = intentOf();
  if (TRIGGER_INTENTS.has(intent.id))
    return { trigger: { kind: 'intent', id: intent.id, confidence: intent.confidence } };
  return undefined;
}
