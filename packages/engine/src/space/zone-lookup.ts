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
import type { TrackTable } from '../track/track-table.js';
import { resize } from '../track/track-table.js';
import { closerThan } from './closer-than.js';
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

/** The per-slot answer record: five float64 fields. */
const ANSWER = 5;
const STAMP = 0;
const LOOKED_LAT = 1;
const LOOKED_LON = 2;
const COUNT = 3;
/** The clear cell (see ZoneCells) the answer holds for, or NO_CELL. */
const CELL = 4;
const NO_CELL = -1;

export class ZoneLookup {
  /**
   * Per slot, side by side (every position reads them all): the position
   * count the answer is for (0: none yet), where it was looked up (NaN:
   * never), how many zones it found, and the clear cell it holds for.
   */
  private answer = new Float64Array(0);
  /** Per slot, MAX_ZONES_AT_POINT entries: the zones found, read only when there are some. */
  private found = new Int32Array(0);
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
    this.answer = resize(this.answer, capacity * ANSWER);
    this.found = resize(this.found, capacity * MAX_ZONES_AT_POINT);
    this.capacity = capacity;
  }

  /** A new track in `slot`: forget the answer for its previous vessel. */
  open(slot: number): void {
    this.answer[slot * ANSWER + STAMP] = 0;
    this.answer[slot * ANSWER + LOOKED_LAT] = NaN;
    this.answer[slot * ANSWER + CELL] = NO_CELL;
  }

  /** Reads the answer kept for `slot` (what `at` reads first) and returns it; changes nothing. */
  touch(slot: number): number {
    return this.answer[slot * ANSWER + STAMP]!;
  }

  /** How many zones contain the latest position of the vessel in `slot` (looked up on the first call for that position). */
  at(slot: number): number {
    const a = this.answer;
    const at = slot * ANSWER;
    const positions = this.tracks.positions(slot);
    if (a[at + STAMP] === positions) return a[at + COUNT]!;
    a[at + STAMP] = positions;
    const lat = this.tracks.lat(slot);
    const lon = this.tracks.lon(slot);
    if (closerThan(a[at + LOOKED_LAT]!, a[at + LOOKED_LON]!, lat, lon, ZONE_LOOKUP_SKIP_M)) return a[at + COUNT]!;
    a[at + LOOKED_LAT] = lat;
    a[at + LOOKED_LON] = lon;
    // Still in the clear cell the answer was found in: no border between, the same zones.
    const cells = this.layer.cells;
    const cell = cells === undefined ? NO_CELL : cells.keyOf(lat, lon);
    if (cell !== NO_CELL && a[at + CELL] === cell) return a[at + COUNT]!;
    const n = Math.min(MAX_ZONES_AT_POINT, this.layer.zonesAt(lat, lon, this.scratch));
    const base = slot * MAX_ZONES_AT_POINT;
    for (let i = 0; i < n; i++) this.found[base + i] = this.scratch[i]!;
    a[at + COUNT] = n;
    a[at + CELL] = cell !== NO_CELL && cells!.clear(cell) ? cell : NO_CELL;
    return n;
  }

  /** The i-th zone (ordinal, ascending) of the last answer for `slot`. */
  zone(slot: number, i: number): number {
    return this.found[slot * MAX_ZONES_AT_POINT + i]!;
  }

  /** Whether the last answer for `slot` includes zone `z`. */
  has(slot: number, z: number): boolean {
    const base = slot * MAX_ZONES_AT_POINT;
    const n = this.answer[slot * ANSWER + COUNT]!;
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
