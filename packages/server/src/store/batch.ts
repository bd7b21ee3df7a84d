/**
 * One transaction's worth of writes, accumulated between flushes.
 *
 * Positions, the bulk of the traffic, go into growable typed-array columns so
 * the ingest path allocates nothing per message; static reports, identity
 * changes, events and cursors are few and kept as objects. An event emitted
 * several times between flushes (opened, extended, closed) is written once, in
 * its latest state.
 */
import type { EventRecord } from '@tidewatch/protocol';

export interface StaticRow {
  seq: number;
  mmsi: number;
  t: number;
  name: string;
  callsign: string;
  imo: number;
  shipType: number;
  toBow: number;
  toStern: number;
  toPort: number;
  toStarboard: number;
  destination: string;
  draught: number;
}

/** A vessel's broadcast identity from `t` on; NaN / '' where unknown. */
export interface IdentityRow {
  mmsi: number;
  t: number;
  name: string;
  callsign: string;
  imo: number;
  shipType: number;
}

/** The latest of a vessel; `t` is NaN while no position is known. */
export interface VesselRow {
  mmsi: number;
  t: number;
  lat: number;
  lon: number;
  sog: number;
  cog: number;
  heading: number;
  navStatus: number;
  name: string;
  callsign: string;
  imo: number;
  shipType: number;
}

export interface StoredEvent {
  record: EventRecord;
  /** The episode is confirmed but not over yet. */
  open: boolean;
  /** Zone and asset the event concerns, for filtering; null when none. */
  zone: string | null;
  asset: string | null;
}

/**
 * How far a replayable source got. `safeOffset`/`safeLine` is the last line
 * boundary with no message half assembled: a resumed source seeks there and
 * re-reads up to `doneLine` without emitting (its messages are stored already),
 * so multi-sentence messages split by the crash are rebuilt, not lost.
 */
export interface CursorRow {
  name: string;
  fingerprint: string;
  safeOffset: number;
  safeLine: number;
  doneLine: number;
  /** The replay clock (data time of the last timed line), NaN before any. */
  clockMs: number;
  finished: boolean;
}

export class Batch {
  positionCount = 0;
  seq = new Float64Array(1024);
  mmsi = new Uint32Array(1024);
  t = new Float64Array(1024);
  lat = new Float64Array(1024);
  lon = new Float64Array(1024);
  sog = new Float64Array(1024);
  cog = new Float64Array(1024);
  heading = new Float64Array(1024);
  navStatus = new Float64Array(1024);
  source = new Uint8Array(1024);
  readonly statics: StaticRow[] = [];
  readonly identities: IdentityRow[] = [];
  readonly vessels: VesselRow[] = [];
  readonly events = new Map<string, StoredEvent>();
  readonly cursors = new Map<string, CursorRow>();
  readonly meta = new Map<string, string>();

  /** Rows waiting, the measure for "flush when N rows". */
  get size(): number {
    return this.positionCount + this.statics.length + this.events.size;
  }

  get empty(): boolean {
    return this.size === 0 && this.vessels.length === 0 && this.identities.length === 0 && this.cursors.size === 0 && this.meta.size === 0;
  }

  /** Appends a position; sog/cog/heading/navStatus NaN when not available. */
  position(seq: number, mmsi: number, t: number, lat: number, lon: number, sog: number, cog: number, heading: number, navStatus: number, source: number): void {
    const i = this.positionCount;
    if (i === this.seq.length) this.grow(2 * i);
    this.seq[i] = seq;
    this.mmsi[i] = mmsi;
    this.t[i] = t;
    this.lat[i] = lat;
    this.lon[i] = lon;
    this.sog[i] = sog;
    this.cog[i] = cog;
    this.heading[i] = heading;
    this.navStatus[i] = navStatus;
    this.source[i] = source;
    this.positionCount = i + 1;
  }

  clear(): void {
    this.positionCount = 0;
    this.statics.length = 0;
    this.identities.length = 0;
    this.vessels.length = 0;
    this.events.clear();
    this.cursors.clear();
    this.meta.clear();
  }

  private grow(n: number): void {
    const copy = <A extends Float64Array | Uint32Array | Uint8Array>(a: A, make: (n: number) => A): A => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.seq = copy(this.seq, (k) => new Float64Array(k));
    this.mmsi = copy(this.mmsi, (k) => new Uint32Array(k));
    this.t = copy(this.t, (k) => new Float64Array(k));
    this.lat = copy(this.lat, (k) => new Float64Array(k));
    this.lon = copy(this.lon, (k) => new Float64Array(k));
    this.sog = copy(this.sog, (k) => new Float64Array(k));
    this.cog = copy(this.cog, (k) => new Float64Array(k));
    this.heading = copy(this.heading, (k) => new Float64Array(k));
    this.navStatus = copy(this.navStatus, (k) => new Float64Array(k));
    this.source = copy(this.source, (k) => new Uint8Array(k));
  }
}
