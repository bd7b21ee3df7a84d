/**
 * The live picture: every vessel's latest position and identity, in typed-array
 * columns indexed by slot.
 *
 * It answers "which vessels are in this box" for the REST API, builds the
 * binary position frames for WebSocket clients, and tells the store which
 * vessels changed since the last flush. A position older than the one held is
 * ignored (feeds deliver out of order); identity fields merge the way the
 * engine merges them: a field the message does not carry keeps its value.
 */
import type { PositionObservation, StaticObservation } from '@tidewatch/engine';
import type { BBox, PositionColumns, VesselSummary } from '@tidewatch/protocol';
import type { VesselRow } from '../store/batch.js';

/** Frame value for "navigational status not defined". */
const NAV_NOT_DEFINED = 15;

export class LivePicture {
  private readonly slots = new Map<number, number>();
  private count = 0;
  private capacity = 0;
  mmsi: Uint32Array = new Uint32Array(0);
  t: Float64Array = new Float64Array(0);
  lat: Float64Array = new Float64Array(0);
  lon: Float64Array = new Float64Array(0);
  sog: Float64Array = new Float64Array(0);
  cog: Float64Array = new Float64Array(0);
  heading: Float64Array = new Float64Array(0);
  navStatus: Float64Array = new Float64Array(0);
  shipType: Float64Array = new Float64Array(0);
  imo: Float64Array = new Float64Array(0);
  name: string[] = [];
  callsign: string[] = [];
  /** The change counter value when the slot last changed (for deltas to clients). */
  changed: Float64Array = new Float64Array(0);
  private dirty: Uint8Array = new Uint8Array(0);
  private dirtyList: Int32Array = new Int32Array(0);
  private dirtyCount = 0;
  /** Increments with every change; clients remember the value they last saw. */
  version = 0;
  /** Newest position time held, -Infinity when none. */
  newest = -Infinity;

  constructor(
    /** Flag state for an MMSI, or null. */
    private readonly flagOf: (mmsi: number) => string | null = () => null,
  ) {
    this.grow(1024);
  }

  get size(): number {
    return this.count;
  }

  slotOf(mmsi: number): number {
    return this.slots.get(mmsi) ?? -1;
  }

  /** Takes a position; false when it is older than the one held. */
  position(obs: PositionObservation): boolean {
    const slot = this.slotFor(obs.mmsi);
    if (obs.t < this.t[slot]!) return false;
    this.t[slot] = obs.t;
    this.lat[slot] = obs.lat;
    this.lon[slot] = obs.lon;
    this.sog[slot] = obs.sog;
    this.cog[slot] = obs.cog;
    this.heading[slot] = obs.heading;
    if (!Number.isNaN(obs.navStatus)) this.navStatus[slot] = obs.navStatus;
    if (obs.t > this.newest) this.newest = obs.t;
    this.touch(slot);
    return true;
  }

  /** Merges static data; true when name, call sign, IMO or ship type changed (or were first learned). */
  identity(obs: StaticObservation): boolean {
    const slot = this.slotFor(obs.mmsi);
    let changed = false;
    if (obs.name !== '' && obs.name !== this.name[slot]) {
      this.name[slot] = obs.name;
      changed = true;
    }
    if (obs.callsign !== '' && obs.callsign !== this.callsign[slot]) {
      this.callsign[slot] = obs.callsign;
      changed = true;
    }
    if (!Number.isNaN(obs.imo) && obs.imo !== this.imo[slot]) {
      this.imo[slot] = obs.imo;
      changed = true;
    }
    if (!Number.isNaN(obs.shipType) && obs.shipType !== this.shipType[slot]) {
      this.shipType[slot] = obs.shipType;
      changed = true;
    }
    if (changed) this.touch(slot);
    return changed;
  }

  /** Puts back a vessel as stored (at start). */
  restore(row: VesselRow): void {
    const slot = this.slotFor(row.mmsi);
    this.t[slot] = Number.isNaN(row.t) ? -Infinity : row.t;
    this.lat[slot] = row.lat;
    this.lon[slot] = row.lon;
    this.sog[slot] = row.sog;
    this.cog[slot] = row.cog;
    this.heading[slot] = row.heading;
    this.navStatus[slot] = row.navStatus;
    this.name[slot] = row.name;
    this.callsign[slot] = row.callsign;
    this.imo[slot] = row.imo;
    this.shipType[slot] = row.shipType;
    if (row.t > this.newest) this.newest = row.t;
  }

  /** Removes vessels last seen before `t` (retention). */
  expireBefore(t: number): void {
    const keep: VesselRow[] = [];
    for (let s = 0; s < this.count; s++) if (!(this.t[s]! < t)) keep.push(this.row(s));
    if (keep.length === this.count) return;
    this.slots.clear();
    this.count = 0;
    this.dirtyCount = 0;
    this.dirty.fill(0);
    this.t.fill(-Infinity);
    for (const row of keep) this.restore(row);
    this.version++;
  }

  /** Hands every vessel changed since the last drain to `visit`, as a row to store. */
  drainDirty(visit: (row: VesselRow) => void): void {
    for (let i = 0; i < this.dirtyCount; i++) {
      const slot = this.dirtyList[i]!;
      this.dirty[slot] = 0;
      visit(this.row(slot));
    }
    this.dirtyCount = 0;
  }

  /** Vessels with a position in `bbox` and an MMSI above `afterMmsi`, by MMSI, at most `limit` (+1 to tell whether more follow). */
  inBox(bbox: BBox, afterMmsi: number, limit: number): VesselSummary[] {
    const found: number[] = [];
    for (let s = 0; s < this.count; s++) {
      if (this.mmsi[s]! > afterMmsi && Number.isFinite(this.t[s]!) && inBox(bbox, this.lat[s]!, this.lon[s]!)) found.push(s);
    }
    found.sort((a, b) => this.mmsi[a]! - this.mmsi[b]!);
    if (found.length > limit) found.length = limit;
    return found.map((s) => this.summary(s));
  }

  summary(slot: number): VesselSummary {
    const mmsi = this.mmsi[slot]!;
    return {
      mmsi,
      name: this.name[slot] || null,
      callsign: this.callsign[slot] || null,
      imo: finite(this.imo[slot]!),
      shipType: finite(this.shipType[slot]!),
      flag: this.flagOf(mmsi),
      lat: this.lat[slot]!,
      lon: this.lon[slot]!,
      sog: finite(this.sog[slot]!),
      cog: finite(this.cog[slot]!),
      heading: finite(this.heading[slot]!),
      navStatus: finite(this.navStatus[slot]!),
      time: new Date(this.t[slot]!).toISOString(),
    };
  }

  /**
   * Writes into `out` the slots with a position in `bbox` that changed after
   * version `since` (all of them for since = -1); returns how many.
   */
  collect(bbox: BBox, since: number, out: Int32Array): number {
    let n = 0;
    for (let s = 0; s < this.count && n < out.length; s++) {
      if (this.changed[s]! > since && Number.isFinite(this.t[s]!) && inBox(bbox, this.lat[s]!, this.lon[s]!)) out[n++] = s;
    }
    return n;
  }

  /** Fills frame columns from `slots[0..n)`; `time` is the frame's data time (ages are relative to it). */
  fill(columns: PositionColumns, slots: Int32Array, n: number, time: number): void {
    for (let i = 0; i < n; i++) {
      const s = slots[i]!;
      columns.mmsi[i] = this.mmsi[s]!;
      columns.lat[i] = this.lat[s]!;
      columns.lon[i] = this.lon[s]!;
      columns.sog[i] = this.sog[s]!;
      columns.cog[i] = this.cog[s]!;
      columns.heading[i] = this.heading[s]!;
      columns.age[i] = Math.max(0, (time - this.t[s]!) / 1000);
      const st = this.shipType[s]!;
      columns.shipType[i] = Number.isNaN(st) ? 0 : st;
      const nav = this.navStatus[s]!;
      columns.navStatus[i] = Number.isNaN(nav) ? NAV_NOT_DEFINED : nav;
    }
  }

  private row(slot: number): VesselRow {
    const t = this.t[slot]!;
    return {
      mmsi: this.mmsi[slot]!,
      t: Number.isFinite(t) ? t : NaN,
      lat: this.lat[slot]!,
      lon: this.lon[slot]!,
      sog: this.sog[slot]!,
      cog: this.cog[slot]!,
      heading: this.heading[slot]!,
      navStatus: this.navStatus[slot]!,
      name: this.name[slot]!,
      callsign: this.callsign[slot]!,
      imo: this.imo[slot]!,
      shipType: this.shipType[slot]!,
    };
  }

  private touch(slot: number): void {
    this.changed[slot] = ++this.version;
    if (this.dirty[slot] === 0) {
      this.dirty[slot] = 1;
      this.dirtyList[this.dirtyCount++] = slot;
    }
  }

  private slotFor(mmsi: number): number {
    let slot = this.slots.get(mmsi);
    if (slot !== undefined) return slot;
    if (this.count === this.capacity) this.grow(this.capacity * 2);
    slot = this.count++;
    this.slots.set(mmsi, slot);
    this.mmsi[slot] = mmsi;
    this.t[slot] = -Infinity;
    this.lat[slot] = NaN;
    this.lon[slot] = NaN;
    this.sog[slot] = NaN;
    this.cog[slot] = NaN;
    this.heading[slot] = NaN;
    this.navStatus[slot] = NaN;
    this.shipType[slot] = NaN;
    this.imo[slot] = NaN;
    this.name[slot] = '';
    this.callsign[slot] = '';
    this.changed[slot] = 0;
    return slot;
  }

  private grow(capacity: number): void {
    const f64 = (a: Float64Array): Float64Array => copy(new Float64Array(capacity), a);
    this.mmsi = copy(new Uint32Array(capacity), this.mmsi);
    this.t = f64(this.t);
    this.lat = f64(this.lat);
    this.lon = f64(this.lon);
    this.sog = f64(this.sog);
    this.cog = f64(this.cog);
    this.heading = f64(this.heading);
    this.navStatus = f64(this.navStatus);
    this.shipType = f64(this.shipType);
    this.imo = f64(this.imo);
    this.changed = f64(this.changed);
    this.dirty = copy(new Uint8Array(capacity), this.dirty);
    this.dirtyList = copy(new Int32Array(capacity), this.dirtyList);
    this.capacity = capacity;
  }
}

function copy<A extends Float64Array | Uint32Array | Int32Array | Uint8Array>(into: A, from: A): A {
  into.set(from);
  return into;
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** West > east crosses the antimeridian. */
export function inBox(b: BBox, lat: number, lon: number): boolean {
  if (!(lat >= b[1] && lat <= b[3])) return false;
  return b[0] <= b[2] ? lon >= b[0] && lon <= b[2] : lon >= b[0] || lon <= b[2];
}
