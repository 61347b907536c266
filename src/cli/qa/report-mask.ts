import { MAY_HOLD_DATA } from '../../lint/finding.js';
import { findPii, maskPii } from '../../lint/pii.js';
import { normalize, toOriginalRange } from '../../normalize/index.js';

/** A personal datum of a text: `[start, end)` as written, and its masked form. */
export interface MaskedDatum {
  start: number;
  end: number;
  masked: string;
}

/**
 * Every personal datum of a text (full phone, ID-card and card numbers, e-mail and street
 * addresses), found and masked as the lint findings mask them (src/lint/runner.ts
 * `personalDataIn`: findPii on the folded text, `maskPii` on the datum as written), whoever wrote
 * it. Sorted, never overlapping.
 */
export function personalDataOf(text: string): MaskedDatum[] {
  if (!MAY_HOLD_DATA.test(text)) return [];
  const normalized = normalize(text);
  return findPii(normalized.text).map((hit) => {
    const [start, end] = toOriginalRange(normalized, hit.start, hit.end);
    return { start, end, masked: maskPii(hit.kind, text.slice(start, end)) };
  });
}

/** The text with every personal datum masked. */
export function maskPersonalData(text: string): string {
  const data = personalDataOf(text);
  if (data.length === 0) return text;
  let out = '';
  let position = 0;
  for (const datum of data) {
    out += text.slice(position, datum.start) + datum.masked;
    position = datum.end;
  }
  return out + text.slice(position);
}
