import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { builtInProfile, createEngine, emptyStatic, type PositionObservation } from '../src/index.js';
import { IDENTITY_HISTORY_LIMIT } from '../src/track/identity.js';
import { TrackTable } from '../src/track/track-table.js';

const position = (t: number, lat: number, lon: number, sog = 1): PositionObservation => ({
  kind: 'position', t, mmsi: 244000001, lat, lon, sog, cog: 90, heading: NaN, navStatus: 0, source: 1,
});

test('the history ring keeps the last N positions, oldest first, to 1e-7 degree and 0.1 kn', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.tuple(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), fc.integer({ min: 0, max: 300 })), { maxLength: 100 }), (n, points) => {
      const table = new TrackTable(n, 2);
      const slot = table.open(1, 0);
      points.forEach(([lat, lon, sog], i) => table.append(slot, position(i * 1000, lat, lon, sog / 10)));
      const history = table.history(slot);
      const expected = points.slice(-n);
      assert.equal(history.length, expected.length);
      history.forEach((p, i) => {
        const [lat, lon, sog] = expected[i]!;
        assert.equal(p.t, (points.length - expected.length + i) * 1000);
        assert.ok(Math.abs(p.lat - lat) <= 1e-7 && Math.abs(p.lon - lon) <= 1e-7);
        assert.equal(p.sog, sog / 10);
      });
    }),
  );
});

test('slots are reused after close, and the table grows past its first capacity', () => {
  const table = new TrackTable(4, 2);
  const grown: number[] = [];
  table.onGrow((c) => grown.push(c));
  const slots = [1, 2, 3, 4, 5].map((m) => table.open(m, 0));
  assert.deepEqual(slots, [0, 1, 2, 3, 4]);
  assert.deepEqual(grown, [4, 8]);
  table.close(1);
  assert.equal(table.slotOf(2), -1);
  assert.equal(table.open(99, 0), 1);
  assert.equal(table.slotOf(99), 1);
  assert.equal(table.size, 5);
});

test('a table without history keeps the last position and answers an empty history', () => {
  const table = new TrackTable(0, 2);
  const slot = table.open(1, 0);
  for (let i = 0; i < 5; i++) table.append(slot, position(i * 1000, 60 + i / 100, 25, 3));
  assert.deepEqual(table.history(slot), []);
  assert.equal(table.lastT(slot), 4000);
  assert.equal(table.lat(slot), 60.04);
  assert.equal(table.positions(slot), 5);
  assert.throws(() => new TrackTable(-1), /outside 0\.\.4096/);
});

test('identity merges types 5/24 field by field and keeps a bounded history of changes', () => {
  const engine = createEngine({ profile: builtInProfile()! });
  const emit = (): void => {};
  const named = (t: number, name: string, callsign = '') => Object.assign(emptyStatic(t, 244000001), { name, callsign });
  engine.push(named(1000, 'FIRST NAME'), emit);
  engine.push(named(2000, '', 'PDAB'), emit); // a part B: call sign only, name kept
  for (let i = 0; i < 12; i++) engine.push(named(3000 + i * 1000, `NAME ${i}`), emit);
  engine.push(position(20_000, 52, 4), emit);
  engine.finish(emit);
  const v = engine.vessel(244000001);
  assert.ok(v?.identity);
  assert.equal(v.identity.name, 'NAME 11');
  assert.equal(v.identity.callsign, 'PDAB');
  assert.equal(v.identity.changes.length, IDENTITY_HISTORY_LIMIT);
  // The newest change is last, with the time it was first seen; learning the call sign was not a change.
  assert.deepEqual(v.identity.changes.at(-1), { t: 14_000, field: 'name', from: 'NAME 10', to: 'NAME 11' });
  assert.ok(v.identity.changes.every((c) => c.field === 'name'));
  assert.equal(v.facts.flag, 'Netherlands (Kingdom of the)');
  assert.equal(v.positions, 1);
});

test('a repeated report (the same message heard by two receivers) is counted once', () => {
  const engine = createEngine({ profile: builtInProfile()! });
  const emit = (): void => {};
  engine.push(position(1000, 52, 4), emit);
  engine.push(position(1000, 52, 4), emit);
  engine.push(position(11_000, 52.001, 4), emit);
  engine.finish(emit);
  assert.equal(engine.stats().duplicates, 1);
  assert.equal(engine.vessel(244000001)?.positions, 2);
});

test('observations the engine cannot use are rejected and counted, not thrown', () => {
  const engine = createEngine({ profile: builtInProfile()! });
  const emit = (): void => {};
  engine.push(position(NaN, 52, 4), emit);
  engine.push(position(1000, 95, 4), emit);
  engine.push({ ...position(1000, 52, 4), mmsi: -5 }, emit);
  assert.equal(engine.stats().rejected, 3);
  engine.finish(emit);
  assert.throws(() => engine.push(position(2000, 52, 4), emit), /after finish/);
});

test('an engine with every detector switched off still tracks vessels (no hook of any kind to call)', () => {
  const gfw = builtInProfile()!;
  const off = { ...gfw, detectors: Object.fromEntries(Object.keys(gfw.detectors).map((k) => [k, false])) } as unknown as typeof gfw;
  const engine = createEngine({ profile: off });
  const events: unknown[] = [];
  // Vessels far apart in slot order (ten thousand of them) so that their state is read ahead too.
  // Opened in one order, reporting in another (MMSI order within each second).
  for (let k = 0; k < 3; k++) {
    for (let m = 0; m < 10_000; m++) {
      const mmsi = 200_000_000 + (k === 0 ? (m * 7919) % 10_000 : m);
      engine.push({ ...position(1_600_000_000_000 + k * 10_000, 10 + (mmsi % 10_000) / 1e3, 20), mmsi }, (e) => void events.push(e));
    }
  }
  engine.finish((e) => void events.push(e));
  assert.deepEqual(events, []);
  assert.equal(engine.stats().vessels, 10_000);
  assert.equal(engine.stats().positions, 30_000);
});
