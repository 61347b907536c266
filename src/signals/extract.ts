import type { Range, Signal, SignalId } from '../analysis/types.js';
import { toOriginalRange, type NormalizedText } from '../normalize/index.js';
import type { Contribution } from './contribution.js';
import { emphasisContributions } from './emphasis.js';
import { isNegated } from './negation.js';
import type { PhraseMatch } from '../text/phrase-scan.js';
import { readNormalized, type ConversationInput, type MessageRead } from '../text/message.js';
import { repeatContactContributions } from './repeat-contact.js';
import { SIGNAL_IDS } from './rules-schema.js';
import { waitingContributions } from './waiting.js';

/** Evidence spans kept per signal: enough to explain it; the score has long saturated by then. */
export const MAX_EVIDENCE = 16;

/** How close (folded characters, either side) a required cue must be: 发到 … 微博. */
const CUE_WINDOW = 12;

interface PhraseHit {
  signal: SignalId;
  weight: number;
  negatable: boolean;
  requires: string | undefined;
  start: number;
  end: number;
}

function collectHits(matches: readonly PhraseMatch[]) {
  const hits: PhraseHit[] = [];
  const negatorEnds = new Set<number>();
  const cues = new Map<string, number[]>();
  for (const match of matches) {
    for (const payload of match.payloads) {
      if (payload.kind === 'signal') {
        hits.push({
          signal: payload.signal,
          weight: payload.weight,
          negatable: payload.negatable,
          requires: payload.requires,
          start: match.start,
          end: match.end,
        });
      } else if (payload.kind === 'negation') {
        negatorEnds.add(match.end);
      } else if (payload.kind === 'signal-cue') {
        const key = `${payload.signal}\u0000${payload.cue}`;
        const list = cues.get(key) ?? [];
        list.push(match.start, match.end);
        cues.set(key, list);
      }
    }
  }
  return { hits, negatorEnds, cues };
}

/**
 * Drop phrases inside a longer phrase (急 inside 急用, 垃圾 inside 垃圾客服): the longer one says
 * more. Hits with the very same range (one keyword, two signals) are all kept. Linear after a sort.
 */
function dropContained(hits: PhraseHit[]): PhraseHit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PhraseHit[] = [];
  let bestStart = -1;
  let bestEnd = -1;
  for (const hit of hits) {
    const contained = hit.end <= bestEnd && (bestStart < hit.start || bestEnd > hit.end);
    if (!contained) kept.push(hit);
    if (hit.end > bestEnd) {
      bestEnd = hit.end;
      bestStart = hit.start;
    }
  }
  return kept;
}

/** Longest cue, in folded characters, that `cueNearby` may have to look past. */
const MAX_CUE_LENGTH = 16;

/**
 * Whether a cue lies within CUE_WINDOW of the hit. `pairs` holds start, end pairs in the scan's
 * order (by end), so a binary search finds the neighbours; linear scans here could go quadratic on
 * a long hostile message.
 */
function cueNearby(pairs: readonly number[] | undefined, hit: PhraseHit): boolean {
  if (pairs === undefined) return false;
  const count = pairs.length >> 1;
  const endAt = (i: number) => pairs[2 * i + 1] ?? 0;
  // Last cue ending at or before the hit's start.
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (endAt(mid) <= hit.start) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && hit.start - endAt(lo - 1) <= CUE_WINDOW) return true;
  // Cues starting after the hit's end: their ends lie within the window plus one cue length.
  for (let i = lo; i < count && endAt(i) <= hit.end + CUE_WINDOW + MAX_CUE_LENGTH; i++) {
    const start = pairs[2 * i] ?? 0;
    if (start >= hit.end && start - hit.end <= CUE_WINDOW) return true;
  }
  return false;
}

function phraseContributions(
  normalized: NormalizedText,
  matches: readonly PhraseMatch[],
  out: Contribution[],
): void {
  if (matches.length === 0) return;
  const { hits, negatorEnds, cues } = collectHits(matches);
  if (hits.length === 0) return;
  const kept = dropContained(hits);
  const phraseStarts = new Map<number, number>();
  for (const hit of kept) {
    const known = phraseStarts.get(hit.end);
    if (known === undefined || hit.start < known) phraseStarts.set(hit.end, hit.start);
  }
  const emitted = new Map<SignalId, number>();
  for (const hit of kept) {
    const count = emitted.get(hit.signal) ?? 0;
    if (count >= MAX_EVIDENCE) continue;
    if (hit.requires !== undefined && !cueNearby(cues.get(`${hit.signal}\u0000${hit.requires}`), hit))
      continue;
    if (hit.negatable && isNegated(normalized.text, hit.start, negatorEnds, phraseStarts)) continue;
    emitted.set(hit.signal, count + 1);
    out.push({
      signal: hit.signal,
      weight: hit.weight,
      range: toOriginalRange(normalized, hit.start, hit.end),
    });
  }
}

const ORDER = new Map<SignalId, number>(SIGNAL_IDS.map((id, i) => [id, i]));

function combine(original: string, contributions: readonly Contribution[]): Signal[] {
  interface Tally {
    /** Max weight per evidence range: one span found by a phrase and a regex counts once. */
    ranges: Map<string, { range: Range; weight: number }>;
    keep: number;
    details: string[];
  }
  const bySignal = new Map<SignalId, Tally>();
  for (const c of contributions) {
    let tally = bySignal.get(c.signal);
    if (tally === undefined) {
      tally = { ranges: new Map(), keep: 1, details: [] };
      bySignal.set(c.signal, tally);
    }
    if (c.range !== undefined) {
      const key = `${c.range[0]}:${c.range[1]}`;
      const known = tally.ranges.get(key);
      if (known === undefined) {
        if (tally.ranges.size < MAX_EVIDENCE) tally.ranges.set(key, { range: c.range, weight: c.weight });
      } else known.weight = Math.max(known.weight, c.weight);
    } else {
      tally.keep *= 1 - c.weight;
    }
    if (c.detail !== undefined) tally.details.push(c.detail);
  }
  const signals: Signal[] = [];
  for (const [id, tally] of bySignal) {
    let keep = tally.keep;
    const evidence: Signal['evidence'] = [];
    for (const { range, weight } of tally.ranges.values()) {
      keep *= 1 - weight;
      evidence.push({ text: original.slice(range[0], range[1]), range });
    }
    const score = Math.round((1 - keep) * 100) / 100;
    if (score <= 0) continue;
    evidence.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
    const signal: Signal = { id, score: Math.min(1, score), evidence };
    if (tally.details.length > 0) signal.detail = tally.details.join('; ');
    signals.push(signal);
  }
  return signals.sort((a, b) => b.score - a.score || (ORDER.get(a.id) ?? 0) - (ORDER.get(b.id) ?? 0));
}

/**
 * The signals of one customer message, strongest first: anger, urgency, escalation threats,
 * abuse and repeat contact, each with a score in [0, 1] and its evidence as ranges of the
 * original text. One Aho-Corasick pass over the folded text (shared with `extractEntities`),
 * a few precompiled regular expressions, and `context.history` for repeat contact. Never throws.
 */
export function extractSignals(normalized: NormalizedText, context?: ConversationInput): Signal[] {
  return signalsOf(readNormalized(normalized, context));
}

/** The signals of a message read once (see text/message.ts). */
export function signalsOf(message: MessageRead): Signal[] {
  const normalized = message.window;
  const contributions: Contribution[] = [];
  phraseContributions(normalized, message.phrases, contributions);
  emphasisContributions(normalized, contributions);
  waitingContributions(normalized, contributions);
  repeatContactContributions(message, contributions);
  return contributions.length === 0 ? [] : combine(normalized.original, contributions);
}
