/**
 * When to look again at a vessel whose deadline a tick must resolve (its
 * eviction, the end of a run): a timing wheel of tick numbers, each slot in
 * at most one bucket.
 *
 * A sparse feed (a coastal receiver: a report or two a second) has a tick
 * every few dozen reports, so a tick that scans every vessel, or every run in
 * progress, costs as much as the reports between ticks. Here a slot waits in
 * the bucket of the tick at which its deadline falls as things stand. Most
 * deadlines only move later as the vessel reports (a silence is measured from
 * the last report), so a slot is rescheduled lazily: when its bucket comes
 * up it is due, or put where its latest report says. A
 * deadline that moves earlier is scheduled again at once (the slot moves).
 *
 * Buckets are intrusive doubly linked lists (`next`, `prev` per slot), so
 * nothing is allocated per vessel or per tick.
 */
import { resize } from './track-table.js';

const END = -1;

export class DeadlineWheel {
  /** First slot of each bucket's list, END when empty. */
  private readonly heads: Int32Array;
  private next = new Int32Array(0);
  private prev = new Int32Array(0);
  /** Per slot: the tick number it waits for, NaN when none. */
  private due = new Float64Array(0);

  /**
   * `span`: the most ticks ahead of the current one a slot is ever scheduled
   * (the longest deadline in ticks, plus the tick in progress and rounding).
   */
  constructor(span: number, capacity: number) {
    if (!Number.isInteger(span) || span < 1) throw new RangeError(`deadline wheel span ${span} is not a positive integer`);
    this.heads = new Int32Array(span + 1).fill(END);
    this.grow(capacity);
  }

  grow(capacity: number): void {
    const before = this.due.length;
    this.next = resize(this.next, capacity);
    this.prev = resize(this.prev, capacity);
    this.due = resize(this.due, capacity);
    this.due.fill(NaN, before);
  }

  /** Makes `slot` wait for tick number `tick`, wherever it waited before. */
  schedule(slot: number, tick: number): void {
    if (this.due[slot] === tick) return;
    this.cancel(slot);
    const b = this.bucketOf(tick);
    const head = this.heads[b]!;
    this.next[slot] = head;
    this.prev[slot] = END;
    if (head !== END) this.prev[head] = slot;
    this.heads[b] = slot;
    this.due[slot] = tick;
  }

  /** Takes `slot` off the wheel (it waits for nothing). */
  cancel(slot: number): void {
    const tick = this.due[slot]!;
    if (Number.isNaN(tick)) return;
    const before = this.prev[slot]!;
    const after = this.next[slot]!;
    if (before === END) this.heads[this.bucketOf(tick)] = after;
    else this.next[before] = after;
    if (after !== END) this.prev[after] = before;
    this.due[slot] = NaN;
  }

  /**
   * The slots due at tick number `tick`, taken off the wheel into `out` (room
   * for every slot) in ascending order, as a scan over the slots would meet
   * them; returns how many. A slot waiting for this tick whose deadline
   * `dueTick(slot)` has since moved later is put back there instead.
   */
  takeDue(tick: number, out: Int32Array, dueTick: (slot: number) => number): number {
    const b = this.bucketOf(tick);
    let n = 0;
    for (let slot = this.heads[b]!; slot !== END; slot = this.next[slot]!) {
      out[n++] = slot;
      this.due[slot] = NaN;
    }
    this.heads[b] = END;
    let due = 0;
    for (let i = 0; i < n; i++) {
      const slot = out[i]!;
      const at = dueTick(slot);
      if (at > tick) this.schedule(slot, at);
      else out[due++] = slot;
    }
    if (due > 1) out.subarray(0, due).sort();
    return due;
  }

  private bucketOf(tick: number): number {
    const n = this.heads.length;
    return ((tick % n) + n) % n; // ticks before 1970 are negative
  }
}
