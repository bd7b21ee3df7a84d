/**
 * MMSI → slot, an open-addressing hash table in two typed arrays. A JavaScript Map costs
 * several hundred nanoseconds a lookup at 100 k entries on a modest machine, which alone
 * is a frame budget; linear probing over a power-of-two table at most half full costs a
 * multiply and one or two array reads. Deletion shifts the following run back (no
 * tombstones), so lookups never slow down as vessels come and go.
 */
const EMPTY = 0;

export class MmsiSlots {
  /** MMSI + 1 per bucket (0 marks an empty bucket; MMSI 0 is stored as 1). */
  private keys: Uint32Array;
  private values: Int32Array;
  private mask: number;
  /** 32 - log2(table size): the bucket is the top bits of a Fibonacci hash (MMSIs share low digits, e.g. ...000). */
  private shift: number;
  size = 0;

  constructor(expected = 1024) {
    let n = 16;
    while (n < expected * 2) n *= 2;
    this.keys = new Uint32Array(n);
    this.values = new Int32Array(n);
    this.mask = n - 1;
    this.shift = 32 - Math.log2(n);
  }

  private bucket(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  /** The slot of `mmsi`, or -1. */
  get(mmsi: number): number {
    const key = (mmsi + 1) >>> 0;
    for (let b = this.bucket(key); ; b = (b + 1) & this.mask) {
      const k = this.keys[b]!;
      if (k === key) return this.values[b]!;
      if (k === EMPTY) return -1;
    }
  }

  set(mmsi: number, slot: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.rehash(this.keys.length * 2);
    const key = (mmsi + 1) >>> 0;
    for (let b = this.bucket(key); ; b = (b + 1) & this.mask) {
      const k = this.keys[b]!;
      if (k === key) {
        this.values[b] = slot;
        return;
      }
      if (k === EMPTY) {
        this.keys[b] = key;
        this.values[b] = slot;
        this.size++;
        return;
      }
    }
  }

  delete(mmsi: number): boolean {
    const key = (mmsi + 1) >>> 0;
    let b = this.bucket(key);
    for (; ; b = (b + 1) & this.mask) {
      const k = this.keys[b]!;
      if (k === EMPTY) return false;
      if (k === key) break;
    }
    // Backward-shift deletion: move later members of the probe run into the hole when
    // their home bucket does not lie between the hole and their current bucket.
    let hole = b;
    for (let j = (b + 1) & this.mask; this.keys[j] !== EMPTY; j = (j + 1) & this.mask) {
      const home = this.bucket(this.keys[j]!);
      const between = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (!between) {
        this.keys[hole] = this.keys[j]!;
        this.values[hole] = this.values[j]!;
        hole = j;
      }
    }
    this.keys[hole] = EMPTY;
    this.size--;
    return true;
  }

  clear(): void {
    this.keys.fill(EMPTY);
    this.size = 0;
  }

  private rehash(n: number): void {
    const keys = this.keys, values = this.values;
    this.keys = new Uint32Array(n);
    this.values = new Int32Array(n);
    this.mask = n - 1;
    this.shift = 32 - Math.log2(n);
    this.size = 0;
    for (let b = 0; b < keys.length; b++) {
      if (keys[b] === EMPTY) continue;
      const key = keys[b]!;
      let j = this.bucket(key);
      while (this.keys[j] !== EMPTY) j = (j + 1) & this.mask;
      this.keys[j] = key;
      this.values[j] = values[b]!;
      this.size++;
    }
  }
}
