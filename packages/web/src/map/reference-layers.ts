/**
 * Reference layers (zones, cables and pipelines, anchorages) drawn by MapLibre under the
 * vessels. Each layer is one GeoJSON source with a fill, a line and a circle style layer;
 * MapLibre's filters pick what each geometry type needs.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LayerKind } from '@tidewatch/protocol';
import type { FeatureCollection } from '../api/client.js';

const COLOURS: Record<LayerKind | 'anchorages', { line: string; fill: string }> = {
  zones: { line: '#6f9fd8', fill: '#6f9fd8' },
  infrastructure: { line: '#e3b3f0', fill: '#e3b3f0' },
  watchlist: { line: '#ffffff', fill: '#ffffff' },
  anchorages: { line: '#9fd8c4', fill: '#9fd8c4' },
};

/** The style layer ids of one reference layer. */
function styleIds(id: string): { source: string; fill: string; line: string; point: string } {
  const base = `ref:${id}`;
  return { source: base, fill: `${base}:fill`, line: `${base}:line`, point: `${base}:point` };
}

export function showReferenceLayer(map: MapLibreMap, id: string, kind: LayerKind | 'anchorages', features: FeatureCollection): void {
  const ids = styleIds(id);
  hideReferenceLayer(map, id);
  const c = COLOURS[kind];
  map.addSource(ids.source, { type: 'geojson', data: features as unknown as GeoJSON.FeatureCollection });
  map.addLayer({
    id: ids.fill,
    type: 'fill',
    source: ids.source,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': c.fill, 'fill-opacity': 0.07 },
  });
  map.addLayer({
    id: ids.line,
    type: 'line',
    source: ids.source,
    filter: ['!=', ['geometry-type'], 'Point'],
    paint: { 'line-color': c.line, 'line-width': kind === 'infrastructure' ? 1.6 : 1, 'line-opacity': 0.8, ...(kind === 'zones' ? { 'line-dasharray': [3, 2] } : {}) },
  });
  map.addLayer({
    id: ids.point,
    type: 'circle',
    source: ids.source,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-color': c.fill, 'circle-radius': 2.5, 'circle-opacity': 0.7 },
  });
}

export function hideReferenceLayer(map: MapLibreMap, id: string): void {
  const ids = styleIds(id);
  for (const layer of [ids.fill, ids.line, ids.point]) if (map.getLayer(layer)) map.removeLayer(layer);
  if (map.getSource(ids.source)) map.removeSource(ids.source);
}
