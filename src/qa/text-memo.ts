/**
 * A bounded least-recently-used memo of per-text results. Helpdesk exports repeat canned agent
 * replies (快捷短语) and short customer turns (好的, 谢谢) heavily; reading such a text once and
 * reusing what was read saves most of a QA run's work on them. Only for results that are a pure
 * function of the key: the caller puts in the key everything the result depends on.
 *
 * A `Map` keeps insertion order: a hit is moved to the end, and the first key is the least
 * recently used one, evicted when the memo is full. Capacity 0 turns the memo off.
 */
export class TextMemo<V> {
  private readonly entries = new Map<string, V>();
  /** Lookups answered from the memo, and lookups that computed. */
  hits = 0;
  misses = 0;

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 0)
      throw new RangeError(`TextMemo capacity must be a whole number ≥ 0, not ${capacity}`);
  }

  /** The result for `key`: remembered, or `compute()`d and remembered. */
  get(key: string, compute: () => V): V {
    if (this.capacity === 0) {
      this.misses += 1;
      return compute();
    }
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.hits += 1;
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    this.misses += 1;
    const value = compute();
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
