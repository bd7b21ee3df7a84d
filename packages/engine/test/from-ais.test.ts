import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  AisReceiver,
  encodeSentences,
  extendedPositionReportClassB,
  longRangeReport,
  positionReportClassA,
  positionReportClassB,
  staticAndVoyageData,
  staticDataReportPartA,
  staticDataReportPartB,
  type AisMessage,
  type EncodableMessage,
} from '@tidewatch/ais';
import { emptyPosition, fromAis, positionFromAis, PositionSource, staticFromAis } from '../src/index.js';

const T = Date.parse('2018-06-01T00:00:00Z');
const MMSI = 244123000;

/** Encodes and decodes a message, so these tests see exactly what a receiver hands on. */
function decoded(m: EncodableMessage): AisMessage {
  const out: AisMessage[] = [];
  const rx = new AisReceiver({ message: (msg) => void out.push(msg), reject: (r) => assert.fail(`${r.reason}: ${r.detail}`) });
  for (const line of encodeSentences(m)) rx.pushLine(line);
  assert.equal(out.length, 1);
  return out[0]!;
}

test('Class A position: degrees, knots, course and heading, status, class', () => {
  const [p] = fromAis(decoded(positionReportClassA({ mmsi: MMSI, lat: 52.25, lon: 4.5, sog: 12.3, cog: 224.1, heading: 215, status: 7 })), T);
  assert.deepEqual(p, { kind: 'position', t: T, mmsi: MMSI, lat: 52.25, lon: 4.5, sog: 12.3, cog: 224.1, heading: 215, navStatus: 7, source: PositionSource.CLASS_A });
});

test('"not available" sentinels become NaN, and a report without a position gives none', () => {
  const [p] = fromAis(decoded(positionReportClassA({ mmsi: MMSI, lat: 52.25, lon: 4.5 })), T);
  assert.ok(p?.kind === 'position');
  assert.ok(Number.isNaN(p.sog) && Number.isNaN(p.cog) && Number.isNaN(p.heading));
  assert.equal(p.navStatus, 15);
  const out = emptyPosition();
  assert.equal(positionFromAis(decoded(positionReportClassA({ mmsi: MMSI, lat: 91, lon: 181 })), T, out), false);
  assert.equal(positionFromAis(decoded(positionReportClassB({ mmsi: MMSI, lat: 91, lon: 4.5 })), T, out), false);
  // 0°, 0° is what a receiver without a fix sends.
  assert.equal(positionFromAis(decoded(positionReportClassA({ mmsi: MMSI, lat: 0, lon: 0, sog: 0 })), T, out), false);
});

test('Class B and long-range positions; type 27 is in 1/10 minute and whole knots', () => {
  const [b] = fromAis(decoded(positionReportClassB({ mmsi: MMSI, lat: -33.5, lon: 151.25, sog: 5.5, cog: 10 })), T);
  assert.ok(b?.kind === 'position' && b.source === PositionSource.CLASS_B && Number.isNaN(b.navStatus) && b.sog === 5.5);
  const [lr] = fromAis(decoded(longRangeReport({ mmsi: MMSI, lat: 10.5, lon: -20.25, sog: 11, cog: 271, status: 0 })), T);
  assert.deepEqual(lr, { kind: 'position', t: T, mmsi: MMSI, lat: 10.5, lon: -20.25, sog: 11, cog: 271, heading: NaN, navStatus: 0, source: PositionSource.LONG_RANGE });
});

test('type 19 gives a position and static data; types 5 and 24 static data only', () => {
  const both = fromAis(decoded(extendedPositionReportClassB({ mmsi: MMSI, lat: 1, lon: 2, sog: 3, shipname: 'LITTLE ONE', shiptype: 37, dimensions: { toBow: 6, toStern: 4, toPort: 2, toStarboard: 2 } })), T);
  assert.deepEqual(both.map((o) => o.kind), ['position', 'static']);
  const s19 = both[1]!;
  assert.ok(s19.kind === 'static' && s19.name === 'LITTLE ONE' && s19.shipType === 37 && s19.toBow === 6 && s19.callsign === '');

  const [s5] = fromAis(
    decoded(staticAndVoyageData({ mmsi: MMSI, imo: 9134270, callsign: '3FOF8', shipname: 'EVER DIADEM', shiptype: 70, dimensions: { toBow: 225, toStern: 70, toPort: 1, toStarboard: 31 }, draught: 12.2, destination: 'NEW YORK' })),
    T,
  );
  assert.deepEqual(s5, { kind: 'static', t: T, mmsi: MMSI, name: 'EVER DIADEM', callsign: '3FOF8', imo: 9134270, shipType: 70, toBow: 225, toStern: 70, toPort: 1, toStarboard: 31, destination: 'NEW YORK', draught: 12.2 });

  const [a] = fromAis(decoded(staticDataReportPartA({ mmsi: MMSI, shipname: 'PROGUY' })), T);
  assert.ok(a?.kind === 'static' && a.name === 'PROGUY' && a.callsign === '' && Number.isNaN(a.shipType));
  const [b] = fromAis(decoded(staticDataReportPartB({ mmsi: MMSI, shiptype: 60, callsign: 'TC6163', dimensions: { toBow: 0, toStern: 15, toPort: 0, toStarboard: 5 } })), T);
  assert.ok(b?.kind === 'static' && b.name === '' && b.callsign === 'TC6163' && b.shipType === 60 && b.toStern === 15 && b.toBow === 0);
  // Unknown IMO, type, dimensions and draught are NaN, not 0.
  const [blank] = fromAis(decoded(staticAndVoyageData({ mmsi: MMSI, shipname: 'X' })), T);
  assert.ok(blank?.kind === 'static' && [blank.imo, blank.shipType, blank.toBow, blank.draught].every(Number.isNaN));
  assert.equal(staticFromAis(decoded(positionReportClassA({ mmsi: MMSI, lat: 1, lon: 1 })), T), undefined);
});

test('positions round-trip through the encoder to AIS resolution', () => {
  fc.assert(
    fc.property(
      fc.double({ min: -89.9, max: 89.9, noNaN: true }),
      fc.double({ min: -179.9, max: 179.9, noNaN: true }),
      fc.integer({ min: 0, max: 1022 }),
      fc.integer({ min: 0, max: 3599 }),
      (lat, lon, speed, course) => {
        const out = emptyPosition();
        const ok = positionFromAis(decoded(positionReportClassA({ mmsi: MMSI, lat, lon, sog: speed / 10, cog: course / 10 })), T, out);
        if (Math.round(lat * 600_000) === 0 && Math.round(lon * 600_000) === 0) return;
        assert.ok(ok);
        assert.ok(Math.abs(out.lat - lat) <= 1 / 600_000 && Math.abs(out.lon - lon) <= 1 / 600_000);
        assert.equal(out.sog, speed / 10);
        assert.equal(out.cog, course / 10);
      },
    ),
    { numRuns: 300 },
  );
});
