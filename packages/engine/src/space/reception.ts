/**
 * Where and when AIS was heard: a coarse grid of cells, each with a ring of
 * time buckets (one bit per bucket: was any vessel heard in this cell then).
 *
 * It answers the question a gap needs answered before it means anything:
 * while this vessel was silent, were others heard near where it went quiet
 * and where it came back? If not, the silence says more about reception
 * (no receiver in range, satellite pass) than about the vessel.
 *
 * Memory is bounded: a cell holds `buckets` bits (rounded up to 32) and a
 * cell not heard for a whole ring is dropped by `sweep`. Marks are skipped
 * when a vessel reports again from the cell and bucket it last marked, so
 * the usual cost per position is two comparisons.
 */
import { SlotIndex } from '../track/slot-index.js';

export interface Coverage {
  /** Buckets in the range in which some vessel was heard in the neighbourhood. */
  heard: number;
  /** Buckets in the range that the ring still remembers. */
  buckets: number;
}

export class ReceptionMap {
  private readonly words: number;
  private readonly ringBuckets: number;
  private readonly rows: number;
  private readonly cols: number;
  /** Cell key → the cell's slot in the arrays below (a Map's lookup cost several times more, once a report). */
  private readonly cells = new SlotIndex(256);
  /** Per cell slot: ring bits (`words` Uint32 each), the newest bucket marked, and its key (-1: free). */
  private bits = new Uint32Array(0);
  private newest = new Float64Array(0);
  private keyOf = new Int32Array(0);
  private freeCells: number[] = [];
  private capacity = 0;

  constructor(
    readonly cellDegrees: number,
    readonly bucketMs: number,
    buckets: number,
  ) {
    this.words = Math.ceil(buckets / 32);
    this.ringBuckets = this.words * 32;
    this.rows = Math.ceil(180 / cellDegrees);
    this.cols = Math.ceil(360 / cellDegrees);
    this.growCells(256);
  }

  /** Cells remembered now. */
  get size(): number {
    return this.cells.size;
  }

  get bytes(): number {
    return this.bits.byteLength + this.newest.byteLength + this.keyOf.byteLength + this.cells.bytes;
  }

  /** The cell key of a position. */
  cellOf(lat: number, lon: number): number {
    const row = Math.min(this.rows - 1, Math.max(0, Math.floor((lat + 90) / this.cellDegrees)));
    const col = Math.min(this.cols - 1, Math.max(0, Math.floor((lon + 180) / this.cellDegrees)));
    return row * this.cols + col;
  }

  bucketOf(t: number): number {
    return Math.floor(t / this.bucketMs);
  }

  /** Notes that a vessel was heard in `cell` during `bucket`. Buckets arrive in time order. */
  mark(cell: number, bucket: number): void {
    let c = this.cells.get(cell);
    if (c < 0) {
      c = this.claim(cell);
      this.cells.set(cell, c);
    }
    const newest = this.newest[c]!;
    if (bucket > newest) {
      // Buckets between the newest marked and this one were silent: clear their bits (a new cell has none set).
      const span = bucket - newest;
      if (span >= this.ringBuckets) this.bits.fill(0, c * this.words, (c + 1) * this.words);
      else for (let k = 1; k <= span; k++) this.setBit(c, (bucket - span + k) % this.ringBuckets, false);
      this.newest[c] = bucket;
    } else if (bucket <= newest - this.ringBuckets) return;
    this.setBit(c, bucket % this.ringBuckets, true);
  }

  /**
   * How many of the buckets `from..to` (inclusive) had a vessel heard within
   * `radius` cells of the position (a (2r+1)² block), counting only buckets
   * the ring still remembers as of bucket `now`.
   */
  coverage(lat: number, lon: number, radius: number, from: number, to: number, now: number, out: Coverage): Coverage {
    from = Math.max(from, now - this.ringBuckets + 1);
    out.heard = 0;
    out.buckets = Math.max(0, to - from + 1);
    if (out.buckets === 0) return out;
    const row = Math.floor((lat + 90) / this.cellDegrees);
    const col = Math.floor((lon + 180) / this.cellDegrees);
    const block: number[] = [];
    for (let dr = -radius; dr <= radius; dr++) {
      const r = row + dr;
      if (r < 0 || r >= this.rows) continue;
      for (let dc = -radius; dc <= radius; dc++) {
        const cc = (((col + dc) % this.cols) + this.cols) % this.cols;
        const c = this.cells.get(r * this.cols + cc);
        if (c >= 0) block.push(c);
      }
    }
    for (let b = from; b <= to; b++) {
      for (const c of block) {
        const newest = this.newest[c]!;
        if (b <= newest && b > newest - this.ringBuckets && this.getBit(c, b % this.ringBuckets)) {
          out.heard++;
          break;
        }
      }
    }
    return out;
  }

  /** Forgets cells whose newest mark has left the ring as of bucket `now`. */
  sweep(now: number): void {
    const keyOf = this.keyOf;
    for (let c = 0; c < this.capacity; c++) {
      if (keyOf[c]! >= 0 && this.newest[c]! <= now - this.ringBuckets) {
        this.cells.delete(keyOf[c]!);
        keyOf[c] = -1;
        this.freeCells.push(c);
      }
    }
  }

  private claim(key: number): number {
    let c = this.freeCells.pop();
    if (c === undefined) {
      this.growCells(this.capacity * 2);
      c = this.freeCells.pop()!;
    }
    this.bits.fill(0, c * this.words, (c + 1) * this.words);
    this.newest[c] = -Infinity;
    this.keyOf[c] = key;
    return c;
  }

  private growCells(capacity: number): void {
    const bits = new Uint32Array(capacity * this.words);
    bits.set(this.bits);
    const newest = new Float64Array(capacity);
    newest.set(this.newest);
    const keyOf = new Int32Array(capacity).fill(-1);
    keyOf.set(this.keyOf);
    for (let c = capacity - 1; c >= this.capacity; c--) this.freeCells.push(c);
    this.bits = bits;
    this.newest = newest;
    this.keyOf = keyOf;
    this.capacity = capacity;
  }

  private setBit(c: number, i: number, on: boolean): void {
    const w = c * this.words + (i >>> 5);
    const mask = 1 << (i & 31);
    this.bits[w] = on ? this.bits[w]! | mask : this.bits[w]! & ~mask;
  }

  private getBit(c: number, i: number): boolean {
    return (this.bits[c * this.words + (i >>> 5)]! & (1 << (i & 31))) !== 0;
  }
}
