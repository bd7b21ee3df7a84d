import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { uniform } from './support/arbitraries.js';
import { CellGrid, MAX_CELL_GRID_ID, haversineMetres, normaliseLongitude } from '../src/index.js';

const CELL = 0.05;

/** Places where grids go wrong: cell borders, the antimeridian, the poles; each run keeps to one so points meet. */
const anyLat = uniform(-90, 90);
const anyLon = uniform(-180, 180);
const REGIONS: Record<string, [fc.Arbitrary<number>, fc.Arbitrary<number>, fc.Arbitrary<number>]> = {
  anywhere: [anyLat, anyLon, uniform(0, 5_000_000)],
  north: [uniform(89, 90), anyLon, uniform(0, 300_000)],
  south: [uniform(-90, -89.6), anyLon, uniform(0, 100_000)],
  antimeridian: [
    uniform(-20, -19),
    fc.oneof(uniform(179.8, 180), uniform(-180, -179.8)),
    uniform(0, 30_000),
  ],
  borders: [
    fc.integer({ min: 1190, max: 1210 }).map((k) => k * CELL),
    fc.integer({ min: 490, max: 510 }).map((k) => k * CELL),
    uniform(0, 10_000),
  ],
};

type Command =
  | { op: 'update'; id: number; lat: number; lon: number }
  | { op: 'remove'; id: number }
  | { op: 'near'; lat: number; lon: number; radius: number };

function commands(region: keyof typeof REGIONS): fc.Arbitrary<Command[]> {
  const [lat, lon, radius] = REGIONS[region]!;
  const id = fc.integer({ min: 0, max: 300 });
  const command: fc.Arbitrary<Command> = fc.oneof(
    { arbitrary: fc.record({ op: fc.constant('update' as const), id, lat, lon }), weight: 6 },
    { arbitrary: fc.record({ op: fc.constant('remove' as const), id }), weight: 1 },
    { arbitrary: fc.record({ op: fc.constant('near' as const), lat, lon, radius }), weight: 3 },
  );
  return fc.array(command, { minLength: 1, maxLength: 300 });
}

/** Points close to an earlier one: vessels that move a little, across cell borders. */
function jitter(commands: Command[]): Command[] {
  const out: Command[] = [];
  for (const c of commands) {
    out.push(c);
    if (c.op === 'update') {
      out.push({ op: 'near', lat: Math.max(-90, Math.min(90, c.lat + 0.01)), lon: normaliseLongitude(c.lon - 0.01), radius: 5000 });
      // At the very point (a vessel looking for its neighbours), with a small radius and none.
      out.push({ op: 'near', lat: c.lat, lon: c.lon, radius: c.id % 2 === 0 ? 1000 : 0 });
    }
  }
  return out;
}

test('near agrees with a linear scan over last positions, through moves and removals', () => {
  fc.assert(
    fc.property(fc.constantFrom(...Object.keys(REGIONS)).chain(commands).map(jitter), fc.constantFrom(CELL, 0.01, 1), (script, cellDegrees) => {
      const grid = new CellGrid({ cellDegrees, initialIds: 4 });
      const model = new Map<number, [number, number]>();
      const out: number[] = [];
      for (const c of script) {
        if (c.op === 'update') {
          grid.update(c.id, c.lat, c.lon);
          model.set(c.id, [c.lat, c.lon]);
        } else if (c.op === 'remove') {
          assert.equal(grid.remove(c.id), model.delete(c.id));
        } else {
          const n = grid.near(c.lat, c.lon, c.radius, out);
          const expected = [...model].filter(([, [lat, lon]]) => haversineMetres(c.lat, c.lon, lat, lon) <= c.radius).map(([k]) => k);
          assert.deepEqual(out.slice(0, n).sort((a, b) => a - b), expected.sort((a, b) => a - b), JSON.stringify(c));
        }
        assert.equal(grid.size, model.size);
      }
    }),
    { numRuns: 200 },
  );
});

test('many vessels: the table grows and sheds emptied cells, answers stay exact', () => {
  let seed = 42;
  const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
  const grid = new CellGrid({ cellDegrees: 0.01 });
  const model = new Map<number, [number, number]>();
  const out: number[] = [];
  for (let step = 0; step < 60_000; step++) {
    const vessel = Math.floor(random() * 2000);
    // A fleet spread over the Gulf of Finland, each vessel drifting east over the steps.
    const lat = 59.3 + 0.9 * random(), lon = 22 + 8 * random() + step * 1e-4;
    grid.update(vessel, lat, normaliseLongitude(lon));
    model.set(vessel, [lat, normaliseLongitude(lon)]);
    if (step % 500 === 0) {
      const [qlat, qlon] = [59.3 + 0.9 * random(), normaliseLongitude(22 + 8 * random() + step * 1e-4)];
      const n = grid.near(qlat, qlon, 10_000, out);
      const expected = [...model].filter(([, [a, b]]) => haversineMetres(qlat, qlon, a, b) <= 10_000).map(([k]) => k);
      assert.deepEqual(out.slice(0, n).sort((a, b) => a - b), expected.sort((a, b) => a - b));
    }
  }
  assert.equal(grid.size, model.size);
});

test('ids and positions that are bugs in the caller throw', () => {
  const grid = new CellGrid();
  assert.throws(() => grid.update(-1, 0, 0), RangeError);
  assert.throws(() => grid.update(1.5, 0, 0), RangeError);
  assert.throws(() => grid.update(MAX_CELL_GRID_ID + 1, 0, 0), RangeError);
  assert.throws(() => grid.update(1, Number.NaN, 0), RangeError);
  assert.throws(() => grid.update(1, 91, 0), RangeError);
  assert.throws(() => new CellGrid({ cellDegrees: 0.001 }), RangeError);
  assert.equal(grid.remove(5), false);
  grid.update(5, 10, 190);
  assert.equal(grid.has(5), true);
  const out: number[] = [];
  assert.equal(grid.near(10, -170, 1, out), 1, 'longitude 190 is -170');
});
