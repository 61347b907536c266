import type { Analysis } from '../analysis/types.js';
import type { CheckEvidence } from './result.js';

/** Intents that are a complaint trigger on their own (domain brief §2). */
const TRIGGER_INTENTS: ReadonlySet<string> = new Set(['complaint', 'abuse']);

/**
 * Whether a customer turn is a complaint trigger, from `analyze()`: a complaint or abuse intent, a
 * threat to escalate (bad review, complaint channel, media, legal), abuse, or anger at least
 * `angerThreshold` strong. A calm defect report, urging or a nudge is none of these.
 */
export function complaintTrigger(analysis: Analysis, angerThreshold: number): CheckEvidence | undefined {
  for (const signal of analysis.signals) {
    const strong =
      signal.id === 'emotion.anger'
        ? signal.score >= angerThreshold
        : signal.id.startsWith('threat.') || signal.id === 'abuse';
    if (!strong) continue;
    const first = signal.evidence[0];
    return {
      ...(first === undefined ? {} : { range: first.range }),
      message: `${signal.id} (${signal.score.toFixed(2)})${first === undefined ? '' : `: “${first.text}”`}`,
    };
  }
  if (TRIGGER_INTENTS.has(analysis.intent.id))
    return { message: `intent ${analysis.intent.id} (${analysis.intent.confidence.toFixed(2)})` };
  return undefined;
}
