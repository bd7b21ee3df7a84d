import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseZones, type Zone } from '@tidewatch/geo';
import { ZoneCells } from '../src/space/zone-cells.js';
import { zoneLayer } from '../src/space/zones.js';
import { shippedFiles } from './scenario/charts.js';

const CELL = 1 / 64;

function shippedZones(): Zone[] {
  const zones: Zone[] = [];
  for (const { text } of shippedFiles('zones', '.geojson')) {
    const parsed = parseZones(JSON.parse(text));
    assert.ok(parsed.ok);
    zones.push(...parsed.zones);
  }
  return zones;
}

const zones = shippedZones();
const layer = zoneLayer(zones);
const cells = new ZoneCells(zones.map((z) => z.area));

function answer(lat: number, lon: number): string {
  const out: number[] = [];
  const n = layer.zonesAt(lat, lon, out);
  return out.slice(0, n).join(',');
}

/** Every vertex of every zone, to aim points at borders. */
const vertices: Array<[number, number]> = zones.flatMap((z) => z.area.rings.flatMap((ring) => Array.from({ length: ring.length / 2 }, (_, i) => [ring[2 * i + 1]!, ring[2 * i]!] as [number, number])));

test('zone cells: every point of a clear cell is in the same zones as its corners and centre', { skip: zones.length === 0 && 'no shipped zones' }, () => {
  let clear = 0;
  let crossed = 0;
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: vertices.length - 1 }),
      fc.double({ min: -0.05, max: 0.05, noNaN: true }),
      fc.double({ min: -0.05, max: 0.05, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (v, dLat, dLon, u, w) => {
        const [vLat, vLon] = vertices[v]!;
        const lat = vLat + dLat;
        const lon = vLon + dLon;
        const key = cells.keyOf(lat, lon);
        if (!cells.clear(key)) {
          crossed++;
          return;
        }
        clear++;
        const south = Math.floor((lat + 90) * 64) / 64 - 90;
        const west = Math.floor((lon + 180) * 64) / 64 - 180;
        const expected = answer(lat, lon);
        // Anywhere in the cell, its corners (a hair inside) included.
        const inset = 1e-9;
        assert.equal(answer(south + u * CELL, west + w * CELL), expected);
        assert.equal(answer(south + inset, west + inset), expected);
        assert.equal(answer(south + CELL - inset, west + CELL - inset), expected);
        assert.equal(cells.keyOf(south + CELL / 2, west + CELL / 2), key);
      },
    ),
    { numRuns: 20_000, seed: 20180601 },
  );
  // Both kinds met: the test looked at cells near borders and at clear ones.
  assert.ok(clear > 1000 && crossed > 1000, `clear ${clear}, crossed ${crossed}`);
});

test('zone cells: the open ocean, far from every zone, is clear', () => {
  const far = new ZoneCells(zones.map((z) => z.area));
  assert.equal(far.clear(far.keyOf(-40, -120)), true);
  assert.equal(far.clear(far.keyOf(90, 180)), true);
  assert.equal(far.clear(far.keyOf(-90, -180)), true);
});

test('zone cells: a cell a border runs through is not clear, and a verdict pushed out of the table comes back the same', () => {
  const square = new ZoneCells([{ rings: [Float64Array.from([20, 10, 20.5, 10, 20.5, 10.5, 20, 10.5, 20, 10])], ringBoxes: Float64Array.from([20, 10, 20.5, 10.5]), box: Float64Array.from([20, 10, 20.5, 10.5]) }]);
  const border = square.keyOf(10.25, 20.001);
  const inside = square.keyOf(10.25, 20.25);
  assert.equal(square.clear(border), false);
  assert.equal(square.clear(inside), true);
  // Another cell in the same table entry replaces the verdict; asking again works it out anew.
  for (let k = 0; k < 1 << 18; k++) square.clear(inside + 23041 * k);
  assert.equal(square.clear(border), false);
  assert.equal(square.clear(inside), true);
});
