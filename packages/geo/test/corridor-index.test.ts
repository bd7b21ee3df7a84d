import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CorridorIndex, destinationPoint, haversineMetres, initialBearingDegrees, normaliseLongitude, pointToArcMetres, type Corridor, type CorridorHit } from '../src/index.js';

/** A wandering polyline: each leg a random bearing and length, longitudes folded onto [-180, 180). */
function wander(lat: number, lon: number, legs: number, maxLeg: number, random: () => number): Float64Array {
  const line = new Float64Array(2 * (legs + 1));
  line[0] = lon;
  line[1] = lat;
  for (let i = 1; i <= legs; i++) {
    const next = destinationPoint(line[2 * i - 1]!, line[2 * i - 2]!, 360 * random(), 50 + maxLeg * random());
    line[2 * i] = next.lon;
    line[2 * i + 1] = next.lat;
  }
  return line;
}

function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Brute force with an independent formula (bearings and cross-track): distance to each asset. */
function assetDistances(corridors: readonly Corridor[], lat: number, lon: number): { metres: number; line: number; segment: number }[] {
  return corridors.map((c) => {
    let best = { metres: Infinity, line: -1, segment: -1 };
    c.lines.forEach((line, l) => {
      for (let i = 0; i + 3 < line.length; i += 2) {
        const metres = pointToArcMetres(lat, lon, line[i + 1]!, line[i]!, line[i + 3]!, line[i + 2]!);
        if (metres < best.metres) best = { metres, line: l, segment: i / 2 };
      }
    });
    return best;
  });
}

/** Places to build assets: open sea, the antimeridian, near each pole. */
const ORIGINS: [number, number][] = [[59.8, 25], [0, 179.8], [-30, -179.9], [89.5, 40], [-88.8, -100], [10, -60]];

function randomCorridors(random: () => number, count: number, maxLeg: number): Corridor[] {
  return Array.from({ length: count }, () => {
    const [lat, lon] = ORIGINS[Math.floor(random() * ORIGINS.length)]!;
    const lines = Array.from({ length: 1 + Math.floor(random() * 2) }, () => wander(lat + random() - 0.5, normaliseLongitude(lon + random() - 0.5), 1 + Math.floor(random() * 30), maxLeg, random));
    return { lines, halfWidthMetres: 100 + 3000 * random() };
  });
}

/** Probe points near the assets' vertices and segment middles, and some anywhere. */
function probe(corridors: readonly Corridor[], random: () => number): [number, number] {
  if (random() < 0.1) return [-90 + 180 * random(), -180 + 360 * random()];
  const c = corridors[Math.floor(random() * corridors.length)]!;
  const line = c.lines[Math.floor(random() * c.lines.length)]!;
  const i = 2 * Math.floor(random() * (line.length / 2 - 1));
  const t = random() < 0.3 ? 0 : random();
  const p = destinationPoint(line[i + 1]! + t * (line[i + 3]! - line[i + 1]!), line[i]!, 360 * random(), 5000 * random() * random());
  return [p.lat, p.lon];
}

const TOLERANCE = (m: number) => 1e-6 * m + 1e-3;

test('nearest agrees with a linear scan over every segment (antimeridian and poles included)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(0.02, 0.1, 1), fc.constantFrom(2_000, 30_000, 300_000), (seed, cellDegrees, maxLeg) => {
      const random = seeded(seed);
      const corridors = randomCorridors(random, 1 + Math.floor(random() * 8), maxLeg);
      const index = new CorridorIndex(corridors, { cellDegrees });
      const hit: CorridorHit = { asset: -1, line: -1, segment: -1, metres: -1 };
      for (let q = 0; q < 60; q++) {
        const [lat, lon] = probe(corridors, random);
        const maxMetres = 10 + 20_000 * random();
        const distances = assetDistances(corridors, lat, lon);
        const best = Math.min(...distances.map((d) => d.metres));
        const found = index.nearestInto(lat, lon, maxMetres, hit);
        if (best < maxMetres - TOLERANCE(maxMetres)) {
          assert.ok(found, `nothing found at ${lat}, ${lon} within ${maxMetres}, scan has ${best}`);
          assert.ok(Math.abs(hit.metres - best) <= TOLERANCE(best), `${hit.metres} vs scan ${best}`);
          // The segment reported is itself that close.
          const line = corridors[hit.asset]!.lines[hit.line]!, i = 2 * hit.segment;
          const own = pointToArcMetres(lat, lon, line[i + 1]!, line[i]!, line[i + 3]!, line[i + 2]!);
          assert.ok(Math.abs(own - best) <= TOLERANCE(best));
        } else if (best > maxMetres + TOLERANCE(maxMetres)) {
          assert.equal(found, false, `found ${JSON.stringify(hit)} but the scan's nearest is ${best} > ${maxMetres}`);
        }
      }
    }),
    { numRuns: 80 },
  );
});

test('corridorsAt lists exactly the assets whose corridor holds the point', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
      const random = seeded(seed);
      const corridors = randomCorridors(random, 2 + Math.floor(random() * 10), 10_000);
      const index = new CorridorIndex(corridors);
      const out: number[] = [];
      for (let q = 0; q < 60; q++) {
        const [lat, lon] = probe(corridors, random);
        const n = index.corridorsAt(lat, lon, out);
        const listed = out.slice(0, n);
        assert.deepEqual(listed, [...listed].sort((a, b) => a - b), 'in increasing order');
        assetDistances(corridors, lat, lon).forEach((d, asset) => {
          const width = corridors[asset]!.halfWidthMetres;
          if (d.metres < width - TOLERANCE(width)) assert.ok(listed.includes(asset), `asset ${asset} at ${d.metres} m is inside ${width} m`);
          if (d.metres > width + TOLERANCE(width)) assert.ok(!listed.includes(asset), `asset ${asset} at ${d.metres} m is outside ${width} m`);
        });
      }
    }),
    { numRuns: 60 },
  );
});

test('a cable along the equator: distance abeam, beyond its end, ties to the lower asset, none out of range', () => {
  const cable = { lines: [Float64Array.of(0, 0, 1, 0, 2, 0)], halfWidthMetres: 500 };
  const twin = { lines: [Float64Array.of(0, 0, 1, 0, 2, 0)], halfWidthMetres: 2000 };
  const index = new CorridorIndex([cable, twin]);
  const abeam = index.nearest(0.001, 1.5, 1000);
  assert.ok(abeam !== null);
  assert.equal(abeam.asset, 0, 'a tie goes to the lower asset');
  assert.equal(abeam.segment, 1);
  assert.equal(abeam.line, 0);
  assert.ok(Math.abs(abeam.metres - pointToArcMetres(0.001, 1.5, 0, 1, 0, 2)) < 1e-6);
  assert.equal(index.nearest(0.1, 1.5, 1000), null, 'about 11 km away');
  const out: number[] = [];
  assert.equal(index.corridorsAt(0.01, 0.5, out), 1, '1.1 km off: only the wide corridor');
  assert.equal(out[0], 1);
  assert.equal(index.halfWidthMetres(1), 2000);
  assert.equal(new CorridorIndex([]).nearest(0, 0, 1e6), null);
});

test('a segment along a parallel is found where its great circle bulges into the next row of cells', () => {
  // Both ends just south of 60°N, in the row of 1° cells below it; the arc between them rises past 60°N.
  const [lat, lon1, lon2] = [59.998, 0, 1.9];
  const middle = destinationPoint(lat, lon1, initialBearingDegrees(lat, lon1, lat, lon2), haversineMetres(lat, lon1, lat, lon2) / 2);
  assert.ok(middle.lat > 60.001, `precondition: the arc's middle ${middle.lat} lies in the next row`);
  const index = new CorridorIndex([{ lines: [Float64Array.of(lon1, lat, lon2, lat)], halfWidthMetres: 10 }], { cellDegrees: 1 });
  const hit = index.nearest(middle.lat, middle.lon, 5);
  assert.ok(hit !== null && hit.metres < 0.01, JSON.stringify(hit));
});

test('a segment crossing the antimeridian is found on both sides of it', () => {
  const index = new CorridorIndex([{ lines: [Float64Array.of(179.5, -17, -179.5, -17)], halfWidthMetres: 1000 }], { cellDegrees: 0.1 });
  for (const lon of [179.9, -179.9, 180, -180]) {
    const hit = index.nearest(-17.001, lon, 500);
    assert.ok(hit !== null && hit.metres < 200, `at ${lon}: ${JSON.stringify(hit)}`);
  }
  assert.equal(index.nearest(-17, 0, 10_000), null, 'not the long way round');
});
