/**
 * identity_conflict: one MMSI reporting from two places at once, i.e. two
 * transmitters sharing a number (a copied or default MMSI, or one used to
 * hide a second ship behind a legitimate identity).
 *
 * Behaviour. The track's branch tracker assigns each report to one of two
 * places (see track/branches.ts). After a jump opens a second place, each
 * report that goes back to the other place is a switch; `minSwitches`
 * switches (both places heard again after the jump) confirm the conflict.
 * The episode lasts until one of the places has not been reported from for
 * the profile's `branchTtlS`. A jump to a third place while it lasts counts
 * as a switch. The details also say what the MMSI itself tells: station
 * kind, MID and its flag, and whether the number is valid (a format ITU-R
 * M.585 defines, with an allocated MID), and the names and call signs the
 * vessel has broadcast.
 *
 * Emission. `open: true` when confirmed, closed (same id) when the episode
 * ends, at eviction or at end of input. Unconfirmed episodes are dropped
 * (a single jump is `position_jump`'s).
 */
import { haversineMetres } from '@tidewatch/geo';
import { isoTime, makeEvent, round, type EngineEvent, type EventSink } from '../events/event.js';
import { mmsiFacts, type MmsiFacts } from '../identity/mmsi.js';
import type { ParamSpecs, ParamValues } from '../profile/params.js';
import { Verdict } from '../track/branches.js';
import { resize } from '../track/track-table.js';
import type { Detector, DetectorContext, DetectorDefinition } from './detector.js';
import { SlotSet } from './slot-set.js';

export const IDENTITY_CONFLICT_PARAMS = {
  minSwitches: { unit: 'count', meaning: 'reports alternating between the two places needed to confirm two transmitters', min: 1, max: 1000, integer: true },
} as const satisfies ParamSpecs;

type Params = ParamValues<typeof IDENTITY_CONFLICT_PARAMS>;

export interface ConflictPlace {
  readonly lat: number;
  readonly lon: number;
  /** Reports from this place during the episode. */
  readonly reports: number;
  readonly lastTime: string;
}

export interface IdentityConflictDetails {
  readonly thresholds: { readonly maxSpeedKn: number; readonly minJumpM: number; readonly branchTtlS: number; readonly minSwitches: number };
  readonly reason: 'two_positions';
  readonly switches: number;
  /** The two places, by their last reported position. */
  readonly places: readonly [ConflictPlace, ConflictPlace];
  /** Greatest distance seen between the two places when a report switched. */
  readonly separationM: number;
  readonly station: MmsiFacts;
  /** What the vessel broadcast as its identity ('' / null when never sent). */
  readonly names: readonly string[];
  readonly callsigns: readonly string[];
  readonly imo: number | null;
}

export type IdentityConflictEvent = EngineEvent<'identity_conflict', IdentityConflictDetails>;

const IDLE = 0;
const WATCHING = 1;
const CONFIRMED = 2;

class IdentityConflictDetector implements Detector {
  private readonly p: Params;
  private readonly ttlMs: number;
  private state = new Uint8Array(0);
  private start = new Float64Array(0);
  private switches = new Uint32Array(0);
  /** Per slot × 2 places: last report (time, position) and report count in the episode. */
  private lastAt = new Float64Array(0);
  private placeLat = new Float64Array(0);
  private placeLon = new Float64Array(0);
  private reports = new Uint32Array(0);
  /** Place of the latest report. */
  private latest = new Uint8Array(0);
  private separation = new Float64Array(0);
  /** Slots not IDLE. */
  private readonly active = new SlotSet();

  constructor(private readonly ctx: DetectorContext<Params>) {
    this.p = ctx.params;
    this.ttlMs = ctx.trackParams.branchTtlS * 1000;
    this.grow(ctx.tracks.capacity);
  }

  grow(capacity: number): void {
    this.active.grow(capacity);
    this.state = resize(this.state, capacity);
    this.start = resize(this.start, capacity);
    this.switches = resize(this.switches, capacity);
    this.lastAt = resize(this.lastAt, capacity * 2);
    this.placeLat = resize(this.placeLat, capacity * 2);
    this.placeLon = resize(this.placeLon, capacity * 2);
    this.reports = resize(this.reports, capacity * 2);
    this.latest = resize(this.latest, capacity);
    this.separation = resize(this.separation, capacity);
  }

  touch(slot: number): number {
    return this.state[slot]!;
  }

  open(slot: number): void {
    this.state[slot] = IDLE;
  }

  position(slot: number, emit: EventSink): void {
    const branches = this.ctx.branches;
    const verdict = branches.verdict[slot]!;
    // The usual report: no conflict watched and no jump to start one.
    if (verdict !== Verdict.JUMP && this.state[slot] === IDLE) return;
    const tracks = this.ctx.tracks;
    const t = tracks.lastT(slot);
    const k = branches.current[slot]!;
    const i = slot * 2;
    if (this.state[slot] !== IDLE && this.expired(slot, t)) this.end(slot, emit);
    if (this.state[slot] === IDLE) {
      if (verdict !== Verdict.JUMP) return;
      this.state[slot] = WATCHING;
      this.active.add(slot);
      this.start[slot] = t;
      this.switches[slot] = 0;
      this.separation[slot] = branches.jumpMetres[slot]!;
      this.place(i + 1 - k, tracks.prevT(slot), tracks.prevLat(slot), tracks.prevLon(slot), 1);
      this.place(i + k, t, tracks.lat(slot), tracks.lon(slot), 1);
      this.latest[slot] = k;
      return;
    }
    // A jump to a third place replaces the place of this branch.
    this.place(i + k, t, tracks.lat(slot), tracks.lon(slot), verdict === Verdict.JUMP ? 1 : this.reports[i + k]! + 1);
    this.latest[slot] = k;
    if (verdict === Verdict.SAME) return;
    this.switches[slot]!++;
    this.separation[slot] = Math.max(this.separation[slot]!, haversineMetres(this.placeLat[i]!, this.placeLon[i]!, this.placeLat[i + 1]!, this.placeLon[i + 1]!));
    if (this.state[slot] === WATCHING && this.switches[slot]! >= this.p.minSwitches) {
      this.state[slot] = CONFIRMED;
      emit(this.event(slot, true));
    }
  }

  tick(now: number, emit: EventSink): void {
    if (this.active.size === 0) return;
    for (const slot of this.active.ascendingWhere((s) => this.expired(s, now))) this.end(slot, emit);
  }

  evict(slot: number, _now: number, emit: EventSink): void {
    if (this.state[slot] !== IDLE) this.end(slot, emit);
  }

  finish(_now: number, emit: EventSink): void {
    for (const slot of this.active.ascending()) this.end(slot, emit);
  }

  private place(j: number, t: number, lat: number, lon: number, reports: number): void {
    this.lastAt[j] = t;
    this.placeLat[j] = lat;
    this.placeLon[j] = lon;
    this.reports[j] = reports;
  }

  private expired(slot: number, now: number): boolean {
    return now - Math.min(this.lastAt[slot * 2]!, this.lastAt[slot * 2 + 1]!) > this.ttlMs;
  }

  private end(slot: number, emit: EventSink): void {
    if (this.state[slot] === CONFIRMED) emit(this.event(slot, false));
    this.state[slot] = IDLE;
    this.active.delete(slot);
  }

  private event(slot: number, open: boolean): IdentityConflictEvent {
    const tracks = this.ctx.tracks;
    const mmsi = tracks.mmsi(slot);
    const i = slot * 2;
    const place = (k: number): ConflictPlace => ({
      lat: round(this.placeLat[i + k]!, 6),
      lon: round(this.placeLon[i + k]!, 6),
      reports: this.reports[i + k]!,
      lastTime: isoTime(this.lastAt[i + k]!),
    });
    // Open: evidence so far. Closed: until the place that fell silent was last heard.
    const end = open ? this.lastAt[i + this.latest[slot]!]! : Math.min(this.lastAt[i]!, this.lastAt[i + 1]!);
    const identity = tracks.identities[slot];
    const names = new Set<string>();
    const callsigns = new Set<string>();
    if (identity !== undefined) {
      for (const c of identity.changes) {
        if (c.field === 'name') names.add(String(c.from)).add(String(c.to));
        if (c.field === 'callsign') callsigns.add(String(c.from)).add(String(c.to));
      }
      if (identity.name !== '') names.add(identity.name);
      if (identity.callsign !== '') callsigns.add(identity.callsign);
    }
    const tp = this.ctx.trackParams;
    const details: IdentityConflictDetails = {
      thresholds: { maxSpeedKn: tp.maxSpeedKn, minJumpM: tp.minJumpM, branchTtlS: tp.branchTtlS, minSwitches: this.p.minSwitches },
      reason: 'two_positions',
      switches: this.switches[slot]!,
      places: [place(0), place(1)],
      separationM: Math.round(this.separation[slot]!),
      station: mmsiFacts(mmsi),
      names: [...names].sort(),
      callsigns: [...callsigns].sort(),
      imo: identity === undefined || Number.isNaN(identity.imo) ? null : identity.imo,
    };
    const lat = this.placeLat[i + this.latest[slot]!]!;
    const lon = this.placeLon[i + this.latest[slot]!]!;
    return makeEvent('identity_conflict', this.ctx.profile, [mmsi], this.start[slot]!, Math.max(this.start[slot]!, end), lat, lon, open, details);
  }
}

export const identityConflict: DetectorDefinition<'identity_conflict', typeof IDENTITY_CONFLICT_PARAMS, IdentityConflictDetails> = {
  type: 'identity_conflict',
  summary: 'One MMSI reporting from two places at once: two transmitters sharing a number.',
  params: IDENTITY_CONFLICT_PARAMS,
  create: (ctx) => new IdentityConflictDetector(ctx),
};
