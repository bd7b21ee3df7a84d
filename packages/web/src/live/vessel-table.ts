/**
 * The vessels on screen, as typed-array columns. Frames from the server are written in
 * place (a slot per vessel, found by MMSI), and the map layer reads the render columns
 * (interleaved positions, angles, colours) directly: no object per vessel, so 100 k
 * vessels cost a few flat arrays and one upload per frame.
 */
import type { PositionColumns } from '@tidewatch/protocol';
import { CLASS_RGBA, shipClassIndex } from '../map/ship-types.js';
import { MmsiSlots } from './mmsi-slots.js';

/** Where a reported position is also recorded (the history behind the time slider). */
export interface ReportSink {
  append(time: number, mmsi: number, lat: number, lon: number, sog: number, cog: number, heading: number, shipType: number): void;
}

const SAME_REPORT_MS = 100;

export class VesselTable {
  count = 0;
  /** Bumped on every change, so a layer knows its columns must be uploaded again. */
  version = 0;
  mmsi: Uint32Array;
  lat: Float32Array;
  lon: Float32Array;
  sog: Float32Array;
  cog: Float32Array;
  heading: Float32Array;
  shipType: Uint8Array;
  navStatus: Uint8Array;
  /** Data time of each vessel's last position, ms UTC. */
  time: Float64Array;
  /** Render columns: lon/lat interleaved, icon angle (deck.gl: degrees counter-clockwise), RGBA. */
  positions: Float32Array;
  angles: Float32Array;
  colours: Uint8Array;
  /** 1 when the vessel has a heading or course to point with, else it is drawn as a dot. */
  pointed: Uint8Array;
  /** The frame generation that last wrote each slot. */
  private stamp: Uint32Array;
  private generation = 0;
  private readonly slots: MmsiSlots;

  constructor(capacity = 1024) {
    this.mmsi = new Uint32Array(capacity);
    this.lat = new Float32Array(capacity);
    this.lon = new Float32Array(capacity);
    this.sog = new Float32Array(capacity);
    this.cog = new Float32Array(capacity);
    this.heading = new Float32Array(capacity);
    this.shipType = new Uint8Array(capacity);
    this.navStatus = new Uint8Array(capacity);
    this.time = new Float64Array(capacity);
    this.positions = new Float32Array(capacity * 2);
    this.angles = new Float32Array(capacity);
    this.colours = new Uint8Array(capacity * 4);
    this.pointed = new Uint8Array(capacity);
    this.stamp = new Uint32Array(capacity);
    this.slots = new MmsiSlots(capacity);
  }

  get capacity(): number {
    return this.mmsi.length;
  }

  slotOf(mmsi: number): number {
    return this.slots.get(mmsi);
  }

  clear(): void {
    this.slots.clear();
    this.count = 0;
    this.version++;
  }

  /** Writes one vessel's position, adding it if new; returns its slot. */
  upsert(mmsi: number, lat: number, lon: number, sog: number, cog: number, heading: number, time: number, shipType: number, navStatus: number): number {
    let slot = this.slots.get(mmsi);
    if (slot < 0) {
      if (this.count === this.capacity) this.reserve(this.capacity * 2);
      slot = this.count++;
      this.slots.set(mmsi, slot);
      this.mmsi[slot] = mmsi;
    }
    this.lat[slot] = lat;
    this.lon[slot] = lon;
    this.sog[slot] = sog;
    this.cog[slot] = cog;
    this.heading[slot] = heading;
    this.time[slot] = time;
    this.shipType[slot] = shipType;
    this.navStatus[slot] = navStatus;
    this.positions[2 * slot] = lon;
    this.positions[2 * slot + 1] = lat;
    // Heading is where the bow points; course over ground is the fallback when a
    // transponder sends no heading (most class B).
    const bearing = Number.isNaN(heading) ? cog : heading;
    this.pointed[slot] = Number.isNaN(bearing) ? 0 : 1;
    this.angles[slot] = Number.isNaN(bearing) ? 0 : -bearing;
    const c = shipClassIndex(shipType) * 4, o = slot * 4;
    this.colours[o] = CLASS_RGBA[c]!;
    this.colours[o + 1] = CLASS_RGBA[c + 1]!;
    this.colours[o + 2] = CLASS_RGBA[c + 2]!;
    this.colours[o + 3] = CLASS_RGBA[c + 3]!;
    this.stamp[slot] = this.generation;
    return slot;
  }

  /** Removes a vessel by moving the last one into its slot. */
  remove(mmsi: number): void {
    const slot = this.slots.get(mmsi);
    if (slot < 0) return;
    this.slots.delete(mmsi);
    const last = --this.count;
    if (slot !== last) this.moveSlot(last, slot);
  }

  /** Removes every vessel whose last position is older than `time`. */
  dropOlderThan(time: number): void {
    for (let i = this.count - 1; i >= 0; i--) if (this.time[i]! < time) this.remove(this.mmsi[i]!);
  }

  /**
   * Applies a frame from the server. A snapshot replaces the picture; a delta updates the
   * vessels it carries. Positions whose time changed are also sent to `sink`.
   */
  applyFrame(f: PositionColumns, sink?: ReportSink): void {
    // Every vessel written below is stamped with this generation; after a snapshot, the
    // ones without it were not in the box any more.
    this.generation = (this.generation + 1) >>> 0;
    for (let i = 0; i < f.count; i++) {
      const mmsi = f.mmsi[i]!;
      const known = this.slots.get(mmsi);
      let time = f.time - f.age[i]! * 1000;
      // Age is float32 seconds: the same report, sent again in a later frame, comes back a
      // few microseconds off. Reports of one vessel are seconds apart, so within the
      // tolerance it is the same report and keeps the time it was first given.
      const isNew = known < 0 || Math.abs(this.time[known]! - time) > SAME_REPORT_MS;
      if (!isNew) time = this.time[known]!;
      const lat = f.lat[i]!, lon = f.lon[i]!, sog = f.sog[i]!, cog = f.cog[i]!, heading = f.heading[i]!, shipType = f.shipType[i]!;
      this.upsert(mmsi, lat, lon, sog, cog, heading, time, shipType, f.navStatus[i]!);
      if (isNew && sink) sink.append(time, mmsi, lat, lon, sog, cog, heading, shipType);
    }
    if (f.snapshot) for (let i = this.count - 1; i >= 0; i--) if (this.stamp[i] !== this.generation) this.remove(this.mmsi[i]!);
    this.version++;
  }

  private moveSlot(from: number, to: number): void {
    this.mmsi[to] = this.mmsi[from]!;
    this.lat[to] = this.lat[from]!;
    this.lon[to] = this.lon[from]!;
    this.sog[to] = this.sog[from]!;
    this.cog[to] = this.cog[from]!;
    this.heading[to] = this.heading[from]!;
    this.shipType[to] = this.shipType[from]!;
    this.navStatus[to] = this.navStatus[from]!;
    this.time[to] = this.time[from]!;
    this.positions[2 * to] = this.positions[2 * from]!;
    this.positions[2 * to + 1] = this.positions[2 * from + 1]!;
    this.angles[to] = this.angles[from]!;
    this.pointed[to] = this.pointed[from]!;
    this.colours.copyWithin(to * 4, from * 4, from * 4 + 4);
    this.stamp[to] = this.stamp[from]!;
    this.slots.set(this.mmsi[to]!, to);
  }

  private reserve(capacity: number): void {
    const grow = <T extends Float32Array | Float64Array | Uint32Array | Uint8Array>(a: T, per = 1): T => {
      const b = new (a.constructor as new (n: number) => T)(capacity * per);
      b.set(a);
      return b;
    };
    this.mmsi = grow(this.mmsi);
    this.lat = grow(this.lat);
    this.lon = grow(this.lon);
    this.sog = grow(this.sog);
    this.cog = grow(this.cog);
    this.heading = grow(this.heading);
    this.shipType = grow(this.shipType);
    this.navStatus = grow(this.navStatus);
    this.time = grow(this.time);
    this.positions = grow(this.positions, 2);
    this.angles = grow(this.angles);
    this.colours = grow(this.colours, 4);
    this.pointed = grow(this.pointed);
    this.stamp = grow(this.stamp);
  }
}
