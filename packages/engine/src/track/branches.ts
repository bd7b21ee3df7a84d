/**
 * Position branches: telling one ship that moves from two transmitters that share an MMSI.
 *
 * Each vessel has up to two branches, places it has recently reported from.
 * A new position joins the branch it could plausibly have come from (the
 * implied speed is at most `maxSpeedKn`, or the move is shorter than
 * `minJumpM`), preferring the branch of the previous report; if it fits
 * neither, it is a jump and starts a new branch in place of the other one.
 * A branch not reported from for `branchTtlS` is dead and no longer joined.
 *
 * One ship whose position teleports once gives a jump and then reports on the
 * new branch; a single bad fix gives a jump and a switch back; two
 * transmitters give a jump and then switches back and forth. The detectors
 * `position_jump` and `identity_conflict` read these verdicts.
 */
import { EARTH_RADIUS_METRES, equirectangularMetres, haversineMetres, METRES_PER_SECOND_PER_KNOT } from '@tidewatch/geo';
import type { PositionObservation } from '../observe/observation.js';
import type { TrackParams } from '../profile/track-params.js';
import { resize } from './track-table.js';

export const Verdict = {
  /** The vessel's first position. */
  FIRST: 0,
  /** Joined the branch of the previous report. */
  SAME: 1,
  /** Joined the other branch: the vessel is back at a place it reported from before. */
  SWITCH: 2,
  /** Fitted neither branch: a new branch starts here. */
  JUMP: 3,
} as const;
export type Verdict = (typeof Verdict)[keyof typeof Verdict];

/** Metres in a degree of latitude (and at most in a degree of longitude) on the mean-radius sphere. */
const METRES_PER_DEGREE = (EARTH_RADIUS_METRES * Math.PI) / 180;
/** METRES_PER_DEGREE with a margin far above rounding: a bound on any distance per degree moved. */
const LONGEST_METRES_PER_DEGREE = METRES_PER_DEGREE * (1 + 1e-9);
/** Beyond this the equirectangular distance is replaced by haversine (its error grows with range). */
const SHORT_RANGE_M = 20_000;
/** A branch: four float64 (time, latitude, longitude, reports); a slot's two sit side by side. */
const BRANCH = 4;
const T = 0;
const LAT = 1;
const LON = 2;
const COUNT = 3;

export class BranchTracker {
  private readonly maxSpeedMps: number;
  private readonly minJumpM: number;
  private readonly ttlMs: number;
  /**
   * Per slot, both branches side by side (one cache line): time, latitude,
   * longitude and reports of branch 0, then of branch 1.
   */
  private branch: Float64Array;
  /** Per slot: branch of the last report (0 or 1), -1 before any. */
  current: Int8Array;
  /** Per slot: verdict on the last position. */
  verdict: Uint8Array;
  /** Per slot, valid after a JUMP: how far and how fast the jump was from the previous report. */
  jumpMetres: Float64Array;
  jumpSpeedKn: Float64Array;

  constructor(params: TrackParams, capacity: number) {
    this.maxSpeedMps = params.maxSpeedKn * METRES_PER_SECOND_PER_KNOT;
    this.minJumpM = params.minJumpM;
    this.ttlMs = params.branchTtlS * 1000;
    this.branch = new Float64Array(capacity * 2 * BRANCH);
    this.current = new Int8Array(capacity);
    this.verdict = new Uint8Array(capacity);
    this.jumpMetres = new Float64Array(capacity);
    this.jumpSpeedKn = new Float64Array(capacity);
  }

  grow(capacity: number): void {
    this.branch = resize(this.branch, capacity * 2 * BRANCH);
    this.current = resize(this.current, capacity);
    this.verdict = resize(this.verdict, capacity);
    this.jumpMetres = resize(this.jumpMetres, capacity);
    this.jumpSpeedKn = resize(this.jumpSpeedKn, capacity);
  }

  open(slot: number): void {
    this.current[slot] = -1;
    this.verdict[slot] = Verdict.FIRST;
    const at = slot * 2 * BRANCH;
    this.branch[at + COUNT] = 0;
    this.branch[at + BRANCH + COUNT] = 0;
    this.branch[at + T] = NaN;
    this.branch[at + BRANCH + T] = NaN;
  }

  /** Whether branch `k` of `slot` has been reported from within the branch lifetime before `t`. */
  alive(slot: number, k: number, t: number): boolean {
    const at = (slot * 2 + k) * BRANCH;
    return this.branch[at + COUNT]! > 0 && t - this.branch[at + T]! <= this.ttlMs;
  }

  /** Reads what `classify` reads first for `slot` and returns it; changes nothing. */
  touch(slot: number): number {
    const cur = this.current[slot]!;
    return this.verdict[slot]! + (cur < 0 ? cur : this.branch[(slot * 2 + cur) * BRANCH + LAT]! + this.branch[(slot * 2 + 1 - cur) * BRANCH + COUNT]!);
  }

  /**
   * Assigns a position to a branch and returns the verdict (also kept in
   * `verdict[slot]`). The position comes as the observation, not as three
   * numbers: a call that is not inlined boxes every number argument, three
   * allocations per report.
   */
  classify(slot: number, position: Pick<PositionObservation, 't' | 'lat' | 'lon'>): Verdict {
    const t = position.t;
    const lat = position.lat;
    const lon = position.lon;
    const cur = this.current[slot]!;
    if (cur < 0) {
      this.join(slot, 0, t, lat, lon);
      return (this.verdict[slot] = Verdict.FIRST);
    }
    const other = 1 - cur;
    const ci = slot * 2 + cur;
    // The usual report: one live branch (the other never made, or dead: a vessel keeps the branch
    // of an old bad fix until its next jump), and a move that fits it even at the longest it can
    // be, |dLat| + |dLon| degrees: no distance between the two points exceeds that (a degree of
    // longitude is never longer than one of latitude; the margin covers rounding), so no
    // trigonometry. `classifyAway` would join the branch too; with a single receiver's gaps of
    // minutes, most moving reports land here as well as those of vessels at rest.
    if (!this.alive(slot, other, t)) {
      const dLat = lat - this.branch[ci * BRANCH + LAT]!;
      const dLon = lon - this.branch[ci * BRANCH + LON]!;
      if (this.plausible(ci, t, (Math.abs(dLat) + Math.abs(dLon)) * LONGEST_METRES_PER_DEGREE)) {
        this.join(slot, cur, t, lat, lon);
        return (this.verdict[slot] = Verdict.SAME);
      }
    }
    return this.classifyAway(slot, position);
  }

  /**
   * A position beyond the bound of the usual report, or with two branches:
   * distances and speeds decide. A method of its own, called with the
   * observation: its helpers, inlined here where they are the usual path,
   * would be calls boxing their numbers on classify's rare path.
   */
  private classifyAway(slot: number, position: Pick<PositionObservation, 't' | 'lat' | 'lon'>): Verdict {
    const t = position.t;
    const lat = position.lat;
    const lon = position.lon;
    const cur = this.current[slot]!;
    const other = 1 - cur;
    const ci = slot * 2 + cur;
    const curMetres = this.metres(ci, lat, lon);
    const curFits = this.plausible(slot * 2 + cur, t, curMetres);
    const otherAlive = this.alive(slot, other, t);
    const otherMetres = otherAlive ? this.metres(slot * 2 + other, lat, lon) : Infinity;
    const otherFits = otherAlive && this.plausible(slot * 2 + other, t, otherMetres);
    // Prefer the branch of the previous report unless the other one fits and is strictly closer.
    if (curFits && !(otherFits && otherMetres < curMetres)) {
      this.join(slot, cur, t, lat, lon);
      return (this.verdict[slot] = Verdict.SAME);
    }
    if (otherFits) {
      this.join(slot, other, t, lat, lon);
      return (this.verdict[slot] = Verdict.SWITCH);
    }
    this.jumpMetres[slot] = curMetres;
    this.jumpSpeedKn[slot] = curMetres / this.seconds(slot * 2 + cur, t) / METRES_PER_SECOND_PER_KNOT;
    this.branch[(slot * 2 + other) * BRANCH + COUNT] = 0;
    this.join(slot, other, t, lat, lon);
    return (this.verdict[slot] = Verdict.JUMP);
  }

  private metres(i: number, lat: number, lon: number): number {
    const blat = this.branch[i * BRANCH + LAT]!;
    const blon = this.branch[i * BRANCH + LON]!;
    const metres = equirectangularMetres(blat, blon, lat, lon);
    return metres > SHORT_RANGE_M ? haversineMetres(blat, blon, lat, lon) : metres;
  }

  /** Reports less than a second apart count as a second apart: AIS times are whole seconds. */
  private seconds(i: number, t: number): number {
    return Math.max(1000, t - this.branch[i * BRANCH + T]!) / 1000;
  }

  private plausible(i: number, t: number, metres: number): boolean {
    return metres < this.minJumpM || metres / this.seconds(i, t) <= this.maxSpeedMps;
  }

  private join(slot: number, k: number, t: number, lat: number, lon: number): void {
    const at = (slot * 2 + k) * BRANCH;
    const b = this.branch;
    b[at + T] = t;
    b[at + LAT] = lat;
    b[at + LON] = lon;
    b[at + COUNT] = b[at + COUNT]! + 1;
    this.current[slot] = k;
  }
}
