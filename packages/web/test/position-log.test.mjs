import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { importSource } from './support/import-source.mjs';

const { PositionLog } = await importSource('timeline/position-log.ts');
const { VesselTable } = await importSource('live/vessel-table.ts');

const report = fc.record({
  t: fc.integer({ min: 0, max: 100_000 }),
  mmsi: fc.integer({ min: 1, max: 12 }),
  lat: fc.integer({ min: -80, max: 80 }),
  lon: fc.integer({ min: -170, max: 170 }),
});

/** Brute force: per vessel, the latest report at or before `time` and not older than `maxAge`. */
function oracle(reports, time, maxAge) {
  const best = new Map();
  for (const r of reports) {
    if (r.t > time || r.t < time - maxAge) continue;
    const b = best.get(r.mmsi);
    if (!b || r.t >= b.t) best.set(r.mmsi, r);
  }
  return new Map([...best].map(([m, r]) => [m, { t: r.t, lat: r.lat, lon: r.lon }]));
}

function picture(table) {
  const out = new Map();
  for (let i = 0; i < table.count; i++) out.set(table.mmsi[i], { t: table.time[i], lat: table.lat[i], lon: table.lon[i] });
  return out;
}

test('the picture at any time is each vessel\'s last report by then, within the age limit', () => {
  fc.assert(
    fc.property(fc.array(report, { maxLength: 120 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 50_000 }), (reports, time, maxAge) => {
      // Same vessel, same time: keep one, as a transponder sends one position at a time.
      const unique = [...new Map(reports.map((r) => [`${r.mmsi}:${r.t}`, r])).values()];
      const log = new PositionLog(1024);
      for (const r of unique) log.append(r.t, r.mmsi, r.lat, r.lon, NaN, NaN, NaN, 0);
      const table = new VesselTable(4);
      log.pictureAt(time, maxAge, table);
      assert.deepEqual(picture(table), oracle(unique, time, maxAge));
    }),
  );
});

test('when full, the log forgets its oldest rows and its earliest time moves on', () => {
  const log = new PositionLog(4);
  for (let k = 0; k < 6; k++) log.append(k * 1000, 100 + k, k, k, NaN, NaN, NaN, 0);
  assert.equal(log.size, 4);
  assert.equal(log.earliest, 2000);
  assert.equal(log.latest, 5000);
  const table = new VesselTable();
  log.pictureAt(5000, 10_000, table);
  assert.deepEqual([...picture(table).keys()].sort(), [102, 103, 104, 105]);
});

test('a vessel\'s track is its reports in the window, oldest first', () => {
  const log = new PositionLog(64);
  for (let k = 0; k < 10; k++) {
    log.append(k * 1000, 1, k, -k, NaN, NaN, NaN, 0);
    log.append(k * 1000 + 500, 2, 50, 50, NaN, NaN, NaN, 0);
  }
  const { path, times } = log.trackOf(1, 2000, 5000);
  assert.deepEqual(times, [2000, 3000, 4000, 5000]);
  assert.deepEqual(path, [[-2, 2], [-3, 3], [-4, 4], [-5, 5]]);
});
