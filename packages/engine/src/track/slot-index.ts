/**
 * A non-negative 31-bit key → a slot: MMSI → track slot, reception cell →
 * its slot in the reception map. An open-addressing hash table in one
 * Int32Array of (key, slot) pairs.
 *
 * A JS Map would do, but at a few hundred thousand vessels this keeps lookups
 * to one or two probes in contiguous memory and costs 8 bytes per entry at
 * most half full; key and slot side by side make a found key one cache miss,
 * not two. Deletion shifts the following run back (no tombstones), so churn
 * of vessels coming and going never degrades it.
 */
const EMPTY = -1;

export class SlotIndex {
  /** Entry i is pairs[2i] (the key, or EMPTY) and pairs[2i + 1] (its slot). */
  private pairs: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1024) {
    let size = 16;
    while (size < initialCapacity * 2) size *= 2;
    this.pairs = new Int32Array(2 * size).fill(EMPTY);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.pairs.byteLength;
  }

  /** The slot for `key`, or -1. */
  get(key: number): number {
    const pairs = this.pairs;
    const mask = this.mask;
    let i = hash(key) & mask;
    for (;;) {
      const k = pairs[2 * i]!;
      if (k === key) return pairs[2 * i + 1]!;
      if (k === EMPTY) return -1;
      i = (i + 1) & mask;
    }
  }

  /** The key in the entry where a search for `key` starts: one load, for looking ahead. */
  home(key: number): number {
    return this.pairs[2 * (hash(key) & this.mask)]!;
  }

  set(key: number, slot: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.rehash((this.mask + 1) * 2);
    const pairs = this.pairs;
    const mask = this.mask;
    let i = hash(key) & mask;
    for (;;) {
      const k = pairs[2 * i]!;
      if (k === key) {
        pairs[2 * i + 1] = slot;
        return;
      }
      if (k === EMPTY) {
        pairs[2 * i] = key;
        pairs[2 * i + 1] = slot;
        this.count++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  delete(key: number): boolean {
    const pairs = this.pairs;
    const mask = this.mask;
    let i = hash(key) & mask;
    for (;;) {
      const k = pairs[2 * i]!;
      if (k === EMPTY) return false;
      if (k === key) break;
      i = (i + 1) & mask;
    }
    // Backward-shift: move later members of the probe run into the hole when their home allows it.
    let hole = i;
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      const k = pairs[2 * j]!;
      if (k === EMPTY) break;
      const home = hash(k) & mask;
      const between = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (!between) {
        pairs[2 * hole] = k;
        pairs[2 * hole + 1] = pairs[2 * j + 1]!;
        hole = j;
      }
    }
    pairs[2 * hole] = EMPTY;
    this.count--;
    return true;
  }

  private rehash(size: number): void {
    const old = this.pairs;
    this.pairs = new Int32Array(2 * size).fill(EMPTY);
    this.mask = size - 1;
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== EMPTY) this.set(old[i]!, old[i + 1]!);
  }
}

/** Fibonacci hashing: keys share long runs of digits (MMSIs of one MID, cells of one row), so mix before masking. */
function hash(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 7;
}
