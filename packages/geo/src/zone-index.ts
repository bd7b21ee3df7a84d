/**
 * Which zones contain a point, over many zones with tens of thousands of vertices.
 *
 * A coarse directory grid over all zones lists, per cell, the zones whose
 * bounding box reaches it; each zone then answers through its own
 * {@link AreaGrid}, where most points need no edge test at all. Zones are
 * known by their ordinal: their position in the array the index was built from.
 *
 * A zone's grid is built the first time a point falls in its bounding box: a
 * layer of the world's territorial seas is loaded whole, and a run of one
 * sea's traffic asks about a few of them (building them all took a tenth of
 * a replay's start-up). The answers do not depend on when a grid is built.
 */
import { AreaGrid, type AreaGridOptions } from './area-grid.js';
import type { Area } from './polygon.js';

export type ZoneIndexOptions = AreaGridOptions & {
  /** Directory cells over the box of all zones. Default 16 384. */
  directoryCells?: number;
};

export class ZoneIndex {
  /** Number of zones indexed. */
  readonly size: number;
  private readonly areas: readonly Area[];
  private readonly options: AreaGridOptions;
  private readonly grids: Array<AreaGrid | undefined>;
  private readonly boxes: Float64Array;
  private readonly originX: number;
  private readonly originY: number;
  private readonly cellSize: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly cellStart: Uint32Array;
  private readonly cellZones: Uint32Array;

  constructor(areas: readonly Area[], options: ZoneIndexOptions = {}) {
    this.size = areas.length;
    this.areas = areas;
    this.options = options;
    this.grids = new Array<AreaGrid | undefined>(areas.length).fill(undefined);
    this.boxes = new Float64Array(4 * areas.length);
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    areas.forEach((area, z) => {
      this.boxes.set(area.box, 4 * z);
      if (!(area.box[0]! <= area.box[2]!)) return; // an area without vertices
      minX = Math.min(minX, area.box[0]!);
      minY = Math.min(minY, area.box[1]!);
      maxX = Math.max(maxX, area.box[2]!);
      maxY = Math.max(maxY, area.box[3]!);
    });
    if (minX > maxX) [minX, minY, maxX, maxY] = [0, 0, 0, 0];
    const target = options.directoryCells ?? 16_384;
    this.originX = minX;
    this.originY = minY;
    this.cellSize = Math.max(Math.sqrt(((maxX - minX) * (maxY - minY)) / target), (maxX - minX) / target, (maxY - minY) / target, 1e-6);
    this.cols = Math.floor((maxX - minX) / this.cellSize) + 1;
    this.rows = Math.floor((maxY - minY) / this.cellSize) + 1;
    [this.cellStart, this.cellZones] = this.listZonesByCell();
  }

  /**
   * Writes the ordinals of the zones containing the point into `out[0..n)`,
   * in increasing order, and returns n. Entries of `out` beyond n are left as
   * they were. Allocates nothing once `out` has held as many entries before.
   */
  zonesAt(lat: number, lon: number, out: number[]): number {
    if (!(lon >= this.originX && lat >= this.originY)) return 0;
    const col = Math.floor((lon - this.originX) / this.cellSize);
    const row = Math.floor((lat - this.originY) / this.cellSize);
    if (col >= this.cols || row >= this.rows) return 0;
    const cell = row * this.cols + col;
    let n = 0;
    for (let k = this.cellStart[cell]!; k < this.cellStart[cell + 1]!; k++) {
      const zone = this.cellZones[k]!;
      if (this.gridOf(zone).contains(lat, lon)) out[n++] = zone;
    }
    return n;
  }

  /** Whether one zone contains the point. */
  contains(zone: number, lat: number, lon: number): boolean {
    if (!(Number.isInteger(zone) && zone >= 0 && zone < this.size)) throw new RangeError(`no zone ${zone}: the index holds ${this.size}`);
    return this.gridOf(zone).contains(lat, lon);
  }

  private gridOf(zone: number): AreaGrid {
    return (this.grids[zone] ??= new AreaGrid(this.areas[zone]!, this.options));
  }

  private listZonesByCell(): [Uint32Array, Uint32Array] {
    const cells = this.cols * this.rows;
    const counts = new Uint32Array(cells + 1);
    this.forEachZoneCell((cell) => counts[cell + 1]!++);
    for (let i = 1; i <= cells; i++) counts[i]! += counts[i - 1]!;
    const start = counts.slice();
    const list = new Uint32Array(counts[cells]!);
    // Zones visited in ordinal order keep each cell's list sorted, so zonesAt reports in order.
    this.forEachZoneCell((cell, zone) => (list[counts[cell]!++] = zone));
    return [start, list];
  }

  private forEachZoneCell(visit: (cell: number, zone: number) => void): void {
    const { boxes, originX, originY, cellSize, cols } = this;
    for (let z = 0; z < this.size; z++) {
      const b = 4 * z;
      if (!(boxes[b]! <= boxes[b + 2]!)) continue;
      const c0 = Math.floor((boxes[b]! - originX) / cellSize), c1 = Math.min(cols - 1, Math.floor((boxes[b + 2]! - originX) / cellSize));
      const r0 = Math.floor((boxes[b + 1]! - originY) / cellSize), r1 = Math.min(this.rows - 1, Math.floor((boxes[b + 3]! - originY) / cellSize));
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) visit(r * cols + c, z);
    }
  }
}
