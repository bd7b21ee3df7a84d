import { test } from 'node:test';
import assert from 'node:assert/strict';
import { destinationPoint, METRES_PER_SECOND_PER_KNOT } from '@tidewatch/geo';
import { anchorageIndex, builtInProfile, type Profile } from '../../src/index.js';
import { hours, minutes, Sea } from './sea.js';
import { finalEvents, ofType, replay } from './replay.js';

const START = '2018-04-01T12:00:00Z';
const t0 = Date.parse(START);
const REEFER = 244123000;
const FISHER = 244456000;

function profile(id: string): Profile {
  const p = builtInProfile(id);
  assert.ok(p, id);
  return p;
}

/** Where a vessel leaving (lat, lon) on `course` at `knots` is after `seconds`. */
function ahead(lat: number, lon: number, course: number, knots: number, seconds: number) {
  return destinationPoint(lat, lon, course, knots * METRES_PER_SECOND_PER_KNOT * seconds);
}

/**
 * A reefer steams east for an hour, then drifts for `alongside` seconds; a
 * fishing vessel comes up from the south and lies `apartM` metres east of it,
 * drifting the same way; then both leave.
 */
function meetingAtSea(alongside: number, apartM: number) {
  const sea = new Sea(START);
  const meet = ahead(-5, 10, 90, 10, hours(1));
  const beside = destinationPoint(meet.lat, meet.lon, 90, apartM);
  const south = ahead(beside.lat, beside.lon, 180, 8, hours(1));
  sea.vessel({ mmsi: REEFER, name: 'REEFER ONE', shipType: 70 }).from(-5, 10).steam(90, 10, hours(1)).loiter(alongside).steam(90, 10, hours(1));
  sea.vessel({ mmsi: FISHER, name: 'FISHER TWO', shipType: 30 }).from(south.lat, south.lon).steam(0, 8, hours(1)).loiter(alongside).steam(270, 9, hours(1));
  return { sea, meet };
}

test('encounter fires: two vessels drift 100 m apart for 3 h at sea (gfw-2018)', () => {
  const { sea } = meetingAtSea(hours(3), 100);
  const events = replay(sea.nmea());
  const encounters = ofType(events, 'encounter');
  const closed = encounters.filter((e) => e.open !== true);
  assert.equal(closed.length, 1, JSON.stringify(encounters, null, 1));
  const e = closed[0]!;
  assert.deepEqual(e.mmsi, [REEFER, FISHER]);
  assert.deepEqual(e.profile, { id: 'gfw-2018', version: '1' });
  // Alongside from 1 h to 4 h after the start; closeness begins a minute or so before they stop.
  const start = Date.parse(e.start);
  const end = Date.parse(e.end);
  assert.ok(Math.abs(start - (t0 + hours(1) * 1000)) <= minutes(5) * 1000, e.start);
  assert.ok(Math.abs(end - (t0 + hours(4) * 1000)) <= minutes(5) * 1000, e.end);
  assert.equal(e.id, `encounter:${REEFER}-${FISHER}:${e.start.replace(/[-:]/g, '')}:gfw-2018`);
  assert.ok(e.details.minDistanceM >= 80 && e.details.minDistanceM <= 120, String(e.details.minDistanceM));
  assert.ok(e.details.medianSpeedKn !== null && e.details.medianSpeedKn < 2);
  assert.equal(e.details.thresholds.maxDistanceM, 500);
  // About three hours of reports every 10 s from each.
  for (const m of e.details.messages) assert.ok(m > 900 && m < 1200, String(m));
  // Announced while still going on, with the same id.
  const open = encounters.filter((x) => x.open === true);
  assert.equal(open.length, 1);
  assert.equal(open[0]!.id, e.id);
  assert.ok(Date.parse(open[0]!.end) - start >= hours(2) * 1000);
});

test('encounter near-miss: two ships pass at 14 kn within 200 m (both profiles)', () => {
  const sea = new Sea(START);
  // Head-on on parallel tracks 150 m apart, meeting after an hour.
  const west = { lat: 0, lon: 0 };
  const east = ahead(0, 0, 90, 28, hours(1));
  const eastOffset = destinationPoint(east.lat, east.lon, 0, 150);
  sea.vessel({ mmsi: REEFER }).from(west.lat, west.lon).steam(90, 14, hours(2));
  sea.vessel({ mmsi: FISHER }).from(eastOffset.lat, eastOffset.lon).steam(270, 14, hours(2));
  const lines = sea.nmea();
  for (const id of ['gfw-2018', 'rendezvous-fast']) {
    const events = replay(lines, { profile: profile(id) });
    assert.deepEqual(ofType(events, 'encounter'), [], id);
  }
});

test('encounter near-miss: the same meeting 5 km from an anchorage does not count', () => {
  const { sea, meet } = meetingAtSea(hours(3), 100);
  const anchorage = destinationPoint(meet.lat, meet.lon, 0, 5000);
  const events = replay(sea.nmea(), { layers: { anchorages: anchorageIndex([anchorage]) } });
  assert.deepEqual(ofType(events, 'encounter'), []);
  // ... while 20 km away it still does (the layer is honoured, not ignored).
  const far = destinationPoint(meet.lat, meet.lon, 0, 20_000);
  const again = replay(meetingAtSea(hours(3), 100).sea.nmea(), { layers: { anchorages: anchorageIndex([far]) } });
  const closed = finalEvents(ofType(again, 'encounter'));
  assert.equal(closed.length, 1);
  assert.ok(closed[0]!.details.nearestAnchorageM !== null && Math.abs(closed[0]!.details.nearestAnchorageM - 20_000) < 1000);
});

test('rendezvous-fast fires on 40 min alongside under way, which gfw-2018 does not count', () => {
  const sea = new Sea(START);
  const side = destinationPoint(10, 60, 0, 200);
  // Two ships steaming together at 6 kn, 200 m apart, for 40 minutes, then parting.
  sea.vessel({ mmsi: REEFER }).from(10, 60).steam(90, 6, minutes(40)).steam(180, 12, hours(1));
  sea.vessel({ mmsi: FISHER }).from(side.lat, side.lon).steam(90, 6, minutes(40)).steam(0, 12, hours(1));
  const lines = sea.nmea();
  const fast = finalEvents(ofType(replay(lines, { profile: profile('rendezvous-fast') }), 'encounter'));
  assert.equal(fast.length, 1);
  assert.deepEqual(fast[0]!.profile, { id: 'rendezvous-fast', version: '1' });
  assert.ok(fast[0]!.details.durationS >= minutes(30));
  assert.deepEqual(ofType(replay(lines, { profile: profile('gfw-2018') }), 'encounter'), []);
});

test('encounter: meetings less than 4 h apart merge into one (gfw-2018), further apart stay two', () => {
  for (const [pause, expected] of [
    [hours(3), 1],
    [hours(6), 2],
  ] as const) {
    const sea = new Sea(START);
    const side = destinationPoint(-20, -30, 90, 100);
    // Alongside 2.5 h, apart (one leaves and comes back), alongside 2.5 h again.
    sea.vessel({ mmsi: REEFER }).from(-20, -30).wait(hours(2.5)).wait(pause).wait(hours(2.5));
    const away = (pause - minutes(20)) / 2;
    sea.vessel({ mmsi: FISHER }).from(side.lat, side.lon).wait(hours(2.5)).steam(0, 10, away).wait(minutes(20)).steam(180, 10, away).wait(hours(2.5));
    const closed = finalEvents(ofType(replay(sea.nmea()), 'encounter'));
    assert.equal(closed.length, expected, `pause ${pause / 3600} h`);
    if (expected === 1) assert.equal(closed[0]!.details.runs, 2);
  }
});

test('encounter: when the pair speeds up together, the event keeps the longest part whose median speed stayed below 2 kn', () => {
  // Alongside and still for 2.5 h, then steaming east together at 6 kn, 100 m apart, for 4 h.
  // The median of the pair's speeds stays below 2 kn while more than half the samples are the
  // slow ones: for about 2.5 h into the passage. The encounter is that prefix, about 5 h, not
  // the whole 6.5 h the pair was close.
  const sea = new Sea(START);
  const side = destinationPoint(-20, -30, 90, 100);
  sea.vessel({ mmsi: REEFER }).from(-20, -30).wait(hours(2.5)).steam(90, 6, hours(4)).steam(0, 12, hours(1));
  sea.vessel({ mmsi: FISHER }).from(side.lat, side.lon).wait(hours(2.5)).steam(90, 6, hours(4)).steam(180, 12, hours(1));
  const closed = finalEvents(ofType(replay(sea.nmea()), 'encounter'));
  assert.equal(closed.length, 1, JSON.stringify(closed, null, 1));
  const e = closed[0]!;
  const start = Date.parse(e.start);
  const end = Date.parse(e.end);
  assert.ok(Math.abs(start - t0) <= minutes(2) * 1000, e.start);
  assert.ok(Math.abs(end - (t0 + hours(5) * 1000)) <= minutes(10) * 1000, e.end);
  assert.ok(Math.abs(e.details.durationS - hours(5)) <= minutes(10), String(e.details.durationS));
  assert.ok(e.details.medianSpeedKn !== null && e.details.medianSpeedKn < 2, String(e.details.medianSpeedKn));
  // Half the samples or a little more are the slow ones: the mean is near half of 6 kn.
  assert.ok(e.details.meanSpeedKn !== null && e.details.meanSpeedKn > 2 && e.details.meanSpeedKn < 3.5, String(e.details.meanSpeedKn));
});
