/** Event markers: a ring at each event's position, coloured by type; click opens its evidence. */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { EventRecord } from '@tidewatch/protocol';
import { eventRgb } from './event-style.js';

export function eventLayer(events: readonly EventRecord[], version: number, onPick: (e: EventRecord) => void): ScatterplotLayer<EventRecord> {
  return new ScatterplotLayer<EventRecord>({
    id: 'events',
    data: events as EventRecord[],
    getPosition: (e) => [e.lon, e.lat],
    getRadius: 9,
    radiusUnits: 'pixels',
    stroked: true,
    filled: true,
    getFillColor: (e) => [...eventRgb(e.type), 50] as [number, number, number, number],
    getLineColor: (e) => [...eventRgb(e.type), 255] as [number, number, number, number],
    lineWidthMinPixels: 2,
    pickable: true,
    updateTriggers: { getFillColor: version, getLineColor: version },
    onClick: (info) => {
      if (info.object) onPick(info.object);
      return true;
    },
  });
}
