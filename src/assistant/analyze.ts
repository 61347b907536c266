import type { Analysis } from '../analysis/types.js';
import { entitiesOf } from '../entities/extract.js';
import type { IntentClassifier } from '../intent/classifier.js';
import { detectLanguage } from '../language/index.js';
import { assessRiskUnchecked } from '../risk/index.js';
import { signalsOf } from '../signals/extract.js';
import type { MessageRead } from '../text/message.js';

/**
 * The analysis of one message read once: language, intent, signals and entities from the same
 * folded text and phrase scan, then the risk (which needs the intent and the signals).
 */
export function analyzeMessage(message: MessageRead, classifier: IntentClassifier): Analysis {
  const { intent, intents, previousAgentTurn } = classifier.classifyMessage(message);
  const signals = signalsOf(message);
  return {
    text: message.original,
    normalized: message.normalized.text,
    language: detectLanguage(message.original),
    intent,
    intents,
    signals,
    entities: entitiesOf(message),
    risk: assessRiskUnchecked({ intent, signals, repeatContacts: message.repeatContacts }),
    ...(previousAgentTurn === undefined ? {} : { previousAgentTurn }),
  };
}
