import type { PhraseMatch } from '../text/phrase-scan.js';

export type IdentifierKind = 'order_id' | 'tracking_number' | 'phone';

/** A cue word found by the shared phrase scan, in folded offsets. */
export interface CueHit {
  start: number;
  end: number;
  kind: IdentifierKind | 'carrier';
  /** The carrier code, for carrier names. */
  carrier?: string;
}

/**
 * The entity cues and carrier names of a scan, ordered by end; where several cues end at the same
 * place (快递单号, 单号) only the longest is kept, so the most specific word decides.
 */
export function cueHits(matches: readonly PhraseMatch[]): CueHit[] {
  const hits: CueHit[] = [];
  for (const match of matches) {
    for (const payload of match.payloads) {
      let hit: CueHit | undefined;
      if (payload.kind === 'entity-cue') hit = { start: match.start, end: match.end, kind: payload.entity };
      else if (payload.kind === 'carrier')
        hit = { start: match.start, end: match.end, kind: 'carrier', carrier: payload.code };
      if (hit === undefined) continue;
      const last = hits[hits.length - 1];
      if (last !== undefined && last.end === hit.end) {
        if (hit.start < last.start) hits[hits.length - 1] = hit;
        continue;
      }
      hits.push(hit);
    }
  }
  return hits;
}

/** Index of the last hit ending at or before `position`, or -1. */
export function lastHitBefore(hits: readonly CueHit[], position: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((hits[mid]?.end ?? 0) <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
