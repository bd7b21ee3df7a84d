import { test } from 'node:test';
import assert from 'node:assert/strict';
import { destinationPoint } from '@tidewatch/geo';
import { hours, minutes, Sea } from './sea.js';
import { finalEvents, ofType, replay } from './replay.js';

const START = '2020-02-01T00:00:00Z';
const t0 = Date.parse(START);
const DARK = 412000001;
const WITNESS_A = 412000002;
const WITNESS_B = 412000003;

/**
 * A vessel steams north for 2 h, goes silent for `dark` seconds while still
 * steaming at 10 kn, then reports again. With `witnesses`, two other vessels
 * lie near where it went quiet and near where it came back, reporting all along.
 */
function goingDark(dark: number, witnesses: boolean) {
  const sea = new Sea(START);
  const voyage = sea.vessel({ mmsi: DARK, name: 'SHADOW' }).from(30, 125).steam(0, 10, hours(2)).silence(dark, { course: 0, knots: 10 }).steam(0, 10, hours(2));
  if (witnesses) {
    const quiet = voyage.legs[1]!;
    const back = voyage.legs[2]!;
    const nearQuiet = destinationPoint(quiet.lat, quiet.lon, 90, 4000);
    const nearBack = destinationPoint(back.lat, back.lon, 270, 4000);
    const span = hours(4) + dark;
    sea.vessel({ mmsi: WITNESS_A, reportEveryS: 180 }).from(nearQuiet.lat, nearQuiet.lon).wait(span);
    sea.vessel({ mmsi: WITNESS_B, reportEveryS: 180 }).from(nearBack.lat, nearBack.lon).wait(span);
  }
  return sea;
}

test('ais_gap fires: 8 h silent while others are heard near both ends', () => {
  const gaps = ofType(replay(goingDark(hours(8), true).nmea()), 'ais_gap');
  assert.equal(gaps.length, 1, JSON.stringify(gaps, null, 1));
  const e = gaps[0]!;
  assert.equal(e.open, undefined);
  assert.deepEqual(e.mmsi, [DARK]);
  // Last report just before 2 h, next at 10 h.
  assert.ok(Math.abs(Date.parse(e.start) - (t0 + hours(2) * 1000)) <= 10_000, e.start);
  assert.ok(Math.abs(Date.parse(e.end) - (t0 + hours(10) * 1000)) <= 10_000, e.end);
  assert.ok(Math.abs(e.details.durationS - hours(8)) <= 20);
  // It kept steaming at 10 kn: 80 nm between last and next position.
  assert.ok(e.details.distanceM !== null && Math.abs(e.details.distanceM - 80 * 1852) < 500, String(e.details.distanceM));
  assert.ok(e.details.impliedSpeedKn !== null && Math.abs(e.details.impliedSpeedKn - 10) < 0.1);
  assert.ok(e.details.next !== null && e.details.next.lat > e.details.last.lat);
  const { last, next } = e.details.reception;
  assert.ok(last.buckets >= 6 && last.heard === last.buckets, JSON.stringify(last));
  assert.ok(next !== null && next.heard === next.buckets);
  assert.equal(e.lat, e.details.last.lat);
});

test('ais_gap near-miss: the same silence where no one else is heard is no gap', () => {
  assert.deepEqual(ofType(replay(goingDark(hours(8), false).nmea()), 'ais_gap'), []);
});

test('ais_gap near-miss: 5 h of silence is under the 6 h threshold', () => {
  assert.deepEqual(ofType(replay(goingDark(hours(5), true).nmea()), 'ais_gap'), []);
});

test('ais_gap: a vessel still dark when the data ends gives an open gap judged on its last position', () => {
  const sea = new Sea(START);
  const voyage = sea.vessel({ mmsi: DARK }).from(30, 125).steam(0, 10, hours(1)).silence(hours(9));
  const quiet = voyage.legs[1]!;
  const near = destinationPoint(quiet.lat, quiet.lon, 90, 3000);
  sea.vessel({ mmsi: WITNESS_A, reportEveryS: 300 }).from(near.lat, near.lon).wait(hours(10));
  const gaps = finalEvents(ofType(replay(sea.nmea()), 'ais_gap'));
  assert.equal(gaps.length, 1);
  const e = gaps[0]!;
  assert.equal(e.open, true);
  assert.equal(e.details.next, null);
  assert.equal(e.details.reception.next, null);
  assert.ok(e.details.durationS >= hours(8.9));
  assert.ok(Date.parse(e.end) - Date.parse(e.start) >= hours(8.9) * 1000);
  void minutes;
});
