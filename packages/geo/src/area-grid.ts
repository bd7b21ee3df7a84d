/**
 * Point-in-area over a uniform grid laid on one area's bounding box.
 *
 * Every edge is listed in each cell it passes through. A cell that no edge
 * touches is wholly inside or wholly outside, and a point there is answered
 * from the cell's status alone. In a cell that edges cross, the eastward ray
 * of the plain ray cast is followed cell by cell, counting only the crossings
 * that fall within each cell's span of longitude, until it reaches a cell of
 * known status (or leaves the box, beyond which all is outside). Crossings are
 * computed by the same primitives as `areaContains`, so both give the same
 * answer for every point, edges and vertices included.
 */
import { areaEdges, edgeCrossingX, edgeStraddles, type Area } from './polygon.js';
import { segmentMeetsBox } from './segment-box.js';

const OUTSIDE = 0;
const INSIDE = 1;
const CROSSED = 2;

/**
 * Registration slack in degrees (about 0.1 mm). An edge is listed in every
 * cell it comes this close to, so rounding in a crossing's longitude can never
 * place it in a cell that does not list the edge.
 */
const SLACK = 1e-9;

export type AreaGridOptions = {
  /** Cells per edge of the area; more cells mean fewer edges per crossed cell. Default 1. */
  cellsPerEdge?: number;
  /** Upper bound on cells for one area. Default 262 144. */
  maxCells?: number;
};

export class AreaGrid {
  private readonly box: Float64Array;
  private readonly cols: number;
  private readonly rows: number;
  private readonly cellWidth: number;
  private readonly cellHeight: number;
  /** Western edge of each column, and the eastern edge of the last: cols + 1 values. */
  private readonly xs: Float64Array;
  /** Southern edge of each row, and the northern edge of the last: rows + 1 values. */
  private readonly ys: Float64Array;
  private readonly status: Uint8Array;
  private readonly cellStart: Uint32Array;
  private readonly cellEdges: Uint32Array;
  /** x1, y1, x2, y2 per edge, in ring order. */
  private readonly edges: Float64Array;

  constructor(area: Area, options: AreaGridOptions = {}) {
    this.box = area.box;
    this.edges = areaEdges([area]);
    const edgeCount = this.edges.length / 4;
    const target = Math.max(1, Math.min(options.maxCells ?? 262_144, Math.round(edgeCount * (options.cellsPerEdge ?? 1))));
    const [minX, minY, maxX, maxY] = [this.box[0]!, this.box[1]!, this.box[2]!, this.box[3]!];
    const width = Math.max(maxX - minX, 1e-9);
    const height = Math.max(maxY - minY, 1e-9);
    // Square cells on the ground: a degree of longitude shrinks with cos(latitude).
    const groundWidth = width * Math.max(0.05, Math.cos((((minY + maxY) / 2) * Math.PI) / 180));
    this.cols = Math.max(1, Math.min(target, Math.round(Math.sqrt((target * groundWidth) / height))));
    this.rows = Math.max(1, Math.ceil(target / this.cols));
    this.cellWidth = width / this.cols;
    this.cellHeight = height / this.rows;
    this.xs = boundaries(minX, this.cellWidth, this.cols, maxX);
    this.ys = boundaries(minY, this.cellHeight, this.rows, maxY);
    [this.cellStart, this.cellEdges] = this.listEdgesByCell();
    this.status = new Uint8Array(this.cols * this.rows);
    this.classifyCells();
  }

  /** Whether the point lies inside the area, as `areaContains` would say. */
  contains(lat: number, lon: number): boolean {
    const box = this.box;
    if (!(lon >= box[0]! && lat >= box[1]! && lon <= box[2]! && lat <= box[3]!)) return false;
    const col = this.columnOf(lon);
    const row = this.rowOf(lat);
    const state = this.status[row * this.cols + col]!;
    if (state !== CROSSED) return state === INSIDE;
    return this.parityEastOf(col, row, lat, lon) === 1;
  }

  /** Share of cells answered without any edge test, for tuning and tests. */
  uniformShare(): number {
    let uniform = 0;
    for (let i = 0; i < this.status.length; i++) if (this.status[i] !== CROSSED) uniform++;
    return uniform / this.status.length;
  }

  private columnOf(lon: number): number {
    const c = Math.floor((lon - this.box[0]!) / this.cellWidth);
    return c < 0 ? 0 : c >= this.cols ? this.cols - 1 : c;
  }

  private rowOf(lat: number): number {
    const r = Math.floor((lat - this.box[1]!) / this.cellHeight);
    return r < 0 ? 0 : r >= this.rows ? this.rows - 1 : r;
  }

  /**
   * Parity of the crossings of the eastward ray from (lon, lat), starting in
   * cell (col, row): crossings in crossed cells are counted within each
   * cell's longitude span, and the first uniform cell to the east supplies
   * the parity of everything beyond it.
   */
  private parityEastOf(col: number, row: number, lat: number, lon: number): number {
    const { cols, xs, status, cellStart, cellEdges, edges } = this;
    const rowBase = row * cols;
    let parity = 0;
    for (let c = col; c < cols; c++) {
      const cell = rowBase + c;
      if (c > col && status[cell] !== CROSSED) return parity ^ status[cell]!;
      // The first cell has no western limit (the ray starts at lon), the last no eastern one.
      const west = c === col ? -Infinity : xs[c]!;
      const east = c === cols - 1 ? Infinity : xs[c + 1]!;
      for (let k = cellStart[cell]!; k < cellStart[cell + 1]!; k++) {
        const e = 4 * cellEdges[k]!;
        const y1 = edges[e + 1]!, y2 = edges[e + 3]!;
        if (!edgeStraddles(y1, y2, lat)) continue;
        const x = edgeCrossingX(edges[e]!, y1, edges[e + 2]!, y2, lat);
        if (lon < x && x > west && x <= east) parity ^= 1;
      }
    }
    return parity;
  }

  /** Status of every cell no edge touches, row by row from east to west so each ray ends on a known cell. */
  private classifyCells(): void {
    const { cols, rows, xs, ys, status, cellStart } = this;
    for (let r = 0; r < rows; r++) {
      const lat = (ys[r]! + ys[r + 1]!) / 2;
      for (let c = cols - 1; c >= 0; c--) {
        const cell = r * cols + c;
        if (cellStart[cell + 1]! > cellStart[cell]!) status[cell] = CROSSED;
        else status[cell] = this.parityEastOf(c, r, lat, (xs[c]! + xs[c + 1]!) / 2) === 1 ? INSIDE : OUTSIDE;
      }
    }
  }

  /** Compressed rows of edge ordinals per cell: [start offsets (cells + 1), edge ordinals]. */
  private listEdgesByCell(): [Uint32Array, Uint32Array] {
    const cells = this.cols * this.rows;
    const counts = new Uint32Array(cells + 1);
    this.forEachEdgeCell((cell) => counts[cell + 1]!++);
    for (let i = 1; i <= cells; i++) counts[i]! += counts[i - 1]!;
    const start = counts.slice();
    const list = new Uint32Array(counts[cells]!);
    this.forEachEdgeCell((cell, edge) => (list[counts[cell]!++] = edge));
    return [start, list];
  }

  private forEachEdgeCell(visit: (cell: number, edge: number) => void): void {
    const { edges, xs, ys, cols } = this;
    for (let e = 0; e < edges.length / 4; e++) {
      const x1 = edges[4 * e]!, y1 = edges[4 * e + 1]!, x2 = edges[4 * e + 2]!, y2 = edges[4 * e + 3]!;
      const c0 = this.columnOf(Math.min(x1, x2) - SLACK), c1 = this.columnOf(Math.max(x1, x2) + SLACK);
      const r0 = this.rowOf(Math.min(y1, y2) - SLACK), r1 = this.rowOf(Math.max(y1, y2) + SLACK);
      const straight = c0 === c1 || r0 === r1;
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          if (straight || segmentMeetsBox(x1, y1, x2, y2, xs[c]! - SLACK, ys[r]! - SLACK, xs[c + 1]! + SLACK, ys[r + 1]! + SLACK)) {
            visit(r * cols + c, e);
          }
        }
      }
    }
  }
}

function boundaries(origin: number, step: number, count: number, last: number): Float64Array {
  const xs = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) xs[i] = origin + i * step;
  xs[count] = last;
  return xs;
}
