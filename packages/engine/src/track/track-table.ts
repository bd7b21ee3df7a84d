/**
 * Tracks: every vessel's live state, one slot per vessel, in typed-array columns.
 *
 * Columns instead of objects keep the state of hundreds of thousands of
 * vessels compact and the per-message work to a few array writes. Each slot
 * holds the last position, the one before it, the time last heard, a ring
 * buffer of the last `historyLength` positions and (once the vessel has sent
 * static data) an {@link Identity}. Slots of evicted vessels are reused.
 *
 * Positions in the ring are stored as integers (1e-7 degree, about 1 cm;
 * speed and course in 1/10 knot and 1/10 degree) to keep a point at 20 bytes.
 */
import type { PositionObservation, PositionSource } from '../observe/observation.js';
import type { Identity } from './identity.js';
import { MmsiIndex } from './mmsi-index.js';

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
/** Stored for NaN speed or course in the Uint16 history columns. */
const NOT_AVAILABLE = 0xffff;

export class TrackTable {
  readonly historyLength: number;
  private readonly index = new MmsiIndex();
  private readonly growListeners: Array<(capacity: number) => void> = [];
  capacity: number;
  /** Slots in use now. */
  size = 0;
  /** One past the highest slot ever used: loops over slots stop here. */
  highWater = 0;

  live: Uint8Array;
  mmsi: Int32Array;
  /** Time of the first and last position, ms UTC (NaN before the first position). */
  firstT: Float64Array;
  lastT: Float64Array;
  /** Time of the last message of any kind, ms UTC: what eviction looks at. */
  heardT: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  sog: Float32Array;
  cog: Float32Array;
  heading: Float32Array;
  navStatus: Float32Array;
  source: Uint8Array;
  /** The position before the last one (NaN when there is none). */
  prevT: Float64Array;
  prevLat: Float64Array;
  prevLon: Float64Array;
  /** Positions accepted into the track. */
  positions: Uint32Array;
  identities: Array<Identity | undefined> = [];

  // History ring: historyLength points per slot, `head` is the next write, `count` ≤ historyLength.
  private histT: Float64Array;
  private histLat: Int32Array;
  private histLon: Int32Array;
  private histSog: Uint16Array;
  private histCog: Uint16Array;
  private histHead: Uint16Array;
  private histCount: Uint16Array;

  private freeSlots: Int32Array;
  private freeCount = 0;

  constructor(historyLength = 32, initialCapacity = 1024) {
    if (!Number.isInteger(historyLength) || historyLength < 1 || historyLength > 4096) throw new RangeError(`historyLength ${historyLength} is outside 1..4096`);
    this.historyLength = historyLength;
    const n = (this.capacity = initialCapacity);
    this.live = new Uint8Array(n);
    this.mmsi = new Int32Array(n);
    this.firstT = new Float64Array(n);
    this.lastT = new Float64Array(n);
    this.heardT = new Float64Array(n);
    this.lat = new Float64Array(n);
    this.lon = new Float64Array(n);
    this.sog = new Float32Array(n);
    this.cog = new Float32Array(n);
    this.heading = new Float32Array(n);
    this.navStatus = new Float32Array(n);
    this.source = new Uint8Array(n);
    this.prevT = new Float64Array(n);
    this.prevLat = new Float64Array(n);
    this.prevLon = new Float64Array(n);
    this.positions = new Uint32Array(n);
    this.histT = new Float64Array(n * historyLength);
    this.histLat = new Int32Array(n * historyLength);
    this.histLon = new Int32Array(n * historyLength);
    this.histSog = new Uint16Array(n * historyLength);
    this.histCog = new Uint16Array(n * historyLength);
    this.histHead = new Uint16Array(n);
    this.histCount = new Uint16Array(n);
    this.freeSlots = new Int32Array(n);
  }

  /** Called with the new capacity whenever the columns grow, so per-vessel state elsewhere can follow. */
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
    this.mmsi[slot] = mmsi;
    this.firstT[slot] = NaN;
    this.lastT[slot] = NaN;
    this.heardT[slot] = t;
    this.lat[slot] = NaN;
    this.lon[slot] = NaN;
    this.sog[slot] = NaN;
    this.cog[slot] = NaN;
    this.heading[slot] = NaN;
    this.navStatus[slot] = NaN;
    this.source[slot] = 0;
    this.prevT[slot] = NaN;
    this.prevLat[slot] = NaN;
    this.prevLon[slot] = NaN;
    this.positions[slot] = 0;
    this.histHead[slot] = 0;
    this.histCount[slot] = 0;
    this.identities[slot] = undefined;
    this.index.set(mmsi, slot);
    this.size++;
    return slot;
  }

  /** Forgets a vessel; its slot will be reused. */
  close(slot: number): void {
    if (this.live[slot] !== 1) return;
    this.index.delete(this.mmsi[slot]!);
    this.live[slot] = 0;
    this.identities[slot] = undefined;
    this.freeSlots[this.freeCount++] = slot;
    this.size--;
  }

  /** Appends a position (already judged plausible enough to keep). */
  append(slot: number, obs: PositionObservation): void {
    this.prevT[slot] = this.lastT[slot]!;
    this.prevLat[slot] = this.lat[slot]!;
    this.prevLon[slot] = this.lon[slot]!;
    if (this.positions[slot] === 0) this.firstT[slot] = obs.t;
    this.lastT[slot] = obs.t;
    if (obs.t > this.heardT[slot]!) this.heardT[slot] = obs.t;
    this.lat[slot] = obs.lat;
    this.lon[slot] = obs.lon;
    this.sog[slot] = obs.sog;
    this.cog[slot] = obs.cog;
    this.heading[slot] = obs.heading;
    this.navStatus[slot] = obs.navStatus;
    this.source[slot] = obs.source;
    this.positions[slot]!++;
    const h = this.historyLength;
    const head = this.histHead[slot]!;
    const at = slot * h + head;
    this.histT[at] = obs.t;
    this.histLat[at] = Math.round(obs.lat * E7);
    this.histLon[at] = Math.round(obs.lon * E7);
    this.histSog[at] = Number.isNaN(obs.sog) ? NOT_AVAILABLE : Math.min(NOT_AVAILABLE - 1, Math.round(obs.sog * 10));
    this.histCog[at] = Number.isNaN(obs.cog) ? NOT_AVAILABLE : Math.round(obs.cog * 10);
    this.histHead[slot] = head + 1 === h ? 0 : head + 1;
    if (this.histCount[slot]! < h) this.histCount[slot]!++;
  }

  /** Notes a message that carried no position (static data) as a sign of life. */
  heard(slot: number, t: number): void {
    if (t > this.heardT[slot]!) this.heardT[slot] = t;
  }

  /** The recent positions of a slot, oldest first (allocates: for snapshots, not the hot path). */
  history(slot: number): TrackPoint[] {
    const h = this.historyLength;
    const count = this.histCount[slot]!;
    const head = this.histHead[slot]!;
    const out: TrackPoint[] = [];
    for (let k = 0; k < count; k++) {
      const at = slot * h + ((head - count + k + h) % h);
      const sog = this.histSog[at]!;
      const cog = this.histCog[at]!;
      out.push({
        t: this.histT[at]!,
        lat: this.histLat[at]! / E7,
        lon: this.histLon[at]! / E7,
        sog: sog === NOT_AVAILABLE ? NaN : sog / 10,
        cog: cog === NOT_AVAILABLE ? NaN : cog / 10,
      });
    }
    return out;
  }

  /** Bytes held by the columns, the history ring and the MMSI index (not identity strings). */
  get bytes(): number {
    let total = this.index.bytes;
    for (const a of this.columns()) total += a.byteLength;
    return total;
  }

  lastSource(slot: number): PositionSource {
    return this.source[slot] as PositionSource;
  }

  private columns(): ArrayBufferView[] {
    return [
      this.live, this.mmsi, this.firstT, this.lastT, this.heardT, this.lat, this.lon, this.sog, this.cog, this.heading,
      this.navStatus, this.source, this.prevT, this.prevLat, this.prevLon, this.positions, this.histT, this.histLat,
      this.histLon, this.histSog, this.histCog, this.histHead, this.histCount, this.freeSlots,
    ];
  }

  private grow(capacity: number): void {
    const h = this.historyLength;
    this.live = resize(this.live, capacity);
    this.mmsi = resize(this.mmsi, capacity);
    this.firstT = resize(this.firstT, capacity);
    this.lastT = resize(this.lastT, capacity);
    this.heardT = resize(this.heardT, capacity);
    this.lat = resize(this.lat, capacity);
    this.lon = resize(this.lon, capacity);
    this.sog = resize(this.sog, capacity);
    this.cog = resize(this.cog, capacity);
    this.heading = resize(this.heading, capacity);
    this.navStatus = resize(this.navStatus, capacity);
    this.source = resize(this.source, capacity);
    this.prevT = resize(this.prevT, capacity);
    this.prevLat = resize(this.prevLat, capacity);
    this.prevLon = resize(this.prevLon, capacity);
    this.positions = resize(this.positions, capacity);
    this.histT = resize(this.histT, capacity * h);
    this.histLat = resize(this.histLat, capacity * h);
    this.histLon = resize(this.histLon, capacity * h);
    this.histSog = resize(this.histSog, capacity * h);
    this.histCog = resize(this.histCog, capacity * h);
    this.histHead = resize(this.histHead, capacity);
    this.histCount = resize(this.histCount, capacity);
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
