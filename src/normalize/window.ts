import type { NormalizedText } from './normalize.js';

/**
 * Signals and entities read at most this many folded characters of a message. A chat message is
 * a few hundred; the cap keeps a hostile megabyte of 急急急… to a bounded cost in time and memory.
 */
export const MAX_ANALYSED_CHARS = 32_768;

/** The message itself, or its first MAX_ANALYSED_CHARS folded characters (ranges stay valid). */
export function analysedPart(normalized: NormalizedText): NormalizedText {
  if (normalized.text.length <= MAX_ANALYSED_CHARS) return normalized;
  const size = MAX_ANALYSED_CHARS;
  const end = normalized.ends[size - 1] ?? normalized.original.length;
  const view: NormalizedText = {
    original: normalized.original.slice(0, end),
    text: normalized.text.slice(0, size),
    starts: normalized.starts.subarray(0, size),
    ends: normalized.ends.subarray(0, size),
  };
  return view;
}
