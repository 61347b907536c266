/**
 * A frozen map from 32-bit feature keys to dense indices (or to given non-negative values), in one
 * typed array of (key, value) pairs with open addressing: a lookup is a multiply, a shift and
 * usually one probe, touching one cache line, with no allocation.
 */
export class KeyIndex {
  // slots[2s] = key (as int32), slots[2s + 1] = its value, -1 for an empty slot.
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly shift: number;
  readonly size: number;

  /** `values[i]` (default `i`) for `keys[i]`; the first of repeated keys wins. */
  constructor(keys: ArrayLike<number>, values?: ArrayLike<number>) {
    let bits = 4;
    while (1 << bits < keys.length * 2) bits++;
    const capacity = 1 << bits;
    this.shift = 32 - bits;
    this.slots = new Int32Array(capacity * 2);
    for (let s = 1; s < this.slots.length; s += 2) this.slots[s] = -1;
    this.mask = capacity - 1;
    let size = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = (keys[i] ?? 0) | 0;
      let slot = this.slot(key);
      while (this.slots[2 * slot + 1] !== -1 && this.slots[2 * slot] !== key) slot = (slot + 1) & this.mask;
      if (this.slots[2 * slot + 1] === -1) {
        this.slots[2 * slot] = key;
        this.slots[2 * slot + 1] = values === undefined ? i : (values[i] ?? -1);
        size++;
      }
    }
    this.size = size;
  }

  private slot(key: number): number {
    // Fibonacci hashing (the high bits of the product) spreads structured keys (code-unit pairs).
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  /** The value (dense index) of `key`, or -1. */
  get(key: number): number {
    const k = key | 0;
    const slots = this.slots;
    let at = 2 * this.slot(k);
    for (;;) {
      const value = slots[at + 1] ?? -1;
      if (value === -1) return -1;
      if (slots[at] === k) return value;
      at = (at + 2) & (2 * this.mask + 1);
    }
  }
}
