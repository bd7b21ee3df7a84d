/**
 * What a detector is, to the engine.
 *
 * A detector is one module exporting a {@link DetectorDefinition}: its event
 * type, its parameters (declared as data, validated from the profile and
 * documented in the README) and a factory. The engine calls the hooks of the
 * detectors a profile enables in registry order; a detector keeps whatever
 * per-vessel state it needs in its own typed arrays indexed by track slot
 * (grown on `grow`, reset on `open`) and emits events through the sink it is
 * handed.
 *
 * Time only ever comes from the data: `position` runs in event-time order and
 * `tick(now)` at fixed steps of event time, after every observation before
 * `now`. A detector that waits for a deadline (an episode ends when nothing
 * extends it for N seconds) must resolve it the same whichever comes first,
 * the tick or the vessel's next observation, so results never depend on how
 * often the caller advances the clock.
 */
import type { EngineEvent, EventSink, ProfileStamp } from '../events/event.js';
import type { ParamSpecs, ParamValues } from '../profile/params.js';
import type { BranchTracker } from '../track/branches.js';
import type { TrackTable } from '../track/track-table.js';
import type { Layers, NearbyVessels } from '../space/vessel-index.js';
import type { TrackParams } from '../profile/track-params.js';

export interface DetectorContext<P> {
  readonly params: P;
  /** Profile-wide track parameters (plausible speed, branch lifetime, eviction). */
  readonly trackParams: TrackParams;
  readonly profile: ProfileStamp;
  readonly tracks: TrackTable;
  /** Each vessel at its last position, keyed by slot. */
  readonly vessels: NearbyVessels;
  /** Which of a vessel's two position branches each position joined. */
  readonly branches: BranchTracker;
  readonly layers: Layers;
}

export interface Detector {
  /** A new track opened in `slot` (possibly reused): reset its state. */
  open?(slot: number): void;
  /** The track table grew: per-vessel columns must hold `capacity` slots. */
  grow?(capacity: number): void;
  /** A position was appended to the track in `slot`. */
  position?(slot: number, emit: EventSink): void;
  /**
   * Reads, and returns, the per-vessel state that `position` reads first for
   * `slot`, changing nothing. The engine asks it of a few dozen vessels before
   * their positions are released, so that the cache misses of a large fleet
   * overlap instead of stalling one report at a time (see ReorderBuffer).
   */
  touch?(slot: number): number;
  /**
   * Static data merged into the identity of the vessel in `slot` gave an
   * identifying field (name, call sign, IMO, ship type) a new value; `changes`
   * of them changed from a known value (0: values learned for the first time).
   */
  identity?(slot: number, changes: number, emit: EventSink): void;
  /** Event time reached `now`: resolve whatever was waiting for a deadline before it. */
  tick?(now: number, emit: EventSink): void;
  /** The vessel in `slot` is about to be forgotten (silent too long) at `now`: close what the data allows. */
  evict?(slot: number, now: number, emit: EventSink): void;
  /** End of input at `now` (the newest event time): close what the data allows. */
  finish?(now: number, emit: EventSink): void;
}

export interface DetectorDefinition<T extends string = string, S extends ParamSpecs = ParamSpecs, D = unknown> {
  /** The event type it emits, also its key in a profile's `detectors`. */
  readonly type: T;
  /** One sentence for documentation and `--help`. */
  readonly summary: string;
  readonly params: S;
  create(context: DetectorContext<ParamValues<S>>): Detector;
  /** Type-level only: the shape of its events' details. */
  readonly details?: D;
}

/** The event a definition emits. */
export type EventOf<Def> = Def extends DetectorDefinition<infer T, ParamSpecs, infer D> ? EngineEvent<T, D> : never;
