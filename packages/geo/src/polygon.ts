/**
 * Point-in-polygon for GeoJSON Polygon and MultiPolygon areas.
 *
 * An {@link Area} keeps every ring, shells and holes alike, as one flat
 * Float64Array of closed lon,lat pairs, with a bounding box per ring. A point
 * is inside when a ray cast from it toward east crosses the rings of the area
 * an odd number of times (even-odd rule); for valid GeoJSON, where holes lie in
 * their shell and polygons of a MultiPolygon do not overlap, that is exactly
 * "inside a shell and outside its holes". Coordinates are planar lon/lat, as
 * RFC 7946 specifies, so an area crossing the antimeridian must be split at it.
 * A point exactly on an edge may fall on either side.
 */

/** A GeoJSON linear ring: positions as [lon, lat] (extra ordinates ignored). */
export type RingCoordinates = readonly (readonly number[])[];

/** Rings of one zone, flat and closed (last pair repeats the first), with boxes. */
export type Area = {
  /** Each ring as lon0, lat0, lon1, lat1, …, lon0, lat0. */
  readonly rings: readonly Float64Array[];
  /** minLon, minLat, maxLon, maxLat for each ring in turn. */
  readonly ringBoxes: Float64Array;
  /** minLon, minLat, maxLon, maxLat of the whole area. */
  readonly box: Float64Array;
};

/** A ring as a flat closed Float64Array; closes it when the last position does not repeat the first. */
export function flatRing(ring: RingCoordinates): Float64Array {
  const n = ring.length;
  const first = ring[0];
  const last = ring[n - 1];
  const closed = n > 0 && first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  const flat = new Float64Array(2 * (closed ? n : n + 1));
  for (let i = 0; i < n; i++) {
    const p = ring[i]!;
    flat[2 * i] = p[0]!;
    flat[2 * i + 1] = p[1]!;
  }
  if (!closed && n > 0) {
    flat[2 * n] = flat[0]!;
    flat[2 * n + 1] = flat[1]!;
  }
  return flat;
}

/** An area from flat closed rings (as {@link flatRing} makes them). */
export function areaFromRings(rings: readonly Float64Array[]): Area {
  const ringBoxes = new Float64Array(4 * rings.length);
  const box = new Float64Array([Infinity, Infinity, -Infinity, -Infinity]);
  rings.forEach((ring, r) => {
    ringBox(ring, ringBoxes, 4 * r);
    box[0] = Math.min(box[0]!, ringBoxes[4 * r]!);
    box[1] = Math.min(box[1]!, ringBoxes[4 * r + 1]!);
    box[2] = Math.max(box[2]!, ringBoxes[4 * r + 2]!);
    box[3] = Math.max(box[3]!, ringBoxes[4 * r + 3]!);
  });
  return { rings, ringBoxes, box };
}

/** An area from GeoJSON Polygon coordinates (shell, then holes). */
export function areaFromPolygon(polygon: readonly RingCoordinates[]): Area {
  return areaFromRings(polygon.map(flatRing));
}

/** An area from GeoJSON MultiPolygon coordinates. */
export function areaFromMultiPolygon(polygons: readonly (readonly RingCoordinates[])[]): Area {
  return areaFromRings(polygons.flatMap((polygon) => polygon.map(flatRing)));
}

/** Writes the bounding box of a flat ring into `out` at `at`: minLon, minLat, maxLon, maxLat. */
export function ringBox(ring: Float64Array, out: Float64Array, at: number): void {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < ring.length; i += 2) {
    const x = ring[i]!;
    const y = ring[i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  out[at] = minX;
  out[at + 1] = minY;
  out[at + 2] = maxX;
  out[at + 3] = maxY;
}

/**
 * The longitude at which the edge (x1,y1)→(x2,y2) crosses latitude `y`, for an
 * edge that straddles it. Shared by every crossing test in the package so that
 * indexes and the plain ray cast round identically and always agree.
 */
export function edgeCrossingX(x1: number, y1: number, x2: number, y2: number, y: number): number {
  return ((x2 - x1) * (y - y1)) / (y2 - y1) + x1;
}

/**
 * Whether the edge straddles latitude `y`. Half-open (one end strictly above,
 * the other not) so a ray through a vertex counts the two edges meeting there once.
 */
export function edgeStraddles(y1: number, y2: number, y: number): boolean {
  return y1 > y !== y2 > y;
}

/** 1 when the eastward ray from (lon, lat) crosses the ring an odd number of times, else 0. */
export function ringParity(ring: Float64Array, lat: number, lon: number): number {
  let parity = 0;
  for (let i = 2; i < ring.length; i += 2) {
    const x1 = ring[i - 2]!, y1 = ring[i - 1]!, x2 = ring[i]!, y2 = ring[i + 1]!;
    if (edgeStraddles(y1, y2, lat) && lon < edgeCrossingX(x1, y1, x2, y2, lat)) parity ^= 1;
  }
  return parity;
}

/** Whether the point lies inside the area (even-odd over all its rings). */
export function areaContains(area: Area, lat: number, lon: number): boolean {
  const box = area.box;
  if (lon < box[0]! || lat < box[1]! || lon > box[2]! || lat > box[3]!) return false;
  const boxes = area.ringBoxes;
  let parity = 0;
  for (let r = 0; r < area.rings.length; r++) {
    // Outside a ring's box the ray crosses that ring an even number of times.
    const b = 4 * r;
    if (lon < boxes[b]! || lat < boxes[b + 1]! || lon > boxes[b + 2]! || lat > boxes[b + 3]!) continue;
    parity ^= ringParity(area.rings[r]!, lat, lon);
  }
  return parity === 1;
}

/** Number of vertices in the area, closing repeats included. */
export function areaVertexCount(area: Area): number {
  let n = 0;
  for (const ring of area.rings) n += ring.length / 2;
  return n;
}

/** Every edge of every ring of the areas, x1 y1 x2 y2 each, dropping zero-length ones (repeated vertices). */
export function areaEdges(areas: readonly Area[]): Float64Array {
  let n = 0;
  for (const area of areas) for (const ring of area.rings) n += Math.max(0, ring.length / 2 - 1);
  const edges = new Float64Array(4 * n);
  let k = 0;
  for (const area of areas) {
    for (const ring of area.rings) {
      for (let i = 2; i < ring.length; i += 2) {
        const x1 = ring[i - 2]!, y1 = ring[i - 1]!, x2 = ring[i]!, y2 = ring[i + 1]!;
        if (x1 === x2 && y1 === y2) continue;
        edges[k++] = x1;
        edges[k++] = y1;
        edges[k++] = x2;
        edges[k++] = y2;
      }
    }
  }
  return edges.subarray(0, k);
}
