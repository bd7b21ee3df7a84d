/**
 * Engine events → the records the API serves and the store files.
 *
 * The record is the engine's event without `open` (the protocol's
 * `EventRecord`); whether the episode is still open is kept beside it. The
 * zone and asset an event concerns are lifted out of its details into their
 * own columns so events can be filtered by them: a detector names them in
 * `details.zone` / `details.asset`, either as a string or as an object with an
 * `id` (or, failing that, a `name`).
 */
import type { EngineEvent } from '@tidewatch/engine';
import type { EventRecord, EventType } from '@tidewatch/protocol';
import type { StoredEvent } from './batch.js';

export function storedEvent(e: EngineEvent): StoredEvent {
  const details = e.details as Record<string, unknown>;
  const record: EventRecord = {
    id: e.id,
    type: e.type as EventType,
    start: e.start,
    end: e.end,
    mmsi: [...e.mmsi],
    lat: e.lat,
    lon: e.lon,
    profile: { id: e.profile.id, version: e.profile.version },
    details,
  };
  return { record, open: e.open === true, zone: placeOf(details, 'zone'), asset: placeOf(details, 'asset') };
}

function placeOf(details: Record<string, unknown>, key: 'zone' | 'asset'): string | null {
  const v = details[key] ?? details[`${key}Id`];
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    if (typeof o.id === 'string') return o.id;
    if (typeof o.name === 'string') return o.name;
  }
  return null;
}
