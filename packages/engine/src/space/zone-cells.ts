/**
 * Open-water cells of a zones layer: fine cells of the sea that no zone
 * border crosses.
 *
 * Inside such a cell every point lies in the same zones (a border is the only
 * thing that changes the answer), so a vessel that reports again from the
 * cell it was looked up in keeps its answer without asking the polygons
 * again. Most of the sea is such cells: a vessel under way stays in one of
 * these 1.7 km cells for a dozen reports or more.
 *
 * Which cells are clear is found on first ask, by testing the cell's box
 * against the borders listed in its quarter-degree bucket, and remembered in
 * a bounded direct-mapped table (a cell pushed out is worked out again, to
 * the same verdict). The verdict depends only on the cell, so answers never
 * depend on what the table happens to hold.
 */
import { areaEdges, segmentMeetsBox, type Area } from '@tidewatch/geo';

/** Cells per degree: a power of two, so a cell's edges are exact in floating point. */
const CELLS_PER_DEGREE = 64;
/** Columns in a cell key: every longitude from −180° to 180° inclusive has one. */
const KEY_COLUMNS = 360 * CELLS_PER_DEGREE + 1;
/** Borders are listed per bucket of this many cells a side (a quarter degree). */
const BUCKET_CELLS = 16;
const BUCKET_DEGREES = BUCKET_CELLS / CELLS_PER_DEGREE;
/**
 * A border closer to a cell than this (degrees, about 10 cm) counts as
 * crossing it: far more than the rounding in placing a point in its cell or
 * in the point-in-polygon test's crossing points, so a cell called clear is
 * clear for that test too.
 */
const MARGIN = 1e-6;
/** Verdicts remembered: a direct-mapped table of this many cells. */
const TABLE_SIZE = 1 << 16;

const UNKNOWN = 0;
const CLEAR = 1;
const CROSSED = 2;

export class ZoneCells {
  /** Buckets over the box of every border: first bucket's corner, and the grid's size. */
  private readonly west: number;
  private readonly south: number;
  private readonly columns: number;
  private readonly rows: number;
  /** The cells the buckets cover, as rows and columns of cell keys. */
  private readonly firstRow: number;
  private readonly lastRow: number;
  private readonly firstCol: number;
  private readonly lastCol: number;
  private readonly areas: readonly Area[];
  /**
   * Per bucket, its borders: edges bucketStart[b] .. bucketStart[b + 1] of
   * bucketEdges, and x1, y1, x2, y2 of every border segment of every zone.
   * Listed on the first cell judged (a run far from every zone never needs them).
   */
  private bucketStart: Uint32Array = new Uint32Array(0);
  private bucketEdges: Uint32Array = new Uint32Array(0);
  private edges: Float64Array = new Float64Array(0);
  private listed = false;
  /** The direct-mapped table: cell key and its verdict. */
  private readonly keys = new Int32Array(TABLE_SIZE).fill(-1);
  private readonly verdicts = new Uint8Array(TABLE_SIZE);

  /** Over areas as geo builds them: each box the least and greatest coordinates of its vertices. */
  constructor(areas: readonly Area[]) {
    this.areas = areas;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const { box } of areas) {
      if (!(box[0]! <= box[2]!)) continue; // an area without vertices
      minX = Math.min(minX, box[0]!);
      minY = Math.min(minY, box[1]!);
      maxX = Math.max(maxX, box[2]!);
      maxY = Math.max(maxY, box[3]!);
    }
    if (!(minX <= maxX)) [minX, minY, maxX, maxY] = [0, 0, 0, 0];
    this.west = Math.floor((minX - MARGIN) / BUCKET_DEGREES) * BUCKET_DEGREES;
    this.south = Math.floor((minY - MARGIN) / BUCKET_DEGREES) * BUCKET_DEGREES;
    this.columns = Math.floor((maxX + MARGIN - this.west) / BUCKET_DEGREES) + 1;
    this.rows = Math.floor((maxY + MARGIN - this.south) / BUCKET_DEGREES) + 1;
    this.firstRow = Math.round((this.south + 90) * CELLS_PER_DEGREE);
    this.lastRow = this.firstRow + this.rows * BUCKET_CELLS - 1;
    this.firstCol = Math.round((this.west + 180) * CELLS_PER_DEGREE);
    this.lastCol = this.firstCol + this.columns * BUCKET_CELLS - 1;
  }

  /** The key of the cell holding a point (latitude −90..90, longitude −180..180). */
  keyOf(lat: number, lon: number): number {
    return Math.floor((lat + 90) * CELLS_PER_DEGREE) * KEY_COLUMNS + Math.floor((lon + 180) * CELLS_PER_DEGREE);
  }

  /** Whether no zone border crosses the cell `key`. */
  clear(key: number): boolean {
    // Outside the buckets, far from every zone (most of the sea), there is no border to look for.
    const row = Math.floor(key / KEY_COLUMNS);
    const col = key - row * KEY_COLUMNS;
    if (row < this.firstRow || row > this.lastRow || col < this.firstCol || col > this.lastCol) return true;
    const i = Math.imul(key, 0x9e3779b1) >>> 16;
    if (this.keys[i] === key) return this.verdicts[i] === CLEAR;
    const verdict = this.judge(key);
    this.keys[i] = key;
    this.verdicts[i] = verdict;
    return verdict === CLEAR;
  }

  /** Tests the cell's box, widened by MARGIN, against the borders of the bucket it lies in. */
  private judge(key: number): number {
    const row = Math.floor(key / KEY_COLUMNS);
    const col = key - row * KEY_COLUMNS;
    const south = row / CELLS_PER_DEGREE - 90;
    const west = col / CELLS_PER_DEGREE - 180;
    const bucketRow = Math.floor((south - this.south) / BUCKET_DEGREES);
    const bucketCol = Math.floor((west - this.west) / BUCKET_DEGREES);
    if (bucketRow < 0 || bucketRow >= this.rows || bucketCol < 0 || bucketCol >= this.columns) return CLEAR;
    const bucket = bucketRow * this.columns + bucketCol;
    if (!this.listed) this.listBorders();
    const edges = this.edges;
    const minX = west - MARGIN, minY = south - MARGIN;
    const maxX = west + 1 / CELLS_PER_DEGREE + MARGIN, maxY = south + 1 / CELLS_PER_DEGREE + MARGIN;
    for (let k = this.bucketStart[bucket]!; k < this.bucketStart[bucket + 1]!; k++) {
      const e = 4 * this.bucketEdges[k]!;
      if (segmentMeetsBox(edges[e]!, edges[e + 1]!, edges[e + 2]!, edges[e + 3]!, minX, minY, maxX, maxY)) return CROSSED;
    }
    return CLEAR;
  }

  /**
   * Lists each border segment in every bucket its box, widened by MARGIN,
   * reaches: a segment within MARGIN of a cell is then listed in the cell's
   * bucket (cells nest in buckets), so judging a cell reads one bucket.
   */
  private listBorders(): void {
    this.edges = areaEdges(this.areas);
    const counts = new Uint32Array(this.columns * this.rows + 1);
    this.forEachBucket((bucket) => counts[bucket + 1]!++);
    for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
    const start = counts.slice();
    const list = new Uint32Array(counts[counts.length - 1]!);
    this.forEachBucket((bucket, edge) => (list[counts[bucket]!++] = edge));
    this.bucketStart = start;
    this.bucketEdges = list;
    this.listed = true;
  }

  private forEachBucket(visit: (bucket: number, edge: number) => void): void {
    const edges = this.edges;
    for (let e = 0; e < edges.length / 4; e++) {
      const x1 = edges[4 * e]!, y1 = edges[4 * e + 1]!, x2 = edges[4 * e + 2]!, y2 = edges[4 * e + 3]!;
      const c0 = Math.floor((Math.min(x1, x2) - MARGIN - this.west) / BUCKET_DEGREES);
      const c1 = Math.floor((Math.max(x1, x2) + MARGIN - this.west) / BUCKET_DEGREES);
      const r0 = Math.floor((Math.min(y1, y2) - MARGIN - this.south) / BUCKET_DEGREES);
      const r1 = Math.floor((Math.max(y1, y2) + MARGIN - this.south) / BUCKET_DEGREES);
      for (let r = Math.max(0, r0); r <= Math.min(this.rows - 1, r1); r++) {
        for (let c = Math.max(0, c0); c <= Math.min(this.columns - 1, c1); c++) visit(r * this.columns + c, e);
      }
    }
  }
}
