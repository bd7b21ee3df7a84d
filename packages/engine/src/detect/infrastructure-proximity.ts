/**
 * infrastructure_proximity: a vessel inside the corridor of a seabed cable or
 * pipeline behaving as a dragged anchor or a loiterer would, not as a ship
 * passing over it.
 *
 * Behaviour. Each position is looked up in the assets layer (corridors: the
 * route and a half-width either side). An episode is one vessel in one
 * corridor: it starts at the first report inside and ends when the vessel
 * has been outside for longer than `exitGraceS` (it is then dated to its last
 * report inside), or when the vessel is forgotten or the input ends. Silence
 * does not end it: a vessel that goes quiet over a cable is part of the
 * signature. Inside, the episode collects:
 *
 * - slow transit: time (between consecutive reports inside, each at most
 *   `gapS` apart) at speeds in `slowMinKn`..`slowMaxKn`, at least `minSlowS`;
 * - slowdown: the median speed inside is at most `slowdownRatio` of the
 *   vessel's own recent speed as it entered (an exponential average of its
 *   speed with time constant `recentSpeedS`, itself at least `slowMinKn`);
 * - course wobble: the mean change of course between consecutive reports
 *   inside made at `slowMinKn` or more is at least `minCourseChangeDeg` (a
 *   ship yawing on a dragging anchor; a smooth turn changes little per report);
 * - at anchor while moving: at least `minAnchorMovingPositions` reports with
 *   navigational status 1 "at anchor" at `anchorMovingKn` or more;
 * - gap: a silence of at least `gapS` that starts or ends inside.
 *
 * Signature score = 2 × slow transit + slowdown + course wobble + at anchor
 * while moving + gap. Slow transit alone, or any two of the others, reach
 * the default `minScore` of 2; a ship crossing at normal speed scores 0 (its
 * at-anchor status, if stale, scores 1). Slowdown and wobble judge only once
 * five reports are in (`MIN_SAMPLES`).
 *
 * Emission. `open: true` when the score first reaches `minScore`; closed
 * (same id, ending with the asset's key) when the episode ends, with the
 * evidence then. CorridorEpisodes that never reach it are dropped.
 */
import { equirectangularMetres, METRES_PER_SECOND_PER_KNOT } from '@tidewatch/geo';
import { eventPoint, round, type EngineEvent, type EventPoint, type EventSink } from '../events/event.js';
import type { ParamSpecs, ParamValues } from '../profile/params.js';
import type { AssetInfo, AssetLayer } from '../space/assets.js';
import { closerThan } from '../space/closer-than.js';
import { resize } from '../track/track-table.js';
import type { Detector, DetectorContext, DetectorDefinition } from './detector.js';
import { EpisodeSet } from './episode-set.js';
import { keyedEvent } from './keyed-event.js';
import { CorridorEpisode, scoreOf, type InfrastructureSignature } from './corridor-episode.js';

export const INFRASTRUCTURE_PROXIMITY_PARAMS = {
  slowMinKn: { unit: 'kn', meaning: 'lower bound of slow transit; also the speed below which course is not judged', min: 0, max: 30 },
  slowMaxKn: { unit: 'kn', meaning: 'upper bound of slow transit', min: 0.1, max: 30 },
  minSlowS: { unit: 's', meaning: 'time inside the corridor at slow-transit speed that makes the slow-transit indicator (weight 2)', min: 60, max: 86400 },
  recentSpeedS: { unit: 's', meaning: "time constant of the average that is the vessel's own recent speed", min: 60, max: 86400 },
  slowdownRatio: { unit: 'fraction', meaning: 'median speed inside at most this fraction of the recent speed before makes the slowdown indicator', min: 0, max: 1 },
  minCourseChangeDeg: { unit: 'deg', meaning: 'mean change of course between reports inside at least this makes the course-wobble indicator', min: 0, max: 180 },
  anchorMovingKn: { unit: 'kn', meaning: 'a report with status "at anchor" at this speed or more is at anchor while moving', min: 0.1, max: 30 },
  minAnchorMovingPositions: { unit: 'count', meaning: 'reports at anchor while moving inside that make that indicator', min: 1, max: 1000, integer: true },
  gapS: { unit: 's', meaning: 'a silence at least this long starting or ending inside makes the gap indicator', min: 60, max: 86400 },
  exitGraceS: { unit: 's', meaning: 'time outside the corridor that ends the episode (shorter excursions do not)', min: 0, max: 86400 },
  minScore: { unit: 'count', meaning: 'signature score (2 × slow transit + slowdown + wobble + at anchor while moving + gap) that makes an event', min: 1, max: 6, integer: true },
} as const satisfies ParamSpecs;

type Params = ParamValues<typeof INFRASTRUCTURE_PROXIMITY_PARAMS>;

export type { InfrastructureSignature };

export interface InfrastructureProximityDetails {
  readonly asset: AssetInfo;
  readonly thresholds: Params;
  /** Signature score at the end (or now, while open), and the highest it reached. */
  readonly score: number;
  readonly peakScore: number;
  readonly signature: InfrastructureSignature;
  readonly insideS: number;
  /** Reports inside the corridor. */
  readonly positions: number;
  readonly minDistanceM: number;
  /** The report nearest the route (also the event's position). */
  readonly closest: EventPoint;
  readonly entry: EventPoint;
  readonly last: EventPoint;
  readonly meanSpeedKn: number | null;
  readonly medianSpeedKn: number | null;
  /** Time inside at slow-transit speed. */
  readonly slowS: number;
  /** The vessel's own recent speed as it entered; null when unknown. */
  readonly speedBeforeKn: number | null;
  /** Mean change of course between moving reports inside, and the circular variance of those courses (0 straight, 1 every way); null with too few. */
  readonly meanCourseChangeDeg: number | null;
  readonly courseVariance: number | null;
  /** Reports "at anchor" while moving. */
  readonly atAnchorWhileMoving: number;
  readonly gap: { readonly startsInside: boolean; readonly endsInside: boolean; readonly longestS: number };
}

export type InfrastructureProximityEvent = EngineEvent<'infrastructure_proximity', InfrastructureProximityDetails>;

/**
 * A vessel outside every corridor skips the lookup while it stays closer than
 * its clearance (distance to the nearest corridor edge, searched this far) to
 * where it was measured: exact, and most vessels are nowhere near a cable.
 */
const CLEARANCE_SEARCH_M = 20_000;
/** Equirectangular distance is within 2e-3 of great-circle distance up to 20 km below 89° of latitude: keep a margin. */
const CLEARANCE_MARGIN = 1 - 2e-3;
/** The per-vessel record: five float64 fields. */
const VESSEL = 5;
const RECENT = 0;
const RECENT_T = 1;
const CLEAR_LAT = 2;
const CLEAR_LON = 3;
const CLEARANCE = 4;

class InfrastructureProximityDetector implements Detector {
  private readonly p: Params;
  private readonly gapMs: number;
  private readonly graceMs: number;
  private readonly found: number[] = [];
  private readonly episodes = new EpisodeSet(() => new CorridorEpisode());
  /**
   * Per slot, side by side since every position reads them all: the
   * vessel's own recent speed (an exponential average) and the time of its
   * last sample; where its clearance from every corridor was last measured,
   * and the clearance (NaN: not measured).
   */
  private vessel = new Float64Array(0);

  constructor(
    private readonly ctx: DetectorContext<Params>,
    private readonly layer: AssetLayer,
  ) {
    this.p = ctx.params;
    this.gapMs = this.p.gapS * 1000;
    this.graceMs = this.p.exitGraceS * 1000;
    this.grow(ctx.tracks.capacity);
  }

  grow(capacity: number): void {
    this.vessel = resize(this.vessel, capacity * VESSEL);
  }

  touch(slot: number): number {
    return this.vessel[slot * VESSEL + CLEAR_LAT]!;
  }

  open(slot: number): void {
    const at = slot * VESSEL;
    this.vessel[at + RECENT] = NaN;
    this.vessel[at + RECENT_T] = NaN;
    this.vessel[at + CLEARANCE] = NaN;
    this.episodes.clear(slot);
  }

  position(slot: number, emit: EventSink): void {
    const tracks = this.ctx.tracks;
    const t = tracks.lastT(slot);
    const lat = tracks.lat(slot);
    const lon = tracks.lon(slot);
    const prevT = tracks.prevT(slot);
    const v = this.vessel;
    const at = slot * VESSEL;
    // Nowhere near a corridor and nothing open: the usual report, answered from the record alone.
    if (!this.episodes.any(slot) && closerThan(v[at + CLEAR_LAT]!, v[at + CLEAR_LON]!, lat, lon, v[at + CLEARANCE]!)) {
      this.updateRecent(slot);
      return;
    }
    const speed = this.speedOf(slot);
    const episodes = this.episodes.of(slot);
    for (let i = episodes.length - 1; i >= 0; i--) this.resolve(episodes[i]!, t, prevT, emit);
    const found = this.found;
    let n: number;
    if (episodes.length === 0) {
      // Clearance first: any clearance at all means no corridor contains the point (it is
      // measured from the widest corridor's edge), which settles the question of which do.
      const clearance = this.layer.clearanceMetres(lat, lon, CLEARANCE_SEARCH_M);
      n = clearance > 0 ? 0 : this.layer.corridorsAt(lat, lon, found);
      if (n === 0) {
        v[at + CLEAR_LAT] = lat;
        v[at + CLEAR_LON] = lon;
        v[at + CLEARANCE] = clearance * CLEARANCE_MARGIN - 1;
      }
    } else n = this.layer.corridorsAt(lat, lon, found);
    for (const ep of episodes) if (Number.isNaN(ep.outsideSince) && !listed(found, n, ep.asset)) ep.outsideSince = t;
    for (let i = 0; i < n; i++) {
      let ep = episodeOf(episodes, found[i]!);
      if (ep === undefined) {
        ep = this.begin(slot, found[i]!, t, lat, lon);
        // A silence that ended here, inside the corridor.
        if (t - prevT >= this.gapMs) ep.noteGap(prevT, t, false, true);
      }
      this.inside(ep, t, lat, lon, prevT, speed, emit);
    }
    this.updateRecent(slot);
  }

  tick(now: number, emit: EventSink): void {
    const tracks = this.ctx.tracks;
    const active = this.episodes.active;
    for (let i = active.length - 1; i >= 0; i--) {
      const ep = active[i]!;
      this.resolve(ep, now, tracks.lastT(ep.slot), emit);
    }
  }

  evict(slot: number, now: number, emit: EventSink): void {
    const episodes = this.episodes.of(slot);
    const lastT = this.ctx.tracks.lastT(slot);
    for (let i = episodes.length - 1; i >= 0; i--) {
      const ep = episodes[i]!;
      this.resolve(ep, now, lastT, emit);
      if (ep.at >= 0) this.end(ep, emit);
    }
  }

  finish(now: number, emit: EventSink): void {
    const tracks = this.ctx.tracks;
    const active = this.episodes.active;
    for (let i = active.length - 1; i >= 0; i--) {
      const ep = active[i]!;
      this.resolve(ep, now, tracks.lastT(ep.slot), emit);
      if (ep.at >= 0) this.end(ep, emit);
    }
  }

  /** Reported speed, or the speed implied by the move from the previous report. */
  private speedOf(slot: number): number {
    const tracks = this.ctx.tracks;
    const sog = tracks.sog(slot);
    if (!Number.isNaN(sog)) return sog;
    const dt = (tracks.lastT(slot) - tracks.prevT(slot)) / 1000;
    if (!(dt > 0)) return NaN;
    return equirectangularMetres(tracks.prevLat(slot), tracks.prevLon(slot), tracks.lat(slot), tracks.lon(slot)) / dt / METRES_PER_SECOND_PER_KNOT;
  }

  /**
   * Moves the vessel's recent speed towards its speed now. Takes the slot
   * alone: when the call is not inlined, a time and a speed passed as
   * arguments would each be boxed, an allocation at nearly every report.
   */
  private updateRecent(slot: number): void {
    const speed = this.speedOf(slot);
    if (Number.isNaN(speed)) return;
    const t = this.ctx.tracks.lastT(slot);
    const v = this.vessel;
    const at = slot * VESSEL;
    const before = v[at + RECENT]!;
    const since = t - v[at + RECENT_T]!;
    if (Number.isNaN(before)) v[at + RECENT] = speed;
    // The same speed again (a vessel holding its speed, or at rest) leaves the average where it is: no exponential to take.
    else if (speed !== before || !Number.isFinite(speed) || !(since >= 0)) v[at + RECENT] = before + (1 - Math.exp(-since / 1000 / this.p.recentSpeedS)) * (speed - before);
    v[at + RECENT_T] = t;
  }

  /**
   * Deadlines before `now` for a vessel last heard at `lastT`: the grace
   * outside ran out (the episode ends), or a silence that started inside
   * reached `gapS`. The same answer from a tick or from the next report.
   */
  private resolve(ep: CorridorEpisode, now: number, lastT: number, emit: EventSink): void {
    if (!Number.isNaN(ep.outsideSince) && now - ep.outsideSince > this.graceMs) {
      this.end(ep, emit);
      return;
    }
    if (lastT === ep.lastInT && now - lastT >= this.gapMs) {
      ep.noteGap(lastT, now, true, false);
      this.judge(ep, emit);
    }
  }

  private begin(slot: number, asset: number, t: number, lat: number, lon: number): CorridorEpisode {
    const ep = this.episodes.open(slot);
    ep.reset(slot, asset, t, lat, lon, this.vessel[slot * VESSEL + RECENT]!);
    return ep;
  }

  /** A report inside the episode's corridor. */
  private inside(ep: CorridorEpisode, t: number, lat: number, lon: number, prevT: number, speed: number, emit: EventSink): void {
    const tracks = this.ctx.tracks;
    const slot = ep.slot;
    if (prevT === ep.lastInT && t - prevT >= this.gapMs) ep.noteGap(prevT, t, true, true);
    const metres = this.layer.distanceMetres(ep.asset, lat, lon, this.layer.assets[ep.asset]!.corridorM * 2);
    ep.sample(t, lat, lon, prevT, speed, tracks.cog(slot), tracks.navStatus(slot), metres, this.gapMs, this.p);
    this.judge(ep, emit);
  }

  private judge(ep: CorridorEpisode, emit: EventSink): void {
    const score = scoreOf(ep.signature(this.p));
    if (score > ep.peakScore) ep.peakScore = score;
    if (ep.confirmed || score < this.p.minScore) return;
    ep.confirmed = true;
    emit(this.event(ep, true));
  }

  private end(ep: CorridorEpisode, emit: EventSink): void {
    if (ep.confirmed) emit(this.event(ep, false));
    this.episodes.close(ep);
  }

  private event(ep: CorridorEpisode, open: boolean): InfrastructureProximityEvent {
    const signature = ep.signature(this.p);
    const n = ep.courses;
    const details: InfrastructureProximityDetails = {
      asset: { ...this.layer.assets[ep.asset]! },
      thresholds: this.p,
      score: scoreOf(signature),
      peakScore: ep.peakScore,
      signature,
      insideS: Math.round((ep.lastInT - ep.start) / 1000),
      positions: ep.positions,
      minDistanceM: Math.round(ep.minDistance),
      closest: eventPoint(ep.closestT, ep.closestLat, ep.closestLon),
      entry: eventPoint(ep.start, ep.entryLat, ep.entryLon),
      last: eventPoint(ep.lastInT, ep.lastInLat, ep.lastInLon),
      meanSpeedKn: nullable(ep.speeds.mean, 2),
      medianSpeedKn: nullable(ep.speeds.median, 1),
      slowS: Math.round(ep.slowS),
      speedBeforeKn: nullable(ep.speedBefore, 1),
      meanCourseChangeDeg: ep.turns > 0 ? round(ep.turnSum / ep.turns, 1) : null,
      courseVariance: n > 1 ? round(1 - Math.hypot(ep.cosSum, ep.sinSum) / n, 3) : null,
      atAnchorWhileMoving: ep.anchorMoving,
      gap: { startsInside: ep.gapStart, endsInside: ep.gapEnd, longestS: ep.longestGapS },
    };
    const key = this.layer.assets[ep.asset]!.id;
    const mmsi = this.ctx.tracks.mmsi(ep.slot);
    return keyedEvent('infrastructure_proximity', key, this.ctx.profile, [mmsi], ep.start, ep.lastInT, ep.closestLat, ep.closestLon, open, details);
  }
}

function listed(found: readonly number[], n: number, asset: number): boolean {
  for (let i = 0; i < n; i++) if (found[i] === asset) return true;
  return false;
}

function episodeOf(episodes: readonly CorridorEpisode[], asset: number): CorridorEpisode | undefined {
  for (const ep of episodes) if (ep.asset === asset) return ep;
  return undefined;
}

function nullable(value: number, decimals: number): number | null {
  return Number.isFinite(value) ? round(value, decimals) : null;
}

export const infrastructureProximity: DetectorDefinition<'infrastructure_proximity', typeof INFRASTRUCTURE_PROXIMITY_PARAMS, InfrastructureProximityDetails> = {
  type: 'infrastructure_proximity',
  summary: 'A vessel in a cable or pipeline corridor with an anchor-drag or loitering signature (slow transit, slowdown, course wobble, at anchor while moving, a gap).',
  params: INFRASTRUCTURE_PROXIMITY_PARAMS,
  create: (ctx) => (ctx.layers.assets === undefined ? {} : new InfrastructureProximityDetector(ctx, ctx.layers.assets)),
};
