import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hours, Sea } from './sea.js';
import { finalEvents, ofType, replay } from './replay.js';

const START = '2022-11-02T08:00:00Z';
const SHARED = 352001111;

test('identity_conflict fires: two ships 100 km apart transmit the same MMSI for an hour', () => {
  const sea = new Sea(START);
  sea.vessel({ mmsi: SHARED, name: 'STAR ONE', callsign: 'H3AB' }).from(1.2, 104.0).steam(45, 10, hours(1));
  // The second transmitter starts a few seconds later, so the reports interleave.
  sea.vessel({ mmsi: SHARED, name: 'STAR TWO', callsign: 'H3XY' }).from(1.2, 104.9).after(5).steam(225, 8, hours(1));
  const events = replay(sea.nmea());
  const conflicts = ofType(events, 'identity_conflict');
  const closed = finalEvents(conflicts).filter((e) => e.open !== true);
  assert.equal(closed.length, 1, JSON.stringify(conflicts.slice(0, 2), null, 1));
  const e = closed[0]!;
  assert.deepEqual(e.mmsi, [SHARED]);
  assert.equal(e.details.reason, 'two_positions');
  assert.ok(e.details.switches > 300, String(e.details.switches));
  assert.ok(e.details.separationM > 90_000 && e.details.separationM < 110_000, String(e.details.separationM));
  for (const place of e.details.places) assert.ok(place.reports > 300, String(place.reports));
  assert.deepEqual(e.details.names, ['STAR ONE', 'STAR TWO']);
  assert.deepEqual(e.details.callsigns, ['H3AB', 'H3XY']);
  assert.equal(e.details.station.flag, 'Panama (Republic of)');
  assert.ok(Date.parse(e.end) - Date.parse(e.start) > hours(0.9) * 1000);
  // Announced when confirmed, same id; and not also reported as jumps.
  assert.ok(conflicts.some((x) => x.open === true && x.id === e.id));
  assert.deepEqual(ofType(events, 'position_jump'), []);
});

test('identity_conflict near-miss: one teleport is a position jump, not two transmitters', () => {
  const sea = new Sea(START);
  sea.vessel({ mmsi: SHARED }).from(1.2, 104.0).steam(45, 10, hours(1)).displace(0, 0.9).steam(45, 10, hours(1));
  const events = replay(sea.nmea());
  assert.deepEqual(ofType(events, 'identity_conflict'), []);
  assert.equal(ofType(events, 'position_jump').length, 1);
});

test('identity_conflict notes an invalid MMSI and an unallocated MID', () => {
  const sea = new Sea(START);
  const bogus = 123456789; // no ITU format starts with a lone 1
  sea.vessel({ mmsi: bogus }).from(1.2, 104.0).steam(45, 10, hours(1));
  sea.vessel({ mmsi: bogus }).from(1.2, 104.9).after(5).steam(225, 8, hours(1));
  const closed = finalEvents(ofType(replay(sea.nmea()), 'identity_conflict'));
  assert.equal(closed.length, 1);
  assert.deepEqual(closed[0]!.details.station, { kind: 'invalid', mid: null, flag: null, valid: false });
});
