import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { uniform } from './support/arbitraries.js';
import { PointGrid, haversineMetres } from '../src/index.js';

const CELL = 0.1;

/** Places where grids go wrong: cell borders, the antimeridian, the poles; each run keeps to one so points meet. */
const REGIONS: Record<string, [fc.Arbitrary<number>, fc.Arbitrary<number>, fc.Arbitrary<number>]> = {
  anywhere: [uniform(-90, 90), uniform(-180, 180), uniform(0, 5_000_000)],
  north: [uniform(89, 90), uniform(-180, 180), uniform(0, 300_000)],
  south: [uniform(-90, -89.6), uniform(-180, 180), uniform(0, 100_000)],
  antimeridian: [uniform(-20, -19), fc.oneof(uniform(179.8, 180), uniform(-180, -179.8)), uniform(0, 30_000)],
  borders: [fc.integer({ min: 590, max: 610 }).map((k) => k * CELL), fc.integer({ min: 240, max: 260 }).map((k) => k * CELL), uniform(0, 20_000)],
};

/** What the grid must answer: the nearest point within the radius, by looking at every point. */
function nearestByAll(lats: number[], lons: number[], lat: number, lon: number, maxMetres: number): number {
  let best = Infinity;
  for (let i = 0; i < lats.length; i++) {
    if (!(lats[i]! >= -90 && lats[i]! <= 90 && lons[i]! >= -180 && lons[i]! <= 180)) continue;
    const metres = haversineMetres(lat, lon, lats[i]!, lons[i]!);
    if (metres <= maxMetres && metres < best) best = metres;
  }
  return best;
}

for (const [region, [lat, lon, radius]] of Object.entries(REGIONS)) {
  test(`PointGrid: the nearest point within the radius is the one a look at every point finds (${region})`, () => {
    const point = fc.tuple(lat, lon);
    fc.assert(
      fc.property(fc.array(point, { maxLength: 60 }), fc.array(fc.tuple(lat, lon, radius), { minLength: 1, maxLength: 20 }), (points, queries) => {
        const lats = points.map((p) => p[0]);
        const lons = points.map((p) => p[1]);
        const built = PointGrid.of(lats, lons, CELL);
        assert.equal(built.size, points.length);
        // A grid taken back from its parts (as a cache of built layers does) answers the same.
        const grid = PointGrid.fromParts(built.parts())!;
        assert.ok(grid !== undefined);
        for (const [qLat, qLon, max] of queries) {
          const want = nearestByAll(lats, lons, qLat, qLon, max);
          const got = grid.nearestMetres(qLat, qLon, max);
          // The grid measures from a normalised longitude: the same distance to rounding.
          if (want === Infinity) assert.equal(got, Infinity, `(${qLat}, ${qLon}) within ${max} m`);
          else assert.ok(Math.abs(got - want) <= 1e-6 * Math.max(1, want), `(${qLat}, ${qLon}) within ${max} m: ${got} against ${want}`);
        }
      }),
      { numRuns: 150 },
    );
  });
}

test('PointGrid: points out of range are left out and counted out of size; a point at 180° is found from -180°', () => {
  const grid = PointGrid.of([10, 95, NaN, 0, -20], [20, 0, 0, 181, 180], CELL);
  assert.equal(grid.size, 2);
  assert.equal(grid.nearestMetres(10, 20, 1), 0);
  assert.equal(grid.nearestMetres(0, 181 - 360, 1000), Infinity);
  assert.equal(grid.nearestMetres(-20, -180, 1), 0);
  // About a centimetre, measured across the antimeridian (to rounding: the point is kept at -180°).
  assert.ok(Math.abs(grid.nearestMetres(-20, 179.9999999, 1) - haversineMetres(-20, 179.9999999, -20, 180)) < 1e-6);
});

test('PointGrid: latitudes and longitudes of different counts are a mistake of the caller', () => {
  assert.throws(() => PointGrid.of([1, 2], [3], CELL), RangeError);
});

test('PointGrid: parts that do not fit together are refused', () => {
  const parts = PointGrid.of([10, 10.05, -30, 45], [20, 20.05, 100, -170], CELL).parts();
  assert.ok(PointGrid.fromParts(parts) !== undefined);
  const broken = [
    { ...parts, cellDegrees: 0 },
    { ...parts, keys: parts.keys.slice().reverse() },
    { ...parts, keys: Int32Array.of(-1, ...parts.keys.subarray(1)) },
    { ...parts, keys: Int32Array.of(...parts.keys.subarray(0, 2), 3600 * 1800) },
    { ...parts, starts: parts.starts.subarray(1) },
    { ...parts, starts: Int32Array.of(0, 0, ...parts.starts.subarray(2)) },
    { ...parts, starts: Int32Array.of(...parts.starts.subarray(0, 3), 5) },
    { ...parts, lats: parts.lats.subarray(1) },
    { ...parts, lats: Float64Array.of(NaN, ...parts.lats.subarray(1)) },
    { ...parts, lons: Float64Array.of(180, ...parts.lons.subarray(1)) },
  ];
  broken.forEach((p, i) => assert.equal(PointGrid.fromParts(p), undefined, `case ${i}`));
});
