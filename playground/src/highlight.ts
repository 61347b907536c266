/** A labelled range `[start, end)` of a text, to be marked. */
export interface Mark {
  start: number;
  end: number;
  /** CSS class of the mark (its kind). */
  kind: string;
  /** What the mark means, shown as its title. */
  label: string;
}

export interface Segment {
  text: string;
  /** The marks covering this segment (none for plain text). */
  marks: Mark[];
}

/**
 * Cuts `text` at every mark boundary, so overlapping marks (an intent's evidence inside an
 * entity) each stay visible. Ranges outside the text are clipped; empty ones are dropped.
 */
export function segment(text: string, marks: readonly Mark[]): Segment[] {
  const valid = marks
    .map((m) => ({ ...m, start: Math.max(0, m.start), end: Math.min(text.length, m.end) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set<number>([0, text.length]);
  for (const m of valid) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    segments.push({
      text: text.slice(start, end),
      marks: valid.filter((m) => m.start <= start && m.end >= end),
    });
  }
  return segments;
}
