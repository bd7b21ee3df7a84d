/** SQLite rows → the store's records: NULL back to NaN (numbers) or '' (text). */
import type { LayerKind } from '@tidewatch/protocol';
import type { VesselRow } from './batch.js';
import type { StoredLayer, TrackRow } from './store.js';

export type Row = Record<string, unknown>;

export const num = (x: unknown): number => (typeof x === 'number' ? x : NaN);
export const str = (x: unknown): string => (typeof x === 'string' ? x : '');

export function vesselRow(r: Row): VesselRow {
  return {
    mmsi: num(r.mmsi),
    t: num(r.t),
    lat: num(r.lat),
    lon: num(r.lon),
    sog: num(r.sog),
    cog: num(r.cog),
    heading: num(r.heading),
    navStatus: num(r.nav_status),
    name: str(r.name),
    callsign: str(r.callsign),
    imo: num(r.imo),
    shipType: num(r.ship_type),
  };
}

export function trackRow(r: Row): TrackRow {
  return {
    seq: num(r.seq),
    t: num(r.t),
    lat: num(r.lat),
    lon: num(r.lon),
    sog: num(r.sog),
    cog: num(r.cog),
    heading: num(r.heading),
    navStatus: num(r.nav_status),
  };
}

export function layerRow(r: Row): StoredLayer {
  return {
    id: str(r.id),
    kind: str(r.kind) as LayerKind,
    name: str(r.name),
    origin: r.origin === 'builtin' ? 'builtin' : 'upload',
    size: num(r.size),
    format: r.format === 'csv' ? 'csv' : 'geojson',
    body: str(r.body),
    createdMs: num(r.created_ms),
  };
}
