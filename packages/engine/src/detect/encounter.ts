/**
 * encounter: two vessels, both transmitting, close together for a long time
 * (a possible ship-to-ship transfer: catch, fuel, cargo, crew).
 *
 * Behaviour. Whenever a vessel reports, at most every `sampleIntervalS`, it
 * looks for the vessels whose last position is within `maxDistanceM` (plus
 * a margin) in the shared grid of current positions, never over all pairs.
 * Each neighbour heard in the last `maxPositionAgeS` is dead-reckoned to the
 * report's time; if the two are within `maxDistanceM`, not within
 * `minAnchorageDistanceM` of an anchorage and not within `minShoreDistanceM`
 * of the shore, that is a close sample for the pair, with both vessels'
 * speeds. Both place criteria, because each misses what the other catches:
 * GFW defines encounters by distance from anchorages, which keeps the
 * roadsteads where ships wait out of it, but its anchorage list is learnt
 * from where vessels anchor and lacks small harbours and quays (fishing boats
 * moored side by side, ships alongside in port); the shore, with rivers and
 * harbour basins counted as land, catches those.
 *
 * Close samples no more than `maxSampleGapS` apart form a run. A run
 * qualifies from the moment it has lasted `minDurationS` while the median of
 * its speed samples is below `maxMedianSpeedKn` (null: no speed criterion);
 * if the median later rises, the event keeps the longest qualifying part.
 * Qualifying runs that start less than `mergeGapS` after the previous one
 * ended are one encounter.
 *
 * Emission. `open: true` when the first run qualifies (live users learn of a
 * transfer while it happens); the closed event, same id, once nothing can
 * extend it any more: `mergeGapS` after its last qualifying sample with no
 * run in progress that could still merge. At eviction or end of input it
 * closes with what it has.
 *
 * Pair state is keyed by the two track slots packed in one number and exists
 * only for pairs that have been close; with `maxDistanceM` ≤ a few km the
 * number of pairs is bounded by traffic density, not fleet size.
 */
import { equirectangularMetres, METRES_PER_SECOND_PER_KNOT, normaliseLongitude } from '@tidewatch/geo';
import { makeEvent, round, type EngineEvent, type EventSink } from '../events/event.js';
import type { ParamSpecs, ParamValues } from '../profile/params.js';
import { closerThan } from '../space/closer-than.js';
import { resize } from '../track/track-table.js';
import type { Detector, DetectorContext, DetectorDefinition } from './detector.js';
import { SpeedStats } from './speed-stats.js';

export const ENCOUNTER_PARAMS = {
  maxDistanceM: { unit: 'm', meaning: 'the two vessels are at most this far apart (the other dead-reckoned to the same moment)', min: 10, max: 5000 },
  minDurationS: { unit: 's', meaning: 'a run of closeness qualifies once it has lasted this long', min: 60, max: 7 * 86400 },
  maxMedianSpeedKn: { unit: 'kn', meaning: "the median of both vessels' speeds over the run is below this; null: no speed criterion", min: 0, max: 100, nullable: true },
  minAnchorageDistanceM: { unit: 'm', meaning: 'closeness within this distance of an anchorage does not count', min: 0, max: 200_000 },
  minShoreDistanceM: { unit: 'm', meaning: 'closeness within this distance of the shore (or on inland waters the coastline layer draws as land) does not count; 0: no shore criterion', min: 0, max: 200_000 },
  mergeGapS: { unit: 's', meaning: 'qualifying runs that start less than this after the previous one ended are one encounter', min: 0, max: 7 * 86400 },
  maxSampleGapS: { unit: 's', meaning: 'a run ends when the pair has not been seen close for this long', min: 60, max: 86400 },
  sampleIntervalS: { unit: 's', meaning: 'a vessel looks for neighbours at most this often', min: 0, max: 3600 },
  maxPositionAgeS: { unit: 's', meaning: "the neighbour's last position is at most this old to be compared", min: 0, max: 3600 },
} as const satisfies ParamSpecs;

type Params = ParamValues<typeof ENCOUNTER_PARAMS>;

export interface EncounterDetails {
  readonly thresholds: {
    readonly maxDistanceM: number;
    readonly minDurationS: number;
    readonly maxMedianSpeedKn: number | null;
    readonly minAnchorageDistanceM: number;
    readonly minShoreDistanceM: number;
    readonly mergeGapS: number;
  };
  readonly durationS: number;
  /** Qualifying runs merged into this encounter. */
  readonly runs: number;
  /** Close samples (a vessel reporting with the other within the distance). */
  readonly closeSamples: number;
  /** Position reports from each vessel (in `mmsi` order) between start and end. */
  readonly messages: readonly number[];
  readonly minDistanceM: number;
  readonly meanDistanceM: number;
  /** Median of both vessels' speed samples, to 0.1 kn; null without speed data. */
  readonly medianSpeedKn: number | null;
  readonly meanSpeedKn: number | null;
  /** Distance to the nearest anchorage from the mean position, null when none within 100 km or no layer. */
  readonly nearestAnchorageM: number | null;
  /** Distance from the mean position to the shore (0 on land as the layer draws it), null when over 100 km or no layer. */
  readonly nearestShoreM: number | null;
}

export type EncounterEvent = EngineEvent<'encounter', EncounterDetails>;

/** Neighbour search margin beyond maxDistanceM: covers a neighbour moving between its reports. */
const SEARCH_MARGIN_M = 500;
/**
 * Distance to anchorages and shore is re-checked once a vessel has moved
 * this far from where it was last checked: a small part of the shore
 * distances that matter (a few km), and vessels in an encounter barely move.
 */
const PLACE_RECHECK_M = 250;
const PLACE_REPORT_RANGE_M = 100_000;
const SLOT_FACTOR = 2 ** 26;
/** Place states: where a vessel was last checked against anchorages and shore. */
const UNCHECKED = 0;
const CLEAR = 1;
const IN_PORT = 2;

/** Closeness evidence accumulated over a run or an episode. */
class Evidence {
  samples = 0;
  sumDistance = 0;
  minDistance = Infinity;
  sumLat = 0;
  sumDLon = 0;
  readonly speeds: SpeedStats;
  constructor(thresholdKn: number) {
    this.speeds = new SpeedStats(thresholdKn);
  }
  copyFrom(o: Evidence): void {
    this.samples = o.samples;
    this.sumDistance = o.sumDistance;
    this.minDistance = o.minDistance;
    this.sumLat = o.sumLat;
    this.sumDLon = o.sumDLon;
    this.speeds.copyFrom(o.speeds);
  }
  addFrom(o: Evidence): void {
    this.samples += o.samples;
    this.sumDistance += o.sumDistance;
    this.minDistance = Math.min(this.minDistance, o.minDistance);
    this.sumLat += o.sumLat;
    this.sumDLon += o.sumDLon;
    this.speeds.addFrom(o.speeds);
  }
  clear(): void {
    this.samples = 0;
    this.sumDistance = 0;
    this.minDistance = Infinity;
    this.sumLat = 0;
    this.sumDLon = 0;
    this.speeds.clear();
  }
}

/**
 * One pair of vessels that has been close: its current run and its encounter
 * in progress. Pairs are pooled (see {@link reset}): a dense harbour makes and
 * forgets close pairs all day, each with three histograms.
 */
class Pair {
  a = -1;
  b = -1;
  mmsiA = -1;
  mmsiB = -1;
  /** Longitude all sums are taken relative to, so a pair on the antimeridian averages correctly. */
  refLon = NaN;
  runStart = NaN;
  runLast = NaN;
  readonly run: Evidence;
  /**
   * The run's longest qualifying prefix so far, and where it ends. While the
   * run's last sample qualified (`qualifiedIsRun`) the prefix is the run
   * itself and `qualified` is stale: it is copied from the run only when a
   * sample is about to make the run stop qualifying, not on every sample.
   */
  private readonly qualified: Evidence;
  qualifiedIsRun = false;
  qualifiedEnd = NaN;
  /** Whether the current run (its qualified prefix) belongs to the episode. */
  runInEpisode = false;
  episodeStart = NaN;
  /** Runs already merged into the episode, and where the last one ended. */
  readonly merged: Evidence;
  mergedEnd = NaN;
  runs = 0;
  /**
   * Cumulative position counters of both vessels (slot a, slot b) at the
   * start of the run, at its last qualifying sample, at the episode's start
   * and at the end of its merged runs: their differences are message counts.
   */
  readonly runFrom = [0, 0];
  readonly qualifiedTo = [0, 0];
  readonly episodeFrom = [0, 0];
  readonly mergedTo = [0, 0];

  constructor(thresholdKn: number) {
    this.run = new Evidence(thresholdKn);
    this.qualified = new Evidence(thresholdKn);
    this.merged = new Evidence(thresholdKn);
  }

  /** Makes this the state of a pair never close before (the evidence is cleared where a run or an episode starts). */
  reset(a: number, b: number, mmsiA: number, mmsiB: number): void {
    this.a = a;
    this.b = b;
    this.mmsiA = mmsiA;
    this.mmsiB = mmsiB;
    this.refLon = NaN;
    this.runStart = NaN;
    this.runLast = NaN;
    this.qualifiedIsRun = false;
    this.qualifiedEnd = NaN;
    this.runInEpisode = false;
    this.episodeStart = NaN;
    this.mergedEnd = NaN;
    this.runs = 0;
    this.runFrom[0] = this.runFrom[1] = 0;
    this.qualifiedTo[0] = this.qualifiedTo[1] = 0;
    this.episodeFrom[0] = this.episodeFrom[1] = 0;
    this.mergedTo[0] = this.mergedTo[1] = 0;
  }

  /** The run's longest qualifying prefix (meaningful while `runInEpisode`). */
  get qualifiedPrefix(): Evidence {
    return this.qualifiedIsRun ? this.run : this.qualified;
  }

  /** A sample that keeps the run qualifying or not is about to be added: keep the prefix it would lose. */
  beforeSample(stillQualifies: boolean): void {
    if (!this.qualifiedIsRun || stillQualifies) return;
    this.qualified.copyFrom(this.run);
    this.qualifiedIsRun = false;
  }

  get inEpisode(): boolean {
    return !Number.isNaN(this.episodeStart);
  }

  get runActive(): boolean {
    return !Number.isNaN(this.runStart);
  }

  /** The end of the episode so far. */
  get episodeEnd(): number {
    return this.runInEpisode ? this.qualifiedEnd : this.mergedEnd;
  }
}

class EncounterDetector implements Detector {
  private readonly p: Params;
  private readonly pairs = new Map<number, Pair>();
  /** Pairs forgotten, for reuse. */
  private readonly spare: Pair[] = [];
  private readonly neighbours: number[] = [];
  private readonly thresholdKn: number;
  private lastSample = new Float64Array(0);
  private placeLat = new Float64Array(0);
  private placeLon = new Float64Array(0);
  /** UNCHECKED, CLEAR of anchorages and shore, or IN_PORT: near one or the other. */
  private placeState = new Uint8Array(0);
  private pairCount = new Uint16Array(0);
  private readonly scratch: Evidence;

  constructor(private readonly ctx: DetectorContext<Params>) {
    this.p = ctx.params;
    this.thresholdKn = this.p.maxMedianSpeedKn ?? Infinity;
    this.scratch = new Evidence(this.thresholdKn);
    this.grow(ctx.tracks.capacity);
  }

  grow(capacity: number): void {
    this.lastSample = resize(this.lastSample, capacity);
    this.placeLat = resize(this.placeLat, capacity);
    this.placeLon = resize(this.placeLon, capacity);
    this.placeState = resize(this.placeState, capacity);
    this.pairCount = resize(this.pairCount, capacity);
  }

  touch(slot: number): number {
    return this.lastSample[slot]!;
  }

  open(slot: number): void {
    this.lastSample[slot] = -Infinity;
    this.placeState[slot] = UNCHECKED;
    this.pairCount[slot] = 0;
  }

  position(a: number, emit: EventSink): void {
    const tracks = this.ctx.tracks;
    const t = tracks.lastT(a);
    if (t - this.lastSample[a]! < this.p.sampleIntervalS * 1000) return;
    this.lastSample[a] = t;
    const lat = tracks.lat(a);
    const lon = tracks.lon(a);
    // Known to be in port, and still near where that was measured: the first close neighbour
    // would stop this report anyway, so the neighbour search can be skipped (ports are crowded).
    if (this.placeState[a] === IN_PORT && this.placeStillHolds(a, lat, lon)) return;
    const n = this.ctx.vessels.near(lat, lon, this.p.maxDistanceM + SEARCH_MARGIN_M, this.neighbours);
    if (n <= 1) return;
    const maxAge = this.p.maxPositionAgeS * 1000;
    let inPort: boolean | undefined;
    for (let i = 0; i < n; i++) {
      const b = this.neighbours[i]!;
      if (b === a) continue;
      const age = t - tracks.lastT(b);
      if (!(age <= maxAge)) continue;
      let blat = tracks.lat(b);
      let blon = tracks.lon(b);
      const bsog = tracks.sog(b);
      const bcog = tracks.cog(b);
      if (age > 0 && bsog > 0 && !Number.isNaN(bcog)) {
        // Dead-reckon the neighbour to this report's time (short range: flat Earth is enough).
        const metres = bsog * METRES_PER_SECOND_PER_KNOT * (age / 1000);
        const rad = (bcog * Math.PI) / 180;
        blat += (metres * Math.cos(rad)) / 111_195;
        blon += (metres * Math.sin(rad)) / (111_195 * Math.max(0.01, Math.cos((blat * Math.PI) / 180)));
      }
      const distance = equirectangularMetres(lat, lon, blat, blon);
      if (distance > this.p.maxDistanceM) continue;
      inPort ??= this.inPort(a, lat, lon);
      if (inPort) return;
      this.sample(a, b, t, distance, (lat + blat) / 2, lon + normaliseLongitude(blon - lon) / 2, tracks.sog(a), bsog, emit);
    }
  }

  tick(now: number, emit: EventSink): void {
    if (this.pairs.size === 0) return;
    // forEach, not for-of over entries (an array each): a busy sea keeps hundreds of close pairs.
    this.pairs.forEach((pair, key) => {
      if (this.resolve(pair, now, emit)) this.forget(key, pair);
    });
  }

  evict(slot: number, _now: number, emit: EventSink): void {
    if (this.pairCount[slot] === 0) return;
    for (const [key, pair] of this.pairs) {
      if (pair.a !== slot && pair.b !== slot) continue;
      this.close(pair, emit);
      this.forget(key, pair);
    }
  }

  finish(_now: number, emit: EventSink): void {
    for (const [key, pair] of this.pairs) {
      this.close(pair, emit);
      this.forget(key, pair);
    }
  }

  /** Near an anchorage or the shore: closeness there does not count. */
  private inPort(slot: number, lat: number, lon: number): boolean {
    const { anchorages, shore } = this.ctx.layers;
    const minAnchorage = anchorages === undefined ? 0 : this.p.minAnchorageDistanceM;
    const minShore = shore === undefined ? 0 : this.p.minShoreDistanceM;
    if (minAnchorage === 0 && minShore === 0) return false;
    const state = this.placeState[slot]!;
    if (state !== UNCHECKED && this.placeStillHolds(slot, lat, lon)) return state === IN_PORT;
    const near = (minAnchorage > 0 && anchorages!.nearestMetres(lat, lon, minAnchorage) < minAnchorage) || (minShore > 0 && shore!.distanceMetres(lat, lon, minShore) < minShore);
    this.placeLat[slot] = lat;
    this.placeLon[slot] = lon;
    this.placeState[slot] = near ? IN_PORT : CLEAR;
    return near;
  }

  /** Whether the vessel is still close enough to where its place was last checked for that answer to stand. */
  private placeStillHolds(slot: number, lat: number, lon: number): boolean {
    return closerThan(lat, lon, this.placeLat[slot]!, this.placeLon[slot]!, PLACE_RECHECK_M);
  }

  private sample(a: number, b: number, t: number, distance: number, lat: number, lon: number, sogA: number, sogB: number, emit: EventSink): void {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const key = lo * SLOT_FACTOR + hi;
    let pair = this.pairs.get(key);
    if (pair === undefined) {
      const tracks = this.ctx.tracks;
      pair = this.spare.pop() ?? new Pair(this.thresholdKn);
      pair.reset(lo, hi, tracks.mmsi(lo), tracks.mmsi(hi));
      pair.refLon = lon;
      this.pairs.set(key, pair);
      this.pairCount[lo]!++;
      this.pairCount[hi]!++;
    } else if (this.resolve(pair, t, emit)) {
      pair.refLon = lon;
    }
    if (!pair.runActive) {
      pair.runStart = t;
      pair.run.clear();
      // Counters include the reports that made this sample: count them in.
      pair.runFrom[0] = this.ctx.tracks.positions(pair.a) - 1;
      pair.runFrom[1] = this.ctx.tracks.positions(pair.b) - 1;
    }
    pair.runLast = t;
    const run = pair.run;
    const qualifies = t - pair.runStart >= this.p.minDurationS * 1000 && (this.p.maxMedianSpeedKn === null || run.speeds.medianBelowWith(sogA, sogB));
    pair.beforeSample(qualifies);
    run.samples++;
    run.sumDistance += distance;
    run.minDistance = Math.min(run.minDistance, distance);
    run.sumLat += lat;
    run.sumDLon += normaliseLongitude(lon - pair.refLon);
    run.speeds.add(sogA);
    run.speeds.add(sogB);
    if (qualifies) this.qualify(pair, t, emit);
  }

  private qualify(pair: Pair, t: number, emit: EventSink): void {
    pair.qualifiedIsRun = true;
    pair.qualifiedEnd = t;
    pair.qualifiedTo[0] = this.ctx.tracks.positions(pair.a);
    pair.qualifiedTo[1] = this.ctx.tracks.positions(pair.b);
    if (pair.runInEpisode) return;
    pair.runInEpisode = true;
    if (pair.inEpisode) return; // a later run merging into the episode already announced
    pair.episodeStart = pair.runStart;
    pair.merged.clear();
    pair.mergedEnd = NaN;
    pair.runs = 0;
    pair.episodeFrom[0] = pair.runFrom[0]!;
    pair.episodeFrom[1] = pair.runFrom[1]!;
    emit(this.event(pair, true));
  }

  /**
   * Applies every deadline that `now` has passed; returns true when the pair
   * has nothing left (no run, no episode) and can be forgotten.
   */
  private resolve(pair: Pair, now: number, emit: EventSink): boolean {
    if (pair.runActive && now - pair.runLast > this.p.maxSampleGapS * 1000) this.endRun(pair);
    if (pair.inEpisode && !pair.runInEpisode) {
      const end = pair.mergedEnd;
      const mergeGap = this.p.mergeGapS * 1000;
      if (now - end > mergeGap && (!pair.runActive || pair.runStart - end > mergeGap)) {
        emit(this.event(pair, false));
        pair.episodeStart = NaN;
      }
    }
    return !pair.runActive && !pair.inEpisode;
  }

  private endRun(pair: Pair): void {
    if (pair.runInEpisode) {
      pair.merged.addFrom(pair.qualifiedPrefix);
      pair.mergedEnd = pair.qualifiedEnd;
      pair.mergedTo[0] = pair.qualifiedTo[0]!;
      pair.mergedTo[1] = pair.qualifiedTo[1]!;
      pair.runs++;
      pair.runInEpisode = false;
    }
    pair.qualifiedIsRun = false;
    pair.runStart = NaN;
    pair.runLast = NaN;
  }

  /** End of the pair's story: the run ends where it is, the episode with it. */
  private close(pair: Pair, emit: EventSink): void {
    if (pair.runActive) this.endRun(pair);
    if (pair.inEpisode) emit(this.event(pair, false));
    pair.episodeStart = NaN;
  }

  private forget(key: number, pair: Pair): void {
    this.pairs.delete(key);
    this.pairCount[pair.a]!--;
    this.pairCount[pair.b]!--;
    this.spare.push(pair);
  }

  private event(pair: Pair, open: boolean): EncounterEvent {
    const e = this.scratch;
    e.copyFrom(pair.merged);
    let runs = pair.runs;
    if (pair.runInEpisode) {
      e.addFrom(pair.qualifiedPrefix);
      runs++;
    }
    const start = pair.episodeStart;
    const end = pair.episodeEnd;
    const lat = e.sumLat / e.samples;
    const lon = normaliseLongitude(pair.refLon + e.sumDLon / e.samples);
    const { anchorages, shore } = this.ctx.layers;
    const nearest = anchorages === undefined ? Infinity : anchorages.nearestMetres(lat, lon, PLACE_REPORT_RANGE_M);
    const shoreM = shore === undefined ? Infinity : shore.distanceMetres(lat, lon, PLACE_REPORT_RANGE_M);
    const p = this.p;
    const to = pair.runInEpisode ? pair.qualifiedTo : pair.mergedTo;
    const messagesLo = to[0]! - pair.episodeFrom[0]!;
    const messagesHi = to[1]! - pair.episodeFrom[1]!;
    const details: EncounterDetails = {
      thresholds: {
        maxDistanceM: p.maxDistanceM,
        minDurationS: p.minDurationS,
        maxMedianSpeedKn: p.maxMedianSpeedKn,
        minAnchorageDistanceM: p.minAnchorageDistanceM,
        minShoreDistanceM: p.minShoreDistanceM,
        mergeGapS: p.mergeGapS,
      },
      durationS: Math.round((end - start) / 1000),
      runs,
      closeSamples: e.samples,
      messages: pair.mmsiA <= pair.mmsiB ? [messagesLo, messagesHi] : [messagesHi, messagesLo],
      minDistanceM: Math.round(e.minDistance),
      meanDistanceM: Math.round(e.sumDistance / e.samples),
      medianSpeedKn: e.speeds.n === 0 ? null : e.speeds.median,
      meanSpeedKn: e.speeds.n === 0 ? null : round(e.speeds.mean, 2),
      nearestAnchorageM: Number.isFinite(nearest) ? Math.round(nearest) : null,
      nearestShoreM: Number.isFinite(shoreM) ? Math.round(shoreM) : null,
    };
    return makeEvent('encounter', this.ctx.profile, [pair.mmsiA, pair.mmsiB], start, end, lat, lon, open, details);
  }
}

export const encounter: DetectorDefinition<'encounter', typeof ENCOUNTER_PARAMS, EncounterDetails> = {
  type: 'encounter',
  summary: 'Two vessels, both transmitting, within a short distance of each other for a long time, away from anchorages and the shore.',
  params: ENCOUNTER_PARAMS,
  create: (ctx) => new EncounterDetector(ctx),
};
