/**
 * The vessels (track slots) in some state, such as a detector's runs in
 * progress: added and removed in constant time, and listed in ascending slot
 * order for a tick.
 *
 * A tick that scanned every slot for the few in the state cost a pass over
 * the whole fleet each minute of event time; in a sparse feed (a coastal
 * receiver hears about one report a second) that pass cost more than the
 * reports of the minute. Listing in slot order keeps the events a tick emits
 * in the order the scan gave.
 */
export class SlotSet {
  private members = new Int32Array(16);
  /** Per slot: its place in `members`, or -1 when it is not a member. */
  private place = new Int32Array(0);
  private listed = new Int32Array(16);
  size = 0;

  grow(capacity: number): void {
    const place = new Int32Array(capacity).fill(-1);
    place.set(this.place.subarray(0, Math.min(capacity, this.place.length)));
    this.place = place;
  }

  add(slot: number): void {
    if (this.place[slot]! >= 0) return;
    if (this.size === this.members.length) {
      const members = new Int32Array(2 * this.size);
      members.set(this.members);
      this.members = members;
    }
    this.place[slot] = this.size;
    this.members[this.size++] = slot;
  }

  delete(slot: number): void {
    const at = this.place[slot]!;
    if (at < 0) return;
    // The last member fills the hole: order is kept only by `ascending`.
    const last = this.members[--this.size]!;
    this.members[at] = last;
    this.place[last] = at;
    this.place[slot] = -1;
  }

  /**
   * The members in ascending order, as a view of an array reused by the next
   * call: the caller may add and delete while it walks the view.
   */
  ascending(): Int32Array {
    return this.ascendingWhere(always);
  }

  /**
   * The members for which `chosen` holds, in ascending order, as
   * {@link ascending} gives them. A tick asks for the members whose deadline
   * has passed, usually none: it then pays a pass over the members and no
   * sort (a sparse feed has a tick every few dozen reports).
   */
  ascendingWhere(chosen: (slot: number) => boolean): Int32Array {
    const n = this.size;
    if (this.listed.length < n) this.listed = new Int32Array(this.members.length);
    const listed = this.listed;
    const members = this.members;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const slot = members[i]!;
      if (chosen(slot)) listed[k++] = slot;
    }
    if (k === 0) return NONE;
    const view = listed.subarray(0, k);
    return k === 1 ? view : view.sort();
  }
}

const NONE = new Int32Array(0);

function always(): boolean {
  return true;
}
