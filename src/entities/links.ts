import type { Entity } from '../analysis/types.js';
import type { NormalizedText } from '../normalize/index.js';

// On the ORIGINAL text: folding collapses the // of https:// and lower-cases paths.
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"'，。！？、；）)\]】]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?]+$/;

/** Web links (https://…, www.…); the value is the link as written, minus trailing punctuation. */
export function linkCandidates(n: NormalizedText, out: Entity[]): void {
  if (!n.text.includes('http') && !n.text.includes('www')) return;
  const original = n.original;
  LINK.lastIndex = 0;
  for (let m = LINK.exec(original); m !== null; m = LINK.exec(original)) {
    const text = m[0].replace(TRAILING_PUNCTUATION, '');
    out.push({ type: 'link', text, range: [m.index, m.index + text.length], value: text });
  }
}
