/**
 * The reorder buffer at the engine's front door.
 *
 * Feeds merged from several receivers, or from a satellite and a coastal
 * network, deliver messages a few seconds out of order. The buffer holds
 * observations for `windowMs` of event time in one-second buckets and
 * releases a second only when the newest time seen is `windowMs` past its end;
 * each released second is sorted by a total order on the observation's
 * content (time, MMSI, kind, then every field), so the order observations
 * arrive in within the window cannot change what the engine sees, and two
 * observations never tie unless they are identical.
 *
 * An observation older than the last released second is late: it is counted
 * and dropped, because admitting it would make results depend on arrival
 * order after all.
 *
 * Positions are copied into typed-array columns (no object per message);
 * static observations, a few per cent of traffic, are kept as objects.
 */
import type { Observation, PositionObservation, StaticObservation } from '../observe/observation.js';
import { PositionSource } from '../observe/observation.js';
import { resize } from '../track/track-table.js';

const NONE = -1;
const KIND_POSITION = 1;
const KIND_STATIC = 2;

export class ReorderBuffer {
  readonly windowMs: number;
  /** Buckets in the ring: enough seconds for the window plus the ones being filled and released. */
  private readonly ringSize: number;
  private readonly bucketHead: Int32Array;
  private readonly bucketLength: Int32Array;
  /** The last second (floor(t / 1000)) released; everything at or before it is late. NaN before any input. */
  private releasedSecond = NaN;
  /** The newest event time seen. */
  private newest = -Infinity;

  // Rows: a pool of slots with a free list; `next` chains the rows of one bucket.
  private capacity = 0;
  private next = new Int32Array(0);
  private kind = new Uint8Array(0);
  private t = new Float64Array(0);
  private mmsi = new Int32Array(0);
  private lat = new Float64Array(0);
  private lon = new Float64Array(0);
  private sog = new Float64Array(0);
  private cog = new Float64Array(0);
  private heading = new Float64Array(0);
  private navStatus = new Float64Array(0);
  private source = new Uint8Array(0);
  private statics: Array<StaticObservation | undefined> = [];
  private freeHead = NONE;
  private held = 0;
  /** Rows of the bucket being released, sorted in place. */
  private scratch = new Int32Array(64);
  private readonly out: PositionObservation = {
    kind: 'position', t: 0, mmsi: 0, lat: 0, lon: 0, sog: NaN, cog: NaN, heading: NaN, navStatus: NaN, source: PositionSource.OTHER,
  };
  private readonly compare = (a: number, b: number): number => this.compareRows(a, b);

  constructor(windowMs: number) {
    if (!(windowMs >= 0 && windowMs <= 3_600_000)) throw new RangeError(`reorder window ${windowMs} ms is outside 0..3600000`);
    this.windowMs = windowMs;
    this.ringSize = Math.ceil(windowMs / 1000) + 3;
    this.bucketHead = new Int32Array(this.ringSize).fill(NONE);
    this.bucketLength = new Int32Array(this.ringSize);
    this.growRows(1024);
  }

  /** Observations waiting. */
  get size(): number {
    return this.held;
  }

  /** All event time before this has been released (ms UTC); -Infinity before any release. */
  get releasedThrough(): number {
    return Number.isNaN(this.releasedSecond) ? -Infinity : (this.releasedSecond + 1) * 1000;
  }

  get bytes(): number {
    return this.capacity * (4 + 1 + 8 + 4 + 8 * 7 + 1 + 8) + this.scratch.byteLength;
  }

  /**
   * Holds `obs` (copied: the caller may reuse it), first releasing every
   * second its time makes final. Returns false, holding nothing, when `obs`
   * is late.
   */
  push(obs: Observation, each: (obs: Observation) => void, secondDone: (endMs: number) => void): boolean {
    const second = Math.floor(obs.t / 1000);
    if (Number.isNaN(this.releasedSecond)) {
      // The first observation opens the window behind it too: earlier ones may still come.
      this.releasedSecond = Math.floor((obs.t - this.windowMs) / 1000) - 1;
    } else if (second <= this.releasedSecond) return false;
    // Release before holding: a jump forward in time must empty the ring's old seconds first.
    this.advance(obs.t, each, secondDone);
    this.hold(obs, second);
    return true;
  }

  /**
   * Event time `now` has been reached (by data or by the caller's clock):
   * releases, in order, every second that ended at least `windowMs` before it.
   * `each` gets each observation (a position object reused between calls),
   * `secondDone` each released second's end time after its observations.
   */
  advance(now: number, each: (obs: Observation) => void, secondDone: (endMs: number) => void): void {
    if (now > this.newest) this.newest = now;
    if (Number.isNaN(this.releasedSecond)) return;
    // Second s is final once now - window >= (s + 1) * 1000.
    this.releaseThrough(Math.floor((this.newest - this.windowMs) / 1000) - 1, each, secondDone);
  }

  /** Releases everything held, in order (end of input). */
  drain(each: (obs: Observation) => void, secondDone: (endMs: number) => void): void {
    if (Number.isNaN(this.releasedSecond)) return;
    this.releaseThrough(Math.floor(this.newest / 1000), each, secondDone);
  }

  /** The newest event time seen or advanced to (ms UTC), -Infinity before any. */
  get newestTime(): number {
    return this.newest;
  }

  private hold(obs: Observation, second: number): void {
    const row = this.takeRow();
    this.t[row] = obs.t;
    this.mmsi[row] = obs.mmsi;
    if (obs.kind === 'position') {
      this.kind[row] = KIND_POSITION;
      this.lat[row] = obs.lat;
      this.lon[row] = obs.lon;
      this.sog[row] = obs.sog;
      this.cog[row] = obs.cog;
      this.heading[row] = obs.heading;
      this.navStatus[row] = obs.navStatus;
      this.source[row] = obs.source;
    } else {
      this.kind[row] = KIND_STATIC;
      this.statics[row] = { ...obs };
    }
    const b = ((second % this.ringSize) + this.ringSize) % this.ringSize;
    this.next[row] = this.bucketHead[b]!;
    this.bucketHead[b] = row;
    this.bucketLength[b]!++;
    this.held++;
  }

  private releaseThrough(last: number, each: (obs: Observation) => void, secondDone: (endMs: number) => void): void {
    let s = this.releasedSecond;
    while (s < last) {
      // Skip empty stretches in one step once nothing is held (a feed silent for hours).
      if (this.held === 0) {
        this.releasedSecond = last;
        secondDone((last + 1) * 1000);
        return;
      }
      s++;
      this.releasedSecond = s;
      this.releaseBucket(((s % this.ringSize) + this.ringSize) % this.ringSize, each);
      secondDone((s + 1) * 1000);
    }
  }

  private releaseBucket(b: number, each: (obs: Observation) => void): void {
    const n = this.bucketLength[b]!;
    if (n === 0) return;
    if (this.scratch.length < n) this.scratch = new Int32Array(Math.max(n, this.scratch.length * 2));
    const rows = this.scratch.subarray(0, n);
    let row = this.bucketHead[b]!;
    for (let i = 0; i < n; i++) {
      rows[i] = row;
      row = this.next[row]!;
    }
    this.bucketHead[b] = NONE;
    this.bucketLength[b] = 0;
    if (n > 1) rows.sort(this.compare);
    const out = this.out;
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      if (this.kind[r] === KIND_POSITION) {
        out.t = this.t[r]!;
        out.mmsi = this.mmsi[r]!;
        out.lat = this.lat[r]!;
        out.lon = this.lon[r]!;
        out.sog = this.sog[r]!;
        out.cog = this.cog[r]!;
        out.heading = this.heading[r]!;
        out.navStatus = this.navStatus[r]!;
        out.source = this.source[r] as PositionSource;
        this.freeRow(r);
        each(out);
      } else {
        const obs = this.statics[r]!;
        this.statics[r] = undefined;
        this.freeRow(r);
        each(obs);
      }
    }
  }

  /** The total order: time, MMSI, kind, then content, so only identical observations tie. */
  private compareRows(a: number, b: number): number {
    return (
      this.t[a]! - this.t[b]! ||
      this.mmsi[a]! - this.mmsi[b]! ||
      this.kind[a]! - this.kind[b]! ||
      (this.kind[a] === KIND_POSITION ? this.comparePositions(a, b) : compareStatics(this.statics[a]!, this.statics[b]!))
    );
  }

  private comparePositions(a: number, b: number): number {
    return (
      compareNumbers(this.lat[a]!, this.lat[b]!) ||
      compareNumbers(this.lon[a]!, this.lon[b]!) ||
      compareNumbers(this.sog[a]!, this.sog[b]!) ||
      compareNumbers(this.cog[a]!, this.cog[b]!) ||
      compareNumbers(this.heading[a]!, this.heading[b]!) ||
      compareNumbers(this.navStatus[a]!, this.navStatus[b]!) ||
      this.source[a]! - this.source[b]!
    );
  }

  private takeRow(): number {
    if (this.freeHead === NONE) this.growRows(this.capacity * 2);
    const row = this.freeHead;
    this.freeHead = this.next[row]!;
    return row;
  }

  private freeRow(row: number): void {
    this.next[row] = this.freeHead;
    this.freeHead = row;
    this.held--;
  }

  private growRows(capacity: number): void {
    const old = this.capacity;
    this.next = resize(this.next, capacity);
    this.kind = resize(this.kind, capacity);
    this.t = resize(this.t, capacity);
    this.mmsi = resize(this.mmsi, capacity);
    this.lat = resize(this.lat, capacity);
    this.lon = resize(this.lon, capacity);
    this.sog = resize(this.sog, capacity);
    this.cog = resize(this.cog, capacity);
    this.heading = resize(this.heading, capacity);
    this.navStatus = resize(this.navStatus, capacity);
    this.source = resize(this.source, capacity);
    this.capacity = capacity;
    // Chain the new rows onto the free list.
    for (let r = capacity - 1; r >= old; r--) {
      this.next[r] = this.freeHead;
      this.freeHead = r;
    }
  }
}

/** Numbers in a total order with NaN first (NaN equals NaN). */
function compareNumbers(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  return Number.isNaN(a) ? (Number.isNaN(b) ? 0 : -1) : 1;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareStatics(a: StaticObservation, b: StaticObservation): number {
  return (
    compareStrings(a.name, b.name) ||
    compareStrings(a.callsign, b.callsign) ||
    compareNumbers(a.imo, b.imo) ||
    compareNumbers(a.shipType, b.shipType) ||
    compareNumbers(a.toBow, b.toBow) ||
    compareNumbers(a.toStern, b.toStern) ||
    compareNumbers(a.toPort, b.toPort) ||
    compareNumbers(a.toStarboard, b.toStarboard) ||
    compareStrings(a.destination, b.destination) ||
    compareNumbers(a.draught, b.draught)
  );
}
