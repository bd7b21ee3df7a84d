/**
 * The shore as a layer: how far a point is from land. Detectors use it to
 * tell a vessel at a quay, in a harbour or close inshore from one at sea,
 * which anchorage lists alone cannot (they miss small harbours, fishing ports
 * and quays where vessels do not anchor).
 *
 * The layer is the outline of all land as closed rings (the product ships
 * Natural Earth 1:10m coastlines in data/coast/). A point inside the rings
 * (even-odd rule) is on land, distance 0: at 1:10m, rivers, canals, lakes
 * and many harbour basins are drawn as land, and a vessel there is in inland
 * or port waters, never at sea. Elsewhere the distance is the great-circle
 * distance to the nearest coastline segment, from geo's `CorridorIndex`.
 * Ring edges lying on the meridian ±180° or on the parallel −90° only close
 * rings that the antimeridian or the South Pole cut; they are not coast and
 * are left out of distances (they still count for on-land).
 */
import { areaFromRings, CorridorIndex, DEG, EARTH_RADIUS_METRES, RAD, ZoneIndex, type CorridorHit } from '@tidewatch/geo';

/** Distance from shore. */
export interface ShoreLayer {
  /**
   * Metres from the point to the shore: 0 on land, else to the nearest
   * coastline within `maxMetres`, or Infinity when none is that close.
   * Allocates nothing once the tiles around the point are built.
   */
  distanceMetres(lat: number, lon: number, maxMetres: number): number;
  /** Rings and vertices held, for the run's notes. */
  readonly rings: number;
  readonly vertices: number;
}

export interface ShoreIssue {
  /** Where in the JSON value, e.g. `$.rings[12]`. */
  readonly path: string;
  readonly message: string;
}

export type ShoreLayerResult = { readonly ok: true; readonly layer: ShoreLayer } | { readonly ok: false; readonly errors: readonly ShoreIssue[] };

/** Tolerance for "on the meridian ±180° / the parallel −90°", degrees (the source grid is ~0.002°). */
const CUT_EPSILON = 1e-7;
/** Problems listed before giving up on a file: enough to see the pattern. */
const MAX_ISSUES = 20;
/**
 * Tiles of this many degrees are indexed on first use. Indexing the whole
 * world's 400 000 coastline vertices takes seconds, and a run touches a few
 * seas: a tile takes milliseconds, and a 40 km query touches one to four.
 */
const TILE_DEGREES = 2;
const TILE_COLS = 360 / TILE_DEGREES;
const TILE_ROWS = 180 / TILE_DEGREES;
/**
 * Segments are listed in the tiles their end points' box reaches, plus this
 * margin, degrees: a great-circle segment bows poleward out of that box, by
 * under 20 m for the longest (about 10 km) at 80° of latitude.
 */
const SEGMENT_SLACK = 0.001;
/** Land is clipped this far beyond a tile's edges, degrees. */
const CLIP_MARGIN = 0.01;
/** The first circle searched for the coast, metres; each next is four times wider. */
const FIRST_RADIUS_M = 1000;

/** One tile's share of the layer: land clipped to it and the coast segments that reach it. */
interface Tile {
  /** Land within the tile as one area (even-odd over the clipped rings), or null when it holds none. */
  readonly land: ZoneIndex | null;
  readonly coast: CorridorIndex | null;
}

/**
 * The layer over closed rings, each a flat Float64Array lon0, lat0, …,
 * lon0, lat0 (planar: within ±180°, cut at the antimeridian), or over their
 * outline derived before.
 */
export function shoreLayer(source: readonly Float64Array[] | ShoreOutline): ShoreLayer {
  return new TiledShore('ringBoxes' in source ? source : shoreOutline(source));
}

/**
 * What the layer derives from its rings before it answers anything: each
 * ring's box, and the coast (the runs of ring edges that are not cut lines)
 * as pieces with their boxes. Deriving it walks every vertex three times,
 * which a cache of built layers spares by keeping it with the rings.
 */
export interface ShoreOutline {
  readonly rings: readonly Float64Array[];
  /** minLon, minLat, maxLon, maxLat of each ring. */
  readonly ringBoxes: Float64Array;
  /** Each coast piece as three numbers: its ring, and its first and last vertex there. */
  readonly pieces: Float64Array;
  /** The box of each coast piece. */
  readonly pieceBoxes: Float64Array;
}

export function shoreOutline(rings: readonly Float64Array[]): ShoreOutline {
  const refs: number[] = [];
  rings.forEach((ring, r) => coastPieces(ring, r, refs));
  const pieces = Float64Array.from(refs);
  const pieceBoxes = new Float64Array((4 * pieces.length) / 3);
  for (let p = 0; 3 * p < pieces.length; p++) writeBox(rings[pieces[3 * p]!]!, pieces[3 * p + 1]!, pieces[3 * p + 2]!, pieceBoxes, p);
  return { rings, ringBoxes: boxesOf(rings), pieces, pieceBoxes };
}

/**
 * The outline when its parts fit together (as one read back from a cache
 * must): a box per ring and per piece, every piece within its ring; else undefined.
 */
export function checkedShoreOutline(outline: ShoreOutline): ShoreOutline | undefined {
  const { rings, ringBoxes, pieces, pieceBoxes } = outline;
  if (ringBoxes.length !== 4 * rings.length || pieces.length % 3 !== 0 || pieceBoxes.length !== (4 * pieces.length) / 3) return undefined;
  if (!rings.every((ring) => ring.length % 2 === 0 && ring.length >= 8)) return undefined;
  for (let p = 0; p < pieces.length; p += 3) {
    const ring = rings[pieces[p]!];
    const first = pieces[p + 1]!;
    const last = pieces[p + 2]!;
    if (ring === undefined || !Number.isInteger(first) || !Number.isInteger(last) || first < 0 || last <= first || 2 * last + 2 > ring.length) return undefined;
  }
  return outline;
}

class TiledShore implements ShoreLayer {
  readonly rings: number;
  readonly vertices: number;
  private readonly ringList: readonly Float64Array[];
  /** Boxes of the rings (minLon, minLat, maxLon, maxLat each), to find those reaching a tile. */
  private readonly ringBoxes: Float64Array;
  /**
   * Per ring: the boxes of its runs of CHUNK edges, so that clipping skips
   * the runs far from a tile; made when the ring is first clipped (most rings
   * are small islands that a tile holds whole, or never reaches).
   */
  private readonly ringChunks: Array<Float64Array | undefined>;
  private readonly coastPieces: readonly Float64Array[];
  private readonly pieceBoxes: Float64Array;
  /** Per piece: the boxes of its runs of CHUNK segments (see linesWithin), made on first use as the rings' are. */
  private readonly pieceChunks: Array<Float64Array | undefined>;
  private readonly tiles = new Map<number, Tile>();
  private readonly containing: number[] = [];
  private readonly hit: CorridorHit = { asset: -1, line: -1, segment: -1, metres: Infinity };

  constructor(outline: ShoreOutline) {
    const { rings, pieces } = outline;
    this.ringList = rings;
    this.rings = rings.length;
    this.vertices = rings.reduce((n, r) => n + r.length / 2 - 1, 0);
    this.ringBoxes = outline.ringBoxes;
    this.ringChunks = new Array<Float64Array | undefined>(rings.length).fill(undefined);
    const coast: Float64Array[] = [];
    for (let p = 0; p < pieces.length; p += 3) coast.push(rings[pieces[p]!]!.subarray(2 * pieces[p + 1]!, 2 * pieces[p + 2]! + 2));
    this.coastPieces = coast;
    this.pieceBoxes = outline.pieceBoxes;
    this.pieceChunks = new Array<Float64Array | undefined>(coast.length).fill(undefined);
  }

  distanceMetres(lat: number, lonIn: number, maxMetres: number): number {
    // 180° is −180°, where the rings cut by the antimeridian have their western edge.
    const lon = lonIn >= 180 ? lonIn - 360 : lonIn;
    const row = rowOf(lat);
    const col = colOf(lon);
    const here = this.tile(row, col);
    // On land when the point lies in an odd number of rings: 1 with one area per tile.
    if (here.land !== null && here.land.zonesAt(lat, lon, this.containing) === 1) return 0;
    // Widening circles: near the coast (where most questions are asked) a small one finds it.
    for (let radius = Math.min(FIRST_RADIUS_M, maxMetres); ; radius = Math.min(4 * radius, maxMetres)) {
      const metres = this.nearestWithin(lat, lon, radius);
      if (metres <= radius || radius >= maxMetres) return metres;
    }
  }

  /** Nearest coast within `maxMetres` over every tile that the cap about the point reaches (its box, as geo's grids compute it). */
  private nearestWithin(lat: number, lon: number, maxMetres: number): number {
    const angle = maxMetres / EARTH_RADIUS_METRES;
    const firstRow = rowOf(lat - angle * DEG - SEGMENT_SLACK);
    const lastRow = rowOf(lat + angle * DEG + SEGMENT_SLACK);
    const sinAngle = Math.sin(Math.min(angle, Math.PI / 2));
    const cosLat = Math.cos(lat * RAD);
    let firstCol = 0;
    let cols = TILE_COLS;
    if (angle < Math.PI / 2 && sinAngle < cosLat) {
      const span = Math.asin(sinAngle / cosLat) * DEG + SEGMENT_SLACK;
      firstCol = Math.floor((lon - span + 180) / TILE_DEGREES);
      cols = Math.min(TILE_COLS, Math.floor((lon + span + 180) / TILE_DEGREES) - firstCol + 1);
    }
    let best = Infinity;
    for (let r = firstRow; r <= lastRow; r++) {
      for (let i = 0; i < cols; i++) {
        const coast = this.tile(r, wrapCol(firstCol + i)).coast;
        if (coast !== null && coast.nearestInto(lat, lon, Math.min(maxMetres, best), this.hit)) best = this.hit.metres;
      }
    }
    return best;
  }

  private tile(row: number, col: number): Tile {
    const key = row * TILE_COLS + col;
    let tile = this.tiles.get(key);
    if (tile === undefined) {
      tile = this.build(col * TILE_DEGREES - 180, row * TILE_DEGREES - 90);
      this.tiles.set(key, tile);
    }
    return tile;
  }

  private build(west: number, south: number): Tile {
    const east = west + TILE_DEGREES;
    const north = south + TILE_DEGREES;
    const clipped: Float64Array[] = [];
    // Land is clipped a little beyond the tile, so that the edges clipping adds
    // along the box never pass through a point the tile answers for.
    const [w, s, e, n] = [west - CLIP_MARGIN, south - CLIP_MARGIN, east + CLIP_MARGIN, north + CLIP_MARGIN];
    this.ringList.forEach((ring, r) => {
      if (!overlaps(this.ringBoxes, r, w, s, e, n, 0)) return;
      const within = this.ringBoxes[4 * r]! >= w && this.ringBoxes[4 * r + 1]! >= s && this.ringBoxes[4 * r + 2]! <= e && this.ringBoxes[4 * r + 3]! <= n;
      const piece = within ? ring : clipRing(ring, (this.ringChunks[r] ??= chunkBoxesOf(ring)), w, s, e, n);
      if (piece !== null) clipped.push(piece);
    });
    const lines: Float64Array[] = [];
    this.coastPieces.forEach((piece, p) => {
      if (overlaps(this.pieceBoxes, p, west, south, east, north, SEGMENT_SLACK)) linesWithin(piece, (this.pieceChunks[p] ??= chunkBoxesOf(piece)), west - SEGMENT_SLACK, south - SEGMENT_SLACK, east + SEGMENT_SLACK, north + SEGMENT_SLACK, lines);
    });
    return {
      land: clipped.length > 0 ? new ZoneIndex([areaFromRings(clipped)], { directoryCells: 1 }) : null,
      coast: lines.length > 0 ? new CorridorIndex([{ lines, halfWidthMetres: 0 }], { cellDegrees: 0.05 }) : null,
    };
  }
}

function rowOf(lat: number): number {
  return Math.max(0, Math.min(TILE_ROWS - 1, Math.floor((lat + 90) / TILE_DEGREES)));
}

/** The tile column of a longitude in [−180°, 180°) (a longitude a hair below 180° stays in the last). */
function colOf(lon: number): number {
  return Math.max(0, Math.min(TILE_COLS - 1, Math.floor((lon + 180) / TILE_DEGREES)));
}

function wrapCol(col: number): number {
  return ((col % TILE_COLS) + TILE_COLS) % TILE_COLS;
}

/**
 * Segments per chunk of a coast piece: a continent's outline is one piece of
 * a few hundred thousand segments, and a tile needs the few that reach it.
 */
const CHUNK = 64;

/** The box of each run of CHUNK segments of the line (its end points included), minLon, minLat, maxLon, maxLat each. */
function chunkBoxesOf(line: Float64Array): Float64Array {
  const segments = line.length / 2 - 1;
  const chunks = Math.max(0, Math.ceil(segments / CHUNK));
  const boxes = new Float64Array(4 * chunks);
  for (let c = 0; c < chunks; c++) writeBox(line, c * CHUNK, Math.min(segments, (c + 1) * CHUNK), boxes, c);
  return boxes;
}

function boxesOf(lines: readonly Float64Array[]): Float64Array {
  const boxes = new Float64Array(4 * lines.length);
  lines.forEach((line, i) => writeBox(line, 0, line.length / 2 - 1, boxes, i));
  return boxes;
}

/** The box of points `first..last` (inclusive) of `line` into box `at` of `boxes`. */
function writeBox(line: Float64Array, first: number, last: number, boxes: Float64Array, at: number): void {
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  for (let v = first; v <= last; v++) {
    const lon = line[2 * v]!, lat = line[2 * v + 1]!;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  boxes[4 * at] = minLon;
  boxes[4 * at + 1] = minLat;
  boxes[4 * at + 2] = maxLon;
  boxes[4 * at + 3] = maxLat;
}

function overlaps(boxes: Float64Array, i: number, west: number, south: number, east: number, north: number, slack: number): boolean {
  return boxes[4 * i]! <= east + slack && boxes[4 * i + 2]! >= west - slack && boxes[4 * i + 1]! <= north + slack && boxes[4 * i + 3]! >= south - slack;
}

/**
 * The part of a closed ring within the box (Sutherland-Hodgman, one side at a
 * time), closed, or null when nothing of it is left. Where the ring leaves and
 * re-enters the box the result runs along the box's edge, back and forth: such
 * edges come in pairs that a ray crosses twice, so the even-odd rule still
 * holds inside the box.
 */
function clipRing(ring: Float64Array, chunks: Float64Array, west: number, south: number, east: number, north: number): Float64Array | null {
  const sides = [[0, west, 1], [0, east, -1], [1, south, 1], [1, north, -1]] as const;
  let pts = clipScratch(2, ring.length);
  let n = shortcutFarRuns(ring, chunks, west, south, east, north, pts);
  let k = 0;
  for (const [axis, at, sign] of sides) {
    // Each edge gives at most two vertices. The passes write into two scratch arrays in turn:
    // a continent's ring is clipped for every tile it reaches, and fresh arrays of its size each time cost more than the clipping.
    const out = clipScratch(k++ % 2, 2 * n);
    n = clipSide(pts, n, out, axis, at, sign);
    pts = out;
  }
  if (n < 6) return null;
  const out = new Float64Array(n + 2);
  out.set(pts.subarray(0, n));
  out[n] = out[0]!;
  out[n + 1] = out[1]!;
  return out;
}

/**
 * Copies the closed ring into `out` as an open ring (its ordinates, how many
 * returned), each run of CHUNK edges lying wholly beyond one side of the box
 * replaced by the one edge joining its ends.
 *
 * A continent's ring has a few hundred thousand vertices and a tile needs the
 * few near it. The shortcut changes nothing inside the box: the run and the
 * edge replacing it form a closed path in the half-plane beyond that side
 * (convex, so the edge lies there too), which winds around no point of the
 * box; and the edges that do cross into the box are kept as they are.
 */
function shortcutFarRuns(ring: Float64Array, chunks: Float64Array, west: number, south: number, east: number, north: number, out: Float64Array): number {
  const vertices = ring.length / 2 - 1; // the open ring: the closing vertex repeats the first
  let k = 0;
  for (let c = 0, first = 0; first < vertices; c++, first += CHUNK) {
    const last = Math.min(vertices, first + CHUNK); // the run's edges end at vertex `last` (the next run's first)
    const beyond = chunks[4 * c + 2]! < west || chunks[4 * c]! > east || chunks[4 * c + 3]! < south || chunks[4 * c + 1]! > north;
    const upTo = beyond ? first + 1 : last;
    for (let v = first; v < upTo; v++) {
      out[k++] = ring[2 * v]!;
      out[k++] = ring[2 * v + 1]!;
    }
  }
  return k;
}

const scratch = [new Float64Array(1024), new Float64Array(1024), new Float64Array(1024)];

/** Scratch array `i`, with room for `n` ordinates (its contents are left from before). */
function clipScratch(i: number, n: number): Float64Array {
  if (scratch[i]!.length < n) scratch[i] = new Float64Array(Math.max(n, 2 * scratch[i]!.length));
  return scratch[i]!;
}

/**
 * Copies the `n` ordinates of the open ring in `pts` to `out`, keeping the
 * side of the line (ordinate `axis` = `at`) where (v − at)·sign ≥ 0; returns
 * how many ordinates it wrote.
 */
function clipSide(pts: Float64Array, n: number, out: Float64Array, axis: 0 | 1, at: number, sign: 1 | -1): number {
  let k = 0;
  for (let i = 0; i < n; i += 2) {
    const j = i + 2 < n ? i + 2 : 0;
    const ax = pts[i]!, ay = pts[i + 1]!, bx = pts[j]!, by = pts[j + 1]!;
    const va = axis === 0 ? ax : ay;
    const vb = axis === 0 ? bx : by;
    const ina = (va - at) * sign >= 0;
    const inb = (vb - at) * sign >= 0;
    if (ina) {
      out[k++] = ax;
      out[k++] = ay;
    }
    if (ina !== inb) {
      const t = (at - va) / (vb - va);
      out[k++] = axis === 0 ? at : ax + t * (bx - ax);
      out[k++] = axis === 0 ? ay + t * (by - ay) : at;
    }
  }
  return k;
}

/** Appends to `out` the runs of the line's segments whose box overlaps the given box. */
function linesWithin(line: Float64Array, chunks: Float64Array, west: number, south: number, east: number, north: number, out: Float64Array[]): void {
  const n = line.length / 2;
  let from = -1;
  for (let i = 0; i + 1 < n; i++) {
    // A run of CHUNK segments whose box misses the box has no segment that meets it: it ends a run, as its first segment would.
    if (i % CHUNK === 0 && !overlaps(chunks, i / CHUNK, west, south, east, north, 0)) {
      if (from >= 0) {
        out.push(line.slice(2 * from, 2 * i + 2));
        from = -1;
      }
      i += CHUNK - 1;
      continue;
    }
    const ax = line[2 * i]!, ay = line[2 * i + 1]!, bx = line[2 * i + 2]!, by = line[2 * i + 3]!;
    const inside = Math.min(ax, bx) <= east && Math.max(ax, bx) >= west && Math.min(ay, by) <= north && Math.max(ay, by) >= south;
    if (inside && from < 0) from = i;
    if (!inside && from >= 0) {
      out.push(line.slice(2 * from, 2 * i + 2));
      from = -1;
    }
  }
  if (from >= 0) out.push(line.slice(2 * from));
}

/** The ring's coast: the runs of its edges that are not cut lines, as (ring, first vertex, last vertex) onto `out`. */
function coastPieces(ring: Float64Array, r: number, out: number[]): void {
  const n = ring.length / 2;
  let from = 0;
  for (let i = 0; i + 1 < n; i++) {
    if (!isCut(ring[2 * i]!, ring[2 * i + 1]!, ring[2 * i + 2]!, ring[2 * i + 3]!)) continue;
    if (i > from) out.push(r, from, i);
    from = i + 1;
  }
  if (n - 1 > from) out.push(r, from, n - 1);
}

function isCut(lon1: number, lat1: number, lon2: number, lat2: number): boolean {
  const limit = 180 - CUT_EPSILON;
  const meridian = (lon1 > limit || lon1 < -limit) && (lon2 > limit || lon2 < -limit);
  return meridian || (lat1 < CUT_EPSILON - 90 && lat2 < CUT_EPSILON - 90);
}

/**
 * The layer from the parsed JSON of a coastline file (data/coast/coastline.json):
 * `transform: { scale: [sx, sy], translate: [tx, ty] }` and `rings`, each
 * `[x0, y0, dx1, dy1, …]` integers on the grid lon = x·sx + tx, lat = y·sy + ty,
 * every vertex the previous plus the difference, the ring closing back to its
 * first vertex. Returns every problem found (up to a limit), never throws.
 */
export function shoreLayerFromJson(json: unknown): ShoreLayerResult {
  const read = coastlineRings(json);
  return read.ok ? { ok: true, layer: shoreLayer(read.rings) } : read;
}

/**
 * The closed rings of a coastline JSON value (see data/coast/), as
 * `shoreLayer` takes them; or every problem found. Apart so that a caller
 * can keep the rings (a cache of parsed layers) and build the layer later.
 */
export function coastlineRings(json: unknown): { readonly ok: true; readonly rings: Float64Array[] } | { readonly ok: false; readonly errors: readonly ShoreIssue[] } {
  const errors: ShoreIssue[] = [];
  const rings = decodeRings(json, errors);
  return rings === undefined || errors.length > 0 ? { ok: false, errors } : { ok: true, rings };
}

function decodeRings(json: unknown, errors: ShoreIssue[]): Float64Array[] | undefined {
  if (!isRecord(json)) return void errors.push({ path: '$', message: `expected an object with transform and rings, got ${kindOf(json)}` });
  const transform = json['transform'];
  const scale = isRecord(transform) ? numberPair(transform['scale']) : undefined;
  const translate = isRecord(transform) ? numberPair(transform['translate']) : undefined;
  if (scale === undefined || translate === undefined || !(scale[0] > 0 && scale[1] > 0)) {
    return void errors.push({ path: '$.transform', message: 'expected { scale: [sx > 0, sy > 0], translate: [tx, ty] }' });
  }
  const list = json['rings'];
  if (!Array.isArray(list)) return void errors.push({ path: '$.rings', message: `expected an array of rings, got ${kindOf(list)}` });
  const rings: Float64Array[] = [];
  list.forEach((ring: unknown, r) => {
    if (errors.length >= MAX_ISSUES) return;
    const decoded = decodeRing(ring, scale[0], scale[1], translate[0], translate[1]);
    if (typeof decoded === 'string') errors.push({ path: `$.rings[${r}]`, message: decoded });
    else rings.push(decoded);
  });
  return rings;
}

/** One delta-encoded ring as a flat closed lon,lat ring, or what is wrong with it. */
function decodeRing(ring: unknown, sx: number, sy: number, tx: number, ty: number): Float64Array | string {
  if (!Array.isArray(ring)) return `expected an array of integers, got ${kindOf(ring)}`;
  if (ring.length % 2 !== 0 || ring.length < 6) return `expected x, y pairs for at least 3 vertices, got ${ring.length} numbers`;
  const n = ring.length / 2;
  const flat = new Float64Array(2 * n + 2);
  const bad = decodeVertices(ring, sx, sy, tx, ty, flat);
  if (bad >= 0) {
    const dx: unknown = ring[2 * bad];
    const dy: unknown = ring[2 * bad + 1];
    if (!Number.isInteger(dx) || !Number.isInteger(dy)) return `vertex ${bad}: expected integers, got ${String(dx)}, ${String(dy)}`;
    return `vertex ${bad}: ${flat[2 * bad]}, ${flat[2 * bad + 1]} is not a longitude, latitude`;
  }
  flat[2 * n] = flat[0]!;
  flat[2 * n + 1] = flat[1]!;
  return flat;
}

/**
 * Fills `flat` with the ring's vertices (the first `ring.length / 2` pairs);
 * returns -1, or the index of the first vertex that is not integers or not a
 * longitude, latitude (its pair in `flat` then holds the values read).
 *
 * The loop is this function's last act on purpose: the first ring decoded is
 * long enough for V8 to compile the loop while it runs (on-stack
 * replacement), and code after such a loop, never yet run, has no type
 * feedback: V8 deoptimizes there, and with the code kept for the loop's next
 * entry it did so on every ring (1575 times a start). That cost little time
 * in itself, but with a profiler attached each deoptimization is slow, and
 * start-up profiles blamed two thirds of start-up on this loop.
 */
function decodeVertices(ring: unknown[], sx: number, sy: number, tx: number, ty: number, flat: Float64Array): number {
  const n = ring.length / 2;
  let x = 0;
  let y = 0;
  for (let i = 0; i < n; i++) {
    const dx: unknown = ring[2 * i];
    const dy: unknown = ring[2 * i + 1];
    if (!Number.isInteger(dx) || !Number.isInteger(dy)) return i;
    x += dx as number;
    y += dy as number;
    const lon = x * sx + tx;
    const lat = y * sy + ty;
    // A little beyond ±180° is rounding of the grid at the antimeridian; beyond that the file is wrong.
    if (!(Math.abs(lon) <= 180 + sx && Math.abs(lat) <= 90 + sy)) {
      flat[2 * i] = lon;
      flat[2 * i + 1] = lat;
      return i;
    }
    flat[2 * i] = Math.max(-180, Math.min(180, lon));
    flat[2 * i + 1] = Math.max(-90, Math.min(90, lat));
  }
  return -1;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberPair(value: unknown): [number, number] | undefined {
  return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v)) ? [value[0] as number, value[1] as number] : undefined;
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}
