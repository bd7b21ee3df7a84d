/**
 * Parameters of tracking itself (not of one detector): how long the reorder
 * buffer waits, when a silent vessel is forgotten, and what movement is
 * physically plausible. They are part of the profile because they change
 * results.
 */
import type { ParamSpecs, ParamValues } from './params.js';

export const TRACK_PARAMS = {
  reorderWindowS: {
    unit: 's',
    meaning: 'event time the reorder buffer waits before releasing a second; later arrivals are dropped as late',
    min: 0,
    max: 3600,
  },
  evictAfterS: {
    unit: 's',
    meaning: 'a vessel not heard for this long is forgotten (episodes closed, state freed)',
    min: 600,
    max: 90 * 86400,
  },
  maxSpeedKn: {
    unit: 'kn',
    meaning: 'fastest plausible movement between two reports; faster is a jump',
    min: 5,
    max: 1000,
  },
  minJumpM: {
    unit: 'm',
    meaning: 'movements shorter than this are never jumps, whatever the implied speed (GNSS noise, reports a second apart)',
    min: 0,
    max: 100_000,
  },
  branchTtlS: {
    unit: 's',
    meaning: 'a place an MMSI reported from (a position branch) is forgotten after this long without a report from it',
    min: 60,
    max: 86400,
  },
} as const satisfies ParamSpecs;

export type TrackParams = ParamValues<typeof TRACK_PARAMS>;
