/**
 * ais_gap: a vessel silent for longer than `minGapS` where reception was
 * good, so the silence is likely the vessel's doing (AIS switched off, or
 * its transmissions suppressed), not a hole in coverage.
 *
 * Behaviour. Every position marks its coarse cell (`receptionCellDeg`) as
 * heard in its time bucket (`receptionBucketS`), in a map that remembers
 * `receptionBuckets` buckets per cell. When a vessel reports again after a
 * silence of at least `minGapS`, the gap counts only if, in at least
 * `minReceptionFraction` of the whole buckets inside the silence, some other
 * vessel was heard within `receptionRadiusCells` cells of its last position,
 * and likewise of its next position. (The vessel's own reports cannot
 * count: it sent none inside the silence, and the buckets of its last and
 * next reports are not whole buckets inside it.) A silence longer than the
 * map remembers is judged on the buckets it still remembers. A silence that
 * begins within `minShoreDistanceM` of the shore (with a coastline layer) is
 * not counted: vessels at a berth or in harbour switch AIS off lawfully, and
 * small craft come and go inshore; GFW likewise judges gaps by how far from
 * shore they begin. A vessel that goes quiet at sea and comes back in port
 * still counts.
 *
 * Emission. A gap is emitted when the vessel reappears, with its last and
 * next positions, the distance between them, the implied speed and the
 * reception evidence. A vessel still silent when it is evicted or when the
 * input ends gives an `open: true` gap judged on its last position only,
 * with `next` null.
 */
import { haversineMetres, METRES_PER_SECOND_PER_KNOT } from '@tidewatch/geo';
import { eventPoint, makeEvent, round, type EngineEvent, type EventPoint, type EventSink } from '../events/event.js';
import type { ParamSpecs, ParamValues } from '../profile/params.js';
import { ReceptionMap, type Coverage } from '../space/reception.js';
import { resize } from '../track/track-table.js';
import type { Detector, DetectorContext, DetectorDefinition } from './detector.js';

export const AIS_GAP_PARAMS = {
  minGapS: { unit: 's', meaning: 'silence at least this long is a gap', min: 60, max: 90 * 86400 },
  minReceptionFraction: {
    unit: 'fraction',
    meaning: 'share of the whole buckets inside the gap in which other vessels were heard near the last and near the next position',
    min: 0,
    max: 1,
  },
  receptionCellDeg: { unit: 'deg', meaning: 'size of a reception cell', min: 0.01, max: 5 },
  receptionRadiusCells: { unit: 'count', meaning: 'cells around a position that count as near it (a (2r+1)² block)', min: 0, max: 5, integer: true },
  receptionBucketS: { unit: 's', meaning: 'time resolution of the reception map', min: 60, max: 86400 },
  receptionBuckets: { unit: 'count', meaning: 'buckets each cell remembers (bounds memory and how far back a gap is judged)', min: 8, max: 4096, integer: true },
  minShoreDistanceM: { unit: 'm', meaning: 'a silence that begins within this distance of the shore (or on inland waters the coastline layer draws as land) is not counted; 0: no shore criterion', min: 0, max: 500_000 },
} as const satisfies ParamSpecs;

type Params = ParamValues<typeof AIS_GAP_PARAMS>;

export interface ReceptionEvidence {
  /** Whole buckets inside the gap (that the map remembers). */
  readonly buckets: number;
  /** Of those, buckets in which other vessels were heard near the position. */
  readonly heard: number;
}

export interface AisGapDetails {
  readonly thresholds: { readonly minGapS: number; readonly minReceptionFraction: number; readonly receptionBucketS: number; readonly minShoreDistanceM: number };
  readonly durationS: number;
  readonly last: EventPoint;
  /** The first position after the gap; null while it has not ended. */
  readonly next: EventPoint | null;
  /** Great-circle distance from last to next position; null while open. */
  readonly distanceM: number | null;
  /** Speed the vessel must have averaged across the gap; null while open. */
  readonly impliedSpeedKn: number | null;
  readonly reception: { readonly last: ReceptionEvidence; readonly next: ReceptionEvidence | null };
  /** Distance from the last position to the shore (0 on land as the layer draws it); null when over 100 km or no layer. */
  readonly lastShoreM: number | null;
}

export type AisGapEvent = EngineEvent<'ais_gap', AisGapDetails>;

/** How often (in buckets) cells silent for a whole ring are swept out. */
const SWEEP_EVERY_BUCKETS = 1;
const SHORE_REPORT_RANGE_M = 100_000;

class AisGapDetector implements Detector {
  private readonly p: Params;
  private readonly map: ReceptionMap;
  private readonly minGapMs: number;
  /** Per slot, side by side (one cache miss): the reception cell and bucket this vessel last marked. */
  private lastMarked = new Float64Array(0);
  private readonly lastCoverage: Coverage = { heard: 0, buckets: 0 };
  private readonly nextCoverage: Coverage = { heard: 0, buckets: 0 };
  private lastSweep = -Infinity;

  constructor(private readonly ctx: DetectorContext<Params>) {
    this.p = ctx.params;
    this.minGapMs = this.p.minGapS * 1000;
    this.map = new ReceptionMap(this.p.receptionCellDeg, this.p.receptionBucketS * 1000, this.p.receptionBuckets);
    this.grow(ctx.tracks.capacity);
  }

  grow(capacity: number): void {
    this.lastMarked = resize(this.lastMarked, 2 * capacity);
  }

  touch(slot: number): number {
    return this.lastMarked[2 * slot]!;
  }

  open(slot: number): void {
    this.lastMarked[2 * slot] = -1;
    this.lastMarked[2 * slot + 1] = -1;
  }

  position(slot: number, emit: EventSink): void {
    const tracks = this.ctx.tracks;
    const t = tracks.lastT(slot);
    const lat = tracks.lat(slot);
    const lon = tracks.lon(slot);
    const prevT = tracks.prevT(slot);
    // Judge before marking: this report must not count as reception during its own gap.
    if (t - prevT >= this.minGapMs) this.judge(slot, prevT, tracks.prevLat(slot), tracks.prevLon(slot), t, lat, lon, emit);
    const map = this.map;
    const bucket = map.bucketOf(t);
    const cell = map.cellOf(lat, lon);
    const marked = this.lastMarked;
    if (cell === marked[2 * slot] && bucket === marked[2 * slot + 1]) return;
    marked[2 * slot] = cell;
    marked[2 * slot + 1] = bucket;
    map.mark(cell, bucket);
  }

  tick(now: number): void {
    const bucket = this.map.bucketOf(now);
    if (bucket - this.lastSweep < SWEEP_EVERY_BUCKETS) return;
    this.lastSweep = bucket;
    this.map.sweep(bucket);
  }

  evict(slot: number, now: number, emit: EventSink): void {
    this.openGap(slot, now, emit);
  }

  finish(now: number, emit: EventSink): void {
    const tracks = this.ctx.tracks;
    for (let slot = 0; slot < tracks.highWater; slot++) if (tracks.live[slot] === 1) this.openGap(slot, now, emit);
  }

  /** A vessel silent since its last position and not back by `now`. */
  private openGap(slot: number, now: number, emit: EventSink): void {
    const tracks = this.ctx.tracks;
    const lastT = tracks.lastT(slot);
    if (!(now - lastT >= this.minGapMs)) return;
    const lat = tracks.lat(slot);
    const lon = tracks.lon(slot);
    if (this.inshore(lat, lon)) return;
    const evidence = this.evidence(lat, lon, lastT, now, this.lastCoverage);
    if (!this.good(evidence)) return;
    const details: AisGapDetails = {
      thresholds: this.thresholds(),
      durationS: Math.round((now - lastT) / 1000),
      last: eventPoint(lastT, lat, lon),
      next: null,
      distanceM: null,
      impliedSpeedKn: null,
      reception: { last: { ...evidence }, next: null },
      lastShoreM: this.shoreMetres(lat, lon),
    };
    emit(makeEvent('ais_gap', this.ctx.profile, [tracks.mmsi(slot)], lastT, now, lat, lon, true, details));
  }

  private judge(slot: number, t0: number, lat0: number, lon0: number, t1: number, lat1: number, lon1: number, emit: EventSink): void {
    if (this.inshore(lat0, lon0)) return;
    const last = this.evidence(lat0, lon0, t0, t1, this.lastCoverage);
    if (!this.good(last)) return;
    const next = this.evidence(lat1, lon1, t0, t1, this.nextCoverage);
    if (!this.good(next)) return;
    const metres = haversineMetres(lat0, lon0, lat1, lon1);
    const seconds = (t1 - t0) / 1000;
    const details: AisGapDetails = {
      thresholds: this.thresholds(),
      durationS: Math.round(seconds),
      last: eventPoint(t0, lat0, lon0),
      next: eventPoint(t1, lat1, lon1),
      distanceM: Math.round(metres),
      impliedSpeedKn: round(metres / seconds / METRES_PER_SECOND_PER_KNOT, 2),
      reception: { last: { ...last }, next: { ...next } },
      lastShoreM: this.shoreMetres(lat0, lon0),
    };
    emit(makeEvent('ais_gap', this.ctx.profile, [this.ctx.tracks.mmsi(slot)], t0, t1, lat0, lon0, false, details));
  }

  /** Reception near a position over the whole buckets strictly inside (t0, t1). */
  private evidence(lat: number, lon: number, t0: number, t1: number, out: Coverage): Coverage {
    const map = this.map;
    const from = map.bucketOf(t0) + 1;
    const to = map.bucketOf(t1) - 1;
    return map.coverage(lat, lon, this.p.receptionRadiusCells, from, to, map.bucketOf(t1), out);
  }

  /** Within `minShoreDistanceM` of the shore: a silence beginning here is not counted. */
  private inshore(lat: number, lon: number): boolean {
    const shore = this.ctx.layers.shore;
    const min = this.p.minShoreDistanceM;
    return shore !== undefined && min > 0 && shore.distanceMetres(lat, lon, min) < min;
  }

  private shoreMetres(lat: number, lon: number): number | null {
    const metres = this.ctx.layers.shore?.distanceMetres(lat, lon, SHORE_REPORT_RANGE_M) ?? Infinity;
    return Number.isFinite(metres) ? Math.round(metres) : null;
  }

  private good(c: Coverage): boolean {
    return c.buckets > 0 && c.heard >= this.p.minReceptionFraction * c.buckets;
  }

  private thresholds(): AisGapDetails['thresholds'] {
    return { minGapS: this.p.minGapS, minReceptionFraction: this.p.minReceptionFraction, receptionBucketS: this.p.receptionBucketS, minShoreDistanceM: this.p.minShoreDistanceM };
  }
}

export const aisGap: DetectorDefinition<'ais_gap', typeof AIS_GAP_PARAMS, AisGapDetails> = {
  type: 'ais_gap',
  summary: 'A vessel silent past the threshold, away from the shore, where other vessels were heard near its last and next positions during the silence.',
  params: AIS_GAP_PARAMS,
  create: (ctx) => new AisGapDetector(ctx),
};
