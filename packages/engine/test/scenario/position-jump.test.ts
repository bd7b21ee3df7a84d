import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hours, minutes, Sea } from './sea.js';
import { ofType, replay } from './replay.js';

const START = '2021-03-15T06:00:00Z';
const TANKER = 538001234;

test('position_jump fires: the reported position teleports 60 km and carries on from there', () => {
  const sea = new Sea(START);
  sea.vessel({ mmsi: TANKER, name: 'OCEAN GRACE' }).from(26.0, 56.0).steam(90, 12, hours(1)).displace(0.55, 0).steam(90, 12, hours(1));
  const events = replay(sea.nmea());
  const jumps = ofType(events, 'position_jump');
  assert.equal(jumps.length, 1, JSON.stringify(events, null, 1));
  const e = jumps[0]!;
  assert.deepEqual(e.mmsi, [TANKER]);
  assert.equal(e.details.returns, 0);
  assert.ok(Math.abs(e.details.distanceM - 61_000) < 1500, String(e.details.distanceM));
  // 61 km in the 10 s between reports.
  assert.ok(e.details.impliedSpeedKn > 5000, String(e.details.impliedSpeedKn));
  assert.ok(e.details.to.lat - e.details.from.lat > 0.5);
  assert.equal(e.details.station.flag, 'Marshall Islands (Republic of the)');
  assert.equal(e.details.station.valid, true);
  assert.deepEqual(ofType(events, 'identity_conflict'), []);
});

test('position_jump fires once for a single bad fix, with one return', () => {
  const sea = new Sea(START);
  sea.vessel({ mmsi: TANKER }).from(26.0, 56.0).steam(90, 12, minutes(30)).badFix(25.0, 57.5).steam(90, 12, minutes(30));
  const jumps = ofType(replay(sea.nmea()), 'position_jump');
  assert.equal(jumps.length, 1);
  assert.equal(jumps[0]!.details.returns, 1);
  assert.ok(Math.abs(jumps[0]!.details.to.lat - 25.0) < 1e-3);
});

test('position_jump near-miss: a 38 kn fast ferry and 300 m of GNSS noise are not jumps', () => {
  const sea = new Sea(START);
  sea.vessel({ mmsi: 257123000, name: 'EXPRESS', reportEveryS: 2 }).from(58.9, 10.0).steam(180, 38, hours(1));
  const noisy = sea.vessel({ mmsi: 257456000, reportEveryS: 10 }).from(58.0, 10.5).wait(minutes(20));
  noisy.badFix(58.0027, 10.5).wait(minutes(20));
  assert.deepEqual(ofType(replay(sea.nmea()), 'position_jump'), []);
});
