/**
 * Messages from everyday units: conversions to the raw fields, defaults to
 * "not available", and builders whose messages survive the wire.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodePayload, isFailure } from '../src/messages/registry.js';
import { encodeMessage, type EncodableMessage } from '../src/encode/message.js';
import { courseToRaw, headingToRaw, latToRaw, lonToRaw, speedToRaw, turnToRaw } from '../src/encode/units.js';
import {
  aidToNavigationReport,
  baseStationReport,
  extendedPositionReportClassB,
  longRangeReport,
  positionReportClassA,
  positionReportClassB,
  sarAircraftReport,
} from '../src/encode/scaled.js';
import { staticAndVoyageData, staticDataReportPartA, staticDataReportPartB } from '../src/encode/scaled-static.js';
import { payloadFromArmour } from './support/golden.js';

function overTheAir(m: EncodableMessage): unknown {
  const { payload, fillBits } = encodeMessage(m);
  const r = decodePayload(payloadFromArmour(payload, fillBits));
  if (isFailure(r)) assert.fail(`${r.reason}: ${r.detail}`);
  return r;
}

test('position report from degrees and knots gives gpsd\'s raw values (first golden sentence)', () => {
  // gpsd decodes !AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A to lat 48.381633, lon -123.395383,
  // speed 12.3 kn, course 224.0, heading 215, raw lat 29028980, lon -74037230, speed 123, course 2240.
  const m = positionReportClassA({ mmsi: 371798000, lat: 48.381633, lon: -123.395383, sog: 12.3, cog: 224, heading: 215, status: 0, second: 33, accuracy: true, radio: 34017 });
  assert.deepStrictEqual(
    { lat: m.lat, lon: m.lon, speed: m.speed, course: m.course, heading: m.heading },
    { lat: 29028980, lon: -74037230, speed: 123, course: 2240, heading: 215 },
  );
  assert.deepStrictEqual(overTheAir({ ...m, turn: -127 }), {
    type: 1, repeat: 0, mmsi: 371798000, status: 0, turn: -127, speed: 123, accuracy: true, lon: -74037230, lat: 29028980,
    course: 2240, heading: 215, second: 33, maneuver: 0, raim: false, radio: 34017,
  });
});

test('omitted measurements become the M.1371 "not available" values', () => {
  const a = positionReportClassA({ mmsi: 1, lat: 91, lon: 181 });
  assert.deepStrictEqual(
    [a.lat, a.lon, a.speed, a.course, a.heading, a.turn, a.second, a.status],
    [54_600_000, 108_600_000, 1023, 3600, 511, -128, 60, 15],
  );
  const lr = longRangeReport({ mmsi: 1, lat: 91, lon: 181 });
  assert.deepStrictEqual([lr.lat, lr.lon, lr.speed, lr.course], [54_600, 108_600, 63, 511]);
  const s = staticAndVoyageData({ mmsi: 1 });
  assert.deepStrictEqual([s.eta, s.draught, s.to_bow, s.imo, s.dte], ['00-00T24:60Z', 0, 0, 0, 1]);
  assert.equal(baseStationReport({ mmsi: 2, lat: 0, lon: 0 }).timestamp, '0000-00-00T24:60:60Z');
  const sar = sarAircraftReport({ mmsi: 111000000, lat: 0, lon: 0 });
  assert.deepStrictEqual([sar.alt, sar.speed], [4095, 1023]);
});

test('conversions: rounding to the field, clamping to its "or more" value, angles modulo 360', () => {
  assert.equal(speedToRaw(102.2), 1022);
  assert.equal(speedToRaw(150), 1022);
  assert.equal(speedToRaw(0.04), 0);
  assert.equal(courseToRaw(-10), 3500);
  assert.equal(courseToRaw(359.96), 0);
  assert.equal(courseToRaw(720.5), 5);
  assert.equal(headingToRaw(-1), 359);
  assert.equal(turnToRaw(0), 0);
  assert.equal(turnToRaw(708), 126); // 4.733 √708 = 125.9
  assert.equal(turnToRaw(5000), 126);
  assert.equal(turnToRaw(-5), -11); // 4.733 √5 = 10.58
  assert.throws(() => lonToRaw(180.5), /^RangeError: lon/);
  assert.throws(() => latToRaw(-95), /^RangeError: lat/);
  assert.throws(() => speedToRaw(-1), /^RangeError: sog/);
  assert.throws(() => courseToRaw(Number.NaN), /^RangeError: cog/);
});

test('conversions (property): a position is kept to half a unit of 1/10000 minute', () => {
  fc.assert(
    fc.property(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }), (lon, lat) => {
      assert.ok(Math.abs(lonToRaw(lon) / 600_000 - lon) <= 0.5 / 600_000 + 1e-12);
      assert.ok(Math.abs(latToRaw(lat) / 600_000 - lat) <= 0.5 / 600_000 + 1e-12);
    }),
  );
});

test('conversions (property): the rate of turn is kept to within one raw step', () => {
  fc.assert(
    fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (rot) => {
      const raw = turnToRaw(rot);
      assert.equal(Math.sign(raw) * Math.sign(rot) >= 0, true);
      // The raw value is 4.733 √|rot| rounded: |rot| lies between the rates of raw ± 0.5.
      const low = ((Math.abs(raw) - 0.5) / 4.733) ** 2;
      const high = ((Math.abs(raw) + 0.5) / 4.733) ** 2;
      assert.ok(Math.abs(rot) >= (Math.abs(raw) === 0 ? 0 : low) - 1e-9 && Math.abs(rot) <= high + 1e-9, `${rot} → ${raw}`);
    }),
  );
});

const lat = fc.double({ min: -90, max: 90, noNaN: true });
const lon = fc.double({ min: -180, max: 180, noNaN: true });
const knots = fc.option(fc.double({ min: 0, max: 200, noNaN: true }), { nil: undefined });
const degrees = fc.option(fc.double({ min: -720, max: 720, noNaN: true }), { nil: undefined });
const mmsi = fc.integer({ min: 200_000_000, max: 799_999_999 });
const name = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), minLength: 1, maxLength: 20 });
const metres = fc.record({ toBow: fc.nat(600), toStern: fc.nat(600), toPort: fc.nat(80), toStarboard: fc.nat(80) }, { noNullPrototype: true });

test('builders (property): every built message goes over the air unchanged', () => {
  fc.assert(
    fc.property(mmsi, lat, lon, knots, degrees, degrees, fc.option(fc.double({ min: -1000, max: 1000, noNaN: true }), { nil: undefined }), name, metres, (id, la, lo, sog, cog, heading, rot, shipname, dimensions) => {
      const built: EncodableMessage[] = [
        positionReportClassA({ mmsi: id, lat: la, lon: lo, sog, cog, heading, rot, status: 0, second: 12 }),
        positionReportClassB({ mmsi: id, lat: la, lon: lo, sog, cog, heading }),
        extendedPositionReportClassB({ mmsi: id, lat: la, lon: lo, sog, cog, shipname, shiptype: 37, dimensions, epfd: 1 }),
        staticAndVoyageData({ mmsi: id, imo: 9_134_270, callsign: 'ABCD', shipname, shiptype: 70, dimensions, draught: 12.2, destination: 'NEW YORK', eta: Date.UTC(2024, 4, 15, 14, 0) }),
        staticDataReportPartA({ mmsi: id, shipname }),
        staticDataReportPartB({ mmsi: id, shiptype: 37, vendor: 'SRT', model: 3, serial: 123_456, callsign: 'MX1234', dimensions }),
        longRangeReport({ mmsi: id, lat: la, lon: lo, sog, cog, status: 0 }),
        baseStationReport({ mmsi: 2_655_000, time: Date.UTC(2024, 0, 2, 3, 4, 5), lat: la, lon: lo }),
        sarAircraftReport({ mmsi: 111_265_000, lat: la, lon: lo, altitude: 300, sog: 120, cog }),
        aidToNavigationReport({ mmsi: 992_651_000, aidType: 20, name: `${shipname} NORTH CARDINAL`.slice(0, 34), lat: la, lon: lo, virtual: true }),
      ];
      for (const m of built) assert.deepStrictEqual(overTheAir(m), m);
    }),
    { numRuns: 200 },
  );
});

test('static builders: ETA, draught and dimensions in the fields\' units and limits', () => {
  const m = staticAndVoyageData({
    mmsi: 351759000, eta: Date.UTC(2024, 4, 15, 14, 0), draught: 12.2, dimensions: { toBow: 600, toStern: 70.4, toPort: 1, toStarboard: 70 },
  });
  assert.deepStrictEqual([m.eta, m.draught, m.to_bow, m.to_stern, m.to_port, m.to_starboard], ['05-15T14:00Z', 122, 511, 70, 1, 63]);
  assert.equal(staticAndVoyageData({ mmsi: 1, draught: 40 }).draught, 255);
  // gpsd's decode of a real base station report: 2007-05-14T19:57:39Z.
  assert.equal(baseStationReport({ mmsi: 3669702, time: Date.UTC(2007, 4, 14, 19, 57, 39), lat: 0, lon: 0 }).timestamp, '2007-05-14T19:57:39Z');
});

test('type 24 part B builder: an auxiliary craft names its mothership, a vessel gives its dimensions', () => {
  const tender = staticDataReportPartB({ mmsi: 982_710_001, vendor: 'ACR', mothershipMmsi: 271_000_123 });
  assert.ok('mothership_mmsi' in tender && tender.mothership_mmsi === 271_000_123);
  assert.deepStrictEqual(overTheAir(tender), tender);
  assert.throws(() => staticDataReportPartB({ mmsi: 271_000_123, mothershipMmsi: 271_000_124 }), /^RangeError: mothershipMmsi/);
  // A real part B (golden): vendor "1D0", model 12, serial 199796 are printed by gpsd as vendorid "1D00014".
  assert.equal(staticDataReportPartB({ mmsi: 271041815, vendor: '1D0', model: 12, serial: 199796 }).vendorid, '1D00014');
});
