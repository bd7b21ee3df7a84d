/**
 * MMSI → track slot, an open-addressing hash table in two Int32Arrays.
 *
 * A JS Map would do, but at a few hundred thousand vessels this keeps lookups
 * to one or two probes in contiguous memory and costs 8 bytes per entry at
 * most half full. Deletion shifts the following run back (no tombstones), so
 * churn of vessels coming and going never degrades it.
 */
const EMPTY = -1;

export class MmsiIndex {
  private keys: Int32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1024) {
    let size = 16;
    while (size < initialCapacity * 2) size *= 2;
    this.keys = new Int32Array(size).fill(EMPTY);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }

  /** The slot for `mmsi`, or -1. MMSIs are 30-bit, so they fit an Int32 key. */
  get(mmsi: number): number {
    const keys = this.keys;
    const mask = this.mask;
    let i = hash(mmsi) & mask;
    for (;;) {
      const k = keys[i]!;
      if (k === mmsi) return this.values[i]!;
      if (k === EMPTY) return -1;
      i = (i + 1) & mask;
    }
  }

  set(mmsi: number, slot: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.rehash(this.keys.length * 2);
    const keys = this.keys;
    const mask = this.mask;
    let i = hash(mmsi) & mask;
    for (;;) {
      const k = keys[i]!;
      if (k === mmsi) {
        this.values[i] = slot;
        return;
      }
      if (k === EMPTY) {
        keys[i] = mmsi;
        this.values[i] = slot;
        this.count++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  delete(mmsi: number): boolean {
    const keys = this.keys;
    const values = this.values;
    const mask = this.mask;
    let i = hash(mmsi) & mask;
    for (;;) {
      const k = keys[i]!;
      if (k === EMPTY) return false;
      if (k === mmsi) break;
      i = (i + 1) & mask;
    }
    // Backward-shift: move later members of the probe run into the hole when their home allows it.
    let hole = i;
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      const k = keys[j]!;
      if (k === EMPTY) break;
      const home = hash(k) & mask;
      const between = hole <= j ? home > hole && home <= j : home > hole || home <= j;
      if (!between) {
        keys[hole] = k;
        values[hole] = values[j]!;
        hole = j;
      }
    }
    keys[hole] = EMPTY;
    this.count--;
    return true;
  }

  private rehash(size: number): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Int32Array(size).fill(EMPTY);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    this.count = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== EMPTY) this.set(oldKeys[i]!, oldValues[i]!);
  }
}

/** Fibonacci hashing: MMSIs share long runs of digits (same MID), so mix before masking. */
function hash(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 7;
}
