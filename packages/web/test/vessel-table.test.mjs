import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { allocateFrame } from '@tidewatch/protocol';
import { importSource } from './support/import-source.mjs';

const { VesselTable } = await importSource('live/vessel-table.ts');
const { CLASS_RGBA, shipClassIndex } = await importSource('map/ship-types.ts');

/** A frame from plain rows: { mmsi, lat, lon, sog, cog, heading, age, shipType }. */
function frameOf(rows, time, snapshot) {
  const { columns: c } = allocateFrame(rows.length, time, snapshot);
  rows.forEach((r, i) => {
    c.mmsi[i] = r.mmsi;
    c.lat[i] = r.lat;
    c.lon[i] = r.lon;
    c.sog[i] = r.sog ?? NaN;
    c.cog[i] = r.cog ?? NaN;
    c.heading[i] = r.heading ?? NaN;
    c.age[i] = r.age ?? 0;
    c.shipType[i] = r.shipType ?? 0;
    c.navStatus[i] = 15;
  });
  return c;
}

/** The table's vessels as plain objects keyed by MMSI, read back through the render columns too. */
function contents(t) {
  const out = new Map();
  for (let i = 0; i < t.count; i++) {
    assert.equal(t.slotOf(t.mmsi[i]), i, 'slot index agrees with the column');
    assert.equal(t.positions[2 * i], t.lon[i]);
    assert.equal(t.positions[2 * i + 1], t.lat[i]);
    out.set(t.mmsi[i], { lat: t.lat[i], lon: t.lon[i], time: t.time[i], shipType: t.shipType[i] });
  }
  return out;
}

test('a snapshot replaces the picture, a delta updates only the vessels it carries', () => {
  const t = new VesselTable(2);
  t.applyFrame(frameOf([{ mmsi: 1, lat: 1, lon: 10 }, { mmsi: 2, lat: 2, lon: 20 }, { mmsi: 3, lat: 3, lon: 30 }], 1000, true));
  assert.deepEqual([...contents(t).keys()].sort(), [1, 2, 3]);
  t.applyFrame(frameOf([{ mmsi: 2, lat: 2.5, lon: 20.5 }], 2000, false));
  const afterDelta = contents(t);
  assert.equal(afterDelta.size, 3);
  assert.equal(afterDelta.get(2).lat, 2.5);
  assert.equal(afterDelta.get(1).lat, 1);
  t.applyFrame(frameOf([{ mmsi: 3, lat: 3, lon: 30 }, { mmsi: 4, lat: 4, lon: 40 }], 3000, true));
  assert.deepEqual([...contents(t).keys()].sort(), [3, 4]);
});

test('the time of a position is the frame time less its age', () => {
  const t = new VesselTable();
  t.applyFrame(frameOf([{ mmsi: 7, lat: 0, lon: 0, age: 12.5 }], 100_000, true));
  assert.equal(t.time[t.slotOf(7)], 100_000 - 12_500);
});

test('vessels point along heading, else course, else are dots', () => {
  const t = new VesselTable();
  t.applyFrame(frameOf([
    { mmsi: 1, lat: 0, lon: 0, heading: 90, cog: 45 },
    { mmsi: 2, lat: 0, lon: 0, cog: 45 },
    { mmsi: 3, lat: 0, lon: 0 },
  ], 0, true));
  const at = (m) => t.slotOf(m);
  // deck.gl turns icons counter-clockwise; headings run clockwise.
  assert.equal(t.angles[at(1)], -90);
  assert.equal(t.angles[at(2)], -45);
  assert.equal(t.pointed[at(1)], 1);
  assert.equal(t.pointed[at(2)], 1);
  assert.equal(t.pointed[at(3)], 0);
});

test('each vessel is coloured by its ship class', () => {
  const t = new VesselTable();
  const types = [0, 30, 52, 60, 70, 84, 37, 99];
  t.applyFrame(frameOf(types.map((shipType, i) => ({ mmsi: i + 1, lat: 0, lon: 0, shipType })), 0, true));
  for (const [i, type] of types.entries()) {
    const slot = t.slotOf(i + 1);
    const k = shipClassIndex(type) * 4;
    assert.deepEqual([...t.colours.subarray(slot * 4, slot * 4 + 4)], [...CLASS_RGBA.subarray(k, k + 4)], `type ${type}`);
  }
  assert.notDeepEqual([...t.colours.subarray(t.slotOf(5) * 4, t.slotOf(5) * 4 + 3)], [...t.colours.subarray(t.slotOf(6) * 4, t.slotOf(6) * 4 + 3)], 'cargo and tanker differ');
});

test('any sequence of frames leaves the table equal to a plain map of the latest reports', () => {
  const row = fc.record({ mmsi: fc.integer({ min: 1, max: 40 }), lat: fc.float({ min: -80, max: 80, noNaN: true }), lon: fc.float({ min: -179, max: 179, noNaN: true }), shipType: fc.integer({ min: 0, max: 99 }) });
  const frames = fc.array(fc.record({ rows: fc.uniqueArray(row, { selector: (r) => r.mmsi, maxLength: 30 }), snapshot: fc.boolean() }), { maxLength: 25 });
  fc.assert(
    fc.property(frames, (list) => {
      const t = new VesselTable(4);
      const model = new Map();
      list.forEach(({ rows, snapshot }, k) => {
        const f = frameOf(rows, k * 1000, snapshot);
        t.applyFrame(f);
        if (snapshot) model.clear();
        rows.forEach((r, i) => model.set(r.mmsi, { lat: f.lat[i], lon: f.lon[i], time: k * 1000, shipType: r.shipType }));
      });
      assert.deepEqual(contents(t), model);
    }),
  );
});

test('only positions whose time changed are passed on to the history', () => {
  const t = new VesselTable();
  const seen = [];
  const sink = { append: (time, mmsi) => seen.push([mmsi, time]) };
  t.applyFrame(frameOf([{ mmsi: 1, lat: 0, lon: 0 }, { mmsi: 2, lat: 0, lon: 0 }], 1000, true), sink);
  // Vessel 1 has not reported again: same position time (age grew by the frame interval).
  t.applyFrame(frameOf([{ mmsi: 1, lat: 0, lon: 0, age: 1 }, { mmsi: 2, lat: 1, lon: 1 }], 2000, true), sink);
  assert.deepEqual(seen, [[1, 1000], [2, 1000], [2, 2000]]);
});

test('a report sent again with its float32 age rounded differently is still the same report', () => {
  const t = new VesselTable();
  const seen = [];
  const sink = { append: (time, mmsi) => seen.push([mmsi, time]) };
  const frameTime = 1_527_811_200_000;
  t.applyFrame(frameOf([{ mmsi: 5, lat: 1, lon: 1, age: 3600.1 }], frameTime, true), sink);
  t.applyFrame(frameOf([{ mmsi: 5, lat: 1, lon: 1, age: 3610.1 }], frameTime + 10_000, true), sink);
  assert.equal(seen.length, 1);
  assert.equal(t.time[t.slotOf(5)], seen[0][1]);
});
