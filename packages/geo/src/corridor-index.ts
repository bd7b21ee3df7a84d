/**
 * Nearest cable or pipeline to a point, and the corridors a point lies in.
 *
 * Each asset is one or more polylines with a corridor half-width in metres.
 * Segments are great-circle arcs; their vertices are kept as unit vectors so
 * the distance from a point to a segment takes dot products and one arcsine.
 * Segments are listed in the cells of a global lat/lon grid that their arc
 * passes over; only the cells (stored sparsely, keys sorted) within the query
 * radius are visited. Works across the antimeridian and at the poles.
 */
import { DEG, EARTH_RADIUS_METRES, normaliseLongitude, RAD } from './distance.js';
import { capCellsInto, columnOf, globalGrid, rowOf, wrapColumn, type CapCells, type GlobalGrid } from './global-grid.js';

/** One asset: its polylines as flat lon,lat Float64Arrays, and its corridor half-width. */
export type Corridor = {
  readonly lines: readonly Float64Array[];
  readonly halfWidthMetres: number;
};

/** The nearest segment found: asset ordinal, line within the asset, segment within the line, distance. */
export type CorridorHit = {
  asset: number;
  line: number;
  /** Index of the segment's first vertex within its line. */
  segment: number;
  metres: number;
};

export type CorridorIndexOptions = {
  /** Grid cell size in degrees. Default 0.1 (about 11 km of latitude). */
  cellDegrees?: number;
};

/** Padding of segment boxes, degrees: covers rounding between listing a segment and looking it up. */
const SLACK = 1e-7;
/** Beyond this many cells a query just tests every segment. */
const MAX_QUERY_CELLS = 4096;

export class CorridorIndex {
  /** Number of assets indexed. */
  readonly size: number;
  private readonly halfWidths: Float64Array;
  private readonly maxHalfWidth: number;
  // Vertex unit vectors.
  private readonly vx: Float64Array;
  private readonly vy: Float64Array;
  private readonly vz: Float64Array;
  // Per segment: first vertex (the second follows it), owner, position, plane normal, cos of its length.
  private readonly segVertex: Uint32Array;
  private readonly segAsset: Uint32Array;
  private readonly segLine: Uint32Array;
  private readonly segIndex: Uint32Array;
  private readonly nx: Float64Array;
  private readonly ny: Float64Array;
  private readonly nz: Float64Array;
  private readonly cosLength: Float64Array;
  // Sparse grid: sorted cell keys, offsets into the segment list.
  private readonly grid: GlobalGrid;
  private readonly keys: Int32Array;
  private readonly keyStart: Uint32Array;
  private readonly keySegments: Uint32Array;
  // Query stamps, so a segment (or asset) listed in several cells is looked at once.
  private readonly segStamp: Uint32Array;
  private readonly assetStamp: Uint32Array;
  private stamp = 0;
  // The query under way, in fields rather than closures so queries allocate nothing.
  private mode: Mode = Mode.nearest;
  private radius = 0;
  private px = 0;
  private py = 0;
  private pz = 0;
  private readonly best: CorridorHit = { asset: -1, line: -1, segment: -1, metres: Infinity };
  private found: number[] = NO_OUTPUT;
  private readonly cap: CapCells = { firstRow: 0, lastRow: 0, firstCol: 0, columns: 0, cosLat: 1 };
  private foundCount = 0;

  constructor(corridors: readonly Corridor[], options: CorridorIndexOptions = {}) {
    this.size = corridors.length;
    this.halfWidths = Float64Array.from(corridors, (c) => c.halfWidthMetres);
    this.maxHalfWidth = corridors.reduce((m, c) => Math.max(m, c.halfWidthMetres), 0);
    let vertices = 0, segments = 0;
    for (const c of corridors) for (const line of c.lines) {
      vertices += line.length / 2;
      segments += Math.max(0, line.length / 2 - 1);
    }
    this.vx = new Float64Array(vertices);
    this.vy = new Float64Array(vertices);
    this.vz = new Float64Array(vertices);
    this.segVertex = new Uint32Array(segments);
    this.segAsset = new Uint32Array(segments);
    this.segLine = new Uint32Array(segments);
    this.segIndex = new Uint32Array(segments);
    this.nx = new Float64Array(segments);
    this.ny = new Float64Array(segments);
    this.nz = new Float64Array(segments);
    this.cosLength = new Float64Array(segments);
    this.segStamp = new Uint32Array(segments);
    this.assetStamp = new Uint32Array(corridors.length);
    this.fillSegments(corridors);
    this.grid = globalGrid(options.cellDegrees ?? 0.1);
    [this.keys, this.keyStart, this.keySegments] = this.listSegmentsByCell();
  }

  /** Corridor half-width of an asset, metres. */
  halfWidthMetres(asset: number): number {
    return this.halfWidths[asset]!;
  }

  /** The nearest segment within `maxMetres` of the point, or null. Allocates the result. */
  nearest(lat: number, lon: number, maxMetres: number): CorridorHit | null {
    const hit: CorridorHit = { asset: -1, line: -1, segment: -1, metres: Infinity };
    return this.nearestInto(lat, lon, maxMetres, hit) ? hit : null;
  }

  /**
   * Writes the nearest segment within `maxMetres` into `out` and returns true,
   * or returns false (leaving `out` alone). Ties go to the lower asset, then line,
   * then segment. Allocates nothing.
   */
  nearestInto(lat: number, lon: number, maxMetres: number, out: CorridorHit): boolean {
    const best = this.best;
    best.asset = -1;
    best.metres = Infinity;
    this.begin(Mode.nearest, lat, lon, maxMetres);
    this.scan(lat, lon, maxMetres);
    if (best.asset < 0) return false;
    out.asset = best.asset;
    out.line = best.line;
    out.segment = best.segment;
    out.metres = best.metres;
    return true;
  }

  /**
   * Writes the ordinals of the assets whose corridor (half-width either side
   * of the centreline) contains the point into `out[0..n)`, in increasing
   * order, and returns n. Allocates nothing once `out` has held as many entries.
   */
  corridorsAt(lat: number, lon: number, out: number[]): number {
    this.found = out;
    this.foundCount = 0;
    this.begin(Mode.corridors, lat, lon, this.maxHalfWidth);
    this.scan(lat, lon, this.maxHalfWidth);
    this.found = NO_OUTPUT;
    return this.foundCount;
  }

  private begin(mode: Mode, lat: number, lon: number, radius: number): void {
    if (this.stamp === 0xffffffff) {
      this.segStamp.fill(0);
      this.assetStamp.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
    this.mode = mode;
    this.radius = radius;
    const cosLat = Math.cos(lat * RAD);
    this.px = cosLat * Math.cos(lon * RAD);
    this.py = cosLat * Math.sin(lon * RAD);
    this.pz = Math.sin(lat * RAD);
  }

  /** Looks at one candidate segment for the query under way (each segment once per query). */
  private consider(s: number): void {
    if (this.segStamp[s] === this.stamp) return;
    this.segStamp[s] = this.stamp;
    const asset = this.segAsset[s]!;
    if (this.mode === Mode.corridors) {
      if (this.assetStamp[asset] === this.stamp) return;
      if (this.segmentAngle(s) * EARTH_RADIUS_METRES > this.halfWidths[asset]!) return;
      this.assetStamp[asset] = this.stamp;
      // Insertion keeps the (short) list sorted without allocating.
      const out = this.found;
      let i = this.foundCount++;
      for (; i > 0 && out[i - 1]! > asset; i--) out[i] = out[i - 1]!;
      out[i] = asset;
      return;
    }
    const best = this.best;
    const metres = this.segmentAngle(s) * EARTH_RADIUS_METRES;
    if (metres > this.radius || metres > best.metres) return;
    const line = this.segLine[s]!, segment = this.segIndex[s]!;
    if (metres === best.metres && !precedes(asset, line, segment, best)) return;
    best.asset = asset;
    best.line = line;
    best.segment = segment;
    best.metres = metres;
  }

  /** Considers every segment listed in a cell of the box around the cap of `metres` about the point. */
  private scan(lat: number, lon: number, metres: number): void {
    const { cols } = this.grid;
    const { firstRow, lastRow, firstCol, columns } = capCellsInto(this.grid, lat, normaliseLongitude(lon), metres, this.cap);
    if (!(metres < Math.PI * EARTH_RADIUS_METRES) || (lastRow - firstRow + 1) * columns > MAX_QUERY_CELLS) {
      for (let s = 0; s < this.segVertex.length; s++) this.consider(s);
      return;
    }
    // Columns wrap at the antimeridian: each row is at most two runs of keys.
    const run = Math.min(columns, cols - firstCol);
    for (let r = firstRow; r <= lastRow; r++) {
      const base = r * cols;
      this.considerKeys(base + firstCol, base + firstCol + run - 1);
      if (run < columns) this.considerKeys(base, base + columns - run - 1);
    }
  }

  private considerKeys(fromKey: number, toKey: number): void {
    const keys = this.keys;
    let lo = 0, hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < fromKey) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < keys.length && keys[k]! <= toKey; k++) {
      for (let i = this.keyStart[k]!; i < this.keyStart[k + 1]!; i++) this.consider(this.keySegments[i]!);
    }
  }

  /** Angular distance from the query point to segment s, radians. */
  private segmentAngle(s: number): number {
    const { px, py, pz } = this;
    const a = this.segVertex[s]!, b = a + 1;
    const pa = px * this.vx[a]! + py * this.vy[a]! + pz * this.vz[a]!;
    const pb = px * this.vx[b]! + py * this.vy[b]! + pz * this.vz[b]!;
    const cosAB = this.cosLength[s]!;
    // Inside the lune bounded by the planes through the segment's poles and each end,
    // the nearest point of the great circle lies on the segment itself.
    if (cosAB < 1 && pb - cosAB * pa >= 0 && pa - cosAB * pb >= 0) {
      const across = Math.abs(px * this.nx[s]! + py * this.ny[s]! + pz * this.nz[s]!);
      return Math.asin(Math.min(1, across));
    }
    return Math.min(this.chordAngle(a), this.chordAngle(b));
  }

  /** Angle between vertex v and unit vector p, from their chord: accurate at short range, unlike acos of a dot product. */
  private chordAngle(v: number): number {
    const dx = this.px - this.vx[v]!, dy = this.py - this.vy[v]!, dz = this.pz - this.vz[v]!;
    return 2 * Math.asin(Math.min(1, Math.sqrt(dx * dx + dy * dy + dz * dz) / 2));
  }

  private fillSegments(corridors: readonly Corridor[]): void {
    let v = 0, s = 0;
    corridors.forEach((corridor, asset) => {
      corridor.lines.forEach((line, lineIndex) => {
        const first = v;
        for (let i = 0; i < line.length; i += 2, v++) {
          const lon = line[i]! * RAD, lat = line[i + 1]! * RAD;
          this.vx[v] = Math.cos(lat) * Math.cos(lon);
          this.vy[v] = Math.cos(lat) * Math.sin(lon);
          this.vz[v] = Math.sin(lat);
        }
        for (let a = first; a < v - 1; a++, s++) this.fillSegment(s, a, asset, lineIndex, a - first);
      });
    });
  }

  private fillSegment(s: number, a: number, asset: number, line: number, index: number): void {
    const b = a + 1;
    const { vx, vy, vz } = this;
    this.segVertex[s] = a;
    this.segAsset[s] = asset;
    this.segLine[s] = line;
    this.segIndex[s] = index;
    const nx = vy[a]! * vz[b]! - vz[a]! * vy[b]!;
    const ny = vz[a]! * vx[b]! - vx[a]! * vz[b]!;
    const nz = vx[a]! * vy[b]! - vy[a]! * vx[b]!;
    const norm = Math.hypot(nx, ny, nz);
    // A zero-length (or antipodal) segment has no plane: cosLength 1 makes it a point.
    const degenerate = norm < 1e-15;
    this.nx[s] = degenerate ? 0 : nx / norm;
    this.ny[s] = degenerate ? 0 : ny / norm;
    this.nz[s] = degenerate ? 0 : nz / norm;
    this.cosLength[s] = degenerate ? 1 : vx[a]! * vx[b]! + vy[a]! * vy[b]! + vz[a]! * vz[b]!;
  }

  /** Sparse grid: [sorted cell keys, offsets (keys + 1), segment ordinals]. */
  private listSegmentsByCell(): [Int32Array, Uint32Array, Uint32Array] {
    const byKey = new Map<number, number[]>();
    for (let s = 0; s < this.segVertex.length; s++) {
      this.forEachSegmentCell(s, (key) => {
        const list = byKey.get(key);
        if (list === undefined) byKey.set(key, [s]);
        else if (list[list.length - 1] !== s) list.push(s);
      });
    }
    const keys = Int32Array.from(byKey.keys()).sort();
    const start = new Uint32Array(keys.length + 1);
    keys.forEach((key, k) => (start[k + 1] = start[k]! + byKey.get(key)!.length));
    const segments = new Uint32Array(start[keys.length]!);
    keys.forEach((key, k) => segments.set(byKey.get(key)!, start[k]!));
    return [keys, start, segments];
  }

  /**
   * Every cell the segment's arc passes over. The arc is cut into pieces no
   * longer than a cell, and each piece lists the cells of its bounding box,
   * so a long diagonal segment touches a band of cells, not its whole box.
   */
  private forEachSegmentCell(s: number, visit: (key: number) => void): void {
    const a = this.segVertex[s]!, b = a + 1;
    const { vx, vy, vz } = this;
    const angle = Math.acos(Math.max(-1, Math.min(1, this.cosLength[s]!)));
    const pieces = Math.max(1, Math.ceil(angle / (Math.min(this.grid.colWidth, this.grid.rowHeight) * RAD)));
    const sinAngle = Math.sin(angle);
    const from = new Float64Array(3), to = new Float64Array([vx[a]!, vy[a]!, vz[a]!]);
    for (let k = 1; k <= pieces; k++) {
      from.set(to);
      if (k === pieces || !(sinAngle > 1e-12)) to.set([vx[b]!, vy[b]!, vz[b]!]);
      else {
        // Spherical interpolation: the point a fraction k/pieces of the way along the arc.
        const wa = Math.sin(((pieces - k) / pieces) * angle) / sinAngle, wb = Math.sin((k / pieces) * angle) / sinAngle;
        to.set([wa * vx[a]! + wb * vx[b]!, wa * vy[a]! + wb * vy[b]!, wa * vz[a]! + wb * vz[b]!]);
      }
      this.forEachPieceCell(from, to, visit);
    }
  }

  /** The cells of the bounding box of a short arc between unit vectors p and q. */
  private forEachPieceCell(p: Float64Array, q: Float64Array, visit: (key: number) => void): void {
    const latP = Math.asin(Math.max(-1, Math.min(1, p[2]!))) * DEG, latQ = Math.asin(Math.max(-1, Math.min(1, q[2]!))) * DEG;
    const lonP = Math.atan2(p[1]!, p[0]!) * DEG, lonQ = Math.atan2(q[1]!, q[0]!) * DEG;
    const [north, south] = arcLatitudeExtent(p, q, Math.max(latP, latQ), Math.min(latP, latQ));
    // Longitude runs monotonically along a minor arc, the short way round (less than
    // 180°), so the ends bound it; ends further apart than 180° cross the antimeridian.
    let west = Math.min(lonP, lonQ), east = Math.max(lonP, lonQ);
    if (east - west > 180) [west, east] = [east, west + 360];
    const grid = this.grid;
    const c0 = columnOf(grid, west - SLACK);
    const columns = Math.min(grid.cols, columnOf(grid, east + SLACK) - c0 + 1);
    const r0 = rowOf(grid, south - SLACK), r1 = rowOf(grid, north + SLACK);
    for (let r = r0; r <= r1; r++) {
      for (let i = 0; i < columns; i++) visit(r * grid.cols + wrapColumn(grid, c0 + i));
    }
  }
}

/**
 * The northmost and southmost latitudes of the minor arc p→q. A great circle
 * bulges poleward between two points; its highest point (and the antipode,
 * its lowest) counts when it lies on the arc.
 */
function arcLatitudeExtent(p: Float64Array, q: Float64Array, north: number, south: number): [number, number] {
  const [px, py, pz] = [p[0]!, p[1]!, p[2]!], [qx, qy, qz] = [q[0]!, q[1]!, q[2]!];
  let nx = py * qz - pz * qy, ny = pz * qx - px * qz, nz = px * qy - py * qx;
  const norm = Math.hypot(nx, ny, nz);
  if (norm < 1e-15) return [north, south]; // a point: its ends are its extremes
  [nx, ny, nz] = [nx / norm, ny / norm, nz / norm];
  // On the equator the ends are the extremes.
  if (Math.hypot(nx, ny) < 1e-15) return [north, south];
  // Highest point: the north pole's direction less its component along the normal.
  const tx = -nz * nx, ty = -nz * ny, tz = 1 - nz * nz;
  const t = Math.hypot(tx, ty, tz);
  const cosPQ = px * qx + py * qy + pz * qz;
  const tp = (tx * px + ty * py + tz * pz) / t, tq = (tx * qx + ty * qy + tz * qz) / t;
  const top = Math.asin(Math.min(1, tz / t)) * DEG;
  // On the arc: within the lune of its two ends (the antipode is when both signs flip).
  if (tq - cosPQ * tp >= 0 && tp - cosPQ * tq >= 0) north = Math.max(north, top);
  if (-tq + cosPQ * tp >= 0 && -tp + cosPQ * tq >= 0) south = Math.min(south, -top);
  return [north, south];
}

const Mode = { nearest: 0, corridors: 1 } as const;
type Mode = (typeof Mode)[keyof typeof Mode];
const NO_OUTPUT: number[] = [];

function precedes(asset: number, line: number, segment: number, than: CorridorHit): boolean {
  if (asset !== than.asset) return asset < than.asset;
  if (line !== than.line) return line < than.line;
  return segment < than.segment;
}
