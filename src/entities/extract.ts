import type { Entity } from '../analysis/types.js';
import { entityData } from '../generated/entity-data.js';
import type { NormalizedText } from '../normalize/index.js';
import { readNormalized, type ConversationInput, type MessageRead } from '../text/message.js';
import type { PhraseMatch } from '../text/phrase-scan.js';
import { amountCandidates } from './amounts.js';
import { identifierAskedFor } from './asked-for.js';
import { entityAt, resolveOverlaps } from './candidates.js';
import { dateCandidates } from './dates.js';
import { identifierCandidates } from './identifiers.js';
import { cueHits, type CueHit } from './lexicon-hits.js';
import { linkCandidates } from './links.js';
import { placeholderCandidates } from './placeholders.js';
import { sizeCandidates } from './sizes.js';
import { weekdayCandidates } from './weekdays.js';

function countDigits(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) digits++;
  }
  return digits;
}

/**
 * Words that are entities themselves: colours, size words, 明天, 今晚. A Chinese colour ending in
 * 色 takes a modifier in front (深 + 蓝色 → "dark blue").
 */
function lexiconCandidates(n: NormalizedText, matches: readonly PhraseMatch[], out: Entity[]): void {
  for (const match of matches) {
    for (const payload of match.payloads) {
      if (payload.kind !== 'entity') continue;
      let { start } = match;
      let value = payload.value;
      if (payload.entity === 'color' && n.text.charCodeAt(match.end - 1) === 0x8272 /* 色 */) {
        for (const [modifier, meaning] of entityData().colorModifiers) {
          if (start >= modifier.length && n.text.startsWith(modifier, start - modifier.length)) {
            start -= modifier.length;
            if (!value.startsWith(meaning)) value = `${meaning} ${value}`;
            break;
          }
        }
      }
      out.push(entityAt(n, start, match.end, payload.entity, value));
    }
  }
}

/**
 * The entities of one message, in text order: order and tracking numbers (with the carrier when
 * the format or the message names it), phones (with a masked form), amounts with an ISO currency,
 * dates and times (clock-free values such as relative:+1d), sizes, colours, links, and the
 * source's masked placeholders (`[订单x]`, `placeholder: true`). A bare number answering the
 * agent's question (`context.previousAgentMessage`: 请提供订单号) is what was asked for. Ranges point
 * into the original text. Where candidates overlap the longest wins. Never throws.
 */
export function extractEntities(normalized: NormalizedText, context?: ConversationInput): Entity[] {
  return entitiesOf(readNormalized(normalized, context));
}

/** The entities of a message read once (see text/message.ts). */
export function entitiesOf(message: MessageRead): Entity[] {
  const normalized = message.window;
  const matches = message.phrases;
  const candidates: Entity[] = [];
  let cues: CueHit[] | undefined;
  const cuesOnce = () => (cues ??= cueHits(matches));
  const askedFor = identifierAskedFor(message.previousAgent);
  placeholderCandidates(normalized, cuesOnce, askedFor, candidates);
  linkCandidates(normalized, candidates);
  lexiconCandidates(normalized, matches, candidates);
  const digits = countDigits(normalized.text);
  if (digits >= 4) identifierCandidates(normalized, cuesOnce(), askedFor, digits, candidates);
  amountCandidates(normalized, candidates);
  dateCandidates(normalized, digits, candidates);
  weekdayCandidates(normalized, candidates);
  sizeCandidates(normalized, candidates);
  return resolveOverlaps(candidates);
}
