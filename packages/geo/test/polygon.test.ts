import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { uniform } from './support/arbitraries.js';
import { areaContains, areaFromMultiPolygon, areaFromPolygon, areaVertexCount, flatRing, ringParity } from '../src/index.js';

/** A square ring [lon, lat] from its south-west corner and side, counter-clockwise, closed. */
function square(lon: number, lat: number, side: number): number[][] {
  return [[lon, lat], [lon + side, lat], [lon + side, lat + side], [lon, lat + side], [lon, lat]];
}

test('a polygon with a hole: inside the shell, not in the hole, not outside', () => {
  const area = areaFromPolygon([square(0, 0, 10), square(4, 4, 2)]);
  assert.equal(areaContains(area, 1, 1), true);
  assert.equal(areaContains(area, 5, 5), false, 'in the hole');
  assert.equal(areaContains(area, 5, 3.9), true, 'just south of the hole');
  assert.equal(areaContains(area, 11, 5), false);
  assert.equal(areaContains(area, 5, -0.1), false);
});

test('a multipolygon: either part, and the hole of one part', () => {
  const area = areaFromMultiPolygon([[square(0, 0, 1)], [square(10, 10, 4), square(11, 11, 1)]]);
  assert.equal(areaContains(area, 0.5, 0.5), true);
  assert.equal(areaContains(area, 13, 13), true);
  assert.equal(areaContains(area, 11.5, 11.5), false, 'the hole of the second part');
  assert.equal(areaContains(area, 5, 5), false, 'between the parts');
});

test('a ray through a vertex is counted once (half-open rule)', () => {
  // A diamond: the eastward ray from the centre passes exactly through the east vertex.
  const diamond = areaFromPolygon([[[0, -1], [1, 0], [0, 1], [-1, 0], [0, -1]]]);
  assert.equal(areaContains(diamond, 0, 0), true);
  assert.equal(areaContains(diamond, 0, -0.5), true);
  assert.equal(areaContains(diamond, 0, -1.5), false, 'west of the west vertex, ray through both side vertices');
  // A ring with a horizontal edge at the ray's latitude.
  const step = areaFromPolygon([[[0, 0], [4, 0], [4, 2], [2, 2], [2, 1], [0, 1], [0, 0]]]);
  assert.equal(areaContains(step, 1, 1), false, 'on the top edge of the low part is outside by the half-open rule');
  assert.equal(areaContains(step, 0.5, 1), true);
  assert.equal(areaContains(step, 1.5, 1), false);
  assert.equal(areaContains(step, 1.5, 3), true);
});

test('flat rings are closed, with a box per ring', () => {
  const open = flatRing([[0, 0], [2, 0], [2, 3]]);
  assert.deepEqual([...open], [0, 0, 2, 0, 2, 3, 0, 0]);
  const closed = flatRing(square(0, 0, 1));
  assert.equal(closed.length, 10, 'an already closed ring gains no vertex');
  const area = areaFromPolygon([square(-5, 2, 3), square(-4, 3, 1)]);
  assert.deepEqual([...area.ringBoxes], [-5, 2, -2, 5, -4, 3, -3, 4]);
  assert.deepEqual([...area.box], [-5, 2, -2, 5]);
  assert.equal(areaVertexCount(area), 10);
  assert.equal(ringParity(area.rings[0]!, 3, -4), 1);
});

test('a regular polygon contains what its inscribed circle holds and nothing outside its circumcircle', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 3, max: 200 }),
      uniform(0, 2 * Math.PI),
      uniform(0, 1.5),
      uniform(0, 2 * Math.PI),
      (sides, phase, radius, angle) => {
        const ring = Array.from({ length: sides + 1 }, (_, i) => {
          const a = phase + (2 * Math.PI * (i % sides)) / sides;
          return [20 + Math.cos(a), 50 + Math.sin(a)];
        });
        const area = areaFromPolygon([ring]);
        const lon = 20 + radius * Math.cos(angle), lat = 50 + radius * Math.sin(angle);
        const inscribed = Math.cos(Math.PI / sides);
        if (radius < inscribed * 0.999999) assert.equal(areaContains(area, lat, lon), true);
        if (radius > 1.000001) assert.equal(areaContains(area, lat, lon), false);
      },
    ),
  );
});
