import { test } from 'node:test';
import assert from 'node:assert/strict';
import { destinationPoint } from '@tidewatch/geo';
import { anchorageIndex } from '../../src/index.js';
import { hours, minutes, Sea } from './sea.js';
import { finalEvents, ofType, replay } from './replay.js';

const START = '2019-07-10T00:00:00Z';
const t0 = Date.parse(START);
const CARRIER = 636012345;

/** A carrier steams for an hour, drifts for `drift` seconds at `knots`, then steams on. */
function carrierDrifting(drift: number, knots: number) {
  const sea = new Sea(START);
  sea.vessel({ mmsi: CARRIER, name: 'COLD STAR', shipType: 70 }).from(4.5, 2.5).steam(270, 12, hours(1)).loiter(drift, { knots }).steam(270, 12, hours(1));
  return sea;
}

test('loitering fires: a carrier drifts at 0.5 kn for 3 h in open water', () => {
  const events = ofType(replay(carrierDrifting(hours(3), 0.5).nmea()), 'loitering');
  const closed = finalEvents(events).filter((e) => e.open !== true);
  assert.equal(closed.length, 1, JSON.stringify(events, null, 1));
  const e = closed[0]!;
  assert.deepEqual(e.mmsi, [CARRIER]);
  assert.ok(Math.abs(Date.parse(e.start) - (t0 + hours(1) * 1000)) <= minutes(1) * 1000, e.start);
  assert.ok(Math.abs(Date.parse(e.end) - (t0 + hours(4) * 1000)) <= minutes(1) * 1000, e.end);
  assert.ok(e.details.meanSpeedKn > 0.4 && e.details.meanSpeedKn < 0.6, String(e.details.meanSpeedKn));
  assert.ok(e.details.durationS >= hours(2.9));
  assert.equal(e.details.thresholds.maxMeanSpeedKn, 2);
  // 3 h of reports every 10 s.
  assert.ok(e.details.messages > 1000 && e.details.messages < 1100, String(e.details.messages));
  // Drifting 0.5 kn for 3 h covers 1.5 nm: the farthest report is under 2 km from the mean.
  assert.ok(e.details.radiusM > 1000 && e.details.radiusM < 2000, String(e.details.radiusM));
  const open = events.filter((x) => x.open === true);
  assert.equal(open.length, 1);
  assert.equal(open[0]!.id, e.id);
});

test('loitering near-miss: 90 minutes of drifting is too short, 3 kn too fast', () => {
  assert.deepEqual(ofType(replay(carrierDrifting(minutes(90), 0.5).nmea()), 'loitering'), []);
  assert.deepEqual(ofType(replay(carrierDrifting(hours(3), 3).nmea()), 'loitering'), []);
});

test('loitering near-miss: the same drift 10 km from an anchorage is a vessel waiting off port', () => {
  const sea = carrierDrifting(hours(3), 0.5);
  const drift = sea.voyages[0]!.legs[1]!;
  const anchorage = destinationPoint(drift.lat, drift.lon, 180, 10_000);
  assert.deepEqual(ofType(replay(sea.nmea(), { layers: { anchorages: anchorageIndex([anchorage]) } }), 'loitering'), []);
});

test('loitering: a short burst of speed does not split the episode, a long one does', () => {
  for (const [burst, expected] of [
    [minutes(5), 1],
    [minutes(30), 2],
  ] as const) {
    const sea = new Sea(START);
    sea.vessel({ mmsi: CARRIER }).from(4.5, 2.5).loiter(hours(2.5)).steam(90, 8, burst).loiter(hours(2.5));
    const closed = finalEvents(ofType(replay(sea.nmea()), 'loitering'));
    assert.equal(closed.length, expected, `burst of ${burst / 60} min`);
  }
});
