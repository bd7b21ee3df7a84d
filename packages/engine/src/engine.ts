/**
 * The engine: observations in, events out, time only from the data.
 *
 *     const engine = createEngine({ profile, layers });
 *     engine.push(observation, emit);   // any number of times, in roughly time order
 *     engine.advance(t, emit);          // optional: event time t has been reached (live clock)
 *     engine.finish(emit);              // end of input: close what the data allows
 *
 * Observations pass a reorder buffer (the profile's `reorderWindowS`), then
 * update the vessel's track and run the enabled detectors. Every 60 s of
 * event time (a tick, after all data before it) detectors resolve deadlines
 * and silent vessels are evicted. Because ticks sit at fixed event times and
 * the buffer releases in a total order, the events are the same however the
 * input is split into calls and however often `advance` is called.
 */
import { CellGrid } from '@tidewatch/geo';
import type { Detector } from './detect/detector.js';
import { hookCaller, touchCaller } from './detect/hook-caller.js';
import { DETECTORS, type TidewatchEvent } from './detect/registry.js';
import type { EventSink } from './events/event.js';
import { mmsiFacts, type MmsiFacts } from './identity/mmsi.js';
import { ReorderBuffer } from './ingest/reorder-buffer.js';
import { TICK_MS, tickAfter } from './tick.js';
import type { Observation, PositionObservation, PositionSource, StaticObservation } from './observe/observation.js';
import type { Profile } from './profile/profile.js';
import type { ParamValues, ParamSpecs } from './profile/params.js';
import type { Layers } from './space/vessel-index.js';
import { BranchTracker } from './track/branches.js';
import { DeadlineWheel } from './track/deadline-wheel.js';
import { Identity, type IdentityChange } from './track/identity.js';
import { TrackTable, resize, type TrackPoint } from './track/track-table.js';

export { TICK_MS } from './tick.js';
/** Grid cell for current positions: about 1.1 km of latitude, a few cells per neighbour query. */
const VESSEL_CELL_DEGREES = 0.01;
/** AIS MMSIs are 30-bit. */
const MAX_MMSI = 2 ** 30 - 1;

export interface EngineOptions {
  readonly profile: Profile;
  readonly layers?: Layers;
  /**
   * Recent positions kept per vessel for snapshots (default 32; 0 keeps none, for a run
   * that asks for no snapshots); no detector depends on it.
   */
  readonly historyLength?: number;
}

/** Where the engine sends events. */
export type EngineSink = (event: TidewatchEvent) => void;

export interface EngineStats {
  /** Observations accepted into the reorder buffer. */
  readonly accepted: number;
  /** Positions and static observations applied to tracks. */
  readonly positions: number;
  readonly statics: number;
  /** The same position of the same vessel at the same time again (another receiver heard it too). */
  readonly duplicates: number;
  /** Arrived after their second had been released. */
  readonly late: number;
  /** Stamped more than 10 min ahead of the stream: held aside until the stream's time reached them or corroborated a leap. */
  readonly heldAhead: number;
  /** Leaps forward in event time the stream followed once corroborated (an outage, a later file). */
  readonly leaps: number;
  /** Not an observation the engine can use (time or position not finite, MMSI out of range). */
  readonly rejected: number;
  readonly evicted: number;
  /** Vessels tracked now. */
  readonly vessels: number;
  /** Observations waiting in the reorder buffer. */
  readonly buffered: number;
  /** Bytes of typed-array state: tracks, their history, the reorder buffer. */
  readonly trackBytes: number;
}

/** What the engine knows about one vessel now. */
export interface VesselSnapshot {
  readonly mmsi: number;
  readonly facts: MmsiFacts;
  /** Last position, NaN fields before the first. */
  readonly t: number;
  readonly lat: number;
  readonly lon: number;
  readonly sog: number;
  readonly cog: number;
  readonly heading: number;
  readonly navStatus: number;
  readonly source: PositionSource;
  readonly positions: number;
  readonly history: readonly TrackPoint[];
  readonly identity: VesselIdentity | undefined;
}

export interface VesselIdentity {
  readonly name: string;
  readonly callsign: string;
  readonly imo: number;
  readonly shipType: number;
  readonly toBow: number;
  readonly toStern: number;
  readonly toPort: number;
  readonly toStarboard: number;
  readonly destination: string;
  readonly draught: number;
  readonly changes: readonly IdentityChange[];
}

export interface Engine {
  readonly profile: Profile;
  push(observation: Observation, emit: EngineSink): void;
  advance(t: number, emit: EngineSink): void;
  finish(emit: EngineSink): void;
  vessel(mmsi: number): VesselSnapshot | undefined;
  stats(): EngineStats;
}

export function createEngine(options: EngineOptions): Engine {
  return new TrackEngine(options);
}

class TrackEngine implements Engine {
  readonly profile: Profile;
  private readonly tracks: TrackTable;
  private readonly vessels = new CellGrid({ cellDegrees: VESSEL_CELL_DEGREES });
  private readonly branches: BranchTracker;
  private readonly detectors: Detector[] = [];
  /** Every enabled detector's hooks of one kind, one after another (see {@link hookCaller}). */
  private readonly onOpen: (slot: number) => void;
  private readonly onPosition: (slot: number, sink: EventSink) => void;
  private readonly onTouch: (slot: number) => number;
  private readonly onIdentity: (slot: number, changes: number, sink: EventSink) => void;
  private readonly onEvict: (slot: number, now: number, sink: EventSink) => void;
  private readonly onTick: (now: number, sink: EventSink) => void;
  private readonly buffer: ReorderBuffer;
  private readonly evictAfterMs: number;
  private nextTick = NaN;
  /** Every live slot, in the bucket of the tick at which it would be evicted if not heard again. */
  private readonly evictions: DeadlineWheel;
  /** The slots a tick takes from the wheel, then those it evicts. */
  private due = new Int32Array(0);
  private finished = false;
  /** The sink of the call in progress: released observations and ticks emit through it. */
  private sink: EventSink = () => {};
  private counts = { accepted: 0, positions: 0, statics: 0, duplicates: 0, late: 0, rejected: 0, evicted: 0 };

  /** `known`: the vessel's slot as the reorder buffer's look ahead found it, -1 when it did not. */
  private readonly apply = (obs: Observation, known: number): void => {
    if (Number.isNaN(this.nextTick)) this.nextTick = tickAfter(obs.t) * TICK_MS;
    if (obs.kind === 'position') this.applyPosition(obs, known);
    else this.applyStatic(obs, known);
  };

  private readonly secondDone = (endMs: number): void => {
    while (this.nextTick <= endMs) {
      this.tick(this.nextTick);
      this.nextTick += TICK_MS;
    }
  };

  constructor(options: EngineOptions) {
    const profile = (this.profile = options.profile);
    this.tracks = new TrackTable(options.historyLength ?? 32);
    this.branches = new BranchTracker(profile.tracks, this.tracks.capacity);
    const tracks = this.tracks;
    this.buffer = new ReorderBuffer(profile.tracks.reorderWindowS * 1000, {
      where: (mmsi) => tracks.touchIndex(mmsi),
      slot: (mmsi) => tracks.touchSlot(mmsi),
      state: (slot) => this.touchState(slot),
    });
    this.evictAfterMs = profile.tracks.evictAfterS * 1000;
    this.evictions = new DeadlineWheel(Math.ceil(this.evictAfterMs / TICK_MS) + 2, this.tracks.capacity);
    this.due = new Int32Array(this.tracks.capacity);
    const stamp = { id: profile.id, version: profile.version };
    const layers = options.layers ?? {};
    for (const definition of DETECTORS) {
      const params = profile.detectors[definition.type] as ParamValues<ParamSpecs> | false;
      if (params === false) continue;
      const create = definition.create as (ctx: unknown) => Detector;
      this.detectors.push(
        create({ params, trackParams: profile.tracks, profile: stamp, tracks: this.tracks, vessels: this.vessels, branches: this.branches, layers }),
      );
    }
    this.onOpen = hookCaller(this.detectors, 'open');
    this.onPosition = hookCaller(this.detectors, 'position');
    this.onTouch = touchCaller(this.detectors);
    this.onIdentity = hookCaller(this.detectors, 'identity');
    this.onEvict = hookCaller(this.detectors, 'evict');
    this.onTick = hookCaller(this.detectors, 'tick');
    this.tracks.onGrow((capacity) => {
      this.branches.grow(capacity);
      this.evictions.grow(capacity);
      this.due = resize(this.due, capacity);
      for (const d of this.detectors) d.grow?.(capacity);
    });
  }

  push(obs: Observation, emit: EngineSink): void {
    if (this.finished) throw new Error('push after finish: the engine has closed its episodes');
    if (!usable(obs)) {
      this.counts.rejected++;
      return;
    }
    this.sink = emit as EventSink;
    if (this.buffer.push(obs, this.apply, this.secondDone)) this.counts.accepted++;
    else this.counts.late++;
  }

  advance(t: number, emit: EngineSink): void {
    if (this.finished) throw new Error('advance after finish');
    if (!Number.isFinite(t)) throw new RangeError(`advance to ${t}: not a time`);
    this.sink = emit as EventSink;
    this.buffer.advance(t, this.apply, this.secondDone);
  }

  finish(emit: EngineSink): void {
    if (this.finished) return;
    this.sink = emit as EventSink;
    this.buffer.drain(this.apply, this.secondDone);
    this.finished = true;
    const now = this.buffer.newestTime;
    if (!Number.isFinite(now)) return;
    for (const d of this.detectors) d.finish?.(now, this.sink);
  }

  vessel(mmsi: number): VesselSnapshot | undefined {
    const slot = this.tracks.slotOf(mmsi);
    if (slot < 0) return undefined;
    const t = this.tracks;
    const id = t.identities[slot];
    return {
      mmsi,
      facts: mmsiFacts(mmsi),
      t: t.lastT(slot),
      lat: t.lat(slot),
      lon: t.lon(slot),
      sog: t.sog(slot),
      cog: t.cog(slot),
      heading: t.heading(slot),
      navStatus: t.navStatus(slot),
      source: t.lastSource(slot),
      positions: t.positions(slot),
      history: t.history(slot),
      identity:
        id === undefined
          ? undefined
          : {
              name: id.name,
              callsign: id.callsign,
              imo: id.imo,
              shipType: id.shipType,
              toBow: id.toBow,
              toStern: id.toStern,
              toPort: id.toPort,
              toStarboard: id.toStarboard,
              destination: id.destination,
              draught: id.draught,
              changes: [...id.changes],
            },
    };
  }

  stats(): EngineStats {
    return {
      ...this.counts,
      heldAhead: this.buffer.heldAhead,
      leaps: this.buffer.leaps,
      vessels: this.tracks.size,
      buffered: this.buffer.size,
      trackBytes: this.tracks.bytes + this.buffer.bytes,
    };
  }

  /** The vessel's slot, its track opened when it has none. */
  private slotFor(mmsi: number, t: number): number {
    let slot = this.tracks.slotOf(mmsi);
    if (slot >= 0) return slot;
    slot = this.tracks.open(mmsi, t);
    // Ticks before the next one have run: a vessel first heard long ago is looked at by the next.
    this.evictions.schedule(slot, Math.max(this.evictionTick(t), this.nextTick / TICK_MS));
    this.branches.open(slot);
    this.onOpen(slot);
    return slot;
  }

  /** Reads what a position of the vessel in `slot` will read first, everywhere (see LookAhead.state). */
  private touchState(slot: number): number {
    return this.branches.touch(slot) + this.vessels.touch(slot) + this.onTouch(slot);
  }

  private applyPosition(obs: PositionObservation, known: number): void {
    const tracks = this.tracks;
    // Tested here, not in slotFor: a call that is not inlined would box the time it takes.
    const slot = known >= 0 ? known : this.slotFor(obs.mmsi, obs.t);
    // Released in time order, so a repeat sits right after the original.
    if (tracks.lastT(slot) === obs.t && tracks.lat(slot) === obs.lat && tracks.lon(slot) === obs.lon) {
      this.counts.duplicates++;
      return;
    }
    this.counts.positions++;
    this.branches.classify(slot, obs);
    tracks.append(slot, obs);
    this.vessels.update(slot, obs.lat, obs.lon);
    this.onPosition(slot, this.sink);
  }

  private applyStatic(obs: StaticObservation, known: number): void {
    const slot = known >= 0 ? known : this.slotFor(obs.mmsi, obs.t);
    this.counts.statics++;
    this.tracks.heard(slot, obs.t);
    let identity = this.tracks.identities[slot];
    if (identity === undefined) identity = this.tracks.identities[slot] = new Identity();
    const revision = identity.revision;
    const changes = identity.merge(obs);
    if (identity.revision === revision) return;
    this.onIdentity(slot, changes, this.sink);
  }

  private tick(now: number): void {
    this.onTick(now, this.sink);
    // In slot order, as a scan over the slots would: the order of the events eviction
    // closes, and of the slots it frees for reuse, must not depend on the wheel.
    const due = this.due;
    const n = this.evictions.takeDue(now / TICK_MS, due, this.evictionTickOf);
    for (let i = 0; i < n; i++) this.evict(due[i]!, now);
  }

  private readonly evictionTickOf = (slot: number): number => this.evictionTick(this.tracks.heardT(slot));

  /** The number of the first tick at which a vessel last heard at `heard` is silent past the eviction period. */
  private evictionTick(heard: number): number {
    // Evicted at the first tick `now` with heard < now - evictAfterMs.
    return tickAfter(heard + this.evictAfterMs);
  }

  private evict(slot: number, now: number): void {
    this.onEvict(slot, now, this.sink);
    this.vessels.remove(slot);
    this.tracks.close(slot);
    this.counts.evicted++;
  }
}

function usable(obs: Observation): boolean {
  if (!Number.isFinite(obs.t) || !Number.isInteger(obs.mmsi) || obs.mmsi < 0 || obs.mmsi > MAX_MMSI) return false;
  if (obs.kind === 'static') return true;
  return obs.lat >= -90 && obs.lat <= 90 && obs.lon >= -180 && obs.lon <= 180;
}
