/**
 * A bounded memo of per-text results. Chat text repeats heavily: helpdesk exports repeat canned
 * agent replies (快捷短语) and short customer turns (好的, 谢谢), and messages share clauses (在吗,
 * 麻烦快点); reading such a text once and reusing what was read saves that work. Only for results
 * that are a pure function of the key: the caller puts in the key everything the result depends on.
 *
 * Least recently used out, in two generations: lookups fill the young map; when it holds half the
 * capacity it becomes the old one and the previous old one is dropped; a hit in the old map moves
 * the entry to the young one. A single `Map` with delete-and-set on every hit would be exact LRU,
 * but V8 leaves a hole per delete at the map's front, and finding the oldest key then walks them.
 * Capacity 0 turns the memo off.
 */
export class TextMemo<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  private readonly half: number;
  /** Lookups answered from the memo, and lookups that computed. */
  hits = 0;
  misses = 0;

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 0)
      throw new RangeError(`TextMemo capacity must be a whole number ≥ 0, not ${capacity}`);
    this.half = Math.max(1, capacity >> 1);
  }

  /** The result for `key`: remembered, or `compute()`d and remembered. */
  get(key: string, compute: () => V): V {
    if (this.capacity === 0) {
      this.misses += 1;
      return compute();
    }
    let value = this.young.get(key);
    if (value !== undefined) {
      this.hits += 1;
      return value;
    }
    value = this.old.get(key);
    if (value !== undefined) this.hits += 1;
    else {
      this.misses += 1;
      value = compute();
    }
    if (this.young.size >= this.half) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
    return value;
  }

  /** Entries remembered (both generations; an entry moved to the young one may be counted twice). */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
