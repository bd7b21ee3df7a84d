import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { equirectangularMetres } from '@tidewatch/geo';
import { closerThan } from '../src/space/closer-than.js';

const lat = fc.double({ min: -90, max: 90, noNaN: true });
const lon = fc.double({ min: -180, max: 180, noNaN: true });

test('closerThan agrees with equirectangularMetres < metres: anywhere, and at the threshold itself', () => {
  fc.assert(
    fc.property(lat, lon, lat, lon, fc.double({ min: 0, max: 30_000, noNaN: true }), (lat1, lon1, lat2, lon2, metres) => {
      assert.equal(closerThan(lat1, lon1, lat2, lon2, metres), equirectangularMetres(lat1, lon1, lat2, lon2) < metres);
    }),
    { numRuns: 20_000, seed: 1 },
  );
  // Short moves (what the engine asks about), and thresholds equal to the distance or a hair either side.
  fc.assert(
    fc.property(lat, lon, fc.double({ min: -0.01, max: 0.01, noNaN: true }), fc.double({ min: -0.01, max: 0.01, noNaN: true }), fc.integer({ min: -2, max: 2 }), (lat1, lon1, dLat, dLon, ulps) => {
      const lat2 = Math.max(-90, Math.min(90, lat1 + dLat));
      const lon2 = lon1 + dLon > 180 ? lon1 + dLon - 360 : lon1 + dLon;
      const exact = equirectangularMetres(lat1, lon1, lat2, lon2);
      const metres = exact * (1 + ulps * Number.EPSILON);
      assert.equal(closerThan(lat1, lon1, lat2, lon2, metres), exact < metres);
      assert.equal(closerThan(lat1, lon1, lat2, lon2, exact), false);
    }),
    { numRuns: 20_000, seed: 2 },
  );
});

test('closerThan: NaN positions or thresholds are never closer, as with the plain comparison', () => {
  assert.equal(closerThan(NaN, NaN, 10, 20, 10), false);
  assert.equal(closerThan(10, 20, 10, 20, NaN), false);
  assert.equal(closerThan(10, NaN, 10, 20, 10), false);
  assert.equal(closerThan(10, 20, 10, 20, 1), true);
  assert.equal(closerThan(0, 179.9999, 0, -179.9999, 30), true);
});
