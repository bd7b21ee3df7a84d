import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { uniform } from './support/arbitraries.js';
import {
  EARTH_RADIUS_METRES,
  METRES_PER_NAUTICAL_MILE,
  METRES_PER_SECOND_PER_KNOT,
  destinationPoint,
  destinationPointInto,
  equirectangularMetres,
  haversineMetres,
  initialBearingDegrees,
  normaliseLongitude,
  pointToArcMetres,
} from '../src/index.js';

const DEGREE = (Math.PI / 180) * EARTH_RADIUS_METRES; // one degree of a great circle

function close(actual: number, expected: number, tolerance: number, what = ''): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what} ${actual} is not within ${tolerance} of ${expected}`);
}

/** Smallest bearing difference in degrees, either way round. */
function turn(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

const latitude = uniform(-89, 89);
const longitude = uniform(-180, 179.999);

test('units: a nautical mile is 1852 m and a knot a nautical mile per hour', () => {
  assert.equal(METRES_PER_NAUTICAL_MILE, 1852);
  close(METRES_PER_SECOND_PER_KNOT * 3600, 1852, 1e-9);
});

test('haversine: arcs along the equator and a meridian are R times the angle', () => {
  close(haversineMetres(0, 0, 0, 1), DEGREE, 1e-6);
  close(haversineMetres(10, 20, 11, 20), DEGREE, 1e-6);
  close(haversineMetres(-45, 100, 45, 100), 90 * DEGREE, 1e-6);
  close(haversineMetres(0, 0, 0, 180), Math.PI * EARTH_RADIUS_METRES, 1e-6, 'antipodes');
  close(haversineMetres(90, 0, 90, 123), 0, 1e-6, 'the pole is one point');
  close(haversineMetres(0, 179.5, 0, -179.5), DEGREE, 1e-6, 'across the antimeridian');
});

test('haversine: over a short range it agrees with Pythagoras on the local plane', () => {
  // Helsinki South Harbour to Tallinn Old City Harbour, about 80 km across the Gulf of Finland.
  const [lat1, lon1, lat2, lon2] = [60.1635, 24.9569, 59.4444, 24.7645];
  const north = (lat2 - lat1) * DEGREE;
  const east = (lon2 - lon1) * DEGREE * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  const flat = Math.hypot(north, east);
  close(haversineMetres(lat1, lon1, lat2, lon2), flat, flat * 1e-4);
  assert.ok(flat > 79_000 && flat < 82_000);
});

test('haversine is symmetric and obeys the triangle inequality', () => {
  fc.assert(
    fc.property(latitude, longitude, latitude, longitude, latitude, longitude, (a, b, c, d, e, f) => {
      close(haversineMetres(a, b, c, d), haversineMetres(c, d, a, b), 1e-6);
      // Rounding near antipodal points costs haversine up to about 0.1 m.
      assert.ok(haversineMetres(a, b, e, f) <= haversineMetres(a, b, c, d) + haversineMetres(c, d, e, f) + 0.2);
    }),
  );
});

test('bearing: the cardinal directions', () => {
  close(initialBearingDegrees(0, 0, 1, 0), 0, 1e-9, 'north');
  close(initialBearingDegrees(0, 0, 0, 1), 90, 1e-9, 'east');
  close(initialBearingDegrees(0, 0, -1, 0), 180, 1e-9, 'south');
  close(initialBearingDegrees(0, 0, 0, -1), 270, 1e-9, 'west');
  close(initialBearingDegrees(0, 179.5, 0, -179.5), 90, 1e-9, 'east across the antimeridian');
  // Leaving eastward from 60°N on a great circle, the track starts north of east.
  assert.ok(initialBearingDegrees(60, 0, 60, 10) < 90);
});

test('destination: sailing a distance on a bearing lands that far away, on that bearing', () => {
  fc.assert(
    fc.property(latitude, longitude, uniform(0, 359.999), uniform(1, 5_000_000), (lat, lon, bearing, metres) => {
      const to = destinationPoint(lat, lon, bearing, metres);
      assert.ok(to.lon >= -180 && to.lon < 180 && Math.abs(to.lat) <= 90);
      close(haversineMetres(lat, lon, to.lat, to.lon), metres, 1e-6 * metres + 1e-3, 'distance');
      assert.ok(turn(initialBearingDegrees(lat, lon, to.lat, to.lon), bearing) < 1e-5, 'bearing');
    }),
  );
});

test('destination: into a reused object, and a quarter circumference north from the equator is the pole', () => {
  const out = { lat: 0, lon: 0 };
  assert.equal(destinationPointInto(0, 30, 0, 90 * DEGREE, out), out);
  close(out.lat, 90, 1e-9);
  destinationPointInto(0, 179.9, 90, 0.2 * DEGREE, out);
  close(out.lat, 0, 1e-9);
  close(out.lon, -179.9, 1e-9);
});

test('normaliseLongitude folds into [-180, 180)', () => {
  assert.equal(normaliseLongitude(180), -180);
  assert.equal(normaliseLongitude(190), -170);
  assert.equal(normaliseLongitude(-190), 170);
  assert.equal(normaliseLongitude(540), -180);
  assert.equal(normaliseLongitude(25.5), 25.5);
  assert.equal(normaliseLongitude(-540), -180);
  assert.equal(normaliseLongitude(900), -180);
  // Within one turn of the range (sums and differences of longitudes) the fold is one exact addition.
  fc.assert(
    fc.property(fc.double({ min: -540, max: 540, maxExcluded: true, noNaN: true }), (lon) => {
      const folded = normaliseLongitude(lon);
      assert.ok(folded >= -180 && folded < 180, `${lon} → ${folded}`);
      assert.equal(folded, lon >= 180 ? lon - 360 : lon < -180 ? lon + 360 : lon);
    }),
  );
  assert.ok(Number.isNaN(normaliseLongitude(NaN)));
});

/** A second point `metres` away on a random bearing, its latitude within `maxLat`. */
const shortPair = (maxLat: number, maxMetres: number) =>
  fc
    .record({
      lat: uniform(-maxLat, maxLat),
      lon: longitude,
      bearing: uniform(0, 360),
      metres: uniform(1, maxMetres),
    })
    .map((p) => ({ ...p, to: destinationPoint(p.lat, p.lon, p.bearing, p.metres) }))
    .filter((p) => Math.abs(p.to.lat) <= maxLat);

test('equirectangular: within its documented bound of haversine (20 km, ±80°: 5e-5; ±89°: 2e-3)', () => {
  for (const [maxLat, bound] of [[80, 5e-5], [89, 2e-3]] as const) {
    fc.assert(
      fc.property(shortPair(maxLat, 20_000), ({ lat, lon, to }) => {
        const exact = haversineMetres(lat, lon, to.lat, to.lon);
        const fast = equirectangularMetres(lat, lon, to.lat, to.lon);
        assert.ok(Math.abs(fast - exact) <= bound * exact, `${fast} vs ${exact} at ${lat}`);
      }),
      { numRuns: 2000 },
    );
  }
});

test('equirectangular: short the right way round the antimeridian', () => {
  close(equirectangularMetres(0, 179.99, 0, -179.99), 0.02 * DEGREE, 1e-6);
  close(equirectangularMetres(0, -179.99, 0, 179.99), 0.02 * DEGREE, 1e-6);
});

/** Reference: the least haversine distance to many points spaced along the arc. */
function sampledArcMetres(lat: number, lon: number, lat1: number, lon1: number, lat2: number, lon2: number): number {
  const length = haversineMetres(lat1, lon1, lat2, lon2);
  const bearing = initialBearingDegrees(lat1, lon1, lat2, lon2);
  let best = Infinity;
  const steps = 4000;
  for (let i = 0; i <= steps; i++) {
    const p = destinationPoint(lat1, lon1, bearing, (length * i) / steps);
    best = Math.min(best, haversineMetres(lat, lon, p.lat, p.lon));
  }
  return best;
}

test('pointToArcMetres agrees with the distance to densely sampled points of the arc', () => {
  fc.assert(
    fc.property(latitude, longitude, shortPair(85, 300_000), uniform(-1, 1), uniform(-1, 1), (_, __, seg, u, v) => {
      // The point lies near the arc: within a few lengths of its start.
      const lat = Math.max(-89.9, Math.min(89.9, seg.lat + u * 3));
      const lon = normaliseLongitude(seg.lon + v * 3);
      const exact = pointToArcMetres(lat, lon, seg.lat, seg.lon, seg.to.lat, seg.to.lon);
      const sampled = sampledArcMetres(lat, lon, seg.lat, seg.lon, seg.to.lat, seg.to.lon);
      // Sampling overestimates by at most half a step along the arc.
      assert.ok(exact <= sampled + 1e-3, `${exact} > sampled ${sampled}`);
      assert.ok(sampled - exact <= seg.metres / 8000 + 1e-3, `${exact} far below sampled ${sampled}`);
    }),
    { numRuns: 150 },
  );
});

test('pointToArcMetres: abeam, beyond either end, and a zero-length arc', () => {
  // Arc along the equator from 0° to 1° E.
  close(pointToArcMetres(0.1, 0.5, 0, 0, 0, 1), 0.1 * DEGREE, 1e-3, 'abeam: the cross-track distance');
  close(pointToArcMetres(0, 2, 0, 0, 0, 1), DEGREE, 1e-3, 'beyond the end');
  close(pointToArcMetres(0, -1, 0, 0, 0, 1), DEGREE, 1e-3, 'before the start');
  close(pointToArcMetres(1, 0, 0, 5, 0, 5), haversineMetres(1, 0, 0, 5), 1e-6, 'a point');
});
