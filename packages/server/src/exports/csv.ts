/**
 * CSV (RFC 4180): a header row, then one row per track position or event;
 * `lat`/`lon` columns, which GDAL and spreadsheets pick up as the position.
 * An event's vessels are space-separated; its details are one JSON cell.
 */
import type { EventRecord } from '@tidewatch/protocol';
import type { ExportFormat, TrackPointRow } from './format.js';

export const CSV: ExportFormat = {
  mediaType: 'text/csv; charset=utf-8',
  extension: 'csv',
  track: {
    head: () => 'mmsi,time,lat,lon,sog,cog,heading,nav_status\r\n',
    row: (p: TrackPointRow) => `${p.mmsi},${p.time},${p.lat},${p.lon},${cell(p.sog)},${cell(p.cog)},${cell(p.heading)},${cell(p.navStatus)}\r\n`,
    tail: () => '',
  },
  events: {
    head: () => 'id,type,start,end,mmsi,lat,lon,profile,details\r\n',
    row: (e: EventRecord) =>
      [e.id, e.type, e.start, e.end, e.mmsi.join(' '), e.lat, e.lon, `${e.profile.id}@${e.profile.version}`, JSON.stringify(e.details)].map(cell).join(',') + '\r\n',
    tail: () => '',
  },
};

/** A field, quoted when it holds a comma, quote or line break. */
export function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
