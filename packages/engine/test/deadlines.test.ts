import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtInProfile, createEngine, emptyStatic, parseProfile, type Observation } from '../src/index.js';

const gfw = builtInProfile('gfw-2018')!;
const T0 = Date.parse('2018-06-01T00:00:00Z');
const at = (minutes: number, seconds = 0): number => T0 + (minutes * 60 + seconds) * 1000;

function position(mmsi: number, t: number): Observation {
  return { kind: 'position', t, mmsi, lat: 34.2, lon: -119.9 + mmsi * 1e-9, sog: 0, cog: 0, heading: NaN, navStatus: 1, source: 1 };
}

test('a silent vessel is evicted at the first tick past the eviction period after it was last heard, not before', () => {
  const parsed = parseProfile({ ...gfw, tracks: { ...gfw.tracks, evictAfterS: 600 } });
  assert.ok(parsed.ok);
  const engine = createEngine({ profile: parsed.profile });
  const emit = (): void => {};
  // In time order, as the engine takes them.
  engine.push(position(244000001, at(0, 10)), emit); // due after 00:10:10: the tick at 00:11
  engine.push(position(244000003, at(0, 10)), emit);
  engine.push(position(244000004, at(0, 30)), emit);
  engine.push(position(244000002, at(1)), emit); // due after 00:11:00 exactly: the tick at 00:12, not 00:11
  engine.push(emptyStatic(at(5), 244000004), emit); // static data is a sign of life too: the tick at 00:16
  engine.push(position(244000003, at(9, 59)), emit); // heard again: due after 00:19:59, the tick at 00:20
  const evictedBy: Record<number, number> = {};
  // Each step runs the ticks up to minute m (the reorder window of 30 s released first).
  for (let m = 1; m <= 25; m++) {
    engine.advance(at(m, 30), emit);
    for (const mmsi of [244000001, 244000002, 244000003, 244000004]) if (engine.vessel(mmsi) === undefined) evictedBy[mmsi] ??= m;
  }
  assert.deepEqual(evictedBy, { 244000001: 11, 244000002: 12, 244000003: 20, 244000004: 16 });
  assert.equal(engine.stats().evicted, 4);
});

test('a loitering run whose vessel turns fast and falls silent ends at the first tick past the fast spell allowed, live', () => {
  // No layers: no port or shore to keep the run from counting.
  const engine = createEngine({ profile: gfw });
  const { maxFastS } = gfw.detectors.loitering as { maxFastS: number };
  const closed: number[] = [];
  const emit = (e: { type: string; open?: boolean }): void => {
    if (e.type === 'loitering' && e.open !== true) closed.push(clock);
  };
  let clock = 0;
  const report = (t: number, sog: number): void => {
    clock = t;
    engine.push({ kind: 'position', t, mmsi: 244000009, lat: 33.0, lon: -121.5, sog, cog: 90, heading: NaN, navStatus: 0, source: 1 }, emit);
  };
  // Three hours drifting at half a knot (a confirmed run), then one report at 10 kn, then nothing.
  for (let m = 0; m <= 180; m++) report(at(m), 0.5);
  const fast = at(181, 15);
  report(fast, 10);
  for (let m = 182; m <= 260 && closed.length === 0; m++) {
    clock = at(m, 30);
    engine.advance(clock, emit);
  }
  // The tick that ends it is the first after fast + maxFastS; the clock releases it 30 s (the reorder window) later.
  const firstTickPast = Math.floor((fast + maxFastS * 1000) / 60_000 + 1) * 60_000;
  assert.deepEqual(closed, [firstTickPast + 30_000]);
});
