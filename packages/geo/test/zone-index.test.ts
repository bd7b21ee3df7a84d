import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ZoneIndex, areaContains, areaFromPolygon, areaFromRings, flatRing, type Area } from '../src/index.js';
import { AreaGrid } from '../src/area-grid.js';

type Ring = number[][];

/** A star-shaped ring about (lon, lat): `n` vertices at increasing angles, radii within [r0, r1]. */
function starRing(lon: number, lat: number, n: number, r0: number, r1: number, random: () => number): Ring {
  const ring: Ring = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const r = r0 + (r1 - r0) * random();
    ring.push([lon + r * Math.cos(a), lat + r * Math.sin(a)]);
  }
  ring.push(ring[0]!);
  return ring;
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

/** Brute force: every zone, plain ray cast. */
function oracle(areas: readonly Area[], lat: number, lon: number): number[] {
  return areas.flatMap((area, z) => (areaContains(area, lat, lon) ? [z] : []));
}

/** Points to probe: random ones over the box, and ones exactly on vertices, vertex latitudes and edge midpoints. */
function probes(areas: readonly Area[], random: () => number, count: number): [number, number][] {
  const points: [number, number][] = [];
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const a of areas) {
    minX = Math.min(minX, a.box[0]!);
    minY = Math.min(minY, a.box[1]!);
    maxX = Math.max(maxX, a.box[2]!);
    maxY = Math.max(maxY, a.box[3]!);
  }
  const w = maxX - minX, h = maxY - minY;
  for (let i = 0; i < count; i++) points.push([minY - 0.05 * h + 1.1 * h * random(), minX - 0.05 * w + 1.1 * w * random()]);
  for (const a of areas) {
    for (const ring of a.rings) {
      for (let i = 0; i + 3 < ring.length; i += 2 * Math.max(1, Math.floor(ring.length / 40))) {
        points.push([ring[i + 1]!, ring[i]!]);
        points.push([ring[i + 1]!, minX + w * random()]);
        points.push([(ring[i + 1]! + ring[i + 3]!) / 2, (ring[i]! + ring[i + 2]!) / 2]);
      }
    }
  }
  return points;
}

function assertAgrees(areas: readonly Area[], index: ZoneIndex, points: readonly [number, number][]): void {
  const out: number[] = [];
  for (const [lat, lon] of points) {
    const n = index.zonesAt(lat, lon, out);
    assert.deepEqual(out.slice(0, n), oracle(areas, lat, lon), `at ${lat}, ${lon}`);
  }
}

test('zonesAt agrees with the plain ray cast on random star polygons with holes', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 3, max: 300 }), (seed, zones, vertices) => {
      const random = seeded(seed);
      const areas: Area[] = [];
      for (let z = 0; z < zones; z++) {
        const lon = -20 + 40 * random(), lat = -20 + 40 * random(), size = 0.1 + 5 * random();
        const shell = starRing(lon, lat, vertices, size * 0.5, size, random);
        const rings = [shell];
        if (random() < 0.5) rings.push(starRing(lon, lat, 3 + Math.floor(random() * 30), size * 0.1, size * 0.4, random).reverse());
        areas.push(areaFromPolygon(rings));
      }
      assertAgrees(areas, new ZoneIndex(areas), probes(areas, random, 300));
    }),
    { numRuns: 60 },
  );
});

test('zonesAt agrees with the plain ray cast even on self-intersecting rings of random vertices', () => {
  // The even-odd rule is defined for any ring; the index must follow it exactly, not only for valid shapes.
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 3, max: 60 }), (seed, vertices) => {
      const random = seeded(seed);
      const areas = [0, 1, 2].map(() => {
        const ring: Ring = Array.from({ length: vertices }, () => [10 * random(), 10 * random()]);
        ring.push(ring[0]!);
        return areaFromPolygon([ring]);
      });
      assertAgrees(areas, new ZoneIndex(areas, { cellsPerEdge: 1 + 8 * random() }), probes(areas, random, 400));
    }),
    { numRuns: 60 },
  );
});

test('zonesAt agrees with the plain ray cast on coastline-sized zones, and most cells need no ring walk', () => {
  const random = seeded(20231008);
  // Two jagged zones of 20 000 vertices each, overlapping, plus a multipolygon of islands.
  const big = [areaFromPolygon([starRing(24, 60, 20_000, 0.97, 1.03, random)]), areaFromPolygon([starRing(25, 60.3, 20_000, 0.6, 1.0, random)])];
  const islands = areaFromRings([0, 1, 2, 3].map((i) => flatRing(starRing(23 + i * 0.5, 59.2, 200, 0.05, 0.2, random))));
  const areas = [...big, islands];
  const index = new ZoneIndex(areas);
  assertAgrees(areas, index, probes(areas, random, 5_000));
  const grid = new AreaGrid(big[0]!);
  assert.ok(grid.uniformShare() > 0.8, `only ${grid.uniformShare()} of cells answer without a ring walk`);
});

test('a point outside every zone, zones far apart, and an index with no zones', () => {
  const areas = [areaFromPolygon([[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]), areaFromPolygon([[[170, -50], [179, -50], [179, -40], [170, -40], [170, -50]]])];
  const index = new ZoneIndex(areas);
  const out = [7, 7, 7];
  assert.equal(index.zonesAt(0.5, 0.5, out), 1);
  assert.equal(out[0], 0);
  assert.equal(index.zonesAt(-45, 175, out), 1);
  assert.equal(out[0], 1);
  assert.equal(index.zonesAt(20, 90, out), 0);
  assert.equal(index.zonesAt(-60, -170, out), 0);
  assert.equal(index.contains(1, -45, 175), true);
  assert.throws(() => index.contains(2, 0, 0), RangeError);
  assert.equal(new ZoneIndex([]).zonesAt(0, 0, out), 0);
});

test('crossings exactly on cell borders are counted once', () => {
  // A comb whose teeth have vertical edges at every 1/64 degree, sized so the grid has
  // 64 columns of 1/8 degree: many crossings fall exactly on the borders between cells.
  const ring: Ring = [[0, 0], [8, 0]];
  for (let k = 512; k >= 1; k--) {
    const height = k % 2 === 1 ? 8 : 5;
    ring.push([k / 64, height], [(k - 1) / 64, height]);
  }
  ring.push([0, 0]);
  const area = areaFromPolygon([ring]);
  const edges = ring.length - 1;
  const index = new ZoneIndex([area], { cellsPerEdge: 4096 / edges });
  const points: [number, number][] = [];
  for (let j = 0; j < 1024; j++) points.push([6.5, j / 128 + 1 / 256], [2, j / 128 + 1 / 256], [5, j / 128]);
  assertAgrees([area], index, points);
  const out: number[] = [];
  assert.equal(index.zonesAt(6.5, 1 / 128, out), 1, 'in a tooth');
  assert.equal(index.zonesAt(6.5, 3 / 128, out), 0, 'between teeth');
});
