/**
 * Export formats: each writes a document as a head, one piece per row, and a
 * tail, so an export of any size streams from the store page by page and
 * never sits whole in memory.
 */
import type { EventRecord } from '@tidewatch/protocol';

/** One position of a track, as exports write it. */
export interface TrackPointRow {
  mmsi: number;
  /** ISO 8601 UTC. */
  time: string;
  lat: number;
  lon: number;
  sog: number | null;
  cog: number | null;
  heading: number | null;
  navStatus: number | null;
}

export interface RowWriter<R> {
  head(title: string): string;
  /** `index` counts from 0 (formats that separate rows need to know the first). */
  row(r: R, index: number): string;
  tail(): string;
}

export interface ExportFormat {
  readonly mediaType: string;
  readonly extension: string;
  readonly track: RowWriter<TrackPointRow>;
  readonly events: RowWriter<EventRecord>;
}
