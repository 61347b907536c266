/**
 * A frozen map from 32-bit feature keys to dense indices, as two typed arrays with open
 * addressing: a lookup is a multiply, a shift and usually one probe, with no allocation.
 */
export class KeyIndex {
  private readonly keys: Uint32Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  private readonly shift: number;
  readonly size: number;

  constructor(keys: ArrayLike<number>) {
    let bits = 4;
    while (1 << bits < keys.length * 2) bits++;
    const capacity = 1 << bits;
    this.shift = 32 - bits;
    this.keys = new Uint32Array(capacity);
    this.values = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    let size = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = (keys[i] ?? 0) >>> 0;
      let slot = this.slot(key);
      while (this.values[slot] !== -1 && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
      if (this.values[slot] === -1) {
        this.keys[slot] = key;
        this.values[slot] = i;
        size++;
      }
    }
    this.size = size;
  }

  private slot(key: number): number {
    // Fibonacci hashing (the high bits of the product) spreads structured keys (code-unit pairs).
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  /** The dense index of `key`, or -1. */
  get(key: number): number {
    const k = key >>> 0;
    let slot = this.slot(k);
    for (;;) {
      const value = this.values[slot] ?? -1;
      if (value === -1) return -1;
      if (this.keys[slot] === k) return value;
      slot = (slot + 1) & this.mask;
    }
  }
}
