/**
 * Fixed points (anchorages, ports) in a global grid, built once and never
 * moved: the points sorted by cell, and the occupied cells' keys ascending,
 * so that a search finds each cell of its cap by binary search.
 *
 * `CellGrid` serves moving vessels (linked lists, a table grown as cells are
 * visited); for points that never move its bookkeeping is pure cost, and
 * building it for sixty thousand anchorages took most of a start-up's
 * anchorage time. Here the build is one sort of typed numbers.
 */
import { DEG, EARTH_RADIUS_METRES, haversineMetresFrom, normaliseLongitude } from './distance.js';
import { capCellsInto, columnOf, globalGrid, rowOf, wrapColumn, type CapCells, type GlobalGrid } from './global-grid.js';

/** Points beyond this count cannot be told apart in the sort key (see the constructor). */
const MAX_POINTS = 2 ** 26;

/** A grid as plain arrays (for a cache of built layers): see `PointGrid.parts`. */
export interface PointGridParts {
  readonly cellDegrees: number;
  /** The occupied cells' keys (row · cols + column), ascending. */
  readonly keys: Int32Array;
  /** Per occupied cell, its first point in `lats` and `lons`; one more entry closes the last cell. */
  readonly starts: Int32Array;
  /** The points in cell order, longitudes in [-180, 180) (180 is -180). */
  readonly lats: Float64Array;
  readonly lons: Float64Array;
}

export class PointGrid {
  /** Points held: those given with a latitude and longitude in range. */
  readonly size: number;
  private readonly grid: GlobalGrid;
  private readonly cap: CapCells = { firstRow: 0, lastRow: 0, firstCol: 0, columns: 0, cosLat: 1 };
  private readonly keys: Int32Array;
  private readonly starts: Int32Array;
  private readonly lats: Float64Array;
  private readonly lons: Float64Array;

  private constructor(private readonly held: PointGridParts) {
    this.grid = globalGrid(held.cellDegrees);
    this.size = held.lats.length;
    this.keys = held.keys;
    this.starts = held.starts;
    this.lats = held.lats;
    this.lons = held.lons;
  }

  /**
   * Indexes the points (`lats[i]`, `lons[i]`); points outside latitude
   * [-90, 90] and longitude [-180, 180] are left out.
   */
  static of(lats: ArrayLike<number>, lons: ArrayLike<number>, cellDegrees: number): PointGrid {
    if (lats.length !== lons.length) throw new RangeError(`${lats.length} latitudes for ${lons.length} longitudes`);
    if (lats.length > MAX_POINTS) throw new RangeError(`${lats.length} points: at most ${MAX_POINTS}`);
    const grid = globalGrid(cellDegrees);
    // Sort keys: cell key · 2^26 + point number, exact in a double (23 + 26 bits), so a
    // numeric sort orders by cell, then by point number (the order they were given).
    const order = new Float64Array(lats.length);
    let n = 0;
    for (let i = 0; i < lats.length; i++) {
      const lat = lats[i]!;
      const lon = lons[i]!;
      if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) continue;
      const key = rowOf(grid, lat) * grid.cols + wrapColumn(grid, columnOf(grid, normaliseLongitude(lon)));
      order[n++] = key * MAX_POINTS + i;
    }
    const sorted = order.subarray(0, n).sort();
    const sortedLats = new Float64Array(n);
    const sortedLons = new Float64Array(n);
    const keys: number[] = [];
    const starts: number[] = [];
    for (let k = 0; k < n; k++) {
      const key = Math.floor(sorted[k]! / MAX_POINTS);
      const i = sorted[k]! - key * MAX_POINTS;
      sortedLats[k] = lats[i]!;
      sortedLons[k] = normaliseLongitude(lons[i]!);
      if (keys.length === 0 || keys[keys.length - 1] !== key) {
        keys.push(key);
        starts.push(k);
      }
    }
    starts.push(n);
    return new PointGrid({ cellDegrees, keys: Int32Array.from(keys), starts: Int32Array.from(starts), lats: sortedLats, lons: sortedLons });
  }

  /**
   * The grid `parts()` gave, when the parts fit together (as parts read
   * back from a cache must): cells ascending and on the grid, each holding
   * its run of points, every point in range; else undefined.
   */
  static fromParts(parts: PointGridParts): PointGrid | undefined {
    const { cellDegrees, keys, starts, lats, lons } = parts;
    if (!(cellDegrees >= 0.01 && cellDegrees <= 90)) return undefined;
    const { cols, rows } = globalGrid(cellDegrees);
    if (lats.length !== lons.length || starts.length !== keys.length + 1 || starts[0] !== 0 || starts[keys.length] !== lats.length) return undefined;
    for (let c = 0; c < keys.length; c++) {
      if (!(keys[c]! >= 0 && keys[c]! < cols * rows) || (c > 0 && keys[c]! <= keys[c - 1]!) || starts[c + 1]! <= starts[c]!) return undefined;
    }
    for (let k = 0; k < lats.length; k++) if (!(lats[k]! >= -90 && lats[k]! <= 90 && lons[k]! >= -180 && lons[k]! < 180)) return undefined;
    return new PointGrid(parts);
  }

  /** The grid as plain arrays, which `PointGrid.fromParts` takes back. */
  parts(): PointGridParts {
    return this.held;
  }

  /**
   * Great-circle metres from the point to the nearest point held within
   * `maxMetres`, or Infinity when none is that close.
   */
  nearestMetres(lat: number, lon: number, maxMetres: number): number {
    lon = normaliseLongitude(lon);
    const { cols } = this.grid;
    const { firstRow, lastRow, firstCol, columns } = capCellsInto(this.grid, lat, lon, maxMetres, this.cap);
    // No point farther north or south than the radius is within it: no haversine for those.
    const reach = (maxMetres / EARTH_RADIUS_METRES) * DEG * (1 + 1e-9) + 1e-9;
    let best = Infinity;
    // A row's cells in the cap are one run of keys (two where it wraps past the antimeridian):
    // one search finds the run's first occupied cell, the rest follow in order.
    const eastern = Math.min(columns, cols - firstCol);
    for (let r = firstRow; r <= lastRow; r++) {
      best = this.nearestInKeys(r * cols + firstCol, r * cols + firstCol + eastern - 1, lat, lon, reach, maxMetres, best);
      if (eastern < columns) best = this.nearestInKeys(r * cols, r * cols + columns - eastern - 1, lat, lon, reach, maxMetres, best);
    }
    return best;
  }

  /** `best`, or the distance to a nearer point within `maxMetres` in the cells with keys `from..to`. */
  private nearestInKeys(from: number, to: number, lat: number, lon: number, reach: number, maxMetres: number, best: number): number {
    const keys = this.keys;
    const cosLat = this.cap.cosLat;
    for (let cell = this.firstKeyAtLeast(from); cell < keys.length && keys[cell]! <= to; cell++) {
      for (let k = this.starts[cell]!, end = this.starts[cell + 1]!; k < end; k++) {
        const dLat = this.lats[k]! - lat;
        if (dLat > reach || dLat < -reach) continue;
        const metres = haversineMetresFrom(lat, lon, cosLat, this.lats[k]!, this.lons[k]!);
        if (metres <= maxMetres && metres < best) best = metres;
      }
    }
    return best;
  }

  /** The index of the first occupied cell whose key is `key` or more (the count of cells when none is). */
  private firstKeyAtLeast(key: number): number {
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
