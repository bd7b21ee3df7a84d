import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BUILT_IN_PROFILES, builtInProfile, createEngine, DEFAULT_PROFILE_ID, DETECTORS, parseProfile, TRACK_PARAMS, type TidewatchEvent } from '../src/index.js';
import { Sea, hours } from './scenario/sea.js';

const gfw = builtInProfile('gfw-2018')!;
/** The default profile as plain JSON, to break in various ways. */
const json = (): Record<string, any> => JSON.parse(JSON.stringify(gfw));

test('the shipped profiles parse, state every parameter, and gfw-2018 is the default', () => {
  assert.equal(DEFAULT_PROFILE_ID, 'gfw-2018');
  assert.deepEqual([...BUILT_IN_PROFILES.keys()].sort(), ['gfw-2018', 'rendezvous-fast']);
  for (const profile of BUILT_IN_PROFILES.values()) {
    assert.deepEqual(Object.keys(profile.tracks).sort(), Object.keys(TRACK_PARAMS).sort());
    for (const d of DETECTORS) {
      const params = profile.detectors[d.type];
      assert.notEqual(params, false, `${profile.id} switches ${d.type} off`);
      assert.deepEqual(Object.keys(params as object).sort(), Object.keys(d.params).sort(), `${profile.id}.${d.type}`);
    }
  }
  assert.equal(builtInProfile()?.id, 'gfw-2018');
  assert.equal(builtInProfile('no-such'), undefined);
});

test('GFW numbers as published: 500 m, 2 h, median under 2 kn, 10 km from anchorages, 4 h merge, 6 h gaps', () => {
  const e = gfw.detectors.encounter;
  assert.ok(e !== false);
  assert.deepEqual([e.maxDistanceM, e.minDurationS, e.maxMedianSpeedKn, e.minAnchorageDistanceM, e.mergeGapS], [500, 7200, 2, 10_000, 14_400]);
  const l = gfw.detectors.loitering;
  assert.ok(l !== false);
  assert.deepEqual([l.maxMeanSpeedKn, l.minDurationS], [2, 7200]);
  const g = gfw.detectors.ais_gap;
  assert.ok(g !== false && g.minGapS === 6 * 3600);
  const fast = builtInProfile('rendezvous-fast')!.detectors.encounter;
  assert.ok(fast !== false);
  assert.deepEqual([fast.maxDistanceM, fast.minDurationS], [250, 1800]);
});

test('problems come back as values, located by path, showing the offending value', () => {
  const cases: Array<[(p: Record<string, any>) => void, string, RegExp]> = [
    [(p) => delete p.detectors.encounter.maxDistanceM, 'detectors.encounter.maxDistanceM', /missing/],
    [(p) => (p.detectors.encounter.maxDistanceM = '500'), 'detectors.encounter.maxDistanceM', /finite number.*"500"/],
    [(p) => (p.detectors.encounter.maxDistanceM = -1), 'detectors.encounter.maxDistanceM', /-1 m is outside/],
    [(p) => (p.detectors.encounter.maxDistnceM = 1), 'detectors.encounter.maxDistnceM', /unknown parameter/],
    [(p) => (p.detectors.encounter.maxDistanceM = null), 'detectors.encounter.maxDistanceM', /finite number, got null/],
    [(p) => (p.detectors.ais_gap.receptionBuckets = 12.5), 'detectors.ais_gap.receptionBuckets', /not a whole number/],
    [(p) => delete p.detectors.loitering, 'detectors.loitering', /missing.*false to switch it off/],
    [(p) => (p.detectors.fishing = {}), 'detectors.fishing', /unknown detector/],
    [(p) => (p.id = 'GFW 2018'), 'id', /lower-case/],
    [(p) => delete p.version, 'version', /non-empty string/],
    [(p) => (p.tracks.reorderWindowS = 1e9), 'tracks.reorderWindowS', /outside/],
    [(p) => (p.extra = 1), 'extra', /unknown key/],
    [(p) => (p.detectors.identity_conflict.minSwitches = 5), 'detectors.identity_conflict.minSwitches', /maxReturns \+ 1 = 2/],
  ];
  for (const [edit, path, message] of cases) {
    const p = json();
    edit(p);
    const result = parseProfile(p);
    assert.equal(result.ok, false, path);
    if (result.ok) continue;
    const hit = result.errors.find((e) => e.path === path);
    assert.ok(hit, `${path}: ${JSON.stringify(result.errors)}`);
    assert.match(hit.message, message);
  }
  // Nullable parameters accept null: the criterion is off.
  const p = json();
  p.detectors.encounter.maxMedianSpeedKn = null;
  assert.equal(parseProfile(p).ok, true);
});

test('parseProfile never throws, whatever it is given', () => {
  fc.assert(
    fc.property(fc.oneof(fc.anything(), fc.record({ id: fc.anything(), version: fc.anything(), tracks: fc.anything(), detectors: fc.dictionary(fc.string(), fc.anything()) })), (value) => {
      const result = parseProfile(value);
      assert.equal(typeof result.ok, 'boolean');
    }),
    { numRuns: 500 },
  );
});

test('a detector switched off (false) emits nothing', () => {
  const sea = new Sea('2019-07-10T00:00:00Z');
  sea.vessel({ mmsi: 636012345 }).from(4.5, 2.5).loiter(hours(3));
  const observations = sea.observations();
  const count = (profile: ReturnType<typeof json>): number => {
    const parsed = parseProfile(profile);
    assert.ok(parsed.ok);
    const events: TidewatchEvent[] = [];
    const engine = createEngine({ profile: parsed.profile });
    for (const o of observations) engine.push(o, (e) => events.push(e));
    engine.finish((e) => events.push(e));
    return events.filter((e) => e.type === 'loitering').length;
  };
  assert.ok(count(json()) > 0);
  const off = json();
  off.detectors.loitering = false;
  assert.equal(count(off), 0);
});
