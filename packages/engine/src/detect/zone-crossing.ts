/**
 * zone_entry and zone_exit: a vessel crossing into or out of a zone of the
 * zones layer (territorial sea, contiguous zone, EEZ, an area an operator
 * drew).
 *
 * Behaviour. Each position is looked up in the zones layer (a grid-backed
 * point-in-polygon index, once per position for all zone detectors). A
 * crossing counts once the vessel has made `confirmPositions` consecutive
 * reports on the new side spanning at least `confirmS` seconds; a report back
 * on the old side before that cancels it, so fixes wandering across a border
 * the vessel is skirting give nothing. The crossing is dated and placed at
 * the first report on the new side. A vessel first seen inside a zone has no
 * entry; its exit is reported with `entrySeen: false`. A vessel forgotten
 * while inside gets no exit.
 *
 * Emission. One closed event per crossing, when it is confirmed: `start` the
 * crossing, `end` the confirming report. Entry details name the zone (name,
 * kind, country), the entry point and the last point outside, speed and
 * course; exit details add the time inside. Ids end with the zone's key.
 *
 * The two are separate detectors (each can be switched off in a profile);
 * when both are on with the same parameters they share one tracker.
 */
import type { ParamSpecs, ParamValues } from '../profile/params.js';
import type { TrackTable } from '../track/track-table.js';
import { zoneLookupFor } from '../space/zone-lookup.js';
import type { Detector, DetectorContext, DetectorDefinition } from './detector.js';
import { ZoneMembership, type ZoneEntryDetails, type ZoneExitDetails } from './zone-membership.js';

export const ZONE_CROSSING_PARAMS = {
  confirmPositions: {
    unit: 'count',
    meaning: 'consecutive reports on the new side of a border that confirm a crossing',
    min: 1,
    max: 100,
    integer: true,
  },
  confirmS: { unit: 's', meaning: 'and the time those reports span, at least', min: 0, max: 3600 },
} as const satisfies ParamSpecs;

type Params = ParamValues<typeof ZONE_CROSSING_PARAMS>;

const trackers = new WeakMap<TrackTable, Map<string, ZoneMembership>>();

/** The tracker of this engine for these parameters, shared by zone_entry and zone_exit. */
function membershipFor(ctx: DetectorContext<Params>): ZoneMembership | undefined {
  const layer = ctx.layers.zones;
  if (layer === undefined) return undefined;
  let byParams = trackers.get(ctx.tracks);
  if (byParams === undefined) trackers.set(ctx.tracks, (byParams = new Map()));
  const key = `${ctx.params.confirmPositions}/${ctx.params.confirmS}`;
  let membership = byParams.get(key);
  if (membership === undefined || membership.layer !== layer) {
    membership = new ZoneMembership(ctx.tracks, zoneLookupFor(ctx.tracks, layer), ctx.profile, ctx.params);
    byParams.set(key, membership);
  }
  return membership;
}

/** One side of the shared tracker: keeps it current and emits its own kind of crossing. */
function crossingDetector(membership: ZoneMembership | undefined, kind: 'entries' | 'exits'): Detector {
  if (membership === undefined) return {};
  if (kind === 'entries') membership.wantEntries = true;
  else membership.wantExits = true;
  const queue = membership[kind];
  return {
    grow: (capacity) => membership.grow(capacity),
    open: (slot) => membership.open(slot),
    touch: (slot) => membership.touch(slot),
    position(slot, emit) {
      membership.update(slot);
      // Crossings are rare: leave the empty queue alone (setting an array's length is a runtime call).
      if (queue.length === 0) return;
      for (let i = 0; i < queue.length; i++) emit(queue[i]!);
      queue.length = 0;
    },
    evict: (slot) => membership.forget(slot),
  };
}

export const zoneEntry: DetectorDefinition<'zone_entry', typeof ZONE_CROSSING_PARAMS, ZoneEntryDetails> = {
  type: 'zone_entry',
  summary: 'A vessel crossing into a zone (territorial sea, contiguous zone, EEZ, a drawn area), border jitter debounced.',
  params: ZONE_CROSSING_PARAMS,
  create: (ctx) => crossingDetector(membershipFor(ctx), 'entries'),
};

export const zoneExit: DetectorDefinition<'zone_exit', typeof ZONE_CROSSING_PARAMS, ZoneExitDetails> = {
  type: 'zone_exit',
  summary: 'A vessel crossing out of a zone, with the time it spent inside.',
  params: ZONE_CROSSING_PARAMS,
  create: (ctx) => crossingDetector(membershipFor(ctx), 'exits'),
};
