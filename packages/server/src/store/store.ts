/**
 * The store port: everything the server keeps, behind one interface.
 *
 * The embedded adapter is SQLite (`sqlite-store.ts`); a server-grade adapter
 * (PostgreSQL) implements the same interface. All calls are synchronous and
 * bounded: reads take a limit and page by key, so no call holds the store for
 * long and no export needs a long-lived cursor.
 */
import type { BBox, EventRecord, LayerKind } from '@tidewatch/protocol';
import type { Batch, CursorRow, IdentityRow, StaticRow, VesselRow } from './batch.js';

export interface TrackRow {
  seq: number;
  t: number;
  lat: number;
  lon: number;
  /** NaN when not available. */
  sog: number;
  cog: number;
  heading: number;
  navStatus: number;
}

/** A position as journalled: what the engine was handed. */
export interface JournalPosition extends TrackRow {
  kind: 'position';
  mmsi: number;
  source: number;
}

export type JournalEntry = JournalPosition | (StaticRow & { kind: 'static' });

/** Where a page of events starts: after this (start, id) in the query's order. */
export interface EventKey {
  start: number;
  id: string;
}

export interface EventQuery {
  /** Only these types; null for all. */
  types: readonly string[] | null;
  /** Events overlapping [from, to] (ms); null leaves that side open. */
  from: number | null;
  to: number | null;
  /** Events whose position lies in the box. */
  bbox: BBox | null;
  /** Events involving this vessel. */
  mmsi: number | null;
  zone: string | null;
  asset: string | null;
  order: 'asc' | 'desc';
  after: EventKey | null;
  limit: number;
}

export interface EventPage {
  items: EventRecord[];
  /** The key of the last item when more may follow, else null. */
  next: EventKey | null;
}

export interface StoredLayer {
  id: string;
  kind: LayerKind;
  name: string;
  origin: 'builtin' | 'upload';
  /** Features or watchlist entries. */
  size: number;
  format: 'geojson' | 'csv';
  /** The layer as uploaded (GeoJSON text, or CSV text). */
  body: string;
  createdMs: number;
}

export interface Store {
  /** Writes a batch in one transaction: all of it or, after a crash, none. */
  commit(batch: Batch): void;
  /** The journal sequence number after the last one stored. */
  nextSeq(): number;
  /** A named value kept with the data, or undefined. */
  meta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
  /** Time of the oldest stored position, NaN when none. */
  oldestPositionTime(): number;

  /** Calls `visit` for every stored vessel (the live picture at start). */
  eachVessel(visit: (row: VesselRow) => void): void;
  vessel(mmsi: number): VesselRow | undefined;
  identityHistory(mmsi: number): IdentityRow[];
  /** Positions of one vessel with from <= t <= to, after (t, seq), oldest first, at most `limit`. */
  track(mmsi: number, from: number, to: number, after: { t: number; seq: number } | null, limit: number): TrackRow[];
  trackCount(mmsi: number, from: number, to: number): number;

  events(query: EventQuery): EventPage;
  /** The same page with each record as its stored JSON text, for responses that pass it through unparsed. */
  eventsJson(query: EventQuery): { items: string[]; next: EventKey | null };
  event(id: string): EventRecord | undefined;

  /** The first journal seq whose position time is at or after `t` (approximately: the journal is in arrival order). */
  journalSeqAt(t: number): number;
  /** Journal entries with seq > `afterSeq`, in seq order, at most `limit`. */
  journal(afterSeq: number, limit: number): JournalEntry[];
  /** True when nothing journalled with a time at or after `t` has been thinned or expired. */
  journalCompleteSince(t: number): boolean;

  layers(): StoredLayer[];
  layer(id: string): StoredLayer | undefined;
  putLayer(layer: StoredLayer): void;
  deleteLayer(id: string): boolean;

  cursor(name: string): CursorRow | undefined;

  /**
   * Thins positions with from <= t < to: in each `bucketMs` bucket of a vessel's
   * time, only the earliest report stays. Returns the rows deleted.
   */
  thinPositions(from: number, to: number, bucketMs: number): number;
  /** Deletes journal static reports older than `t` (identity history keeps the changes). */
  expireStaticReports(t: number): number;
  /** Deletes positions, events and vessels last seen before `t`; returns rows deleted. */
  expireBefore(t: number): number;

  close(): void;
}
