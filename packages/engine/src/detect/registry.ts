/**
 * Every detector the engine knows, in the order the engine runs them.
 * Adding a detector is one module in this folder and one line here (and its
 * parameters in each profile under profiles/).
 */
import type { ParamValues } from '../profile/params.js';
import type { EventOf } from './detector.js';
import { aisGap } from './ais-gap.js';
import { encounter } from './encounter.js';
import { identityConflict } from './identity-conflict.js';
import { loitering } from './loitering.js';
import { positionJump } from './position-jump.js';
import { zoneEntry, zoneExit } from './zone-crossing.js';
import { infrastructureProximity } from './infrastructure-proximity.js';
import { watchlistMatch } from './watchlist-match.js';
import { fishingInForeignEez } from './fishing-in-foreign-eez.js';

export const DETECTORS = [
  encounter,
  loitering,
  aisGap,
  positionJump,
  identityConflict,
  zoneEntry,
  zoneExit,
  infrastructureProximity,
  watchlistMatch,
  fishingInForeignEez,
] as const;

export type DetectorDefinitions = (typeof DETECTORS)[number];
export type DetectorType = DetectorDefinitions['type'];

/** A profile's `detectors`: each detector's parameters, or false when the profile switches it off. */
export type DetectorParamsMap = {
  readonly [D in DetectorDefinitions as D['type']]: ParamValues<D['params']> | false;
};

/** Every event the engine can emit, discriminated on `type`. */
export type TidewatchEvent = EventOf<DetectorDefinitions>;
