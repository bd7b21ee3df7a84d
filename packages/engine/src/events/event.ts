/**
 * The event model: what the engine says about behaviour at sea.
 *
 * An event is one episode of one behaviour by one or more vessels. Its id is
 * derived only from what defines the episode (type, vessels, start, profile),
 * so replaying the same input gives the same ids and a store can upsert by id:
 * an episode first emitted while still open (`open: true`) and later closed
 * keeps its id.
 */

/** The profile that produced an event: its id and version. */
export interface ProfileStamp {
  readonly id: string;
  readonly version: string;
}

export interface EngineEvent<T extends string = string, D = unknown> {
  /** Deterministic: `type:mmsi-mmsi:YYYYMMDDTHHMMSSZ:profile`. */
  readonly id: string;
  readonly type: T;
  /** ISO 8601 UTC. */
  readonly start: string;
  /** ISO 8601 UTC; for an open episode, the last time evidence was seen so far. */
  readonly end: string;
  /** Vessels involved, ascending. */
  readonly mmsi: readonly number[];
  /** Where: degrees, 6 decimals (about 0.1 m). */
  readonly lat: number;
  readonly lon: number;
  readonly profile: ProfileStamp;
  /** Present (true) while the episode is confirmed but not yet over; a later event with the same id closes it. */
  readonly open?: true;
  /** Thresholds crossed and the evidence (message counts, distances, speeds). */
  readonly details: D;
}

/** Where detectors hand their events. */
export type EventSink = (event: EngineEvent) => void;

/** `2018-04-01T12:03:00Z`; milliseconds appear only when not zero. */
export function isoTime(ms: number): string {
  const s = new Date(ms).toISOString();
  return s.endsWith('.000Z') ? `${s.slice(0, -5)}Z` : s;
}

/** `20180401T120300Z` (basic format, for ids); `20180401T120300.250Z` when there are milliseconds. */
export function compactTime(ms: number): string {
  return isoTime(ms).replace(/[-:]/g, '');
}

/** The event id: readable and a pure function of what defines the episode. */
export function eventId(type: string, mmsis: readonly number[], startMs: number, profileId: string): string {
  return `${type}:${mmsis.join('-')}:${compactTime(startMs)}:${profileId}`;
}

/** Rounds for output: equal inputs print equally, and no event carries noise digits. */
export function round(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** A point as events print it (6 decimals). */
export interface EventPoint {
  readonly time: string;
  readonly lat: number;
  readonly lon: number;
}

export function eventPoint(t: number, lat: number, lon: number): EventPoint {
  return { time: isoTime(t), lat: round(lat, 6), lon: round(lon, 6) };
}

/** Builds an event with the id, times and rounding done the one way. */
export function makeEvent<T extends string, D>(
  type: T,
  profile: ProfileStamp,
  mmsis: readonly number[],
  startMs: number,
  endMs: number,
  lat: number,
  lon: number,
  open: boolean,
  details: D,
): EngineEvent<T, D> {
  const sorted = [...mmsis].sort((a, b) => a - b);
  const base = {
    id: eventId(type, sorted, startMs, profile.id),
    type,
    start: isoTime(startMs),
    end: isoTime(endMs),
    mmsi: sorted,
    lat: round(lat, 6),
    lon: round(lon, 6),
    profile,
  };
  return open ? { ...base, open: true, details } : { ...base, details };
}
