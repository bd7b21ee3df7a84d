/**
 * Properties of replay: the same input gives the same events, however it is
 * split into calls, however often the clock is advanced between them, and in
 * whatever order messages arrive within a few seconds of each other.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { destinationPoint } from '@tidewatch/geo';
import { builtInProfile, createEngine, parseProfile, type Observation, type Profile, type TidewatchEvent } from '../../src/index.js';
import { hours, minutes, Sea } from '../scenario/sea.js';

const gfw = builtInProfile('gfw-2018')!;

/** A leg of a random voyage. */
const legArb = fc.oneof(
  fc.record({ kind: fc.constant('steam' as const), course: fc.integer({ min: 0, max: 359 }), knots: fc.integer({ min: 1, max: 20 }), s: fc.integer({ min: minutes(5), max: hours(2) }) }),
  fc.record({ kind: fc.constant('loiter' as const), course: fc.constantFrom(45, 90), knots: fc.constantFrom(0.2, 0.5, 1.5), s: fc.integer({ min: minutes(30), max: hours(4) }) }),
  fc.record({ kind: fc.constant('wait' as const), course: fc.constant(0), knots: fc.constant(0), s: fc.integer({ min: hours(1), max: hours(4) }) }),
  fc.record({ kind: fc.constant('silence' as const), course: fc.integer({ min: 0, max: 359 }), knots: fc.integer({ min: 0, max: 12 }), s: fc.integer({ min: hours(1), max: hours(9) }) }),
  fc.record({ kind: fc.constant('badFix' as const), course: fc.integer({ min: 0, max: 359 }), knots: fc.constant(0), s: fc.integer({ min: 5000, max: 80_000 }) }),
);

/** A few vessels starting within a few km of each other, so encounters, gaps and conflicts happen. */
const seaArb = fc
  .record({
    vessels: fc.array(
      fc.record({
        mmsi: fc.constantFrom(244000001, 244000002, 244000003, 244000004, 538000005),
        bearing: fc.integer({ min: 0, max: 359 }),
        metres: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 5000 })),
        delayS: fc.integer({ min: 0, max: 600 }),
        every: fc.constantFrom(10, 30, 180),
        classB: fc.boolean(),
        legs: fc.array(legArb, { minLength: 1, maxLength: 5 }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
  })
  .map(({ vessels }) => {
    const sea = new Sea('2018-06-01T00:00:00Z');
    for (const v of vessels) {
      const start = destinationPoint(34.2, -119.9, v.bearing, v.metres);
      const voyage = sea.vessel({ mmsi: v.mmsi, reportEveryS: v.every, aisClass: v.classB ? 'B' : 'A' }).from(start.lat, start.lon).after(v.delayS);
      for (const leg of v.legs) {
        if (leg.kind === 'steam') voyage.steam(leg.course, leg.knots, leg.s);
        else if (leg.kind === 'loiter') voyage.loiter(leg.s, { course: leg.course, knots: leg.knots });
        else if (leg.kind === 'silence') voyage.silence(leg.s, { course: leg.course, knots: leg.knots });
        else if (leg.kind === 'wait') voyage.wait(leg.s);
        else {
          const off = destinationPoint(start.lat, start.lon, leg.course, leg.s);
          voyage.badFix(off.lat, off.lon).wait(60);
        }
      }
    }
    return sea.observations();
  });

/**
 * Pushes `obs` in order, calling `between(i)` before observation i; returns
 * every event in emission order, and the engine's counters (which must agree
 * too: an observation dropped as late rarely changes an event). Left out: how
 * many observations waited aside as far ahead of the stream and how many leaps
 * it followed, which do depend on when a live clock vouches for a leap (a clock
 * tick right after a long silence admits at once what would otherwise wait for
 * corroboration), without changing what is processed or in what order.
 */
function replayed(obs: readonly Observation[], profile: Profile = gfw, between?: (i: number, advance: (t: number) => void) => void, historyLength?: number) {
  const events: TidewatchEvent[] = [];
  const emit = (e: TidewatchEvent): void => void events.push(e);
  const engine = createEngine({ profile, historyLength });
  obs.forEach((o, i) => {
    between?.(i, (t) => engine.advance(t, emit));
    engine.push(o, emit);
  });
  engine.finish(emit);
  const { heldAhead: _held, leaps: _leaps, ...stats } = engine.stats();
  return { events, stats };
}

function run(obs: readonly Observation[], profile: Profile = gfw): TidewatchEvent[] {
  return replayed(obs, profile).events;
}

test('replay is deterministic: the same input gives the same events, ids and order', () => {
  fc.assert(
    fc.property(seaArb, (obs) => {
      assert.deepEqual(run(obs), run(obs));
    }),
    { numRuns: 40 },
  );
});

test('splitting the input into parts, with the clock advanced in between, gives the same events', () => {
  fc.assert(
    fc.property(seaArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }), (obs, cuts) => {
      const whole = replayed(obs);
      const at = new Set(cuts.map((c) => Math.floor(c * obs.length)));
      // At each cut the live clock says it is now the time of the next message (nothing becomes late).
      const split = replayed(obs, gfw, (i, advance) => {
        if (at.has(i)) advance(obs[i]!.t);
      });
      assert.deepEqual(split, whole);
      assert.equal(split.stats.late, 0);
    }),
    { numRuns: 40 },
  );
});

test('shuffling messages within a few seconds of each other does not change the events', () => {
  fc.assert(
    fc.property(seaArb, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (obs, seed) => {
      let x = seed;
      const jitter = (): number => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) % 5000);
      // Each message arrives up to 5 s after its time: well inside the 30 s reorder window.
      const shuffled = obs.map((o) => ({ o, key: o.t + jitter() })).sort((a, b) => a.key - b.key).map((e) => e.o);
      assert.deepEqual(replayed(shuffled), replayed(obs));
    }),
    { numRuns: 40 },
  );
});

test('events do not depend on the recent-position history kept for snapshots, down to none', () => {
  fc.assert(
    fc.property(seaArb, fc.constantFrom(0, 1, 7), (obs, historyLength) => {
      const { events, stats } = replayed(obs, gfw, undefined, historyLength);
      const usual = replayed(obs);
      assert.deepEqual(events, usual.events);
      assert.deepEqual({ ...stats, trackBytes: 0 }, { ...usual.stats, trackBytes: 0 });
    }),
    { numRuns: 30 },
  );
});

test('the events of a random sea are well formed (and random seas do produce every kind)', () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(seaArb, (obs) => {
      for (const e of run(obs)) {
        seen.add(e.type);
        assert.ok(Date.parse(e.start) <= Date.parse(e.end), e.id);
        assert.deepEqual([...e.mmsi].sort((a, b) => a - b), e.mmsi);
        assert.ok(e.id.startsWith(`${e.type}:${e.mmsi.join('-')}:`) && e.id.endsWith(':gfw-2018'), e.id);
        assert.ok(Math.abs(e.lat) <= 90 && Math.abs(e.lon) <= 180);
        assert.deepEqual(e.profile, { id: 'gfw-2018', version: '1' });
      }
    }),
    { numRuns: 60, seed: 20180601 },
  );
  // The properties above are only worth something if the generated seas have events in them.
  assert.deepEqual([...seen].sort(), ['ais_gap', 'encounter', 'identity_conflict', 'loitering', 'position_jump']);
});

test('state stays bounded under an endless stream of random vessels', () => {
  const result = parseProfile({ ...gfw, tracks: { ...gfw.tracks, evictAfterS: 600 } });
  assert.ok(result.ok);
  const engine = createEngine({ profile: result.profile });
  const emit = (): void => {};
  let x = 12345;
  const random = (): number => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const t0 = Date.parse('2018-06-01T00:00:00Z');
  const perSecond = 20;
  const seconds = 3 * 3600;
  let nextMmsi = 200000000;
  const bytesAt: number[] = [];
  const live: number[] = [];
  // Every second 20 reports, each from a vessel heard once or twice and never again.
  for (let s = 0; s < seconds; s++) {
    for (let k = 0; k < perSecond; k++) {
      const mmsi = random() < 0.5 ? nextMmsi++ : nextMmsi - 1 - Math.floor(random() * 10);
      engine.push({ kind: 'position', t: t0 + s * 1000, mmsi, lat: -60 + random() * 120, lon: -180 + random() * 360, sog: random() * 20, cog: random() * 360, heading: NaN, navStatus: 0, source: 1 }, emit);
    }
    if (s % 600 === 599) {
      bytesAt.push(engine.stats().trackBytes);
      live.push(engine.stats().vessels);
    }
  }
  // At most the vessels heard in the last eviction period plus one tick: 10 new a second for 660 s.
  for (const n of live) assert.ok(n <= 10 * 660 + 100, String(n));
  // After the first hour the tables stop growing: memory is flat while the stream goes on.
  const settled = bytesAt.slice(6);
  assert.ok(settled.length >= 10);
  assert.ok(settled.every((b) => b === settled[0]), JSON.stringify(bytesAt));
  assert.ok(nextMmsi - 200000000 > 100_000);
});

test('a cut right after a long silence, where the live clock vouches for the leap, gives the same events', () => {
  const sea = new Sea('2018-06-01T00:00:00Z');
  sea.vessel({ mmsi: 244000001 }).from(34.2, -119.9).loiter(hours(3)).silence(hours(2)).loiter(hours(3));
  sea.vessel({ mmsi: 244000002 }).from(34.2005, -119.9).loiter(hours(3)).silence(hours(2)).loiter(hours(3));
  const obs = sea.observations();
  const after = obs.findIndex((o, i) => i > 0 && o.t - obs[i - 1]!.t > hours(1) * 1000);
  assert.ok(after > 0);
  const whole = replayed(obs);
  const split = replayed(obs, gfw, (i, advance) => {
    if (i === after) advance(obs[i]!.t);
  });
  assert.ok(whole.events.length > 0);
  assert.deepEqual(split, whole);
});
