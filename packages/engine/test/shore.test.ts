import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { areaContains, areaFromRings, pointToArcMetres } from '@tidewatch/geo';
import { shoreLayer, shoreLayerFromJson, type ShoreLayer } from '../src/index.js';

/** A closed flat ring from [lon, lat] pairs. */
function ring(points: ReadonlyArray<readonly [number, number]>): Float64Array {
  return Float64Array.from([...points, points[0]!].flat());
}

/** A star-shaped island: `radii` (degrees) at equal bearings about the centre. */
function island(lat: number, lon: number, radii: readonly number[]): Float64Array {
  return ring(radii.map((r, i) => {
    const a = (2 * Math.PI * i) / radii.length;
    return [lon + r * Math.cos(a), lat + r * Math.sin(a)] as const;
  }));
}

/**
 * A small world with the cases the layer must get right: islands across
 * tile borders (every 2°), a lake in an island and an islet in the lake, an
 * island cut by the antimeridian into two rings (their shared edge on ±180°
 * is not coast), and a polar cap closed along −90° (not coast either).
 */
function world(): Float64Array[] {
  return [
    island(37.9, 11.9, [0.5, 0.8, 0.3, 0.9, 0.4, 0.7, 0.25, 0.6]),
    ring([[9.5, 35.5], [12.5, 35.5], [12.5, 37.5], [9.5, 37.5]]), // holds the lake below
    island(36.5, 11, [0.6, 0.5, 0.7, 0.4, 0.6, 0.5]), // the lake
    island(36.5, 11, [0.1, 0.2, 0.1, 0.15]), // the islet in the lake
    ring([[179.2, -17.2], [180, -17.4], [180, -16.4], [179.5, -16.6]]),
    ring([[-180, -16.4], [-180, -17.4], [-179.4, -17.0]]),
    ring([[-180, -70], [-90, -72], [0, -69], [90, -71], [180, -70], [180, -90], [-180, -90]]),
  ];
}

/** Plain scan: even-odd over every ring, then the nearest coast segment (cut edges left out). */
function oracle(rings: readonly Float64Array[], lat: number, lon: number): number {
  const onLand = (at: number): boolean => rings.filter((r) => areaContains(areaFromRings([r]), lat, at)).length % 2 === 1;
  // 180° and −180° are one meridian: on land if either piece of a cut island holds it.
  if (onLand(lon) || (Math.abs(lon) === 180 && onLand(-lon))) return 0;
  let best = Infinity;
  for (const r of rings) {
    for (let i = 0; i + 3 < r.length; i += 2) {
      const [lon1, lat1, lon2, lat2] = [r[i]!, r[i + 1]!, r[i + 2]!, r[i + 3]!];
      if (Math.abs(lon1) === 180 && Math.abs(lon2) === 180) continue;
      if (lat1 === -90 && lat2 === -90) continue;
      best = Math.min(best, pointToArcMetres(lat, lon, lat1, lon1, lat2, lon2));
    }
  }
  return best;
}

const near = (lat: [number, number], lon: [number, number]) =>
  fc.tuple(fc.double({ min: lat[0], max: lat[1], noNaN: true }), fc.double({ min: lon[0], max: lon[1], noNaN: true }));

/** The layer's distance against the plain scan's, for a point and a limit. */
function agreesWithOracle(rings: readonly Float64Array[], layer: ShoreLayer, lat: number, lon: number, maxMetres: number): void {
  const want = oracle(rings, lat, lon);
  const got = layer.distanceMetres(lat, lon, maxMetres);
  // A point within a centimetre of the limit may fall either side of it.
  if (Math.abs(want - maxMetres) < 0.01) return;
  if (want > maxMetres) assert.equal(got, Infinity, `${lat}, ${lon}: nothing within ${maxMetres} m, got ${got}`);
  // Within a few centimetres of the coast a point may be judged on land (0) by one and at sea by the other.
  else assert.ok(Math.abs(got - want) <= 0.05 + want * 1e-9, `${lat}, ${lon}: ${got} m, plain scan ${want} m`);
}

test('shore distance agrees with a plain scan of every ring and segment (oracle)', () => {
  const rings = world();
  const layer = shoreLayer(rings);
  fc.assert(
    fc.property(
      fc.oneof(near([34, 40], [8, 15]), near([-18.5, -15.5], [178, 180]), near([-18.5, -15.5], [-180, -178]), near([-90, -60], [-180, 180])),
      fc.double({ min: 100, max: 300_000, noNaN: true }),
      ([lat, lon], maxMetres) => agreesWithOracle(rings, layer, lat, lon, maxMetres),
    ),
    { numRuns: 2000 },
  );
});

/**
 * A continent of thousands of vertices across many tiles, its coast a
 * wiggle, with a lake of hundreds: most of it lies far from any one tile,
 * where the clipping skips it in runs, and its wiggles cross tile borders
 * back and forth.
 */
function continent(): Float64Array[] {
  const wiggly = (lat: number, lon: number, radius: number, vertices: number, wiggles: number): Float64Array =>
    island(lat, lon, Array.from({ length: vertices }, (_, i) => radius * (1 + 0.25 * Math.sin((2 * Math.PI * wiggles * i) / vertices) + 0.05 * Math.sin(i * 7.3))));
  return [wiggly(45, 20, 6, 6000, 37), wiggly(45.5, 19.5, 1.5, 700, 11)];
}

test('a continent across many tiles: shore distance agrees with the plain scan (oracle)', () => {
  const rings = continent();
  const layer = shoreLayer(rings);
  fc.assert(
    fc.property(near([36, 54], [8, 32]), fc.double({ min: 100, max: 100_000, noNaN: true }), ([lat, lon], maxMetres) => agreesWithOracle(rings, layer, lat, lon, maxMetres)),
    { numRuns: 600 },
  );
});

test('on land, in a lake, on an islet in the lake: 0, distance, 0', () => {
  const layer = shoreLayer(world());
  assert.equal(layer.distanceMetres(36.0, 10.0, 1000), 0);
  const lake = layer.distanceMetres(36.5, 11.3, 100_000);
  assert.ok(lake > 0 && lake < 40_000, String(lake));
  assert.equal(layer.distanceMetres(36.5, 11.0, 1000), 0);
});

test('an island cut by the antimeridian, and a polar cap, are land on both sides of the cut', () => {
  const layer = shoreLayer(world());
  assert.equal(layer.distanceMetres(-16.9, 179.999, 1000), 0);
  assert.equal(layer.distanceMetres(-16.9, -179.999, 1000), 0);
  assert.equal(layer.distanceMetres(-89.99, 45, 1000), 0);
  assert.equal(layer.distanceMetres(-89.99, -135, 1000), 0);
  // North of the cut island, the nearest coast is its real shore, 0.1° of latitude away.
  const north = layer.distanceMetres(-16.3, 180, 100_000);
  assert.ok(Math.abs(north - pointToArcMetres(-16.3, 180, -16.4, 180, -16.6, 179.5)) < 1e-3, String(north));
});

test('the same question asked in any order gives the same answer (tiles built on first use)', () => {
  const rings = world();
  const points: Array<[number, number]> = [[37.9, 12.95], [36.5, 11.3], [-16.9, 179.999], [-65, 10], [35.4, 9.4], [38.01, 10.0]];
  const first = shoreLayer(rings);
  const forward = points.map(([lat, lon]) => first.distanceMetres(lat, lon, 200_000));
  const second = shoreLayer(rings);
  const backward = [...points].reverse().map(([lat, lon]) => second.distanceMetres(lat, lon, 200_000)).reverse();
  assert.deepEqual(backward, forward);
});

test('a coastline file: rings decoded from the delta-encoded grid', () => {
  // Two squares on a 0.5° grid: one at 10..11°E 20..21°N, one its mirror south of the equator.
  const json = { transform: { scale: [0.5, 0.5], translate: [-180, -90] }, rings: [[380, 220, 2, 0, 0, 2, -2, 0], [380, 138, 2, 0, 0, 2, -2, 0]] };
  const result = shoreLayerFromJson(json);
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
  assert.equal(result.layer.rings, 2);
  assert.equal(result.layer.vertices, 8);
  assert.equal(result.layer.distanceMetres(20.5, 10.5, 1000), 0);
  assert.equal(result.layer.distanceMetres(-20.5, 10.5, 1000), 0);
  const east = result.layer.distanceMetres(20.5, 11.5, 100_000);
  assert.ok(Math.abs(east - pointToArcMetres(20.5, 11.5, 20, 11, 21, 11)) < 1e-3, String(east));
});

test('a coastline file that is wrong: every problem with its place', () => {
  const cases: Array<[unknown, RegExp]> = [
    [[], /^\$: expected an object/],
    [{ rings: [] }, /^\$\.transform: /],
    [{ transform: { scale: [0, 1], translate: [0, 0] }, rings: [] }, /^\$\.transform: /],
    [{ transform: { scale: [1, 1], translate: [0, 0] }, rings: {} }, /^\$\.rings: expected an array/],
    [{ transform: { scale: [1, 1], translate: [0, 0] }, rings: [[0, 0, 1, 0, 0]] }, /^\$\.rings\[0\]: expected x, y pairs for at least 3 vertices, got 5/],
    [{ transform: { scale: [1, 1], translate: [0, 0] }, rings: [[0, 0, 1, 0, 0, 1], [0, 0, 1.5, 0, 0, 1]] }, /^\$\.rings\[1\]: vertex 1: expected integers, got 1\.5, 0/],
    [{ transform: { scale: [1, 1], translate: [0, 0] }, rings: [[0, 0, 1, 0, 0, 200]] }, /^\$\.rings\[0\]: vertex 2: 1, 200 is not a longitude, latitude/],
  ];
  for (const [json, message] of cases) {
    const result = shoreLayerFromJson(json);
    assert.ok(!result.ok, JSON.stringify(json));
    const text = result.errors.map((e) => `${e.path}: ${e.message}`).join('\n');
    assert.match(text, message);
  }
});

/** The product's coastline (data/coast/, built from Natural Earth 1:10m land). */
function shippedCoast(): ShoreLayer {
  const text = readFileSync(new URL('../../../../data/coast/coastline.json', import.meta.url), 'utf8');
  const result = shoreLayerFromJson(JSON.parse(text));
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors.slice(0, 3)));
  return result.layer;
}

test('the shipped coastline: ports and inland waters are shore, the open sea is far from it', () => {
  const coast = shippedCoast();
  assert.ok(coast.rings > 4000 && coast.vertices > 400_000, `${coast.rings} rings, ${coast.vertices} vertices`);
  // Harbour basins and rivers the 1:10m coast draws as land: Cádiz fishing port, Rostock on the Warnow.
  assert.equal(coast.distanceMetres(36.5305, -6.2851, 2000), 0);
  assert.equal(coast.distanceMetres(54.111, 12.09, 2000), 0);
  // Lake Superior is inland water inside the land outline, 250 km from the sea.
  assert.equal(coast.distanceMetres(47.7, -87.5, 2000), 0);
  // Mid-Atlantic, 1000 km from any coast.
  assert.equal(coast.distanceMetres(30, -40, 500_000), Infinity);
  // The Strait of Gibraltar is 14 km wide at its narrowest: its middle is a few km from either shore.
  const strait = coast.distanceMetres(35.97, -5.48, 100_000);
  assert.ok(strait > 2000 && strait < 10_000, String(strait));
  // The middle of the Gulf of Finland, between Helsinki and Tallinn (80 km apart).
  const gulf = coast.distanceMetres(59.8, 24.85, 100_000);
  assert.ok(gulf > 10_000 && gulf < 40_000, String(gulf));
  // The Caspian Sea is water, not a hole mistaken for land.
  assert.ok(coast.distanceMetres(42, 50.5, 500_000) > 50_000);
  // Across the antimeridian: Wrangel Island and Fiji's Taveuni lie on 180°.
  for (const lon of [179.99, 180, -180, -179.99]) assert.equal(coast.distanceMetres(71.2, lon, 1000), 0, `Wrangel Island at ${lon}`);
  assert.equal(coast.distanceMetres(-16.85, -179.97, 1000), 0);
});
