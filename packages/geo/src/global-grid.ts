/**
 * Arithmetic shared by the grids that cover the whole globe: whole cells
 * round each parallel, so column numbers wrap exactly at the antimeridian,
 * and the block of cells that holds a spherical cap (a circle on the Earth).
 */
import { DEG, EARTH_RADIUS_METRES, RAD } from './distance.js';

/** Padding of cap boxes in degrees, against rounding between placing a point in a cell and looking for it. */
const SLACK = 1e-7;

export type GlobalGrid = {
  readonly cols: number;
  readonly rows: number;
  readonly colWidth: number;
  readonly rowHeight: number;
};

/** Rows firstRow..lastRow, and `columns` columns from firstCol eastward (wrapping); and the cosine of the centre's latitude, for the caller's distances. */
export type CapCells = { firstRow: number; lastRow: number; firstCol: number; columns: number; cosLat: number };

/** A grid of cells about `cellDegrees` on a side; throws on sizes a caller should never pass. */
export function globalGrid(cellDegrees: number): GlobalGrid {
  if (!(cellDegrees >= 0.01 && cellDegrees <= 90)) throw new RangeError(`cellDegrees ${cellDegrees} is outside [0.01, 90]`);
  const cols = Math.ceil(360 / cellDegrees);
  const rows = Math.ceil(180 / cellDegrees);
  return { cols, rows, colWidth: 360 / cols, rowHeight: 180 / rows };
}

/** Row of a latitude, clamped to the grid. */
export function rowOf(grid: GlobalGrid, lat: number): number {
  const r = Math.floor((lat + 90) / grid.rowHeight);
  return r < 0 ? 0 : r >= grid.rows ? grid.rows - 1 : r;
}

/** Column of a longitude, unwrapped: -180 is column 0 and every 360° further adds `cols`. */
export function columnOf(grid: GlobalGrid, lon: number): number {
  return Math.floor((lon + 180) / grid.colWidth);
}

/** A column number brought back onto the grid. */
export function wrapColumn(grid: GlobalGrid, col: number): number {
  // Nearly every column is on the grid already; the remainder of a number not known to be an
  // integer is a call into C. `+ 0` turns -0 (floor of -0) into 0, as the remainder would.
  if (col >= 0 && col < grid.cols) return col + 0;
  return ((col % grid.cols) + grid.cols) % grid.cols;
}

/**
 * The cells covering every point within `metres` of (lat, lon), lon in
 * [-180, 180): the cap's bounding box, whose half-width in longitude is
 * asin(sin d / cos φ), or every column when the cap takes in a pole.
 *
 * For a small cap the half-width is taken from a bound instead, with no sine
 * and no arcsine (each a call into the runtime, and neighbour searches ask
 * this for every few reports): sin d ≤ d, and asin x ≤ x + x³/3 for x ≤ 1/2
 * (the series' terms after x sum to less than x³/3 there). The box is then
 * a hair wider than the cap, never narrower.
 */
export function capCellsInto(grid: GlobalGrid, lat: number, lon: number, metres: number, out: CapCells): CapCells {
  const angle = metres / EARTH_RADIUS_METRES;
  out.firstRow = rowOf(grid, lat - angle * DEG - SLACK);
  out.lastRow = rowOf(grid, lat + angle * DEG + SLACK);
  const cosLat = (out.cosLat = Math.cos(lat * RAD));
  let span: number;
  const x = angle / cosLat;
  if (x <= 0.5) span = (x + (x * x * x) / 3) * DEG;
  else {
    const sinAngle = Math.sin(Math.min(angle, Math.PI / 2));
    if (angle >= Math.PI / 2 || sinAngle >= cosLat) {
      out.firstCol = 0;
      out.columns = grid.cols;
      return out;
    }
    span = Math.asin(sinAngle / cosLat) * DEG;
  }
  const west = columnOf(grid, lon - span - SLACK);
  out.firstCol = wrapColumn(grid, west);
  out.columns = Math.min(grid.cols, columnOf(grid, lon + span + SLACK) - west + 1);
  return out;
}
