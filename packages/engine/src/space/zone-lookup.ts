/**
 * The zones containing each vessel's latest position, looked up once per
 * position and shared by every detector that asks (zone_entry, zone_exit,
 * fishing_in_foreign_eez), so a position costs one index query however many
 * of them are enabled.
 *
 * Answers live in typed arrays by track slot, at most MAX_ZONES_AT_POINT
 * zones per position (more overlapping zones than that are not reported).
 * One lookup serves an engine: it is kept per track table, the engine's own
 * object, so two engines never share one.
 */
import { equirectangularMetres } from '@tidewatch/geo';
import type { TrackTable } from '../track/track-table.js';
import { resize } from '../track/track-table.js';
import type { ZoneLayer } from './zones.js';

/** Overlapping zones reported at one point (EEZ, contiguous zone, territorial sea, a few drawn areas). */
export const MAX_ZONES_AT_POINT = 8;

/**
 * A vessel less than this from where its zones were last looked up keeps
 * that answer. Moored and anchored vessels repeat their position: in the
 * SBARC week (685 k reports) 26 % of consecutive reports moved under 10 m,
 * and a lookup in coastline-heavy zones costs about ten distance checks. A
 * crossing is therefore placed at most this far past the border, and a
 * vessel moored on one does not flicker across it.
 */
export const ZONE_LOOKUP_SKIP_M = 10;

export class ZoneLookup {
  /** Per slot: the position count the answer is for (0: none yet). */
  private stamp = new Uint32Array(0);
  private count = new Uint8Array(0);
  private found = new Int32Array(0);
  /** Where the answer was looked up (NaN: never). */
  private lookedLat = new Float64Array(0);
  private lookedLon = new Float64Array(0);
  private readonly scratch: number[] = [];
  private capacity = 0;

  constructor(
    readonly layer: ZoneLayer,
    private readonly tracks: TrackTable,
  ) {
    this.grow(tracks.capacity);
  }

  /** Room for `capacity` slots; several detectors call it, so it only ever grows. */
  grow(capacity: number): void {
    if (capacity <= this.capacity) return;
    this.stamp = resize(this.stamp, capacity);
    this.count = resize(this.count, capacity);
    this.found = resize(this.found, capacity * MAX_ZONES_AT_POINT);
    this.lookedLat = resize(this.lookedLat, capacity);
    this.lookedLon = resize(this.lookedLon, capacity);
    this.capacity = capacity;
  }

  /** A new track in `slot`: forget the answer for its previous vessel. */
  open(slot: number): void {
    this.stamp[slot] = 0;
    this.lookedLat[slot] = NaN;
  }

  /** How many zones contain the latest position of the vessel in `slot` (looked up on the first call for that position). */
  at(slot: number): number {
    const positions = this.tracks.positions(slot);
    if (this.stamp[slot] === positions) return this.count[slot]!;
    this.stamp[slot] = positions;
    const lat = this.tracks.lat(slot);
    const lon = this.tracks.lon(slot);
    if (equirectangularMetres(this.lookedLat[slot]!, this.lookedLon[slot]!, lat, lon) < ZONE_LOOKUP_SKIP_M) return this.count[slot]!;
    this.lookedLat[slot] = lat;
    this.lookedLon[slot] = lon;
    const n = Math.min(MAX_ZONES_AT_POINT, this.layer.zonesAt(lat, lon, this.scratch));
    const base = slot * MAX_ZONES_AT_POINT;
    for (let i = 0; i < n; i++) this.found[base + i] = this.scratch[i]!;
    this.count[slot] = n;
    return n;
  }

  /** The i-th zone (ordinal, ascending) of the last answer for `slot`. */
  zone(slot: number, i: number): number {
    return this.found[slot * MAX_ZONES_AT_POINT + i]!;
  }

  /** Whether the last answer for `slot` includes zone `z`. */
  has(slot: number, z: number): boolean {
    const base = slot * MAX_ZONES_AT_POINT;
    const n = this.count[slot]!;
    for (let i = 0; i < n; i++) if (this.found[base + i] === z) return true;
    return false;
  }
}

const lookups = new WeakMap<TrackTable, ZoneLookup>();

/** The lookup of the engine owning `tracks`, over `layer`; made on first use. */
export function zoneLookupFor(tracks: TrackTable, layer: ZoneLayer): ZoneLookup {
  let lookup = lookups.get(tracks);
  if (lookup === undefined || lookup.layer !== layer) {
    lookup = new ZoneLookup(layer, tracks);
    lookups.set(tracks, lookup);
  }
  return lookup;
}
