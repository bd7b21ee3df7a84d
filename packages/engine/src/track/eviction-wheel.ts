/**
 * When to look again at each tracked vessel for eviction: a timing wheel of
 * tick numbers, each live slot in exactly one bucket.
 *
 * A vessel is evicted at the first tick at which it has been silent longer
 * than the profile allows. Scanning every slot for that at each tick cost a
 * pass over the fleet per minute of event time, and a coastal feed (a report
 * or two a second) has only a few dozen reports a minute to share that cost.
 * Here a slot waits in the bucket of the tick at which it would be due if it
 * were never heard again. That tick only moves later as the vessel is heard,
 * so when its bucket comes up the slot is either due, or rescheduled to the
 * tick its latest report gives: a vessel is looked at about once per
 * eviction period, and a report costs nothing here.
 *
 * Buckets are intrusive singly linked lists (a `next` per slot), so nothing
 * is allocated per vessel or per tick.
 */
import { resize } from './track-table.js';

const END = -1;

export class EvictionWheel {
  /** First slot of each bucket's list, END when empty. */
  private readonly heads: Int32Array;
  /** Per slot: the next slot in the same bucket. */
  private next = new Int32Array(0);

  /**
   * `span`: the most ticks ahead of the current one a slot is ever scheduled
   * (the eviction period in ticks, plus the tick in progress and rounding).
   */
  constructor(span: number, capacity: number) {
    if (!Number.isInteger(span) || span < 1) throw new RangeError(`eviction wheel span ${span} is not a positive integer`);
    this.heads = new Int32Array(span + 1).fill(END);
    this.grow(capacity);
  }

  grow(capacity: number): void {
    this.next = resize(this.next, capacity);
  }

  /** Puts `slot` (in no bucket now) in the bucket of tick number `tick`. */
  schedule(slot: number, tick: number): void {
    const b = this.bucketOf(tick);
    this.next[slot] = this.heads[b]!;
    this.heads[b] = slot;
  }

  /**
   * Empties the bucket of tick number `tick` into `out` (which must have room
   * for every slot); returns how many slots it held. The caller reschedules
   * or evicts each.
   */
  take(tick: number, out: Int32Array): number {
    const b = this.bucketOf(tick);
    let n = 0;
    for (let slot = this.heads[b]!; slot !== END; slot = this.next[slot]!) out[n++] = slot;
    this.heads[b] = END;
    return n;
  }

  private bucketOf(tick: number): number {
    const n = this.heads.length;
    return ((tick % n) + n) % n; // ticks before 1970 are negative
  }
}
