import { findPii, maskPii } from '../lint/pii.js';
import { normalize, toOriginalRange } from '../normalize/index.js';

/**
 * The text with every personal datum the linter finds (phone numbers, ID and bank cards, e-mail and
 * street addresses) replaced by its masked form (138****5678, 张江路**号): what a shared store keeps.
 */
export function maskPersonalData(text: string): string {
  const normalized = normalize(text);
  const hits = findPii(normalized.text);
  if (hits.length === 0) return text;
  let out = '';
  let at = 0;
  for (const hit of hits.sort((a, b) => a.start - b.start)) {
    const [from, to] = toOriginalRange(normalized, hit.start, hit.end);
    if (from < at) continue;
    out += text.slice(at, from) + maskPii(hit.kind, text.slice(from, to));
    at = to;
  }
  return out + text.slice(at);
}
