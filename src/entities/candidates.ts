import type { Entity } from '../analysis/types.js';
import { toOriginalRange, type NormalizedText } from '../normalize/index.js';

/** How much a reader trusts each kind of candidate when two overlap with the same length. */
const PRIORITY: Record<Entity['type'], number> = {
  order_id: 6,
  tracking_number: 6,
  phone: 6,
  link: 7,
  amount: 5,
  date: 4,
  time: 4,
  size: 3,
  color: 3,
  name: 7,
  address: 7,
  number: 1,
};

/** Build an entity from a match `[start, end)` in the FOLDED text; the range is mapped back. */
export function entityAt(
  normalized: NormalizedText,
  start: number,
  end: number,
  type: Entity['type'],
  value: string,
  extra: Partial<Omit<Entity, 'type' | 'text' | 'range' | 'value'>> = {},
): Entity {
  const range = toOriginalRange(normalized, start, end);
  return { type, text: normalized.original.slice(range[0], range[1]), range, value, ...extra };
}

function better(a: Entity, b: Entity): number {
  return (
    b.range[1] - b.range[0] - (a.range[1] - a.range[0]) ||
    PRIORITY[b.type] - PRIORITY[a.type] ||
    a.range[0] - b.range[0]
  );
}

function overlaps(a: Entity, b: Entity): boolean {
  return a.range[0] < b.range[1] && b.range[0] < a.range[1];
}

/** Greedy pick inside one cluster of mutually reachable overlaps (a handful of candidates). */
function pickFromCluster(cluster: Entity[], out: Entity[]): void {
  if (cluster.length === 1) {
    out.push(cluster[0] as Entity);
    return;
  }
  const chosen: Entity[] = [];
  for (const candidate of cluster.sort(better)) {
    if (!chosen.some((c) => overlaps(c, candidate))) chosen.push(candidate);
  }
  for (const entity of chosen) out.push(entity);
}

/**
 * Keep the best of overlapping candidates: the longest span first (a date 3月5号 beats the number
 * inside it), then the more specific type; the result is in text order. Candidates are swept in
 * clusters of overlapping spans, so a long message with many entities stays O(n log n).
 */
export function resolveOverlaps(candidates: Entity[]): Entity[] {
  if (candidates.length <= 1) return candidates;
  const sorted = [...candidates].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const kept: Entity[] = [];
  let cluster: Entity[] = [];
  let clusterEnd = -1;
  for (const candidate of sorted) {
    if (cluster.length > 0 && candidate.range[0] >= clusterEnd) {
      pickFromCluster(cluster, kept);
      cluster = [];
    }
    cluster.push(candidate);
    clusterEnd = Math.max(clusterEnd, candidate.range[1]);
  }
  if (cluster.length > 0) pickFromCluster(cluster, kept);
  return kept.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}
