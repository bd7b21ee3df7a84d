import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { destinationPoint, equirectangularMetres, haversineMetres, initialBearingDegrees, METRES_PER_SECOND_PER_KNOT } from '@tidewatch/geo';
import { assetLayerFromGeoJson, builtInProfile, createEngine, type AssetLayer, type Profile, type TidewatchEvent } from '../src/index.js';
import { collection, route, shippedFiles } from './scenario/charts.js';
import { hours, minutes, Sea, type Voyage } from './scenario/sea.js';
import { finalEvents, ofType, replay } from './scenario/replay.js';

const START = '2023-10-07T20:00:00Z';
const t0 = Date.parse(START);
const FREIGHTER = 477123400;
const FERRY = 276000111;
const AT_ANCHOR = 1;
const KN = METRES_PER_SECOND_PER_KNOT;

/** A cable along the Gulf of Finland; the vessels work the segment from A to B. */
const A = [59.8, 23.5] as const;
const B = [59.82, 24.1] as const;
const CABLE = route({ name: 'Test Cable', kind: 'cable', corridor_m: 500 }, [[59.8, 23.0], A, B, [59.8, 24.7]]);
const ALONG = initialBearingDegrees(A[0], A[1], B[0], B[1]);

function layer(): AssetLayer {
  const built = assetLayerFromGeoJson([collection(CABLE)]);
  assert.ok(built.ok, JSON.stringify(built));
  return built.layer;
}

function proximity(sea: Sea, profile: Profile = builtInProfile('gfw-2018')!) {
  return ofType(replay(sea.nmea(), { layers: { assets: layer() }, profile }), 'infrastructure_proximity');
}

/** Starts `seconds` of steaming at `knots` south of A, heading north to it. */
function approachA(v: Voyage, knots: number, seconds: number): Voyage {
  const start = destinationPoint(A[0], A[1], 180, knots * KN * seconds);
  return v.from(start.lat, start.lon).steam(0, knots, seconds);
}

test('infrastructure_proximity fires: a freighter crawls at 3 kn along a cable with status "at anchor"', () => {
  const sea = new Sea(START);
  approachA(sea.vessel({ mmsi: FREIGHTER, name: 'POLAR DRAGGER' }), 12, hours(1))
    .steam(ALONG, 3, hours(1), AT_ANCHOR)
    .steam(0, 12, minutes(30));
  const events = proximity(sea);
  const closed = finalEvents(events);
  assert.equal(closed.length, 1, JSON.stringify(events, null, 1));
  const e = closed[0]!;
  assert.equal(e.open, undefined);
  assert.equal(events.filter((x) => x.open === true).length, 1);
  assert.equal(events.find((x) => x.open === true)!.id, e.id);
  assert.deepEqual(e.mmsi, [FREIGHTER]);
  assert.ok(e.id.endsWith(':gfw-2018:test-cable'), e.id);
  assert.deepEqual(e.details.asset, { id: 'test-cable', name: 'Test Cable', kind: 'cable', corridorM: 500 });
  assert.deepEqual(e.details.signature, { slowTransit: true, slowdown: true, courseWobble: false, atAnchorWhileMoving: true, gap: false });
  assert.equal(e.details.score, 4);
  // In the corridor: 500 m at 12 kn coming in, the hour of crawling, 500 m at 12 kn going out.
  const inside = hours(1) + (2 * 500) / (12 * KN);
  assert.ok(Math.abs(e.details.insideS - inside) <= 20, `${e.details.insideS} vs ${inside}`);
  assert.ok(Math.abs(e.details.slowS - hours(1)) <= 20, String(e.details.slowS));
  assert.equal(e.details.medianSpeedKn, 3);
  assert.ok(e.details.speedBeforeKn! > 11 && e.details.speedBeforeKn! <= 12, String(e.details.speedBeforeKn));
  assert.ok(e.details.minDistanceM < 10, String(e.details.minDistanceM));
  assert.ok(e.details.atAnchorWhileMoving >= 355 && e.details.atAnchorWhileMoving <= 361, String(e.details.atAnchorWhileMoving));
  assert.ok(e.details.meanCourseChangeDeg! < 1, String(e.details.meanCourseChangeDeg));
  assert.ok(haversineMetres(e.details.entry.lat, e.details.entry.lon, A[0], A[1]) <= 510, JSON.stringify(e.details.entry));
  assert.ok(Math.abs(Date.parse(e.start) - (t0 + (hours(1) * 1000 - (500 / (12 * KN)) * 1000))) <= 11_000, e.start);
});

test('infrastructure_proximity near-miss: a ferry crossing at 12 kn, even with a stale "at anchor" status, is not an event', () => {
  for (const status of [0, AT_ANCHOR]) {
    const sea = new Sea(START);
    approachA(sea.vessel({ mmsi: FERRY, name: 'FINNSTAR' }), 12, hours(1)).steam(0, 12, hours(1), status);
    assert.deepEqual(proximity(sea), [], `status ${status}`);
  }
  // The freighter's crawl 1.5 km off the route, outside the 500 m corridor.
  const sea = new Sea(START);
  const off = destinationPoint(A[0], A[1], 180, 1500);
  sea.vessel({ mmsi: FREIGHTER }).from(off.lat, off.lon).steam(ALONG, 3, hours(1), AT_ANCHOR);
  assert.deepEqual(proximity(sea), []);
});

/** Steams along the cable at 10 kn for `seconds`, yawing ±35° every 30 s when `wobble`, silent for the middle 20 minutes when `gap`. */
function alongTheCable(wobble: boolean, gap: boolean): Sea {
  const sea = new Sea(START);
  const v = approachA(sea.vessel({ mmsi: FREIGHTER }), 10, minutes(30));
  const leg = (n: number): void => {
    for (let i = 0; i < n; i++) v.steam(wobble ? ALONG + (i % 2 === 0 ? 35 : -35) : ALONG, 10, 30);
  };
  leg(30);
  if (gap) v.silence(minutes(20), { course: ALONG, knots: 10 });
  else leg(40);
  leg(30);
  return sea;
}

test('infrastructure_proximity scores indicators together: course wobble or a gap alone is not enough, both are', () => {
  assert.deepEqual(proximity(alongTheCable(false, true)), [], 'gap alone');
  assert.deepEqual(proximity(alongTheCable(true, false)), [], 'wobble alone');
  const events = finalEvents(proximity(alongTheCable(true, true)));
  assert.equal(events.length, 1);
  const d = events[0]!.details;
  assert.deepEqual(d.signature, { slowTransit: false, slowdown: false, courseWobble: true, atAnchorWhileMoving: false, gap: true });
  // The silence plus one reporting interval lies between the last report before it and the first after.
  assert.deepEqual(d.gap, { startsInside: true, endsInside: true, longestS: minutes(20) + 10 });
  assert.ok(d.meanCourseChangeDeg! >= 15, String(d.meanCourseChangeDeg));
  assert.equal(d.score, 2);
});

test('infrastructure_proximity: a vessel going dark over the cable is reported at once, before it reappears', () => {
  const sea = new Sea(START);
  approachA(sea.vessel({ mmsi: FREIGHTER }), 12, hours(1)).steam(ALONG, 3, minutes(5)).silence(hours(2)).steam(ALONG, 3, minutes(60));
  const profile = builtInProfile('gfw-2018')!;
  // Five minutes at 3 kn is too little for slow transit; slowing from 12 kn scores 1, and the
  // silence that started inside scores another once it reaches gapS (15 minutes).
  const events = proximity(sea, profile);
  const open = events.filter((e) => e.open === true);
  assert.equal(open.length, 1, JSON.stringify(events, null, 1));
  const firstOpen = open[0]!;
  assert.equal(firstOpen.details.gap.startsInside, true);
  assert.equal(firstOpen.details.gap.endsInside, false);
  // Emitted while silent: by the tick after 15 minutes of silence, long before the vessel reappears.
  assert.ok(Date.parse(firstOpen.end) < t0 + (hours(1) + minutes(6)) * 1000, firstOpen.end);
  const closed = finalEvents(events);
  assert.equal(closed.length, 1);
  assert.equal(closed[0]!.id, firstOpen.id);
  assert.equal(closed[0]!.details.gap.endsInside, true);
  assert.equal(closed[0]!.details.signature.slowTransit, true);
});

test('infrastructure_proximity on the shipped layer: crawling along Balticconnector "at anchor" fires, a ferry crossing it does not', (t) => {
  const files = shippedFiles('infrastructure', '.geojson');
  if (files.length === 0) return t.skip('data/infrastructure absent');
  const json = files.map((f) => JSON.parse(f.text) as { features: Array<{ properties: { name: string }; geometry: { coordinates: number[][] } }> });
  const built = assetLayerFromGeoJson(json);
  assert.ok(built.ok, JSON.stringify(!built.ok && built.errors.slice(0, 3)));
  const pipeline = json.flatMap((c) => c.features).find((f) => f.properties.name === 'Balticconnector')!;
  // Its long offshore leg, from the Finnish landfall south.
  const [[lon0, lat0], [lon1, lat1]] = pipeline.geometry.coordinates as [[number, number], [number, number]];
  const along = initialBearingDegrees(lat0, lon0, lat1, lon1);
  const third = destinationPoint(lat0, lon0, along, haversineMetres(lat0, lon0, lat1, lon1) / 3);
  const layers = { assets: built.layer };

  const crawl = new Sea(START);
  const approach = destinationPoint(third.lat, third.lon, along + 90, 12 * KN * hours(1));
  crawl.vessel({ mmsi: FREIGHTER, name: 'NEWNEW POLAR BEAR' }).from(approach.lat, approach.lon).steam(along - 90, 12, hours(1)).steam(along, 3, hours(1), AT_ANCHOR).steam(along + 90, 12, hours(1));
  const fired = finalEvents(ofType(replay(crawl.nmea(), { layers }), 'infrastructure_proximity'));
  assert.equal(fired.length, 1, JSON.stringify(fired, null, 1));
  const e = fired[0]!;
  assert.equal(e.details.asset.name, 'Balticconnector');
  assert.equal(e.details.asset.kind, 'pipeline');
  assert.equal(e.details.asset.corridorM, 5000);
  assert.equal(e.details.signature.slowTransit, true);
  assert.equal(e.details.signature.atAnchorWhileMoving, true);
  assert.ok(e.details.minDistanceM < 100, String(e.details.minDistanceM));

  const ferry = new Sea(START);
  const west = destinationPoint(third.lat, third.lon, along + 90, 12 * KN * hours(1));
  ferry.vessel({ mmsi: FERRY, name: 'VIKING XPRS', shipType: 60 }).from(west.lat, west.lon).steam(along - 90, 12, hours(2));
  assert.deepEqual(ofType(replay(ferry.nmea(), { layers }), 'infrastructure_proximity'), []);
});

test('corridor clearance is safe: a vessel that moves less than it from where it was measured is in no corridor', () => {
  const assets = layer();
  const margin = 1 - 2e-3;
  assert.equal(assets.clearanceMetres(A[0], A[1], 20_000), 0);
  fc.assert(
    fc.property(
      fc.double({ min: 59.5, max: 60.1, noNaN: true }),
      fc.double({ min: 22.8, max: 24.9, noNaN: true }),
      fc.double({ min: 0, max: 360, noNaN: true }),
      fc.double({ min: 0.9, max: 1, noNaN: true }),
      (lat, lon, bearing, share) => {
        const clearance = assets.clearanceMetres(lat, lon, 20_000) * margin - 1;
        const q = destinationPoint(lat, lon, bearing, Math.max(0, clearance) * share);
        fc.pre(clearance > 0 && equirectangularMetres(lat, lon, q.lat, q.lon) < clearance);
        assert.equal(assets.corridorsAt(q.lat, q.lon, []), 0, `${q.lat} ${q.lon}`);
      },
    ),
    { numRuns: 2000, seed: 8 },
  );
});

test('infrastructure_proximity: advancing the clock changes nothing; every event opens once and closes once above the score', () => {
  const assets = layer();
  const profile = builtInProfile('gfw-2018')!;
  const legArb = fc.record({ course: fc.integer({ min: 0, max: 359 }), knots: fc.integer({ min: 0, max: 14 }), s: fc.integer({ min: 60, max: hours(1) }), status: fc.constantFrom(0, AT_ANCHOR), silent: fc.boolean() });
  let closedSeen = 0;
  fc.assert(
    fc.property(
      fc.array(fc.record({ mmsi: fc.constantFrom(FREIGHTER, FERRY), bearing: fc.integer({ min: 0, max: 359 }), metres: fc.integer({ min: 0, max: 3000 }), legs: fc.array(legArb, { minLength: 1, maxLength: 6 }) }), { minLength: 1, maxLength: 2 }),
      fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 20 }),
      (vessels, advances) => {
        const sea = new Sea(START);
        for (const v of vessels) {
          const start = destinationPoint(A[0], A[1], v.bearing, v.metres);
          const voyage = sea.vessel({ mmsi: v.mmsi }).from(start.lat, start.lon);
          for (const leg of v.legs) {
            if (leg.silent) voyage.silence(leg.s, { course: leg.course, knots: leg.knots });
            else voyage.steam(leg.course, leg.knots, leg.s, leg.status);
          }
        }
        const obs = sea.observations().sort((a, b) => a.t - b.t);
        const run = (advance: boolean) => {
          const events: TidewatchEvent[] = [];
          const emit = (e: TidewatchEvent): void => void events.push(e);
          const engine = createEngine({ profile, layers: { assets } });
          obs.forEach((o, i) => {
            if (advance && i > 0) engine.advance(obs[i - 1]!.t + ((o.t - obs[i - 1]!.t) * advances[i % advances.length]!) / 600, emit);
            engine.push(o, emit);
          });
          engine.finish(emit);
          return ofType(events, 'infrastructure_proximity');
        };
        const plain = run(false);
        assert.deepEqual(run(true), plain);
        for (const id of new Set(plain.map((e) => e.id))) {
          const same = plain.filter((e) => e.id === id);
          assert.deepEqual(same.map((e) => e.open === true), [true, false], id);
          const closed = same[1]!;
          closedSeen++;
          assert.ok(closed.details.peakScore >= closed.details.thresholds.minScore, JSON.stringify(closed.details));
          assert.ok(closed.details.minDistanceM <= 500 && closed.details.insideS >= 0, JSON.stringify(closed.details));
        }
      },
    ),
    { numRuns: 60, seed: 21 },
  );
  assert.ok(closedSeen > 5, `only ${closedSeen} events in all runs`);
});
