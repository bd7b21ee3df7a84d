/**
 * What the API returns. Times are ISO 8601 UTC strings; positions are WGS 84 degrees;
 * speeds in knots, courses and headings in degrees true; null where AIS says "not available".
 */

/** A vessel as the live picture shows it. */
export interface VesselSummary {
  mmsi: number;
  name: string | null;
  callsign: string | null;
  imo: number | null;
  /** AIS ship and cargo type, 0-99. */
  shipType: number | null;
  /** ISO 3166-1 alpha-3 of the flag state from the MMSI's MID, or null. */
  flag: string | null;
  lat: number;
  lon: number;
  sog: number | null;
  cog: number | null;
  heading: number | null;
  navStatus: number | null;
  /** Time of the last position. */
  time: string;
}

/** One change of a vessel's broadcast identity. */
export interface IdentityChange {
  time: string;
  name: string | null;
  callsign: string | null;
  imo: number | null;
  shipType: number | null;
}

export interface TrackPoint {
  time: string;
  lat: number;
  lon: number;
  sog: number | null;
  cog: number | null;
}

export interface VesselDetail extends VesselSummary {
  identityHistory: IdentityChange[];
  track: TrackPoint[];
  events: EventRecord[];
}

export const EVENT_TYPES = [
  'encounter',
  'loitering',
  'ais_gap',
  'zone_entry',
  'zone_exit',
  'infrastructure_proximity',
  'position_jump',
  'identity_conflict',
  'watchlist_match',
  'fishing_in_foreign_eez',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** A detected behaviour, exactly as `tidewatch replay --events` writes it. */
export interface EventRecord {
  /** Deterministic: the same input gives the same id. */
  id: string;
  type: EventType;
  start: string;
  end: string;
  mmsi: number[];
  lat: number;
  lon: number;
  profile: { id: string; version: string };
  details: Record<string, unknown>;
}

export type LayerKind = 'zones' | 'infrastructure' | 'watchlist';

export interface LayerInfo {
  id: string;
  kind: LayerKind;
  name: string;
  /** Features or watchlist entries. */
  size: number;
  /** `builtin` for the layers shipped in data/, `upload` for user layers. */
  origin: 'builtin' | 'upload';
}

export type SourceState = 'connecting' | 'connected' | 'disconnected' | 'listening' | 'replaying' | 'finished';

export interface SourceHealth {
  name: string;
  kind: 'tcp-client' | 'tcp-listener' | 'udp-listener' | 'http-post' | 'file-replay';
  state: SourceState;
  lines: number;
  messages: number;
  rejected: Record<string, number>;
  lastMessage: string | null;
}

/** Every 4xx/5xx body. `code` is stable (see the server's error catalogue). */
export interface ApiError {
  statusCode: number;
  code: string;
  message: string;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page, or null at the end. */
  next: string | null;
}
