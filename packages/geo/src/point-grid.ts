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

export class PointGrid {
  /** Points held: those given with a latitude and longitude in range. */
  readonly size: number;
  private readonly grid: GlobalGrid;
  private readonly cap: CapCells = { firstRow: 0, lastRow: 0, firstCol: 0, columns: 0, cosLat: 1 };
  /** The occupied cells' keys (row · cols + column), ascending. */
  private readonly keys: Int32Array;
  /** Per occupied cell, its first point in the sorted arrays; one more entry closes the last cell. */
  private readonly starts: Int32Array;
  /** The points in cell order, longitudes in [-180, 180) (180 is -180). */
  private readonly lats: Float64Array;
  private readonly lons: Float64Array;

  /**
   * Indexes the points (`lats[i]`, `lons[i]`); points outside latitude
   * [-90, 90] and longitude [-180, 180] are left out.
   */
  constructor(lats: ArrayLike<number>, lons: ArrayLike<number>, cellDegrees: number) {
    if (lats.length !== lons.length) throw new RangeError(`${lats.length} latitudes for ${lons.length} longitudes`);
    if (lats.length > MAX_POINTS) throw new RangeError(`${lats.length} points: at most ${MAX_POINTS}`);
    const grid = (this.grid = globalGrid(cellDegrees));
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
    this.size = n;
    this.lats = new Float64Array(n);
    this.lons = new Float64Array(n);
    const keys: number[] = [];
    const starts: number[] = [];
    for (let k = 0; k < n; k++) {
      const key = Math.floor(sorted[k]! / MAX_POINTS);
      const i = sorted[k]! - key * MAX_POINTS;
      this.lats[k] = lats[i]!;
      this.lons[k] = normaliseLongitude(lons[i]!);
      if (keys.length === 0 || keys[keys.length - 1] !== key) {
        keys.push(key);
        starts.push(k);
      }
    }
    starts.push(n);
    this.keys = Int32Array.from(keys);
    this.starts = Int32Array.from(starts);
  }

  /**
   * Great-circle metres from the point to the nearest point held within
   * `maxMetres`, or Infinity when none is that close.
   */
  nearestMetres(lat: number, lon: number, maxMetres: number): number {
    lon = normaliseLongitude(lon);
    const { cols } = this.grid;
    const { firstRow, lastRow, firstCol, columns } = capCellsInto(this.grid, lat, lon, maxMetres, this.cap);
    const cosLat = this.cap.cosLat;
    // No point farther north or south than the radius is within it: no haversine for those.
    const reach = (maxMetres / EARTH_RADIUS_METRES) * DEG * (1 + 1e-9) + 1e-9;
    let best = Infinity;
    for (let r = firstRow; r <= lastRow; r++) {
      let col = firstCol;
      for (let c = 0; c < columns; c++) {
        const cell = this.cellOf(r * cols + col);
        if (cell >= 0) {
          for (let k = this.starts[cell]!, end = this.starts[cell + 1]!; k < end; k++) {
            const dLat = this.lats[k]! - lat;
            if (dLat > reach || dLat < -reach) continue;
            const metres = haversineMetresFrom(lat, lon, cosLat, this.lats[k]!, this.lons[k]!);
            if (metres <= maxMetres && metres < best) best = metres;
          }
        }
        if (++col === cols) col = 0;
      }
    }
    return best;
  }

  /** The index of the occupied cell with this key, or -1. */
  private cellOf(key: number): number {
    const keys = this.keys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid]!;
      if (k < key) lo = mid + 1;
      else if (k > key) hi = mid - 1;
      else return mid;
    }
    return -1;
  }
}
