import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { haversineMetres, initialBearingDegrees, METRES_PER_SECOND_PER_KNOT } from '@tidewatch/geo';
import { builtInProfile, createEngine, zoneLayerFromGeoJson, type Layers, type TidewatchEvent, type ZoneLayer } from '../src/index.js';
import { boxZone, collection, shippedFiles } from './scenario/charts.js';
import { hours, minutes, Sea } from './scenario/sea.js';
import { finalEvents, ofType, replay } from './scenario/replay.js';

const START = '2021-03-01T06:00:00Z';
const t0 = Date.parse(START);
const PATROL = 412000123;
const SOUTH = 10, WEST = 20, NORTH = 10.5, EAST = 20.5;

function layer(...features: object[]): ZoneLayer {
  const built = zoneLayerFromGeoJson([collection(...features)]);
  assert.ok(built.ok, JSON.stringify(built));
  return built.layer;
}

const SQUARE = boxZone({ name: 'Test Sea 12 nm', kind: 'territorial_sea', country: 'PHL' }, SOUTH, WEST, NORTH, EAST);

function zones(lines: readonly string[], layers: Layers, profileId = 'gfw-2018') {
  const events = replay(lines, { layers, profile: builtInProfile(profileId)! });
  return { entries: ofType(events, 'zone_entry'), exits: ofType(events, 'zone_exit') };
}

test('zone_entry and zone_exit fire: a patrol vessel steams east through a territorial sea', () => {
  const sea = new Sea(START);
  sea.vessel({ mmsi: PATROL, name: 'HAI JING 2101', shipType: 55 }).from(10.25, 19.9).steam(90, 10, hours(5));
  const { entries, exits } = zones(sea.nmea(), { zones: layer(SQUARE) });
  assert.equal(entries.length, 1, JSON.stringify(entries));
  assert.equal(exits.length, 1, JSON.stringify(exits));
  const entry = entries[0]!;
  assert.deepEqual(entry.mmsi, [PATROL]);
  assert.deepEqual(entry.profile, { id: 'gfw-2018', version: '1' });
  assert.deepEqual(entry.details.zone, { id: 'test-sea-12-nm', name: 'Test Sea 12 nm', kind: 'territorial_sea', country: 'PHL' });
  assert.equal(entry.details.flag, 'CHN');
  // The border at 20°E is reached after steaming this long; reports come every 10 s.
  const crossing = t0 + (haversineMetres(10.25, 19.9, 10.25, WEST) / (10 * METRES_PER_SECOND_PER_KNOT)) * 1000;
  const entered = Date.parse(entry.start);
  assert.ok(entered >= crossing - 1000 && entered <= crossing + 11_000, `${entry.start} vs ${new Date(crossing).toISOString()}`);
  assert.ok(entry.details.entry.lon >= WEST && entry.details.lastOutside.lon < WEST, JSON.stringify(entry.details));
  assert.equal(entry.lon, entry.details.entry.lon);
  assert.equal(entry.details.speedKn, 10);
  assert.equal(entry.details.courseDeg, 90);
  // Confirmed by three reports inside spanning 60 s (gfw-2018: 3 and 60).
  assert.deepEqual(entry.details.thresholds, { confirmPositions: 3, confirmS: 60 });
  assert.ok(Date.parse(entry.end) - entered >= 60_000 && Date.parse(entry.end) - entered <= 70_000, entry.end);
  assert.ok(entry.id.startsWith(`zone_entry:${PATROL}:`) && entry.id.endsWith(':gfw-2018:test-sea-12-nm'), entry.id);

  const exit = exits[0]!;
  assert.ok(exit.details.exit.lon > EAST && exit.details.lastInside.lon <= EAST, JSON.stringify(exit.details));
  assert.equal(exit.details.entered, entry.start);
  assert.equal(exit.details.entrySeen, true);
  const inside = (haversineMetres(exit.details.exit.lat, WEST, exit.details.exit.lat, EAST) / (10 * METRES_PER_SECOND_PER_KNOT));
  assert.ok(Math.abs(exit.details.insideS - inside) <= 30, `${exit.details.insideS} s inside, geometry says ${inside}`);
  assert.ok(Math.abs(exit.details.positions - inside / 10) <= 3, String(exit.details.positions));
});

test('zone near-miss: skirting the border outside, with fixes wandering across it, is no crossing', () => {
  const sea = new Sea(START);
  // 220 m south of the southern border, steaming along it.
  const v = sea.vessel({ mmsi: PATROL }).from(SOUTH - 0.002, 19.9).steam(90, 10, minutes(30));
  // One fix inside, later two in a row inside: fewer than three, and spanning under a minute.
  v.badFix(SOUTH + 0.001, 20.1).steam(90, 10, minutes(20)).badFix(SOUTH + 0.001, 20.2).badFix(SOUTH + 0.001, 20.2).steam(90, 10, minutes(30));
  const lines = sea.nmea();
  for (const id of ['gfw-2018', 'rendezvous-fast']) {
    const { entries, exits } = zones(lines, { zones: layer(SQUARE) }, id);
    assert.deepEqual(entries, [], id);
    assert.deepEqual(exits, [], id);
  }
  // Without the debounce the stray fixes are two entries and two exits.
  const base = builtInProfile('gfw-2018')!;
  const eager = { ...base, detectors: { ...base.detectors, zone_entry: { confirmPositions: 1, confirmS: 0 }, zone_exit: { confirmPositions: 1, confirmS: 0 } } };
  const events = replay(lines, { layers: { zones: layer(SQUARE) }, profile: eager });
  assert.equal(ofType(events, 'zone_entry').length, 2);
  assert.equal(ofType(events, 'zone_exit').length, 2);
});

test('zone_exit without an entry: a vessel first seen inside leaves; time inside counts from first sighting', () => {
  const sea = new Sea(START);
  sea.vessel({ mmsi: PATROL }).from(10.25, 20.45).steam(90, 10, hours(1));
  const { entries, exits } = zones(sea.nmea(), { zones: layer(SQUARE) });
  assert.deepEqual(entries, []);
  assert.equal(exits.length, 1);
  const exit = exits[0]!.details;
  assert.equal(exit.entrySeen, false);
  assert.equal(exit.entered, null);
  const expected = haversineMetres(10.25, 20.45, 10.25, EAST) / (10 * METRES_PER_SECOND_PER_KNOT);
  assert.ok(Math.abs(exit.insideS - expected) <= 20, `${exit.insideS} vs ${expected}`);
});

test('zone ids: two zones with one border give two entries with distinct, repeatable ids', () => {
  const twin = boxZone({ name: 'Fishing Closure', kind: 'user' }, SOUTH, WEST, NORTH, EAST);
  const sea = new Sea(START);
  sea.vessel({ mmsi: PATROL }).from(10.25, 19.9).steam(90, 10, hours(1));
  const layers = { zones: layer(SQUARE, twin) };
  const first = zones(sea.nmea(), layers).entries;
  const again = zones(sea.nmea(), layers).entries;
  assert.equal(first.length, 2);
  assert.equal(first[0]!.start, first[1]!.start);
  assert.notEqual(first[0]!.id, first[1]!.id);
  assert.deepEqual(first.map((e) => e.id), again.map((e) => e.id));
  assert.deepEqual(first.map((e) => e.details.zone.kind).sort(), ['territorial_sea', 'user']);
  assert.equal(first.find((e) => e.details.zone.kind === 'user')!.details.zone.country, null);
});

test('zone detectors are idle without a zones layer, and each can be switched off', () => {
  const sea = new Sea(START);
  sea.vessel({ mmsi: PATROL }).from(10.25, 19.9).steam(90, 10, hours(5));
  assert.deepEqual(zones(sea.nmea(), {}), { entries: [], exits: [] });
  const base = builtInProfile('gfw-2018')!;
  const noExit = { ...base, detectors: { ...base.detectors, zone_exit: false as const } };
  const events = finalEvents(replay(sea.nmea(), { layers: { zones: layer(SQUARE) }, profile: noExit }));
  assert.equal(ofType(events, 'zone_entry').length, 1);
  assert.equal(ofType(events, 'zone_exit').length, 0);
});

test('zone_entry on the shipped zones: a patrol vessel entering the Senkaku 12 nm territorial sea', (t) => {
  const files = shippedFiles('zones', '.geojson');
  if (files.length === 0) return t.skip('data/zones absent');
  const built = zoneLayerFromGeoJson(files.map((f) => JSON.parse(f.text) as unknown));
  assert.ok(built.ok, JSON.stringify(!built.ok && built.errors.slice(0, 3)));
  // The five island points the shipped zones are buffered around (data/README.md).
  const islands = [[25 + 44 / 60, 123 + 28 / 60], [25 + 43 / 60, 123 + 32 / 60], [25 + 43 / 60, 123 + 33 / 60], [25 + 55 / 60, 123 + 40 / 60], [25 + 55 / 60, 124 + 33 / 60]];
  const nearestIsland = (lat: number, lon: number): number => Math.min(...islands.map(([a, b]) => haversineMetres(lat, lon, a!, b!)));
  const [uLat, uLon] = islands[0]!;
  const sea = new Sea(START);
  const from = { lat: 26.3, lon: 122.9 };
  const course = initialBearingDegrees(from.lat, from.lon, uLat!, uLon!);
  // Steams in until about 8 nm off Uotsuri-shima, then turns away.
  const inbound = (haversineMetres(from.lat, from.lon, uLat!, uLon!) - 8 * 1852) / (12 * METRES_PER_SECOND_PER_KNOT);
  sea.vessel({ mmsi: 413000777, name: 'HAIJING 2502', shipType: 55 }).from(from.lat, from.lon).steam(course, 12, inbound).steam(course + 180, 12, hours(3));
  const { entries, exits } = zones(sea.nmea(), { zones: built.layer });
  const territorial = entries.filter((e) => e.details.zone.kind === 'territorial_sea');
  assert.equal(territorial.length, 1, JSON.stringify(entries.map((e) => e.details.zone.name)));
  const e = territorial[0]!;
  assert.equal(e.details.zone.name, 'Senkaku Islands territorial sea (12 nm, approximate)');
  assert.equal(e.details.zone.country, 'JPN');
  assert.equal(e.details.flag, 'CHN');
  // The limit is 12 nm from the nearest island point; reports every 10 s at 12 kn are 62 m apart.
  const off = nearestIsland(e.details.entry.lat, e.details.entry.lon);
  assert.ok(off <= 12 * 1852 + 5 && off >= 12 * 1852 - 70, `${off} m`);
  const contiguous = entries.find((x) => x.details.zone.kind === 'contiguous_zone')!;
  assert.ok(Date.parse(contiguous.start) < Date.parse(e.start), 'through the contiguous zone first');
  const left = exits.find((x) => x.details.zone.id === e.details.zone.id)!;
  assert.ok(left, 'and out again');
  assert.equal(left.details.entered, e.start);
  assert.ok(left.details.insideS > 0);
});

/** Random voyages of a few vessels starting near the square's south-west corner. */
const voyagesArb = fc.array(
  fc.record({
    mmsi: fc.constantFrom(412000001, 412000002, 224000003),
    dLat: fc.double({ min: -0.03, max: 0.03, noNaN: true }),
    dLon: fc.double({ min: -0.03, max: 0.03, noNaN: true }),
    legs: fc.array(fc.record({ course: fc.integer({ min: 0, max: 359 }), knots: fc.integer({ min: 0, max: 15 }), s: fc.integer({ min: 60, max: hours(1) }), silent: fc.boolean() }), { minLength: 1, maxLength: 6 }),
  }),
  { minLength: 1, maxLength: 3 },
);

function observationsOf(voyages: ReadonlyArray<{ mmsi: number; dLat: number; dLon: number; legs: ReadonlyArray<{ course: number; knots: number; s: number; silent: boolean }> }>) {
  const sea = new Sea(START);
  for (const v of voyages) {
    const voyage = sea.vessel({ mmsi: v.mmsi }).from(SOUTH + v.dLat, WEST + v.dLon);
    for (const leg of v.legs) {
      if (leg.silent) voyage.silence(leg.s, { course: leg.course, knots: leg.knots });
      else voyage.steam(leg.course, leg.knots, leg.s);
    }
  }
  return sea.observations().sort((a, b) => a.t - b.t);
}

test('zone crossings: entries and exits alternate per vessel and zone, and advancing the clock changes nothing', () => {
  const zonesLayer = layer(SQUARE);
  const profile = builtInProfile('gfw-2018')!;
  let seen = 0;
  fc.assert(
    fc.property(voyagesArb, fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 20 }), (voyages, advances) => {
      const obs = observationsOf(voyages);
      const run = (advance: boolean) => {
        const events: TidewatchEvent[] = [];
        const emit = (e: TidewatchEvent): void => void events.push(e);
        const engine = createEngine({ profile, layers: { zones: zonesLayer } });
        obs.forEach((o, i) => {
          // The clock moved some way (0 to all the way) towards the next observation.
          if (advance && i > 0) engine.advance(obs[i - 1]!.t + ((o.t - obs[i - 1]!.t) * advances[i % advances.length]!) / 600, emit);
          engine.push(o, emit);
        });
        engine.finish(emit);
        return events.filter((e) => e.type === 'zone_entry' || e.type === 'zone_exit');
      };
      const plain = run(false);
      seen += plain.length;
      assert.deepEqual(run(true), plain);
      for (const mmsi of new Set(plain.map((e) => e.mmsi[0]))) {
        const own = plain.filter((e) => e.mmsi[0] === mmsi);
        let inside: string | null | undefined; // undefined: not known yet
        for (const e of own) {
          if (e.type === 'zone_entry') {
            assert.notEqual(inside !== undefined && inside !== null, true, 'entry while inside');
            inside = e.start;
          } else {
            if (inside === undefined) assert.equal(e.details.entrySeen, false);
            else assert.equal(e.details.entered, inside);
            inside = null;
          }
        }
      }
    }),
    { numRuns: 60, seed: 12 },
  );
  assert.ok(seen > 30, `only ${seen} crossings in all runs`);
});
