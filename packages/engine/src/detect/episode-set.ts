/**
 * The open episodes of a detector that keeps several per vessel (one per
 * corridor, one per zone): all of them for ticks, a vessel's own for its
 * positions, and a pool of closed ones for reuse, so steady state allocates
 * nothing. Removal swaps the last episode into the hole (order is not kept).
 */
export interface PooledEpisode {
  /** Index in `active`, or -1 once closed. */
  at: number;
  slot: number;
}

export class EpisodeSet<E extends PooledEpisode> {
  readonly active: E[] = [];
  private readonly bySlot: E[][] = [];
  private readonly spare: E[] = [];
  /**
   * Per slot: how many are open. Most vessels have none, and asking here
   * reads one byte where fetching their list would chase two pointers.
   */
  private counts = new Uint8Array(64);

  constructor(private readonly make: () => E) {}

  /** Whether the vessel has any episode open. */
  any(slot: number): boolean {
    return slot < this.counts.length && this.counts[slot] !== 0;
  }

  /** The vessel's open episodes (a live array: iterate it backwards when closing). */
  of(slot: number): E[] {
    return (this.bySlot[slot] ??= []);
  }

  /** A new track in `slot`: nothing is open for it. */
  clear(slot: number): void {
    // Usually the list is absent (a slot never used) or already empty (its episodes closed at
    // eviction): keep it rather than allocate one per vessel opened.
    if (this.bySlot[slot]?.length) this.bySlot[slot] = [];
    if (slot < this.counts.length) this.counts[slot] = 0;
  }

  /** An episode for `slot`, reused when one is spare; the caller sets its fields. */
  open(slot: number): E {
    const ep = this.spare.pop() ?? this.make();
    ep.slot = slot;
    ep.at = this.active.length;
    this.active.push(ep);
    const list = this.of(slot);
    list.push(ep);
    if (slot >= this.counts.length) {
      let size = this.counts.length;
      while (size <= slot) size *= 2;
      const counts = new Uint8Array(size);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.counts[slot] = Math.min(255, list.length);
    return ep;
  }

  close(ep: E): void {
    const last = this.active.pop()!;
    if (last !== ep) {
      this.active[ep.at] = last;
      last.at = ep.at;
    }
    ep.at = -1;
    const list = this.bySlot[ep.slot]!;
    list.splice(list.indexOf(ep), 1);
    this.counts[ep.slot] = Math.min(255, list.length);
    this.spare.push(ep);
  }
}
