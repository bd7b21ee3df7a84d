/**
 * fishing_in_foreign_eez: a fishing vessel (AIS ship type 30) moving at
 * fishing speeds inside an EEZ that is not its flag's.
 *
 * Behaviour. The flag is the ISO alpha-3 code of the country the MMSI's MID
 * is allocated to (see flag-state.ts); the EEZ is a zone of kind `eez` in the
 * zones layer whose `country` differs from it. Vessels whose ship type is not
 * 30, whose MID is not allocated, and zones without a country are never
 * judged, so a vessel pays for a zone lookup only once it says it fishes. A
 * run starts at a report inside such an EEZ at a speed in
 * `minSpeedKn`..`maxSpeedKn` (reported speed, or implied by the move when
 * none) and goes on while reports stay in it; a spell out of the band or out
 * of the zone up to `maxBreakS` is tolerated (hauling, steaming between
 * sets, a fix over the border), a longer one ends the run at its last
 * fishing report, and so does silence longer than `maxPointGapS`. Fishing
 * time is the time between consecutive fishing reports of the run; the run
 * is confirmed once it reaches `minDurationS`.
 *
 * Emission. `open: true` when confirmed; closed (same id, ending with the
 * zone's key) when the run ends, at eviction or at the end of input.
 * Unconfirmed runs are dropped. The event is placed at the run's mean
 * position.
 */
import { equirectangularMetres, METRES_PER_SECOND_PER_KNOT, normaliseLongitude } from '@tidewatch/geo';
import { eventPoint, round, type EngineEvent, type EventPoint, type EventSink } from '../events/event.js';
import { flagOfMid, midOf } from '../identity/mmsi.js';
import type { ParamSpecs, ParamValues } from '../profile/params.js';
import { zoneLookupFor, type ZoneLookup } from '../space/zone-lookup.js';
import type { ZoneInfo } from '../space/zones.js';
import type { Detector, DetectorContext, DetectorDefinition } from './detector.js';
import { EpisodeSet } from './episode-set.js';
import { flagIsoOf } from './flag-state.js';
import { keyedEvent } from './keyed-event.js';
import { resize } from '../track/track-table.js';
import { SpeedStats } from './speed-stats.js';

export const FISHING_IN_FOREIGN_EEZ_PARAMS = {
  minSpeedKn: { unit: 'kn', meaning: 'lower bound of fishing speed', min: 0, max: 30 },
  maxSpeedKn: { unit: 'kn', meaning: 'upper bound of fishing speed', min: 0.1, max: 30 },
  minDurationS: { unit: 's', meaning: 'fishing time inside the foreign EEZ that confirms the run', min: 60, max: 30 * 86400 },
  maxBreakS: { unit: 's', meaning: 'a spell out of the speed band or the zone up to this long does not end the run', min: 0, max: 86400 },
  maxPointGapS: { unit: 's', meaning: 'silence longer than this ends the run', min: 60, max: 86400 },
} as const satisfies ParamSpecs;

type Params = ParamValues<typeof FISHING_IN_FOREIGN_EEZ_PARAMS>;

export interface FishingInForeignEezDetails {
  readonly zone: ZoneInfo;
  /** The vessel's flag from its MMSI: MID, country as ITU lists it, ISO alpha-3. */
  readonly flag: { readonly mid: number; readonly country: string | null; readonly iso: string };
  readonly shipType: number;
  readonly thresholds: Params;
  /** First to last fishing report. */
  readonly durationS: number;
  /** Time between consecutive fishing reports of the run. */
  readonly fishingS: number;
  /** Fishing reports. */
  readonly positions: number;
  readonly meanSpeedKn: number | null;
  readonly medianSpeedKn: number | null;
  readonly first: EventPoint;
  readonly last: EventPoint;
}

export type FishingInForeignEezEvent = EngineEvent<'fishing_in_foreign_eez', FishingInForeignEezDetails>;

const FISHING = 30;

class Run {
  slot = 0;
  zone = 0;
  start = 0;
  startLat = 0;
  startLon = 0;
  lastT = 0;
  lastLat = 0;
  lastLon = 0;
  /** First report out of the band or the zone since the last fishing report, or NaN. */
  breakSince = NaN;
  fishingS = 0;
  sumLat = 0;
  sumDLon = 0;
  readonly speeds = new SpeedStats(0);
  confirmed = false;
  at = -1;
}

class FishingInForeignEezDetector implements Detector {
  private readonly p: Params;
  private readonly runs = new EpisodeSet(() => new Run());
  /** Per slot: flag ISO code, '' when the MID is not allocated. */
  private readonly flags: string[] = [];
  /**
   * Per slot: 1 for a fishing vessel (ship type 30) with a known flag, kept
   * as its identity changes, so that the positions of every other vessel
   * with no run open end after one byte.
   */
  private fishingVessel = new Uint8Array(0);

  constructor(
    private readonly ctx: DetectorContext<Params>,
    private readonly lookup: ZoneLookup,
  ) {
    this.p = ctx.params;
    this.grow(ctx.tracks.capacity);
  }

  grow(capacity: number): void {
    this.lookup.grow(capacity);
    this.fishingVessel = resize(this.fishingVessel, capacity);
  }

  touch(slot: number): number {
    return this.fishingVessel[slot]!;
  }

  open(slot: number): void {
    this.lookup.open(slot);
    this.runs.clear(slot);
    this.flags[slot] = flagIsoOf(this.ctx.tracks.mmsi(slot)) ?? '';
    this.fishingVessel[slot] = 0;
  }

  identity(slot: number): void {
    this.fishingVessel[slot] = this.ctx.tracks.identities[slot]?.shipType === FISHING && this.flags[slot] !== '' ? 1 : 0;
  }

  position(slot: number, emit: EventSink): void {
    const tracks = this.ctx.tracks;
    const t = tracks.lastT(slot);
    const prevT = tracks.prevT(slot);
    const fishingVessel = this.fishingVessel[slot] === 1;
    if (!fishingVessel && !this.runs.any(slot)) return;
    const runs = this.runs.of(slot);
    for (let i = runs.length - 1; i >= 0; i--) this.resolve(runs[i]!, t, prevT, emit);
    const flag = this.flags[slot] ?? '';
    const lookup = this.lookup;
    const zones = lookup.layer.zones;
    const n = lookup.at(slot);
    const speed = this.speedOf(slot);
    const fishing = fishingVessel && speed >= this.p.minSpeedKn && speed <= this.p.maxSpeedKn;
    for (const run of runs) if (!(fishing && lookup.has(slot, run.zone)) && Number.isNaN(run.breakSince)) run.breakSince = t;
    if (!fishing) return;
    for (let i = 0; i < n; i++) {
      const z = lookup.zone(slot, i);
      const zone = zones[z]!;
      if (zone.kind !== 'eez' || zone.country === null || zone.country === flag) continue;
      this.fish(runOf(runs, z) ?? this.begin(slot, z), t, prevT, speed, emit);
    }
  }

  tick(now: number, emit: EventSink): void {
    const tracks = this.ctx.tracks;
    const active = this.runs.active;
    for (let i = active.length - 1; i >= 0; i--) {
      const run = active[i]!;
      this.resolve(run, now, tracks.lastT(run.slot), emit);
    }
  }

  evict(slot: number, _now: number, emit: EventSink): void {
    const runs = this.runs.of(slot);
    for (let i = runs.length - 1; i >= 0; i--) this.end(runs[i]!, emit);
  }

  finish(_now: number, emit: EventSink): void {
    const active = this.runs.active;
    for (let i = active.length - 1; i >= 0; i--) this.end(active[i]!, emit);
  }

  /** Ends the run if a deadline passed before `now` (a break or a silence too long); the same from a tick or the next report. */
  private resolve(run: Run, now: number, lastT: number, emit: EventSink): void {
    const p = this.p;
    if ((!Number.isNaN(run.breakSince) && now - run.breakSince > p.maxBreakS * 1000) || now - lastT > p.maxPointGapS * 1000) this.end(run, emit);
  }

  private speedOf(slot: number): number {
    const tracks = this.ctx.tracks;
    const sog = tracks.sog(slot);
    if (!Number.isNaN(sog)) return sog;
    const dt = (tracks.lastT(slot) - tracks.prevT(slot)) / 1000;
    if (!(dt > 0)) return NaN;
    return equirectangularMetres(tracks.prevLat(slot), tracks.prevLon(slot), tracks.lat(slot), tracks.lon(slot)) / dt / METRES_PER_SECOND_PER_KNOT;
  }

  private begin(slot: number, zone: number): Run {
    const tracks = this.ctx.tracks;
    const run = this.runs.open(slot);
    run.zone = zone;
    run.start = tracks.lastT(slot);
    run.startLat = tracks.lat(slot);
    run.startLon = tracks.lon(slot);
    run.lastT = NaN;
    run.breakSince = NaN;
    run.fishingS = 0;
    run.sumLat = 0;
    run.sumDLon = 0;
    run.speeds.clear();
    run.confirmed = false;
    return run;
  }

  /** A fishing report inside the run's zone. */
  private fish(run: Run, t: number, prevT: number, speed: number, emit: EventSink): void {
    const tracks = this.ctx.tracks;
    const lat = tracks.lat(run.slot);
    const lon = tracks.lon(run.slot);
    if (prevT === run.lastT) run.fishingS += (t - prevT) / 1000;
    run.breakSince = NaN;
    run.lastT = t;
    run.lastLat = lat;
    run.lastLon = lon;
    run.sumLat += lat;
    run.sumDLon += normaliseLongitude(lon - run.startLon);
    run.speeds.add(speed);
    if (!run.confirmed && run.fishingS >= this.p.minDurationS) {
      run.confirmed = true;
      emit(this.event(run, true));
    }
  }

  private end(run: Run, emit: EventSink): void {
    if (run.confirmed) emit(this.event(run, false));
    this.runs.close(run);
  }

  private event(run: Run, open: boolean): FishingInForeignEezEvent {
    const tracks = this.ctx.tracks;
    const mmsi = tracks.mmsi(run.slot);
    const mid = midOf(mmsi);
    const zone = this.lookup.layer.zones[run.zone]!;
    const n = run.speeds.n;
    const details: FishingInForeignEezDetails = {
      zone: { ...zone },
      flag: { mid, country: flagOfMid(mid) ?? null, iso: this.flags[run.slot]! },
      shipType: FISHING,
      thresholds: this.p,
      durationS: Math.round((run.lastT - run.start) / 1000),
      fishingS: Math.round(run.fishingS),
      positions: n,
      meanSpeedKn: n > 0 ? round(run.speeds.mean, 2) : null,
      medianSpeedKn: n > 0 ? run.speeds.median : null,
      first: eventPoint(run.start, run.startLat, run.startLon),
      last: eventPoint(run.lastT, run.lastLat, run.lastLon),
    };
    const lat = run.sumLat / n;
    const lon = normaliseLongitude(run.startLon + run.sumDLon / n);
    return keyedEvent('fishing_in_foreign_eez', zone.id, this.ctx.profile, [mmsi], run.start, run.lastT, lat, lon, open, details);
  }
}

function runOf(runs: readonly Run[], zone: number): Run | undefined {
  for (const run of runs) if (run.zone === zone) return run;
  return undefined;
}

export const fishingInForeignEez: DetectorDefinition<'fishing_in_foreign_eez', typeof FISHING_IN_FOREIGN_EEZ_PARAMS, FishingInForeignEezDetails> = {
  type: 'fishing_in_foreign_eez',
  summary: 'A fishing vessel (ship type 30) at fishing speeds inside an EEZ that is not its flag state’s.',
  params: FISHING_IN_FOREIGN_EEZ_PARAMS,
  create: (ctx) => (ctx.layers.zones === undefined ? {} : new FishingInForeignEezDetector(ctx, zoneLookupFor(ctx.tracks, ctx.layers.zones))),
};
