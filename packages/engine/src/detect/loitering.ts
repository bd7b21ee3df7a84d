/**
 * loitering: one vessel moving slowly for a long time away from port (it may
 * be meeting a vessel that is not transmitting, or waiting for one).
 *
 * Behaviour. A run starts at a position slower than `slowSpeedKn` and goes on
 * while positions stay slow; a spell of faster positions shorter than
 * `maxFastS` is tolerated (a vessel repositioning), a longer one ends the
 * run at its last slow position, and so does silence longer than
 * `maxPointGapS` (we do not know what it did). Speed is the reported speed
 * over ground, or the speed implied by the move from the previous position
 * when none is reported. The run is confirmed once it has lasted
 * `minDurationS`, its time-weighted mean speed is below `maxMeanSpeedKn` and
 * its mean position is at least `minShoreDistanceM` from the shore and
 * `minAnchorageDistanceM` from any anchorage. The shore is GFW's own
 * criterion (20 nm): near the coast, slow vessels are mostly in port, at
 * anchor or fishing inshore. The anchorage one stays for the roadsteads that
 * lie far out (vessels waiting there are not loitering), and for runs without
 * a coastline layer, where it is the only place criterion.
 *
 * Emission. `open: true` when confirmed; closed (same id) when the run ends,
 * at eviction, or at end of input. Unconfirmed runs are dropped silently.
 */
import { equirectangularMetres, haversineMetres, normaliseLongitude } from '@tidewatch/geo';
import { makeEvent, round, type EngineEvent, type EventSink } from '../events/event.js';
import type { ParamSpecs, ParamValues } from '../profile/params.js';
import { TICK_MS, tickAfter } from '../tick.js';
import { DeadlineWheel } from '../track/deadline-wheel.js';
import { resize } from '../track/track-table.js';
import type { Detector, DetectorContext, DetectorDefinition } from './detector.js';
import { SlotSet } from './slot-set.js';

export const LOITERING_PARAMS = {
  slowSpeedKn: { unit: 'kn', meaning: 'a position slower than this starts or continues a run', min: 0.1, max: 30 },
  maxMeanSpeedKn: { unit: 'kn', meaning: 'the time-weighted mean speed over the run is below this', min: 0.1, max: 30 },
  minDurationS: { unit: 's', meaning: 'the run lasts at least this long', min: 60, max: 30 * 86400 },
  minAnchorageDistanceM: { unit: 'm', meaning: "the run's mean position is at least this far from any anchorage", min: 0, max: 500_000 },
  minShoreDistanceM: { unit: 'm', meaning: "the run's mean position is at least this far from the shore (inland waters the coastline layer draws as land count as shore); 0: no shore criterion", min: 0, max: 500_000 },
  maxFastS: { unit: 's', meaning: 'a spell of faster positions up to this long does not end the run', min: 0, max: 86400 },
  maxPointGapS: { unit: 's', meaning: 'silence longer than this ends the run', min: 60, max: 86400 },
} as const satisfies ParamSpecs;

type Params = ParamValues<typeof LOITERING_PARAMS>;

export interface LoiteringDetails {
  readonly thresholds: {
    readonly slowSpeedKn: number;
    readonly maxMeanSpeedKn: number;
    readonly minDurationS: number;
    readonly minAnchorageDistanceM: number;
    readonly minShoreDistanceM: number;
  };
  readonly durationS: number;
  readonly meanSpeedKn: number;
  readonly maxSpeedKn: number;
  /** Position reports in the run. */
  readonly messages: number;
  /** Farthest any report of the run was from its mean position: how much ground it covered. */
  readonly radiusM: number;
  /** Distance from the mean position to the nearest anchorage; null when none within 100 km or no layer. */
  readonly nearestAnchorageM: number | null;
  /** Distance from the mean position to the shore (0 on land as the layer draws it); null when over 100 km or no layer. */
  readonly nearestShoreM: number | null;
}

export type LoiteringEvent = EngineEvent<'loitering', LoiteringDetails>;

const IDLE = 0;
const RUNNING = 1;
const CONFIRMED = 2;
/** How often (event time) a running vessel's distance to anchorages and shore is re-checked. */
const PLACE_RECHECK_MS = 15 * 60_000;
const PLACE_REPORT_RANGE_M = 100_000;
const KNOT_MPS = 1852 / 3600;

class LoiteringDetector implements Detector {
  private readonly p: Params;
  private state = new Uint8Array(0);
  private start = new Float64Array(0);
  private lastSlow = new Float64Array(0);
  private fastSince = new Float64Array(0);
  /** Σ speed·dt and Σ dt through the last slow position, and for the fast spell since. */
  private speedTime = new Float64Array(0);
  private time = new Float64Array(0);
  private fastSpeedTime = new Float64Array(0);
  private fastTime = new Float64Array(0);
  private maxSpeed = new Float64Array(0);
  /** Mean position of the slow reports, longitude relative to the first. */
  private sumLat = new Float64Array(0);
  private sumDLon = new Float64Array(0);
  private refLon = new Float64Array(0);
  private points = new Uint32Array(0);
  /** Radius: the slow reports' farthest distance from the first one (cheap, bounded proxy for spread). */
  private radius = new Float64Array(0);
  private nextAnchorCheck = new Float64Array(0);
  /**
   * Per slot: a place found near an anchorage, and by how much it was inside
   * minAnchorageDistanceM (NaN: none). A run in port is re-checked every
   * PLACE_RECHECK_MS for as long as it lasts; while its mean position stays
   * within that margin of the place (less a metre for rounding), the same
   * anchorage is still close enough (triangle inequality), so the answer is
   * known without searching tens of kilometres of anchorages again.
   */
  private nearAnchorage = new Float64Array(0);
  /** The vessels in a run (state RUNNING or CONFIRMED). */
  private readonly runs = new SlotSet();
  /** Each run in the bucket of the tick at which it would pass a deadline if its vessel did not report again. */
  private readonly deadlines: DeadlineWheel;
  /** The runs a tick takes from the wheel, then those it ends. */
  private due = new Int32Array(0);

  constructor(private readonly ctx: DetectorContext<Params>) {
    this.p = ctx.params;
    this.deadlines = new DeadlineWheel(Math.ceil((Math.max(this.p.maxPointGapS, this.p.maxFastS) * 1000) / TICK_MS) + 2, 0);
    this.grow(ctx.tracks.capacity);
  }

  grow(capacity: number): void {
    this.state = resize(this.state, capacity);
    this.start = resize(this.start, capacity);
    this.lastSlow = resize(this.lastSlow, capacity);
    this.fastSince = resize(this.fastSince, capacity);
    this.speedTime = resize(this.speedTime, capacity);
    this.time = resize(this.time, capacity);
    this.fastSpeedTime = resize(this.fastSpeedTime, capacity);
    this.fastTime = resize(this.fastTime, capacity);
    this.maxSpeed = resize(this.maxSpeed, capacity);
    this.sumLat = resize(this.sumLat, capacity);
    this.sumDLon = resize(this.sumDLon, capacity);
    this.refLon = resize(this.refLon, capacity);
    this.points = resize(this.points, capacity);
    this.radius = resize(this.radius, capacity);
    this.nextAnchorCheck = resize(this.nextAnchorCheck, capacity);
    this.nearAnchorage = resize(this.nearAnchorage, 3 * capacity);
    this.runs.grow(capacity);
    this.deadlines.grow(capacity);
    this.due = resize(this.due, capacity);
  }

  touch(slot: number): number {
    return this.state[slot]!;
  }

  open(slot: number): void {
    this.state[slot] = IDLE;
    this.nearAnchorage[3 * slot + 2] = NaN;
  }

  position(slot: number, emit: EventSink): void {
    const tracks = this.ctx.tracks;
    const sog = tracks.sog(slot);
    // The usual report, a vessel under way and in no run: nothing to read further.
    if (this.state[slot] === IDLE && sog >= this.p.slowSpeedKn) return;
    const t = tracks.lastT(slot);
    const lat = tracks.lat(slot);
    const lon = tracks.lon(slot);
    const prevT = tracks.prevT(slot);
    if (this.state[slot] !== IDLE) this.resolve(slot, t, prevT, emit);
    const dt = Number.isNaN(prevT) ? 0 : (t - prevT) / 1000;
    let speed = sog;
    if (Number.isNaN(speed)) {
      if (!(dt > 0)) return; // no reported speed and none implied: nothing to judge
      speed = equirectangularMetres(tracks.prevLat(slot), tracks.prevLon(slot), lat, lon) / dt / KNOT_MPS;
    }
    const slow = speed < this.p.slowSpeedKn;
    if (this.state[slot] === IDLE) {
      if (slow) this.begin(slot, t, lat, lon, speed);
      return;
    }
    if (!slow) {
      if (Number.isNaN(this.fastSince[slot]!)) {
        this.fastSince[slot] = t;
        // The spell's own deadline may fall before the silence's: the run waits for it instead.
        this.deadlines.schedule(slot, this.deadline(slot));
      }
      this.fastSpeedTime[slot]! += speed * dt;
      this.fastTime[slot]! += dt;
      return;
    }
    // Slow again: a tolerated fast spell (if any) becomes part of the run.
    if (!Number.isNaN(this.fastSince[slot]!)) {
      this.speedTime[slot]! += this.fastSpeedTime[slot]!;
      this.time[slot]! += this.fastTime[slot]!;
      this.fastSince[slot] = NaN;
      this.fastSpeedTime[slot] = 0;
      this.fastTime[slot] = 0;
    }
    this.speedTime[slot]! += speed * dt;
    this.time[slot]! += dt;
    this.lastSlow[slot] = t;
    this.maxSpeed[slot] = Math.max(this.maxSpeed[slot]!, speed);
    this.sumLat[slot]! += lat;
    this.sumDLon[slot]! += normaliseLongitude(lon - this.refLon[slot]!);
    this.points[slot]!++;
    this.radius[slot] = Math.max(this.radius[slot]!, equirectangularMetres(this.sumLat[slot]! / this.points[slot]!, this.meanLon(slot), lat, lon));
    if (this.state[slot] === RUNNING) this.tryConfirm(slot, t, emit);
  }

  tick(now: number, emit: EventSink): void {
    if (this.runs.size === 0) return;
    // A run reported since it was scheduled waits for the deadline its latest report gives;
    // the rest end in slot order, as a scan over the runs would end them.
    const due = this.due;
    const n = this.deadlines.takeDue(now / TICK_MS, due, this.deadlineOf);
    for (let i = 0; i < n; i++) this.end(due[i]!, emit);
  }

  evict(slot: number, _now: number, emit: EventSink): void {
    if (this.state[slot] !== IDLE) this.end(slot, emit);
  }

  finish(_now: number, emit: EventSink): void {
    if (this.runs.size === 0) return;
    for (const slot of this.runs.ascending()) this.end(slot, emit);
  }

  /**
   * Ends the run if a deadline passed before `now`: a fast spell or a silence
   * (since the report at `lastT`) too long. Called with the same answer from a
   * tick or from the vessel's next report, whichever comes first.
   */
  private resolve(slot: number, now: number, lastT: number, emit: EventSink): void {
    if (this.overdue(slot, now, lastT)) this.end(slot, emit);
  }

  private readonly deadlineOf = (slot: number): number => this.deadline(slot);

  /** The number of the first tick at which the run is overdue if its vessel does not report again (see overdue). */
  private deadline(slot: number): number {
    const bySilence = tickAfter(this.ctx.tracks.lastT(slot) + this.p.maxPointGapS * 1000);
    const fastSince = this.fastSince[slot]!;
    return Number.isNaN(fastSince) ? bySilence : Math.min(bySilence, tickAfter(fastSince + this.p.maxFastS * 1000));
  }

  /** Whether the run has passed a deadline before `now` (see resolve). */
  private overdue(slot: number, now: number, lastT: number): boolean {
    const fastSince = this.fastSince[slot]!;
    return (!Number.isNaN(fastSince) && now - fastSince > this.p.maxFastS * 1000) || now - lastT > this.p.maxPointGapS * 1000;
  }

  private begin(slot: number, t: number, lat: number, lon: number, speed: number): void {
    this.state[slot] = RUNNING;
    this.runs.add(slot);
    this.start[slot] = t;
    this.lastSlow[slot] = t;
    this.fastSince[slot] = NaN;
    this.speedTime[slot] = 0;
    this.time[slot] = 0;
    this.fastSpeedTime[slot] = 0;
    this.fastTime[slot] = 0;
    this.maxSpeed[slot] = speed;
    this.sumLat[slot] = lat;
    this.sumDLon[slot] = 0;
    this.refLon[slot] = lon;
    this.points[slot] = 1;
    this.radius[slot] = 0;
    this.nextAnchorCheck[slot] = -Infinity;
    this.deadlines.schedule(slot, this.deadline(slot));
  }

  private tryConfirm(slot: number, t: number, emit: EventSink): void {
    if (t - this.start[slot]! < this.p.minDurationS * 1000) return;
    if (!(this.meanSpeed(slot) < this.p.maxMeanSpeedKn)) return;
    if (t < this.nextAnchorCheck[slot]!) return;
    this.nextAnchorCheck[slot] = t + PLACE_RECHECK_MS;
    const { anchorages, shore } = this.ctx.layers;
    const lat = this.sumLat[slot]! / this.points[slot]!;
    const lon = this.meanLon(slot);
    const min = this.p.minAnchorageDistanceM;
    if (anchorages !== undefined && min > 0 && this.nearAnAnchorage(slot, lat, lon, min)) return;
    const minShore = this.p.minShoreDistanceM;
    if (shore !== undefined && minShore > 0 && shore.distanceMetres(lat, lon, minShore) < minShore) return;
    this.state[slot] = CONFIRMED;
    emit(this.event(slot, true));
  }

  /** Whether an anchorage lies within `min` of the point, from the last place found near one when it tells. */
  private nearAnAnchorage(slot: number, lat: number, lon: number, min: number): boolean {
    const near = this.nearAnchorage;
    const at = 3 * slot;
    if (haversineMetres(near[at]!, near[at + 1]!, lat, lon) + 1 < near[at + 2]!) return true;
    const metres = this.ctx.layers.anchorages!.nearestMetres(lat, lon, min);
    if (!(metres < min)) return false;
    near[at] = lat;
    near[at + 1] = lon;
    near[at + 2] = min - metres;
    return true;
  }

  private end(slot: number, emit: EventSink): void {
    if (this.state[slot] === CONFIRMED) emit(this.event(slot, false));
    this.state[slot] = IDLE;
    this.runs.delete(slot);
    this.deadlines.cancel(slot);
  }

  private meanSpeed(slot: number): number {
    const time = this.time[slot]!;
    return time > 0 ? this.speedTime[slot]! / time : this.maxSpeed[slot]!;
  }

  private meanLon(slot: number): number {
    return normaliseLongitude(this.refLon[slot]! + this.sumDLon[slot]! / this.points[slot]!);
  }

  private event(slot: number, open: boolean): LoiteringEvent {
    const p = this.p;
    const lat = this.sumLat[slot]! / this.points[slot]!;
    const lon = this.meanLon(slot);
    const { anchorages, shore } = this.ctx.layers;
    const nearest = anchorages === undefined ? Infinity : anchorages.nearestMetres(lat, lon, PLACE_REPORT_RANGE_M);
    const shoreM = shore === undefined ? Infinity : shore.distanceMetres(lat, lon, PLACE_REPORT_RANGE_M);
    const start = this.start[slot]!;
    const end = this.lastSlow[slot]!;
    const details: LoiteringDetails = {
      thresholds: { slowSpeedKn: p.slowSpeedKn, maxMeanSpeedKn: p.maxMeanSpeedKn, minDurationS: p.minDurationS, minAnchorageDistanceM: p.minAnchorageDistanceM, minShoreDistanceM: p.minShoreDistanceM },
      durationS: Math.round((end - start) / 1000),
      meanSpeedKn: round(this.meanSpeed(slot), 2),
      maxSpeedKn: round(this.maxSpeed[slot]!, 1),
      messages: this.points[slot]!,
      radiusM: Math.round(this.radius[slot]!),
      nearestAnchorageM: Number.isFinite(nearest) ? Math.round(nearest) : null,
      nearestShoreM: Number.isFinite(shoreM) ? Math.round(shoreM) : null,
    };
    return makeEvent('loitering', this.ctx.profile, [this.ctx.tracks.mmsi(slot)], start, end, lat, lon, open, details);
  }
}

export const loitering: DetectorDefinition<'loitering', typeof LOITERING_PARAMS, LoiteringDetails> = {
  type: 'loitering',
  summary: 'One vessel moving slowly for a long time away from port and shore.',
  params: LOITERING_PARAMS,
  create: (ctx) => new LoiteringDetector(ctx),
};
