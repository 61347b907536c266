/**
 * Character 3-gram Jaccard similarity with an exact all-pairs search (prefix filtering, Bayardo
 * et al. 2007): every pair at or above the threshold is found without comparing all pairs.
 */

/** Whitespace-collapsed, lower-case text: the form both similarity and identity are measured on. */
export function similarityKey(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** The set of character 3-grams of a key (the key itself when it is shorter than 3 characters). */
export function trigrams(key: string): string[] {
  const chars = [...key];
  if (chars.length < 3) return [key];
  const out = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  return [...out];
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  const small = a.length <= b.length ? a : b;
  const large = new Set(a.length <= b.length ? b : a);
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return shared / (a.length + b.length - shared);
}

/** Length of the prefix (in rarest-first order) two sets at Jaccard ≥ t must share a gram in. */
function prefixLength(size: number, threshold: number): number {
  return size - Math.ceil(threshold * size) + 1;
}

export class SimilarityIndex {
  private readonly grams: string[][] = [];
  private readonly postings = new Map<string, number[]>();

  /**
   * @param corpus the texts to search in
   * @param order  gram rank (rarest first) shared with every query; build it with `gramOrder`
   */
  constructor(
    corpus: readonly string[],
    private readonly order: ReadonlyMap<string, number>,
    private readonly threshold: number,
  ) {
    corpus.forEach((text, id) => {
      const grams = this.sorted(trigrams(similarityKey(text)));
      this.grams.push(grams);
      for (const g of grams.slice(0, prefixLength(grams.length, threshold))) {
        let list = this.postings.get(g);
        if (!list) this.postings.set(g, (list = []));
        list.push(id);
      }
    });
  }

  private sorted(grams: string[]): string[] {
    const rank = (g: string): number => this.order.get(g) ?? -1;
    return grams.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Ids of corpus texts with Jaccard ≥ threshold to `text`, and the best score (0 when none). */
  query(text: string, skip?: number): { ids: number[]; best: number } {
    const grams = this.sorted(trigrams(similarityKey(text)));
    const seen = new Set<number>();
    const ids: number[] = [];
    let best = 0;
    for (const g of grams.slice(0, prefixLength(grams.length, this.threshold))) {
      for (const id of this.postings.get(g) ?? []) {
        if (id === skip || seen.has(id)) continue;
        seen.add(id);
        const other = this.grams[id] as string[];
        const small = Math.min(other.length, grams.length);
        const large = Math.max(other.length, grams.length);
        if (small < this.threshold * large) continue;
        const score = jaccard(grams, other);
        if (score >= this.threshold) {
          ids.push(id);
          if (score > best) best = score;
        }
      }
    }
    return { ids, best };
  }
}

/** Gram rank by frequency over all the given texts, rarest first (ties by the gram). */
export function gramOrder(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const g of trigrams(similarityKey(text))) counts.set(g, (counts.get(g) ?? 0) + 1);
  const ranked = [...counts.entries()].sort(
    (a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  );
  return new Map(ranked.map(([g], i) => [g, i]));
}

/** Length buckets used by the reports. */
export const LENGTH_BUCKETS = [
  [1, 3],
  [4, 6],
  [7, 10],
  [11, 20],
  [21, 40],
  [41, Infinity],
] as const;

export function lengthBucket(text: string): string {
  const n = [...similarityKey(text).replace(/ /g, '')].length;
  const bucket = LENGTH_BUCKETS.find(([lo, hi]) => n >= lo && n <= hi) ?? LENGTH_BUCKETS[0];
  return bucket[1] === Infinity ? `${bucket[0]}+` : `${bucket[0]}-${bucket[1]}`;
}
