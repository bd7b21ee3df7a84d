import { test } from 'node:test';
import assert from 'node:assert/strict';
import { destinationPoint, haversineMetres, METRES_PER_SECOND_PER_KNOT } from '@tidewatch/geo';
import { flagIsoOf, flagIsoOfMid, zoneLayerFromGeoJson, type ZoneLayer } from '../src/index.js';
import { MID_COUNTRIES } from '../src/identity/mid-table.js';
import { boxZone, collection, shippedFiles } from './scenario/charts.js';
import { hours, minutes, Sea, type Voyage } from './scenario/sea.js';
import { finalEvents, ofType, replay } from './scenario/replay.js';

const START = '2022-09-12T03:00:00Z';
const t0 = Date.parse(START);
const SPANISH = 224123450;
const FRENCH = 227123450;
const FISHING = 30;

const FRENCH_EEZ = boxZone({ name: 'Test French EEZ', kind: 'eez', country: 'FRA' }, 46, -6, 47, -4);

function layer(...collections: object[]): ZoneLayer {
  const built = zoneLayerFromGeoJson(collections);
  assert.ok(built.ok, JSON.stringify(built));
  return built.layer;
}

function fishingEvents(sea: Sea, zones: ZoneLayer = layer(collection(FRENCH_EEZ))) {
  return ofType(replay(sea.nmea(), { layers: { zones } }), 'fishing_in_foreign_eez');
}

/** A vessel that steams 30 minutes into the zone from its western edge, then follows `then`. */
function trawler(sea: Sea, mmsi: number, shipType: number, then: (v: Voyage) => Voyage): void {
  then(sea.vessel({ mmsi, name: `TRAWLER ${mmsi}`, shipType }).from(46.5, -6.1).steam(90, 10, minutes(30)));
}

test('every allocated MID has an ISO alpha-3 flag', () => {
  const missing = MID_COUNTRIES.filter(([mid]) => !/^[A-Z]{3}$/.test(flagIsoOfMid(mid) ?? '')).map(([mid, c]) => `${mid} ${c}`);
  assert.deepEqual(missing, []);
  assert.equal(flagIsoOf(SPANISH), 'ESP');
  assert.equal(flagIsoOf(412000123), 'CHN');
  assert.equal(flagIsoOf(123456789), undefined);
});

test('fishing_in_foreign_eez fires: a Spanish trawler works a French EEZ at 3 kn for 2 h', () => {
  const sea = new Sea(START);
  trawler(sea, SPANISH, FISHING, (v) => v.steam(45, 3, hours(2)).steam(270, 10, hours(1)));
  const events = fishingEvents(sea);
  const final = finalEvents(events);
  assert.equal(final.length, 1, JSON.stringify(events, null, 1));
  const e = final[0]!;
  assert.equal(events.filter((x) => x.open === true && x.id === e.id).length, 1);
  assert.deepEqual(e.mmsi, [SPANISH]);
  assert.ok(e.id.endsWith(':gfw-2018:test-french-eez'), e.id);
  assert.deepEqual(e.details.zone, { id: 'test-french-eez', name: 'Test French EEZ', kind: 'eez', country: 'FRA' });
  assert.deepEqual(e.details.flag, { mid: 224, country: 'Spain', iso: 'ESP' });
  assert.equal(e.details.shipType, FISHING);
  assert.equal(e.details.medianSpeedKn, 3);
  assert.ok(Math.abs(e.details.fishingS - hours(2)) <= 20, String(e.details.fishingS));
  assert.ok(Math.abs(Date.parse(e.start) - (t0 + minutes(30) * 1000)) <= 10_000, e.start);
  assert.ok(e.details.positions >= 715 && e.details.positions <= 721, String(e.details.positions));
  // Placed at the mean of the fishing reports: on a straight haul, its middle.
  const haul = sea.voyages[0]!.legs[1]!;
  const middle = destinationPoint(haul.lat, haul.lon, 45, 3 * METRES_PER_SECOND_PER_KNOT * hours(1));
  assert.ok(haversineMetres(e.lat, e.lon, middle.lat, middle.lon) < 100, `${e.lat} ${e.lon}`);
});

test('fishing_in_foreign_eez near-miss: the zone’s own flag, a cargo ship, steaming through, too short', () => {
  const cases: Array<[string, number, number, (v: Voyage) => Voyage]> = [
    ['French trawler in the French EEZ', FRENCH, FISHING, (v) => v.steam(45, 3, hours(2))],
    ['Spanish cargo ship at 3 kn', SPANISH, 70, (v) => v.steam(45, 3, hours(2))],
    ['Spanish trawler steaming at 10 kn', SPANISH, FISHING, (v) => v.steam(90, 10, hours(5))],
    ['Spanish trawler fishing 50 minutes', SPANISH, FISHING, (v) => v.steam(45, 3, minutes(50)).steam(270, 10, hours(1))],
  ];
  for (const [what, mmsi, shipType, then] of cases) {
    const sea = new Sea(START);
    trawler(sea, mmsi, shipType, then);
    assert.deepEqual(fishingEvents(sea), [], what);
  }
});

test('fishing_in_foreign_eez: a break under maxBreakS joins two hauls, a longer one splits them', () => {
  const run = (pause: number) => {
    const sea = new Sea(START);
    trawler(sea, SPANISH, FISHING, (v) => v.steam(45, 3, minutes(40)).steam(135, 8, pause).steam(45, 3, minutes(40)));
    return finalEvents(fishingEvents(sea));
  };
  const joined = run(minutes(20));
  assert.equal(joined.length, 1);
  assert.ok(Math.abs(joined[0]!.details.fishingS - minutes(80)) <= 20, String(joined[0]!.details.fishingS));
  assert.ok(joined[0]!.details.durationS >= minutes(100) - 20, String(joined[0]!.details.durationS));
  // Each 40-minute haul alone is under an hour.
  assert.deepEqual(run(minutes(40)), []);
});

test('fishing_in_foreign_eez on the shipped zones: a Chinese trawler in North Korea’s EEZ, not a North Korean one', (t) => {
  const files = shippedFiles('zones', '.geojson');
  if (files.length === 0) return t.skip('data/zones absent');
  const zones = layer(...files.map((f) => JSON.parse(f.text) as object));
  const sea = new Sea(START);
  sea.vessel({ mmsi: 412440123, name: 'LU RONG YU 1', shipType: FISHING }).from(39.5, 129.5).steam(60, 3.5, hours(3));
  sea.vessel({ mmsi: 445123456, name: 'CHOLLIMA 7', shipType: FISHING }).from(39.8, 129.5).steam(60, 3.5, hours(3));
  const final = finalEvents(fishingEvents(sea, zones));
  assert.equal(final.length, 1, JSON.stringify(final, null, 1));
  const e = final[0]!;
  assert.deepEqual(e.mmsi, [412440123]);
  assert.equal(e.details.zone.name, 'North Korea exclusive economic zone (east coast)');
  assert.equal(e.details.zone.country, 'PRK');
  assert.equal(e.details.flag.iso, 'CHN');
});
