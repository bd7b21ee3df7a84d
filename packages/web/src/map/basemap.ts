/**
 * The base map: sea, land and a faint graticule, drawn by MapLibre from the land polygons
 * shipped in data/basemap. No tile server, no glyph server (there are no text layers: labels
 * are HTML), so the map works on an isolated operations network.
 */
import { Map as MapLibreMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import landUrl from '../../../../data/basemap/land.geojson?url';
import 'maplibre-gl/dist/maplibre-gl.css';

// Vite bundles the page but not MapLibre's worker; point MapLibre at the copied file.
setWorkerUrl(workerUrl);

export const THEME = {
  sea: '#0b1622',
  land: '#1f2a35',
  coast: '#45586b',
  graticule: '#17283a',
} as const;

function graticule(): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  for (let lon = -180; lon <= 180; lon += 10) {
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[lon, -85], [lon, 85]] } });
  }
  for (let lat = -80; lat <= 80; lat += 10) {
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[-180, lat], [180, lat]] } });
  }
  return { type: 'FeatureCollection', features };
}

function style(): StyleSpecification {
  return {
    version: 8,
    sources: {
      land: { type: 'geojson', data: new URL(landUrl, document.baseURI).href },
      graticule: { type: 'geojson', data: graticule() },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': THEME.sea } },
      { id: 'graticule', type: 'line', source: 'graticule', paint: { 'line-color': THEME.graticule, 'line-width': 1 } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': THEME.land } },
      { id: 'coast', type: 'line', source: 'land', paint: { 'line-color': THEME.coast, 'line-width': 0.8 } },
    ],
  };
}

export interface View {
  center: [number, number];
  zoom: number;
}

export function createBasemap(container: HTMLElement, view: View): MapLibreMap {
  return new MapLibreMap({
    container,
    style: style(),
    center: view.center,
    zoom: view.zoom,
    attributionControl: { compact: true, customAttribution: 'Land: Natural Earth' },
    // Keeps the last frame readable by screenshots and tests.
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
}
