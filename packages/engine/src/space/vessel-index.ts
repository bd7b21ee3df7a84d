/**
 * The ports through which detectors ask "who is near": vessels by their
 * current position, and fixed places (anchorages) by distance.
 */
import type { AssetLayer } from './assets.js';
import type { ShoreLayer } from './shore.js';
import type { Watchlist } from './watchlist.js';
import type { ZoneLayer } from './zones.js';

/** Moving points keyed by track slot: each vessel at its last position. */
export interface NearbyVessels {
  update(slot: number, lat: number, lon: number): void;
  remove(slot: number): void;
  /** Reads the entry of `slot` (what `update` reads first) and returns what it read; changes nothing. */
  touch(slot: number): number;
  /** Writes into `out` the slots whose last position is within `radiusMetres`; returns how many. */
  near(lat: number, lon: number, radiusMetres: number, out: number[]): number;
}

/** Fixed points (anchorages, ports) answering how far the nearest one is. */
export interface AnchorageIndex {
  /**
   * Great-circle distance in metres to the nearest anchorage within
   * `maxMetres`, or Infinity when there is none that close. Detectors rely
   * on it being a true distance (the triangle inequality holds).
   */
  nearestMetres(lat: number, lon: number, maxMetres: number): number;
  readonly size: number;
}

/**
 * Reference layers detectors use, built by the caller (the engine does no I/O).
 * Absent layers switch off the checks that need them: with no anchorages,
 * every place counts as open water.
 */
export interface Layers {
  readonly anchorages?: AnchorageIndex;
  /** Coastlines: with them, encounter, loitering and ais_gap also leave out what happens within their `minShoreDistanceM` of shore. */
  readonly shore?: ShoreLayer;
  /** Zones (territorial seas, EEZs, drawn areas): without them zone_entry, zone_exit and fishing_in_foreign_eez are idle. */
  readonly zones?: ZoneLayer;
  /** Cables and pipelines with their corridors: without them infrastructure_proximity is idle. */
  readonly assets?: AssetLayer;
  /** Vessels of interest: without it watchlist_match is idle. */
  readonly watchlist?: Watchlist;
}
