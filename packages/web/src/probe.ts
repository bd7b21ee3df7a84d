/**
 * What the page exposes to its browser tests and benchmark as `window.tidewatch`: facts
 * about the last draw, where a vessel is on screen, which reference layers are on, and two
 * ways to move the map. Nothing else reads it.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { VesselTable } from './live/vessel-table.js';

export interface PageProbe {
  /** Vessels in the last drawn vessel layer, the table version drawn, and when (performance.now()). */
  drawn: { count: number; version: number; at: number };
  frames: number;
  /** When the last position frame arrived, and when it had been written into the vessel table. */
  frameAt: number;
  appliedAt: number;
  /** Data time of the newest frame, ms UTC. */
  dataTime: number;
  /** Ids of the deck.gl layers last set, with their data sizes. */
  layers: { id: string; size: number }[];
  project(mmsi: number): [number, number] | null;
  mmsis(): number[];
  /** Reference layers on the map (their MapLibre sources, `ref:<layer id>`) with feature counts. */
  referenceLayers(): { id: string; features: number }[];
  view(lon: number, lat: number, zoom: number): void;
  zoomTo(mmsi: number, zoom: number): boolean;
}

export function createProbe(map: MapLibreMap, shown: () => VesselTable): PageProbe {
  return {
    drawn: { count: 0, version: -1, at: 0 },
    frames: 0,
    frameAt: 0,
    appliedAt: 0,
    dataTime: 0,
    layers: [],
    project(mmsi) {
      const t = shown();
      const slot = t.slotOf(mmsi);
      if (slot < 0) return null;
      const p = map.project([t.lon[slot]!, t.lat[slot]!]);
      return [p.x, p.y];
    },
    mmsis() {
      const t = shown();
      return Array.from(t.mmsi.subarray(0, t.count));
    },
    referenceLayers() {
      return Object.entries(map.getStyle().sources)
        .filter(([id]) => id.startsWith('ref:'))
        .map(([id, src]) => {
          const data = (src as { data?: { features?: unknown[] } }).data;
          return { id, features: Array.isArray(data?.features) ? data.features.length : -1 };
        });
    },
    view(lon, lat, zoom) {
      map.jumpTo({ center: [lon, lat], zoom });
    },
    zoomTo(mmsi, zoom) {
      const t = shown();
      const slot = t.slotOf(mmsi);
      if (slot >= 0) map.jumpTo({ center: [t.lon[slot]!, t.lat[slot]!], zoom });
      return slot >= 0;
    },
  };
}
