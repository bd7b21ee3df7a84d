import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { equirectangularMetres, haversineMetres, METRES_PER_SECOND_PER_KNOT } from '@tidewatch/geo';
import { BranchTracker, Verdict } from '../src/track/branches.js';
import type { TrackParams } from '../src/profile/track-params.js';

/** The built-in profiles' speed limit and shortest jump; a branch lifetime of 600 s (theirs is 1800 s), so that tracks often go back to one live branch. */
const params = { maxSpeedKn: 50, minJumpM: 1000, branchTtlS: 600 };

const LIMIT_MPS = params.maxSpeedKn * METRES_PER_SECOND_PER_KNOT;

const branchTracker = (p: typeof params): BranchTracker => new BranchTracker(p as unknown as TrackParams, 4);

interface Fix {
  t: number;
  lat: number;
  lon: number;
}

/**
 * The branch rule as the module documents it, written plainly: every report
 * measured against both branches (equirectangular, haversine past 20 km), no
 * shortcut. `classify` must give the same verdicts with its shortcuts.
 */
function referenceVerdicts(p: typeof params, fixes: Fix[]): { verdict: number; jumpMetres: number }[] {
  const branches = [
    { t: NaN, lat: 0, lon: 0, count: 0 },
    { t: NaN, lat: 0, lon: 0, count: 0 },
  ];
  let cur = -1;
  const metres = (b: (typeof branches)[number], f: Fix): number => {
    const m = equirectangularMetres(b.lat, b.lon, f.lat, f.lon);
    return m > 20_000 ? haversineMetres(b.lat, b.lon, f.lat, f.lon) : m;
  };
  const seconds = (b: (typeof branches)[number], f: Fix): number => Math.max(1000, f.t - b.t) / 1000;
  const fits = (b: (typeof branches)[number], f: Fix, m: number): boolean => m < p.minJumpM || m / seconds(b, f) <= p.maxSpeedKn * METRES_PER_SECOND_PER_KNOT;
  const join = (k: number, f: Fix): void => {
    Object.assign(branches[k]!, { t: f.t, lat: f.lat, lon: f.lon, count: branches[k]!.count + 1 });
    cur = k;
  };
  return fixes.map((f) => {
    if (cur < 0) {
      join(0, f);
      return { verdict: Verdict.FIRST, jumpMetres: NaN };
    }
    const other = 1 - cur;
    const curMetres = metres(branches[cur]!, f);
    const curFits = fits(branches[cur]!, f, curMetres);
    const otherAlive = branches[other]!.count > 0 && f.t - branches[other]!.t <= p.branchTtlS * 1000;
    const otherMetres = otherAlive ? metres(branches[other]!, f) : Infinity;
    const otherFits = otherAlive && fits(branches[other]!, f, otherMetres);
    if (curFits && !(otherFits && otherMetres < curMetres)) {
      join(cur, f);
      return { verdict: Verdict.SAME, jumpMetres: NaN };
    }
    if (otherFits) {
      join(other, f);
      return { verdict: Verdict.SWITCH, jumpMetres: NaN };
    }
    branches[other]!.count = 0;
    join(other, f);
    return { verdict: Verdict.JUMP, jumpMetres: curMetres };
  });
}

/**
 * A track: a start anywhere, then moves minutes apart: up to `reach` metres,
 * far jumps, moves at around the speed limit (where a shortcut that
 * misjudged a distance would show), and returns to an earlier fix.
 */
const track = (reach: number) =>
  // Integers scaled, not fc.double: its bias to bounds and tiny values would make almost every move due north.
  fc
    .tuple(
      fc.integer({ min: -89_000, max: 89_000 }),
      fc.integer({ min: -180_000, max: 180_000 }),
      fc.array(
        fc.record({
          dt: fc.integer({ min: 0, max: 1800 }),
          metres: fc.oneof({ arbitrary: fc.integer({ min: 0, max: reach }), weight: 8 }, { arbitrary: fc.integer({ min: 0, max: 600_000 }), weight: 1 }),
          bearing: fc.integer({ min: 0, max: 359 }),
          back: fc.integer({ min: 0, max: 9 }),
          // Percent of the speed limit, for a move at around it.
          pace: fc.option(fc.integer({ min: 30, max: 170 }), { freq: 2 }),
        }),
        { minLength: 1, maxLength: 60 },
      ),
    )
    .map(([milliLat, milliLon, moves]) => {
      const fixes: Fix[] = [{ t: 0, lat: milliLat / 1000, lon: milliLon / 1000 }];
      for (const m of moves) {
        const last = fixes[fixes.length - 1]!;
        const t = last.t + m.dt * 1000;
        // One move in ten returns to an earlier fix (a second transmitter on the same MMSI).
        if (m.back === 0 && fixes.length > 2) {
          const earlier = fixes[fixes.length - 3]!;
          fixes.push({ t, lat: earlier.lat, lon: earlier.lon });
          continue;
        }
        const metres = m.pace === null ? m.metres : (m.pace / 100) * LIMIT_MPS * Math.max(1, m.dt);
        const bearing = (m.bearing * Math.PI) / 180;
        const newLat = Math.max(-89.9, Math.min(89.9, last.lat + (metres * Math.cos(bearing)) / 111_195));
        let newLon = last.lon + (metres * Math.sin(bearing)) / (111_195 * Math.cos((newLat * Math.PI) / 180));
        if (newLon > 180) newLon -= 360;
        if (newLon < -180) newLon += 360;
        fixes.push({ t, lat: newLat, lon: newLon });
      }
      return fixes;
    });

test('classify, with its shortcuts, gives the verdicts of the plain rule: short moves, long gaps, jumps, two transmitters, the antimeridian', () => {
  for (const reach of [2_000, 50_000]) {
    fc.assert(
      fc.property(track(reach), (fixes) => {
        const tracker = branchTracker(params);
        tracker.open(1);
        const expected = referenceVerdicts(params, fixes);
        fixes.forEach((f, i) => {
          const verdict = tracker.classify(1, f);
          assert.equal(verdict, expected[i]!.verdict, `fix ${i}`);
          if (verdict === Verdict.JUMP) assert.equal(tracker.jumpMetres[1], expected[i]!.jumpMetres);
        });
      }),
      { numRuns: 3000, seed: reach },
    );
  }
});

test('a report just under the speed limit after a long gap joins the branch; just over it, it is a jump', () => {
  const tracker = branchTracker(params);
  tracker.open(0);
  const speed = LIMIT_MPS;
  assert.equal(tracker.classify(0, { t: 0, lat: 10, lon: 20 }), Verdict.FIRST);
  // 600 s later, due north at 99.9 % of the limit, then at 100.1 %.
  const north = (metres: number) => 10 + metres / 111_194.93;
  assert.equal(tracker.classify(0, { t: 600_000, lat: north(speed * 600 * 0.999), lon: 20 }), Verdict.SAME);
  const from = tracker.classify(0, { t: 1_200_000, lat: north(speed * 600 * 0.999 + speed * 600 * 1.001), lon: 20 });
  assert.equal(from, Verdict.JUMP);
});
