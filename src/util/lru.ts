/**
 * A cache that keeps the `capacity` most recently used entries: for anything keyed by caller
 * input (time zones, formatter options), so a stream of distinct keys cannot grow memory without
 * bound. A Map keeps insertion order, so re-inserting on use makes its first key the least
 * recently used one.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();
  readonly capacity: number;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`LruCache capacity must be a positive integer, got ${String(capacity)}`);
    }
    this.capacity = capacity;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value, marking the entry as just used; undefined when absent. */
  get(key: K): V | undefined {
    const entries = this.#entries;
    const value = entries.get(key);
    if (value === undefined && !entries.has(key)) return undefined;
    entries.delete(key);
    entries.set(key, value as V);
    return value;
  }

  /** Whether the key is cached, without marking it as used. */
  has(key: K): boolean {
    return this.#entries.has(key);
  }

  set(key: K, value: V): this {
    const entries = this.#entries;
    entries.delete(key);
    entries.set(key, value);
    if (entries.size > this.capacity) entries.delete(entries.keys().next().value as K);
    return this;
  }

  clear(): void {
    this.#entries.clear();
  }
}
