/** How each event type is named and marked. Markers also carry the name, so colour is never the only cue. */
import { EVENT_TYPES, type EventType } from '@tidewatch/protocol';

export const EVENT_STYLE: Record<EventType, { label: string; rgb: [number, number, number] }> = {
  encounter: { label: 'Encounter', rgb: [255, 90, 90] },
  loitering: { label: 'Loitering', rgb: [255, 200, 60] },
  ais_gap: { label: 'AIS gap', rgb: [180, 180, 255] },
  zone_entry: { label: 'Zone entry', rgb: [90, 200, 255] },
  zone_exit: { label: 'Zone exit', rgb: [90, 160, 200] },
  infrastructure_proximity: { label: 'Near cable or pipeline', rgb: [230, 140, 255] },
  position_jump: { label: 'Position jump', rgb: [200, 200, 200] },
  identity_conflict: { label: 'Identity conflict', rgb: [255, 150, 200] },
  watchlist_match: { label: 'Watchlist hit', rgb: [255, 255, 255] },
  fishing_in_foreign_eez: { label: 'Fishing in foreign EEZ', rgb: [60, 220, 160] },
};

export function eventLabel(type: string): string {
  return (EVENT_STYLE as Record<string, { label: string }>)[type]?.label ?? type;
}

export function eventRgb(type: string): [number, number, number] {
  return (EVENT_STYLE as Record<string, { rgb: [number, number, number] }>)[type]?.rgb ?? [200, 200, 200];
}

export { EVENT_TYPES };
