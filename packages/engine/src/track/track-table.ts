/**
 * Tracks: every vessel's live state, one slot per vessel, in typed arrays.
 *
 * Typed arrays instead of objects keep the state of hundreds of thousands of
 * vessels compact and the per-message work to a few array writes. Each slot
 * holds the last position, the one before it, the time last heard, a ring
 * buffer of the last `historyLength` positions and (once the vessel has sent
 * static data) an {@link Identity}. Slots of evicted vessels are reused.
 *
 * The fields a position reads and writes sit side by side in one record per
 * slot (sixteen float64, two cache lines), not in a column each: with a few
 * hundred thousand vessels the columns no longer stay in cache, and a report
 * touching sixteen columns paid sixteen misses where the record pays two.
 * Fields are read through methods (`tracks.lat(slot)`), which inline to one
 * array load.
 *
 * Positions in the ring are stored as integers (1e-7 degree, about 1 cm;
 * speed and course in 1/10 knot and 1/10 degree) to keep a point at 20 bytes:
 * its time in one array, the rest packed in three int32 beside each other.
 */
import type { PositionObservation, PositionSource } from '../observe/observation.js';
import type { Identity } from './identity.js';
import { SlotIndex } from './slot-index.js';

/** A point of a track's recent history, as snapshots return it. */
export interface TrackPoint {
  readonly t: number;
  readonly lat: number;
  readonly lon: number;
  /** Knots, NaN when not available. */
  readonly sog: number;
  /** Degrees, NaN when not available. */
  readonly cog: number;
}

const E7 = 1e7;
/** Stored for NaN speed or course in the 16-bit history fields. */
const NOT_AVAILABLE = 0xffff;

/**
 * The record of a slot: the first cache line holds what most detectors read
 * (time and place now and before, speed and course), the second the rest.
 */
const RECORD = 16;
const LAST_T = 0;
const LAT = 1;
const LON = 2;
const SOG = 3;
const COG = 4;
const PREV_T = 5;
const PREV_LAT = 6;
const PREV_LON = 7;
const HEADING = 8;
const NAV_STATUS = 9;
const SOURCE = 10;
const POSITIONS = 11;
const HEARD_T = 12;
const FIRST_T = 13;
const MMSI = 14;
/** The history ring's next write (low 16 bits) and points held (count · 65536). */
const HIST = 15;
/** Int32 per history point beside its time. */
const POINT = 3;

export class TrackTable {
  readonly historyLength: number;
  private readonly index = new SlotIndex();
  private readonly growListeners: Array<(capacity: number) => void> = [];
  capacity: number;
  /** Slots in use now. */
  size = 0;
  /** One past the highest slot ever used: loops over slots stop here. */
  highWater = 0;

  /** 1 for a slot in use: a column of its own, for the passes over every slot (the end of input). */
  live: Uint8Array;
  identities: Array<Identity | undefined> = [];
  /** RECORD float64 per slot, fields at the offsets below. */
  private rec: Float64Array;

  // History ring: historyLength points per slot; head and count live in the record.
  private histT: Float64Array;
  /** Three int32 per point: latitude and longitude in 1e-7 degree, then speed | course << 16. */
  private histPoint: Int32Array;

  private freeSlots: Int32Array;
  private freeCount = 0;

  constructor(historyLength = 32, initialCapacity = 1024) {
    if (!Number.isInteger(historyLength) || historyLength < 0 || historyLength > 4096) throw new RangeError(`historyLength ${historyLength} is outside 0..4096`);
    this.historyLength = historyLength;
    const n = (this.capacity = initialCapacity);
    this.live = new Uint8Array(n);
    this.rec = new Float64Array(n * RECORD);
    this.histT = new Float64Array(n * historyLength);
    this.histPoint = new Int32Array(n * historyLength * POINT);
    this.freeSlots = new Int32Array(n);
  }

  /** Time of the last position, ms UTC (NaN before the first position). */
  lastT(slot: number): number {
    return this.rec[slot * RECORD + LAST_T]!;
  }
  lat(slot: number): number {
    return this.rec[slot * RECORD + LAT]!;
  }
  lon(slot: number): number {
    return this.rec[slot * RECORD + LON]!;
  }
  /** Knots, NaN when not available (float32 precision, as reported). */
  sog(slot: number): number {
    return this.rec[slot * RECORD + SOG]!;
  }
  cog(slot: number): number {
    return this.rec[slot * RECORD + COG]!;
  }
  heading(slot: number): number {
    return this.rec[slot * RECORD + HEADING]!;
  }
  navStatus(slot: number): number {
    return this.rec[slot * RECORD + NAV_STATUS]!;
  }
  /** The position before the last one (NaN when there is none). */
  prevT(slot: number): number {
    return this.rec[slot * RECORD + PREV_T]!;
  }
  prevLat(slot: number): number {
    return this.rec[slot * RECORD + PREV_LAT]!;
  }
  prevLon(slot: number): number {
    return this.rec[slot * RECORD + PREV_LON]!;
  }
  /** Positions accepted into the track. */
  positions(slot: number): number {
    return this.rec[slot * RECORD + POSITIONS]!;
  }
  /** Time of the last message of any kind, ms UTC: what eviction looks at. */
  heardT(slot: number): number {
    return this.rec[slot * RECORD + HEARD_T]!;
  }
  /** Time of the first position, ms UTC (NaN before it). */
  firstT(slot: number): number {
    return this.rec[slot * RECORD + FIRST_T]!;
  }
  mmsi(slot: number): number {
    return this.rec[slot * RECORD + MMSI]!;
  }

  /** What the last {@link touchSlot} read, kept so that its loads are not optimised away. */
  touched = 0;

  /**
   * The slot of a vessel (-1 when it has no track), its record read on the
   * way: the engine looks a few observations ahead so that the cache misses
   * of a large fleet overlap (see ReorderBuffer).
   */
  touchSlot(mmsi: number): number {
    const slot = this.index.get(mmsi);
    if (slot >= 0) this.touched = this.rec[slot * RECORD + LAST_T]! + this.rec[slot * RECORD + HEARD_T]!;
    return slot;
  }

  /** Reads the MMSI index's entry where `mmsi` would be found first (see touch). */
  touchIndex(mmsi: number): number {
    return this.index.home(mmsi);
  }

  /** Called with the new capacity whenever the table grows, so per-vessel state elsewhere can follow. */
  onGrow(listener: (capacity: number) => void): void {
    this.growListeners.push(listener);
  }

  /** The slot of a vessel, or -1 when it has no track. */
  slotOf(mmsi: number): number {
    return this.index.get(mmsi);
  }

  /** Opens a track for a vessel not yet tracked; returns its slot. */
  open(mmsi: number, t: number): number {
    let slot: number;
    if (this.freeCount > 0) slot = this.freeSlots[--this.freeCount]!;
    else {
      if (this.highWater === this.capacity) this.grow(this.capacity * 2);
      slot = this.highWater++;
    }
    this.live[slot] = 1;
    const r = this.rec;
    const at = slot * RECORD;
    r[at + LAST_T] = NaN;
    r[at + LAT] = NaN;
    r[at + LON] = NaN;
    r[at + SOG] = NaN;
    r[at + COG] = NaN;
    r[at + PREV_T] = NaN;
    r[at + PREV_LAT] = NaN;
    r[at + PREV_LON] = NaN;
    r[at + HEADING] = NaN;
    r[at + NAV_STATUS] = NaN;
    r[at + SOURCE] = 0;
    r[at + POSITIONS] = 0;
    r[at + HEARD_T] = t;
    r[at + FIRST_T] = NaN;
    r[at + MMSI] = mmsi;
    r[at + HIST] = 0;
    this.identities[slot] = undefined;
    this.index.set(mmsi, slot);
    this.size++;
    return slot;
  }

  /** Forgets a vessel; its slot will be reused. */
  close(slot: number): void {
    if (this.live[slot] !== 1) return;
    this.index.delete(this.mmsi(slot));
    this.live[slot] = 0;
    this.identities[slot] = undefined;
    this.freeSlots[this.freeCount++] = slot;
    this.size--;
  }

  /** Appends a position (already judged plausible enough to keep). */
  append(slot: number, obs: PositionObservation): void {
    const r = this.rec;
    const at = slot * RECORD;
    const t = obs.t;
    r[at + PREV_T] = r[at + LAST_T]!;
    r[at + PREV_LAT] = r[at + LAT]!;
    r[at + PREV_LON] = r[at + LON]!;
    const positions = r[at + POSITIONS]!;
    if (positions === 0) r[at + FIRST_T] = t;
    r[at + LAST_T] = t;
    if (t > r[at + HEARD_T]!) r[at + HEARD_T] = t;
    r[at + LAT] = obs.lat;
    r[at + LON] = obs.lon;
    // Speed, course, heading and status keep the float32 precision their columns once had.
    r[at + SOG] = Math.fround(obs.sog);
    r[at + COG] = Math.fround(obs.cog);
    r[at + HEADING] = Math.fround(obs.heading);
    r[at + NAV_STATUS] = Math.fround(obs.navStatus);
    r[at + SOURCE] = obs.source;
    r[at + POSITIONS] = positions + 1;
    const h = this.historyLength;
    // No ring (a replay, which answers no snapshots): two writes a position, at a place of
    // their own per vessel, saved.
    if (h === 0) return;
    const ring = r[at + HIST]!;
    const head = ring & 0xffff;
    const count = ring >>> 16;
    const point = slot * h + head;
    this.histT[point] = t;
    const p = point * POINT;
    this.histPoint[p] = Math.round(obs.lat * E7);
    this.histPoint[p + 1] = Math.round(obs.lon * E7);
    const sog = Number.isNaN(obs.sog) ? NOT_AVAILABLE : Math.min(NOT_AVAILABLE - 1, Math.round(obs.sog * 10));
    const cog = Number.isNaN(obs.cog) ? NOT_AVAILABLE : Math.round(obs.cog * 10) & 0xffff;
    this.histPoint[p + 2] = (sog & 0xffff) | (cog << 16);
    r[at + HIST] = (head + 1 === h ? 0 : head + 1) + (count < h ? count + 1 : count) * 65536;
  }

  /** Notes a message that carried no position (static data) as a sign of life. */
  heard(slot: number, t: number): void {
    const at = slot * RECORD + HEARD_T;
    if (t > this.rec[at]!) this.rec[at] = t;
  }

  /** The recent positions of a slot, oldest first (allocates: for snapshots, not the hot path). */
  history(slot: number): TrackPoint[] {
    const h = this.historyLength;
    const ring = this.rec[slot * RECORD + HIST]!;
    const head = ring & 0xffff;
    const count = ring >>> 16;
    const out: TrackPoint[] = [];
    for (let k = 0; k < count; k++) {
      const point = slot * h + ((head - count + k + h) % h);
      const p = point * POINT;
      const sog = this.histPoint[p + 2]! & 0xffff;
      const cog = this.histPoint[p + 2]! >>> 16;
      out.push({
        t: this.histT[point]!,
        lat: this.histPoint[p]! / E7,
        lon: this.histPoint[p + 1]! / E7,
        sog: sog === NOT_AVAILABLE ? NaN : sog / 10,
        cog: cog === NOT_AVAILABLE ? NaN : cog / 10,
      });
    }
    return out;
  }

  /** Bytes held by the records, the history ring and the MMSI index (not identity strings). */
  get bytes(): number {
    return this.index.bytes + this.live.byteLength + this.rec.byteLength + this.histT.byteLength + this.histPoint.byteLength + this.freeSlots.byteLength;
  }

  lastSource(slot: number): PositionSource {
    return this.rec[slot * RECORD + SOURCE] as PositionSource;
  }

  private grow(capacity: number): void {
    const h = this.historyLength;
    this.live = resize(this.live, capacity);
    this.rec = resize(this.rec, capacity * RECORD);
    this.histT = resize(this.histT, capacity * h);
    this.histPoint = resize(this.histPoint, capacity * h * POINT);
    this.freeSlots = resize(this.freeSlots, capacity);
    this.capacity = capacity;
    for (const listener of this.growListeners) listener(capacity);
  }
}

type Column = Int8Array | Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

/** A copy of `a` with room for `n` entries (the new tail is zero). */
export function resize<A extends Column>(a: A, n: number): A {
  const out = new (a.constructor as new (n: number) => A)(n);
  out.set(a.subarray(0, Math.min(n, a.length)) as never);
  return out;
}
