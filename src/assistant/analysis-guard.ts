import { AGENT_TURN_KINDS } from '../intent/agent-turn.js';
import { RISKS } from '../vocabulary.js';
import type { AnalysisFacts } from './view.js';

/**
 * A quick check that an analysis has the fields recommend() reads, with the types its zod schema
 * requires. analyze() output carries evidence arrays that zod would copy key by key on every call;
 * when this check passes, the schema would pass too and the object is used as is. When it fails,
 * the zod schema runs and reports exactly what is wrong.
 */
const RISK_SET: ReadonlySet<unknown> = new Set(RISKS);
const AGENT_TURN_KIND_SET: ReadonlySet<unknown> = new Set(AGENT_TURN_KINDS);

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function listOf(value: unknown, item: (v: Record<string, unknown>) => boolean): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value)) return false;
  for (const element of value) if (!isObject(element) || !item(element)) return false;
  return true;
}

export function isAnalysisInput(value: unknown): value is AnalysisFacts {
  if (!isObject(value)) return false;
  const { intent, intents, signals, entities, risk, language, previousAgentTurn } = value;
  if (!isObject(intent) || typeof intent.id !== 'string' || intent.id === '') return false;
  if (!isNumber(intent.confidence) || intent.confidence < 0 || intent.confidence > 1) return false;
  if (!listOf(intents, (c) => typeof c.id === 'string' && isNumber(c.confidence))) return false;
  if (!listOf(signals, (s) => typeof s.id === 'string')) return false;
  if (
    !listOf(
      entities,
      (e) =>
        typeof e.type === 'string' &&
        (e.value === undefined || typeof e.value === 'string') &&
        (e.placeholder === undefined || typeof e.placeholder === 'boolean'),
    )
  )
    return false;
  if (risk !== undefined && !(typeof risk === 'string' && RISK_SET.has(risk))) return false;
  if (
    previousAgentTurn !== undefined &&
    !(typeof previousAgentTurn === 'string' && AGENT_TURN_KIND_SET.has(previousAgentTurn))
  )
    return false;
  if (language !== undefined && !(isObject(language) && typeof language.locale === 'string')) return false;
  return true;
}
