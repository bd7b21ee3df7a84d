/**
 * Which zones each vessel is in, with border jitter debounced: the state
 * behind zone_entry and zone_exit.
 *
 * Each (vessel, zone) pair the vessel is in, or may be crossing into, has a
 * record: the confirmed side (inside or outside) and a run of consecutive
 * positions on the other side. A crossing is confirmed once that run has
 * `confirmPositions` positions spanning at least `confirmS` seconds; a single
 * position back on the confirmed side cancels it. So a vessel skirting a
 * border whose fixes wander across it, or one bad fix inside, is no crossing.
 * The crossing's time and place are those of the run's first position;
 * the position before it is the last one on the old side.
 *
 * A vessel first seen inside a zone (at its first position) is inside without
 * an entry: nothing says it crossed. Its exit is reported, with `entrySeen`
 * false and the time inside counted from when it was first seen.
 *
 * Records live in a pool of typed-array columns, chained per slot; a vessel
 * in no zone costs nothing but the lookup. Both detectors share one tracker
 * per engine when their parameters agree, so each position is judged once.
 */
import { eventPoint, isoTime, round, type EngineEvent, type EventPoint, type ProfileStamp } from '../events/event.js';
import type { ZoneLookup } from '../space/zone-lookup.js';
import type { ZoneInfo, ZoneLayer } from '../space/zones.js';
import type { TrackTable } from '../track/track-table.js';
import { resize } from '../track/track-table.js';
import { flagIsoOf } from './flag-state.js';
import { keyedEvent } from './keyed-event.js';

export interface ZoneCrossingParams {
  readonly confirmPositions: number;
  readonly confirmS: number;
}

export interface ZoneEntryDetails {
  readonly zone: ZoneInfo;
  readonly thresholds: ZoneCrossingParams;
  /** The first position inside. */
  readonly entry: EventPoint;
  /** The last position outside before it. */
  readonly lastOutside: EventPoint;
  /** Reported speed and course at the entry; null when not available. */
  readonly speedKn: number | null;
  readonly courseDeg: number | null;
  /** Positions inside that confirmed the entry. */
  readonly positions: number;
  /** ISO alpha-3 of the vessel's flag from its MMSI, or null. */
  readonly flag: string | null;
}

export interface ZoneExitDetails {
  readonly zone: ZoneInfo;
  readonly thresholds: ZoneCrossingParams;
  /** The first position outside. */
  readonly exit: EventPoint;
  /** The last position inside before it. */
  readonly lastInside: EventPoint;
  /** When the entry happened; null when the vessel was first seen inside. */
  readonly entered: string | null;
  readonly entrySeen: boolean;
  /** From the entry (or first sighting) to the exit. */
  readonly insideS: number;
  /** Positions reported inside the zone in that time. */
  readonly positions: number;
  readonly speedKn: number | null;
  readonly courseDeg: number | null;
  readonly flag: string | null;
}

export type ZoneEntryEvent = EngineEvent<'zone_entry', ZoneEntryDetails>;
export type ZoneExitEvent = EngineEvent<'zone_exit', ZoneExitDetails>;

const OUTSIDE = 0;
const INSIDE = 1;
const NONE = -1;
/** Fields of the per-slot pair. */
const STAMP = 0;
const HEAD = 1;

export class ZoneMembership {
  readonly entries: ZoneEntryEvent[] = [];
  readonly exits: ZoneExitEvent[] = [];
  wantEntries = false;
  wantExits = false;
  private readonly thresholds: ZoneCrossingParams;
  private readonly confirmMs: number;
  /** Per slot, side by side: the position count last judged, and the first record (NONE: in no zone). */
  private perSlot = new Float64Array(0);
  private slots = 0;
  // Per record.
  private zone = new Int32Array(0);
  private next = new Int32Array(0);
  private side = new Uint8Array(0);
  private entrySeen = new Uint8Array(0);
  private pending = new Uint32Array(0);
  private insidePositions = new Uint32Array(0);
  private enteredT = new Float64Array(0);
  /** First position of the pending run: time, place, speed, course. */
  private runT = new Float64Array(0);
  private runLat = new Float64Array(0);
  private runLon = new Float64Array(0);
  private runSog = new Float32Array(0);
  private runCog = new Float32Array(0);
  /** The last position on the confirmed side before the run. */
  private beforeT = new Float64Array(0);
  private beforeLat = new Float64Array(0);
  private beforeLon = new Float64Array(0);
  private free = NONE;
  private records = 0;

  constructor(
    private readonly tracks: TrackTable,
    private readonly lookup: ZoneLookup,
    private readonly profile: ProfileStamp,
    params: ZoneCrossingParams,
  ) {
    this.thresholds = { confirmPositions: params.confirmPositions, confirmS: params.confirmS };
    this.confirmMs = params.confirmS * 1000;
    this.grow(tracks.capacity);
    this.growRecords(64);
  }

  get layer(): ZoneLayer {
    return this.lookup.layer;
  }

  grow(capacity: number): void {
    this.lookup.grow(capacity);
    if (capacity <= this.slots) return;
    const old = this.slots;
    this.perSlot = resize(this.perSlot, 2 * capacity);
    for (let slot = old; slot < capacity; slot++) this.perSlot[2 * slot + HEAD] = NONE;
    this.slots = capacity;
  }

  touch(slot: number): number {
    return this.perSlot[2 * slot + STAMP]! + this.lookup.touch(slot);
  }

  open(slot: number): void {
    this.lookup.open(slot);
    this.forget(slot);
    this.perSlot[2 * slot + STAMP] = 0;
  }

  /** Drops the vessel's records (it is being forgotten: no exit can be known). */
  forget(slot: number): void {
    for (let r = this.perSlot[2 * slot + HEAD]!; r !== NONE; ) {
      const next = this.next[r]!;
      this.release(r);
      r = next;
    }
    this.perSlot[2 * slot + HEAD] = NONE;
  }

  /** Judges the vessel's latest position (once, however many detectors ask), queueing confirmed crossings. */
  update(slot: number): void {
    const tracks = this.tracks;
    const positions = tracks.positions(slot);
    const perSlot = this.perSlot;
    if (perSlot[2 * slot + STAMP] === positions) return;
    perSlot[2 * slot + STAMP] = positions;
    const lookup = this.lookup;
    const n = lookup.at(slot);
    let before = NONE;
    for (let r = perSlot[2 * slot + HEAD]!; r !== NONE; ) {
      const next = this.next[r]!;
      const kept = this.judge(slot, r, lookup.has(slot, this.zone[r]!));
      if (kept) before = r;
      else {
        if (before === NONE) perSlot[2 * slot + HEAD] = next;
        else this.next[before] = next;
        this.release(r);
      }
      r = next;
    }
    for (let i = 0; i < n; i++) {
      const z = lookup.zone(slot, i);
      if (!this.hasRecord(slot, z)) this.arrive(slot, z, positions === 1);
    }
  }

  /** One position for an existing record; false when the record is no longer needed. */
  private judge(slot: number, r: number, inside: boolean): boolean {
    const side = this.side[r]!;
    if (inside === (side === INSIDE)) {
      this.pending[r] = 0;
      if (side === INSIDE) this.insidePositions[r]!++;
      return side === INSIDE;
    }
    this.extendRun(slot, r);
    if (!this.confirmed(slot, r)) return true;
    if (side === OUTSIDE) {
      this.side[r] = INSIDE;
      this.entrySeen[r] = 1;
      this.enteredT[r] = this.runT[r]!;
      this.insidePositions[r] = this.pending[r]!;
      this.pending[r] = 0;
      if (this.wantEntries) this.entries.push(this.entryEvent(slot, r));
      return true;
    }
    if (this.wantExits) this.exits.push(this.exitEvent(slot, r));
    return false;
  }

  /** A zone the vessel has no record for contains its position. */
  private arrive(slot: number, z: number, firstSighting: boolean): void {
    const r = this.claim();
    this.zone[r] = z;
    this.next[r] = this.perSlot[2 * slot + HEAD]!;
    this.perSlot[2 * slot + HEAD] = r;
    this.pending[r] = 0;
    if (firstSighting) {
      this.side[r] = INSIDE;
      this.entrySeen[r] = 0;
      this.enteredT[r] = this.tracks.lastT(slot);
      this.insidePositions[r] = 1;
      return;
    }
    this.side[r] = OUTSIDE;
    // Judged like any record: it may confirm at once (confirmPositions 1, confirmS 0).
    if (!this.judge(slot, r, true)) throw new Error('a record crossing inward is always kept');
  }

  private extendRun(slot: number, r: number): void {
    const t = this.tracks;
    if (this.pending[r]! === 0) {
      this.runT[r] = t.lastT(slot);
      this.runLat[r] = t.lat(slot);
      this.runLon[r] = t.lon(slot);
      this.runSog[r] = t.sog(slot);
      this.runCog[r] = t.cog(slot);
      this.beforeT[r] = t.prevT(slot);
      this.beforeLat[r] = t.prevLat(slot);
      this.beforeLon[r] = t.prevLon(slot);
    }
    this.pending[r]!++;
  }

  private confirmed(slot: number, r: number): boolean {
    return this.pending[r]! >= this.thresholds.confirmPositions && this.tracks.lastT(slot) - this.runT[r]! >= this.confirmMs;
  }

  private hasRecord(slot: number, z: number): boolean {
    for (let r = this.perSlot[2 * slot + HEAD]!; r !== NONE; r = this.next[r]!) if (this.zone[r] === z) return true;
    return false;
  }

  private entryEvent(slot: number, r: number): ZoneEntryEvent {
    const mmsi = this.tracks.mmsi(slot);
    const details: ZoneEntryDetails = {
      zone: { ...this.layer.zones[this.zone[r]!]! },
      thresholds: this.thresholds,
      entry: eventPoint(this.runT[r]!, this.runLat[r]!, this.runLon[r]!),
      lastOutside: eventPoint(this.beforeT[r]!, this.beforeLat[r]!, this.beforeLon[r]!),
      speedKn: orNull(this.runSog[r]!, 1),
      courseDeg: orNull(this.runCog[r]!, 1),
      positions: this.insidePositions[r]!,
      flag: flagIsoOf(mmsi) ?? null,
    };
    return keyedEvent('zone_entry', details.zone.id, this.profile, [mmsi], this.runT[r]!, this.tracks.lastT(slot), this.runLat[r]!, this.runLon[r]!, false, details);
  }

  private exitEvent(slot: number, r: number): ZoneExitEvent {
    const mmsi = this.tracks.mmsi(slot);
    const seen = this.entrySeen[r] === 1;
    const details: ZoneExitDetails = {
      zone: { ...this.layer.zones[this.zone[r]!]! },
      thresholds: this.thresholds,
      exit: eventPoint(this.runT[r]!, this.runLat[r]!, this.runLon[r]!),
      lastInside: eventPoint(this.beforeT[r]!, this.beforeLat[r]!, this.beforeLon[r]!),
      entered: seen ? isoTime(this.enteredT[r]!) : null,
      entrySeen: seen,
      insideS: Math.round((this.runT[r]! - this.enteredT[r]!) / 1000),
      positions: this.insidePositions[r]!,
      speedKn: orNull(this.runSog[r]!, 1),
      courseDeg: orNull(this.runCog[r]!, 1),
      flag: flagIsoOf(mmsi) ?? null,
    };
    return keyedEvent('zone_exit', details.zone.id, this.profile, [mmsi], this.runT[r]!, this.tracks.lastT(slot), this.runLat[r]!, this.runLon[r]!, false, details);
  }

  private claim(): number {
    if (this.free === NONE) this.growRecords(this.records * 2);
    const r = this.free;
    this.free = this.next[r]!;
    return r;
  }

  private release(r: number): void {
    this.next[r] = this.free;
    this.free = r;
  }

  private growRecords(capacity: number): void {
    const old = this.records;
    this.zone = resize(this.zone, capacity);
    this.next = resize(this.next, capacity);
    this.side = resize(this.side, capacity);
    this.entrySeen = resize(this.entrySeen, capacity);
    this.pending = resize(this.pending, capacity);
    this.insidePositions = resize(this.insidePositions, capacity);
    this.enteredT = resize(this.enteredT, capacity);
    this.runT = resize(this.runT, capacity);
    this.runLat = resize(this.runLat, capacity);
    this.runLon = resize(this.runLon, capacity);
    this.runSog = resize(this.runSog, capacity);
    this.runCog = resize(this.runCog, capacity);
    this.beforeT = resize(this.beforeT, capacity);
    this.beforeLat = resize(this.beforeLat, capacity);
    this.beforeLon = resize(this.beforeLon, capacity);
    // New records join the free list, lowest first.
    for (let r = capacity - 1; r >= old; r--) {
      this.next[r] = this.free;
      this.free = r;
    }
    this.records = capacity;
  }
}

function orNull(value: number, decimals: number): number | null {
  return Number.isNaN(value) ? null : round(value, decimals);
}
