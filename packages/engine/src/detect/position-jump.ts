/**
 * position_jump: a vessel's reported position moves faster than ships do
 * (spoofed or faulty GNSS, a mistyped MMSI taken over by another ship).
 *
 * Behaviour. The track's branch tracker calls a report a jump when it is at
 * least the profile's `minJumpM` from the previous report and implies more
 * than its `maxSpeedKn`. The jump is then watched until one of the two
 * places has not been reported from for the profile's `branchTtlS`: if the
 * vessel went back to the old place at most `maxReturns` times, it is a
 * position jump (0 returns: it moved and stayed; 1: a single bad fix and
 * back). More returns mean two transmitters taking turns: that is
 * `identity_conflict`'s to report, so keep `maxReturns` one below its
 * `minSwitches` for every jump to be reported by exactly one of the two.
 *
 * Emission. Once, when resolved (no open events: a jump has no duration to
 * follow). Start is the last report before the jump, end the first after it.
 */
import { eventPoint, makeEvent, round, type EngineEvent, type EventPoint, type EventSink } from '../events/event.js';
import { mmsiFacts, type MmsiFacts } from '../identity/mmsi.js';
import type { ParamSpecs, ParamValues } from '../profile/params.js';
import { Verdict } from '../track/branches.js';
import { resize } from '../track/track-table.js';
import type { Detector, DetectorContext, DetectorDefinition } from './detector.js';
import { SlotSet } from './slot-set.js';

export const POSITION_JUMP_PARAMS = {
  maxReturns: { unit: 'count', meaning: 'returns to the old place after which a jump is left to identity_conflict', min: 0, max: 100, integer: true },
} as const satisfies ParamSpecs;

type Params = ParamValues<typeof POSITION_JUMP_PARAMS>;

export interface PositionJumpDetails {
  readonly thresholds: { readonly maxSpeedKn: number; readonly minJumpM: number; readonly branchTtlS: number; readonly maxReturns: number };
  readonly from: EventPoint;
  readonly to: EventPoint;
  readonly distanceM: number;
  readonly impliedSpeedKn: number;
  /** Times the vessel was heard back at the old place before it was left for good. */
  readonly returns: number;
  /** What the MMSI itself says: station kind, MID, flag, validity. */
  readonly station: MmsiFacts;
}

export type PositionJumpEvent = EngineEvent<'position_jump', PositionJumpDetails>;

class PositionJumpDetector implements Detector {
  private readonly p: Params;
  private readonly ttlMs: number;
  /** Per slot: the jump being watched (NaN fromT when none). */
  private fromT = new Float64Array(0);
  private fromLat = new Float64Array(0);
  private fromLon = new Float64Array(0);
  private toT = new Float64Array(0);
  private toLat = new Float64Array(0);
  private toLon = new Float64Array(0);
  private metres = new Float64Array(0);
  private speedKn = new Float64Array(0);
  private returns = new Uint32Array(0);
  /** Branch index of the new place, and the last report time at each place. */
  private newBranch = new Uint8Array(0);
  private lastOld = new Float64Array(0);
  private lastNew = new Float64Array(0);
  /** Slots with a jump watched (fromT set). */
  private readonly watched = new SlotSet();

  constructor(private readonly ctx: DetectorContext<Params>) {
    this.p = ctx.params;
    this.ttlMs = ctx.trackParams.branchTtlS * 1000;
    this.grow(ctx.tracks.capacity);
  }

  grow(capacity: number): void {
    this.watched.grow(capacity);
    this.fromT = resize(this.fromT, capacity);
    this.fromLat = resize(this.fromLat, capacity);
    this.fromLon = resize(this.fromLon, capacity);
    this.toT = resize(this.toT, capacity);
    this.toLat = resize(this.toLat, capacity);
    this.toLon = resize(this.toLon, capacity);
    this.metres = resize(this.metres, capacity);
    this.speedKn = resize(this.speedKn, capacity);
    this.returns = resize(this.returns, capacity);
    this.newBranch = resize(this.newBranch, capacity);
    this.lastOld = resize(this.lastOld, capacity);
    this.lastNew = resize(this.lastNew, capacity);
  }

  touch(slot: number): number {
    return this.fromT[slot]!;
  }

  open(slot: number): void {
    this.fromT[slot] = NaN;
  }

  position(slot: number, emit: EventSink): void {
    const branches = this.ctx.branches;
    const verdict = branches.verdict[slot]!;
    // The usual report: no jump watched and none made.
    if (verdict !== Verdict.JUMP && Number.isNaN(this.fromT[slot]!)) return;
    const tracks = this.ctx.tracks;
    const t = tracks.lastT(slot);
    if (!Number.isNaN(this.fromT[slot]!)) {
      // A deadline passed before this report, or a third place: the watched jump is settled first.
      if (this.expired(slot, t) || verdict === Verdict.JUMP) this.settle(slot, emit);
      else {
        const atNew = branches.current[slot] === this.newBranch[slot];
        if (atNew) this.lastNew[slot] = t;
        else this.lastOld[slot] = t;
        if (verdict === Verdict.SWITCH && !atNew) this.returns[slot]!++;
      }
    }
    if (verdict !== Verdict.JUMP) return;
    this.fromT[slot] = tracks.prevT(slot);
    this.fromLat[slot] = tracks.prevLat(slot);
    this.fromLon[slot] = tracks.prevLon(slot);
    this.toT[slot] = t;
    this.toLat[slot] = tracks.lat(slot);
    this.toLon[slot] = tracks.lon(slot);
    this.metres[slot] = branches.jumpMetres[slot]!;
    this.speedKn[slot] = branches.jumpSpeedKn[slot]!;
    this.returns[slot] = 0;
    this.newBranch[slot] = branches.current[slot]!;
    this.lastOld[slot] = tracks.prevT(slot);
    this.lastNew[slot] = t;
    this.watched.add(slot);
  }

  tick(now: number, emit: EventSink): void {
    if (this.watched.size === 0) return;
    for (const slot of this.watched.ascendingWhere((s) => this.expired(s, now))) this.settle(slot, emit);
  }

  evict(slot: number, _now: number, emit: EventSink): void {
    if (!Number.isNaN(this.fromT[slot]!)) this.settle(slot, emit);
  }

  finish(_now: number, emit: EventSink): void {
    for (const slot of this.watched.ascending()) this.settle(slot, emit);
  }

  /** One of the two places has gone unreported for the branch lifetime by `now`. */
  private expired(slot: number, now: number): boolean {
    return now - Math.min(this.lastOld[slot]!, this.lastNew[slot]!) > this.ttlMs;
  }

  private settle(slot: number, emit: EventSink): void {
    const returns = this.returns[slot]!;
    if (returns <= this.p.maxReturns) {
      const mmsi = this.ctx.tracks.mmsi(slot);
      const tp = this.ctx.trackParams;
      const details: PositionJumpDetails = {
        thresholds: { maxSpeedKn: tp.maxSpeedKn, minJumpM: tp.minJumpM, branchTtlS: tp.branchTtlS, maxReturns: this.p.maxReturns },
        from: eventPoint(this.fromT[slot]!, this.fromLat[slot]!, this.fromLon[slot]!),
        to: eventPoint(this.toT[slot]!, this.toLat[slot]!, this.toLon[slot]!),
        distanceM: Math.round(this.metres[slot]!),
        impliedSpeedKn: round(this.speedKn[slot]!, 1),
        returns,
        station: mmsiFacts(mmsi),
      };
      emit(makeEvent('position_jump', this.ctx.profile, [mmsi], this.fromT[slot]!, this.toT[slot]!, this.toLat[slot]!, this.toLon[slot]!, false, details));
    }
    this.fromT[slot] = NaN;
    this.watched.delete(slot);
  }
}

export const positionJump: DetectorDefinition<'position_jump', typeof POSITION_JUMP_PARAMS, PositionJumpDetails> = {
  type: 'position_jump',
  summary: "A vessel's position moves faster than ships do, once or as a single bad fix.",
  params: POSITION_JUMP_PARAMS,
  create: (ctx) => new PositionJumpDetector(ctx),
};
