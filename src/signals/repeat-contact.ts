import { normalize, toOriginalRange, type NormalizedText } from '../normalize/index.js';
import type { Contribution } from './contribution.js';
import type { MessageRead } from '../text/message.js';
import { scanPhrases, type PhraseMatch } from '../text/phrase-scan.js';

// Counted repeats the lexicon cannot list: 第三次问, 问了5次, asked 4 times.
const ZH_NTH_TIME = /第[二三四五六七八九十两几2-9]+次(?:了|来|问|找|联系|催|咨询|说|反映|反馈|打|申请)/g;
const ZH_ASKED_N_TIMES =
  /(?:问|说|找|催|联系|打|反映|反馈)了(?:[2-9]|1\d|[两三四五六七八九十几好多无数]+)(?:次|遍|回|趟)/g;
const EN_N_TIMES =
  /\b(?:asked|contacted|called|emailed|messaged|written|wrote|told|reached out)\b[^.!?\n]{0,24}?\b(?:twice|(?:\d+|three|four|five|several|multiple|many) times)\b/g;
const EN_NTH_TIME = /\b(?:fourth|fifth|sixth|\d+(?:st|nd|rd|th)) time\b/g;

/** Only the most recent turns count, and only their beginning: a bot may pass a whole transcript. */
const MAX_TURNS = 20;
const MAX_TURN_CHARS = 500;

function regexContributions(normalized: NormalizedText, out: Contribution[]): void {
  const text = normalized.text;
  const patterns: RegExp[] = [];
  if (text.includes('次')) patterns.push(ZH_NTH_TIME);
  if (text.includes('了')) patterns.push(ZH_ASKED_N_TIMES);
  if (text.includes('time')) patterns.push(EN_N_TIMES, EN_NTH_TIME);
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      out.push({
        signal: 'repeat_contact',
        weight: 0.8,
        range: toOriginalRange(normalized, m.index, m.index + m[0].length),
      });
    }
  }
}

function topicsOf(matches: readonly PhraseMatch[]): Set<string> {
  const topics = new Set<string>();
  for (const match of matches) {
    for (const payload of match.payloads) if (payload.kind === 'topic') topics.add(payload.topic);
  }
  return topics;
}

function bigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++)
    if (text[i] !== ' ' && text[i + 1] !== ' ') grams.add(text.slice(i, i + 2));
  return grams;
}

/** Share of the smaller message's character pairs that the other one also has. */
function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return shared / small.size;
}

/** Near-duplicate messages (the customer sends the same question again) count as the same issue. */
const SAME_TEXT_OVERLAP = 0.6;

/**
 * Repeat contact: phrases and counts in the message itself (又来问, asked 3 times), earlier customer
 * turns in `context.history` about the same issue (a shared topic such as shipping or refund, or a
 * near-duplicate text), and `context.repeatContacts`.
 */
export function repeatContactContributions(message: MessageRead, out: Contribution[]): void {
  const normalized = message.window;
  regexContributions(normalized, out);

  const history = message.history;
  if (history.length > 0) {
    const topics = topicsOf(message.phrases);
    const grams = normalized.text.length >= 4 ? bigrams(normalized.text) : undefined;
    let similar = 0;
    let seen = 0;
    for (let i = history.length - 1; i >= 0 && seen < MAX_TURNS; i--) {
      const turn = history[i];
      if (turn === undefined || turn.role !== 'customer') continue;
      seen++;
      const earlier = normalize(turn.text.slice(0, MAX_TURN_CHARS));
      let same = false;
      if (topics.size > 0) {
        for (const topic of topicsOf(scanPhrases(earlier))) if (topics.has(topic)) same = true;
      }
      if (!same && grams !== undefined && overlap(grams, bigrams(earlier.text)) >= SAME_TEXT_OVERLAP)
        same = true;
      if (same) similar++;
    }
    if (similar > 0) {
      const weight = similar >= 3 ? 0.8 : similar === 2 ? 0.6 : 0.3;
      const turns = similar === 1 ? 'turn' : 'turns';
      out.push({
        signal: 'repeat_contact',
        weight,
        detail: `${similar} earlier customer ${turns} on the same issue`,
      });
    }
  }

  const contacts = message.repeatContacts;
  if (contacts > 0) {
    const weight = contacts >= 3 ? 0.85 : contacts === 2 ? 0.7 : 0.5;
    out.push({ signal: 'repeat_contact', weight, detail: `context.repeatContacts is ${contacts}` });
  }
}
