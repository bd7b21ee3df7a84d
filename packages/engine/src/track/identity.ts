/**
 * A vessel's identity: the static data it broadcasts (types 5, 19, 24),
 * merged field by field, and a bounded history of changes to the fields that
 * identify it (name, call sign, IMO, ship type) with the times they changed.
 *
 * Identity objects are allocated only when a vessel first sends static data
 * and mutated only when something changes: the usual repeat every six minutes
 * costs a few string comparisons.
 */
import type { StaticObservation } from '../observe/observation.js';

/** The fields whose changes are kept in the history. */
export const IdentityField = {
  NAME: 'name',
  CALLSIGN: 'callsign',
  IMO: 'imo',
  SHIP_TYPE: 'shipType',
} as const;
export type IdentityField = (typeof IdentityField)[keyof typeof IdentityField];

export interface IdentityChange {
  /** When the new value was first seen, ms UTC. */
  readonly t: number;
  readonly field: IdentityField;
  /** Previous value ('' or NaN when it was unknown). */
  readonly from: string | number;
  readonly to: string | number;
}

/** Changes kept per vessel; older ones are dropped first. */
export const IDENTITY_HISTORY_LIMIT = 8;

export class Identity {
  name = '';
  callsign = '';
  imo = NaN;
  shipType = NaN;
  toBow = NaN;
  toStern = NaN;
  toPort = NaN;
  toStarboard = NaN;
  destination = '';
  draught = NaN;
  /** Time of the last static observation merged, ms UTC. */
  lastT = NaN;
  /** Oldest first, at most IDENTITY_HISTORY_LIMIT. */
  readonly changes: IdentityChange[] = [];
  /** Changes ever seen, including those dropped from `changes`. */
  changeCount = 0;
  /**
   * Bumped whenever an identifying field takes a new value, the first one
   * learned included: what a detector that looks vessels up by name or
   * number watches, so that it need not look at every position.
   */
  revision = 0;

  /**
   * Merges what `obs` carries; returns the number of identifying fields that
   * changed from a known value (first learning a value is not a change).
   */
  merge(obs: StaticObservation): number {
    this.lastT = obs.t;
    let changed = 0;
    if (obs.name !== '' && obs.name !== this.name) changed += this.note(obs.t, IdentityField.NAME, this.name, (this.name = obs.name));
    if (obs.callsign !== '' && obs.callsign !== this.callsign) changed += this.note(obs.t, IdentityField.CALLSIGN, this.callsign, (this.callsign = obs.callsign));
    if (!Number.isNaN(obs.imo) && obs.imo !== this.imo) changed += this.note(obs.t, IdentityField.IMO, this.imo, (this.imo = obs.imo));
    if (!Number.isNaN(obs.shipType) && obs.shipType !== this.shipType) changed += this.note(obs.t, IdentityField.SHIP_TYPE, this.shipType, (this.shipType = obs.shipType));
    if (!Number.isNaN(obs.toBow)) {
      this.toBow = obs.toBow;
      this.toStern = obs.toStern;
      this.toPort = obs.toPort;
      this.toStarboard = obs.toStarboard;
    }
    if (obs.destination !== '') this.destination = obs.destination;
    if (!Number.isNaN(obs.draught)) this.draught = obs.draught;
    return changed;
  }

  /** Records a change; the first value learned is not a change and is not recorded. */
  private note(t: number, field: IdentityField, from: string | number, to: string | number): number {
    this.revision++;
    if (from === '' || (typeof from === 'number' && Number.isNaN(from))) return 0;
    if (this.changes.length === IDENTITY_HISTORY_LIMIT) this.changes.shift();
    this.changes.push({ t, field, from, to });
    this.changeCount++;
    return 1;
  }
}
