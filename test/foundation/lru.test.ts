import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LruCache } from '../../src/util/lru.js';

describe('LruCache', () => {
  it('drops the least recently used entry past its capacity; get() and set() count as use', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1).set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3); // drops b
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    cache.set('a', 10); // re-set: a is the most recent again
    cache.set('d', 4); // drops c
    expect([cache.get('a'), cache.has('c'), cache.get('d'), cache.size]).toEqual([10, false, 4, 2]);
  });

  it('has() does not count as use', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1).set('b', 2);
    expect(cache.has('a')).toBe(true);
    cache.set('c', 3);
    expect(cache.has('a')).toBe(false);
  });

  it('keeps undefined values as entries', () => {
    const cache = new LruCache<string, undefined>(1);
    cache.set('a', undefined);
    expect(cache.has('a')).toBe(true);
    expect(cache.get('a')).toBeUndefined();
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a capacity of %s', (capacity) => {
    expect(() => new LruCache(capacity)).toThrow(RangeError);
  });

  it('property: never more than its capacity, and always the most recent keys', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 20 })), { maxLength: 200 }),
        (capacity, operations) => {
          const cache = new LruCache<number, number>(capacity);
          const recent: number[] = []; // a model: most recent last
          for (const [isSet, key] of operations) {
            if (isSet) cache.set(key, key);
            else if (cache.get(key) === undefined) continue;
            const at = recent.indexOf(key);
            if (at !== -1) recent.splice(at, 1);
            recent.push(key);
            if (recent.length > capacity) recent.shift();
            expect(cache.size).toBe(recent.length);
          }
          for (const key of recent) expect(cache.has(key)).toBe(true);
        },
      ),
    );
  });
});
