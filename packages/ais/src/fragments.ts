/**
 * Reassembly of multi-sentence messages.
 *
 * A group is keyed by talker, channel and sequence id, or by the tag block's
 * group id when the sender gives one. Fragments must arrive in order; a
 * fragment that does not continue its group closes that group as incomplete
 * rather than splicing pieces of two messages together (the fault of decoders
 * that key on the channel alone). Memory is bounded: at most `maxOpen` groups,
 * each dropped as incomplete when it is older than `maxAgeLines` lines or when
 * a newer group needs its slot.
 */
import { Payload } from './bits.js';

export class FragmentGroup {
  key = 0;
  count = 0;
  /** Number of the fragment expected next. */
  next = 0;
  firstLine = 0;
  /** Tag-block/station time and source of the first fragment that carried them. */
  time = NaN;
  source: string | undefined = undefined;
  receivedAt: number | undefined = undefined;
  readonly payload = new Payload(128);
}

export interface GroupLimits {
  /** Open groups kept at once (default 256). */
  maxOpen: number;
  /** Lines after its first fragment that a group may wait for the rest (default 1000). */
  maxAgeLines: number;
}

export const DEFAULT_GROUP_LIMITS: GroupLimits = { maxOpen: 256, maxAgeLines: 1000 };

/** Open groups, oldest first, with a pool of spare groups so steady state allocates nothing. */
export class FragmentTable {
  private readonly open: FragmentGroup[] = [];
  private readonly spare: FragmentGroup[] = [];

  constructor(private readonly limits: GroupLimits) {}

  get size(): number {
    return this.open.length;
  }

  find(key: number): FragmentGroup | undefined {
    const open = this.open;
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.key === key) return open[i];
    return undefined;
  }

  /** Starts a new group; `evicted` receives a group pushed out to keep the bound. */
  start(key: number, count: number, line: number, evicted: (g: FragmentGroup) => void): FragmentGroup {
    if (this.open.length >= this.limits.maxOpen) {
      const oldest = this.open.shift()!;
      evicted(oldest);
      this.spare.push(oldest);
    }
    const g = this.spare.pop() ?? new FragmentGroup();
    g.key = key;
    g.count = count;
    g.next = 1;
    g.firstLine = line;
    g.time = NaN;
    g.source = undefined;
    g.receivedAt = undefined;
    g.payload.reset();
    this.open.push(g);
    return g;
  }

  /** Removes a group (complete or abandoned) and keeps it for reuse. */
  close(g: FragmentGroup): void {
    const open = this.open;
    const i = open.lastIndexOf(g);
    if (i >= 0) {
      // By hand: splice would allocate the array of what it removed, once per multi-sentence message.
      for (let j = i + 1; j < open.length; j++) open[j - 1] = open[j]!;
      open.pop();
    }
    this.spare.push(g);
  }

  /** Calls `expired` for and closes every group that has waited too long at `line`. */
  expire(line: number, expired: (g: FragmentGroup) => void): void {
    while (this.open.length > 0 && line - this.open[0]!.firstLine > this.limits.maxAgeLines) {
      const g = this.open[0]!;
      expired(g);
      this.close(g);
    }
  }

  /** Calls `each` for every open group and closes them all (end of input). */
  drain(each: (g: FragmentGroup) => void): void {
    while (this.open.length > 0) {
      const g = this.open[0]!;
      each(g);
      this.close(g);
    }
  }
}
