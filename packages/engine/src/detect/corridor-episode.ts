/**
 * One vessel in one cable or pipeline corridor: the evidence an
 * infrastructure_proximity episode collects, report by report, and the
 * anchor-drag signature it adds up to (see infrastructure-proximity.ts for
 * the definitions). Pooled by the detector: episodes come and go with every
 * crossing, so they are reset, not reallocated.
 */
import { RAD } from '@tidewatch/geo';
import { SpeedStats } from './speed-stats.js';

export interface InfrastructureSignature {
  readonly slowTransit: boolean;
  readonly slowdown: boolean;
  readonly courseWobble: boolean;
  readonly atAnchorWhileMoving: boolean;
  readonly gap: boolean;
}

/** The parameters the signature is judged by. */
export interface SignatureThresholds {
  readonly slowMinKn: number;
  readonly slowMaxKn: number;
  readonly minSlowS: number;
  readonly slowdownRatio: number;
  readonly minCourseChangeDeg: number;
  readonly anchorMovingKn: number;
  readonly minAnchorMovingPositions: number;
}

/** Reports needed before slowdown and course wobble are judged. */
export const MIN_SAMPLES = 5;
const AT_ANCHOR = 1;

export class CorridorEpisode {
  slot = 0;
  asset = 0;
  start = 0;
  entryLat = 0;
  entryLon = 0;
  lastInT = 0;
  lastInLat = 0;
  lastInLon = 0;
  /** First report outside since the last inside, or NaN. */
  outsideSince = NaN;
  positions = 0;
  readonly speeds = new SpeedStats(0);
  slowS = 0;
  speedBefore = NaN;
  minDistance = Infinity;
  closestT = 0;
  closestLat = 0;
  closestLon = 0;
  prevCog = NaN;
  turnSum = 0;
  turns = 0;
  cosSum = 0;
  sinSum = 0;
  courses = 0;
  anchorMoving = 0;
  gapStart = false;
  gapEnd = false;
  longestGapS = 0;
  confirmed = false;
  peakScore = 0;
  /** Index in the detector's list of active episodes. */
  at = -1;

  reset(slot: number, asset: number, t: number, lat: number, lon: number, speedBefore: number): void {
    this.slot = slot;
    this.asset = asset;
    this.start = t;
    this.entryLat = lat;
    this.entryLon = lon;
    this.lastInT = NaN;
    this.outsideSince = NaN;
    this.positions = 0;
    this.speeds.clear();
    this.slowS = 0;
    this.speedBefore = speedBefore;
    this.minDistance = Infinity;
    this.closestT = t;
    this.closestLat = lat;
    this.closestLon = lon;
    this.prevCog = NaN;
    this.turnSum = 0;
    this.turns = 0;
    this.cosSum = 0;
    this.sinSum = 0;
    this.courses = 0;
    this.anchorMoving = 0;
    this.gapStart = false;
    this.gapEnd = false;
    this.longestGapS = 0;
    this.confirmed = false;
    this.peakScore = 0;
  }

  /** A silence from `t0` to `t1` (or so far) with at least one end inside the corridor. */
  noteGap(t0: number, t1: number, startsInside: boolean, endsInside: boolean): void {
    if (startsInside) this.gapStart = true;
    if (endsInside) this.gapEnd = true;
    this.longestGapS = Math.max(this.longestGapS, Math.round((t1 - t0) / 1000));
  }

  /**
   * A report inside the corridor at `t` (the vessel's previous report at
   * `prevT`), `metres` from the route. Time counts towards slow transit only
   * between consecutive reports inside that are less than `gapMs` apart.
   */
  sample(t: number, lat: number, lon: number, prevT: number, speed: number, cog: number, navStatus: number, metres: number, gapMs: number, p: SignatureThresholds): void {
    const follows = prevT === this.lastInT;
    this.outsideSince = NaN;
    this.positions++;
    this.speeds.add(speed);
    if (follows && t - prevT < gapMs && speed >= p.slowMinKn && speed <= p.slowMaxKn) this.slowS += (t - prevT) / 1000;
    if (metres < this.minDistance) {
      this.minDistance = metres;
      this.closestT = t;
      this.closestLat = lat;
      this.closestLon = lon;
    }
    if (speed >= p.slowMinKn && !Number.isNaN(cog)) {
      if (follows && !Number.isNaN(this.prevCog)) {
        const turn = Math.abs(cog - this.prevCog);
        this.turnSum += turn > 180 ? 360 - turn : turn;
        this.turns++;
      }
      this.prevCog = cog;
      this.cosSum += Math.cos(cog * RAD);
      this.sinSum += Math.sin(cog * RAD);
      this.courses++;
    } else this.prevCog = NaN;
    if (navStatus === AT_ANCHOR && speed >= p.anchorMovingKn) this.anchorMoving++;
    this.lastInT = t;
    this.lastInLat = lat;
    this.lastInLon = lon;
  }

  /** Which indicators hold now. */
  signature(p: SignatureThresholds): InfrastructureSignature {
    return {
      slowTransit: this.slowS >= p.minSlowS,
      slowdown: this.positions >= MIN_SAMPLES && this.speedBefore >= p.slowMinKn && this.speeds.median <= p.slowdownRatio * this.speedBefore,
      courseWobble: this.turns >= MIN_SAMPLES && this.turnSum / this.turns >= p.minCourseChangeDeg,
      atAnchorWhileMoving: this.anchorMoving >= p.minAnchorMovingPositions,
      gap: this.gapStart || this.gapEnd,
    };
  }
}

/** 2 × slow transit + slowdown + course wobble + at anchor while moving + gap. */
export function scoreOf(s: InfrastructureSignature): number {
  return (s.slowTransit ? 2 : 0) + (s.slowdown ? 1 : 0) + (s.courseWobble ? 1 : 0) + (s.atAnchorWhileMoving ? 1 : 0) + (s.gap ? 1 : 0);
}
