/**
 * Every position this page has received, in a ring of typed-array rows, so the time slider
 * can show the picture at any earlier moment without asking the server. The ring has a
 * fixed capacity (about 30 MB at the default); when full, the oldest rows go first and the
 * slider's left end moves with them.
 */
import type { ReportSink, VesselTable } from '../live/vessel-table.js';

export class PositionLog implements ReportSink {
  private readonly t: Float64Array;
  private readonly mmsi: Uint32Array;
  private readonly lat: Float32Array;
  private readonly lon: Float32Array;
  private readonly sog: Float32Array;
  private readonly cog: Float32Array;
  private readonly heading: Float32Array;
  private readonly shipType: Uint8Array;
  /** Index of the oldest row, and how many rows are held. */
  private head = 0;
  size = 0;
  earliest = Infinity;
  latest = -Infinity;

  constructor(readonly capacity = 1 << 20) {
    this.t = new Float64Array(capacity);
    this.mmsi = new Uint32Array(capacity);
    this.lat = new Float32Array(capacity);
    this.lon = new Float32Array(capacity);
    this.sog = new Float32Array(capacity);
    this.cog = new Float32Array(capacity);
    this.heading = new Float32Array(capacity);
    this.shipType = new Uint8Array(capacity);
  }

  append(time: number, mmsi: number, lat: number, lon: number, sog: number, cog: number, heading: number, shipType: number): void {
    let row: number;
    if (this.size < this.capacity) {
      row = (this.head + this.size++) % this.capacity;
    } else {
      row = this.head;
      this.head = (this.head + 1) % this.capacity;
      this.earliest = this.t[this.head]!;
    }
    this.t[row] = time;
    this.mmsi[row] = mmsi;
    this.lat[row] = lat;
    this.lon[row] = lon;
    this.sog[row] = sog;
    this.cog[row] = cog;
    this.heading[row] = heading;
    this.shipType[row] = shipType;
    if (time < this.earliest) this.earliest = time;
    if (time > this.latest) this.latest = time;
  }

  /**
   * Fills `out` with each vessel's last position at or before `time`, leaving out vessels
   * silent for longer than `maxAgeMs` by then (they would be stale on a live picture too).
   */
  pictureAt(time: number, maxAgeMs: number, out: VesselTable): void {
    out.clear();
    const from = time - maxAgeMs;
    for (let k = 0; k < this.size; k++) {
      const row = (this.head + k) % this.capacity;
      const t = this.t[row]!;
      if (t > time || t < from) continue;
      const slot = out.slotOf(this.mmsi[row]!);
      if (slot >= 0 && out.time[slot]! > t) continue;
      out.upsert(this.mmsi[row]!, this.lat[row]!, this.lon[row]!, this.sog[row]!, this.cog[row]!, this.heading[row]!, t, this.shipType[row]!, 15);
    }
    out.version++;
  }

  /** The positions of one vessel between two times, oldest first, as [lon, lat] pairs. */
  trackOf(mmsi: number, from: number, to: number): { path: [number, number][]; times: number[] } {
    const path: [number, number][] = [];
    const times: number[] = [];
    for (let k = 0; k < this.size; k++) {
      const row = (this.head + k) % this.capacity;
      if (this.mmsi[row] !== mmsi) continue;
      const t = this.t[row]!;
      if (t < from || t > to) continue;
      path.push([this.lon[row]!, this.lat[row]!]);
      times.push(t);
    }
    return { path, times };
  }
}
