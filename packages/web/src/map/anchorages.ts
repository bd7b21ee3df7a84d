/**
 * Anchorages: the named anchorages shipped in data/anchorages (Global Fishing Watch's
 * anchorage list), bundled with the page and read only when the layer is switched on.
 * The server does not list them as a layer; the engine uses them to tell port from sea.
 */
import anchoragesUrl from '../../../../data/anchorages/anchorages.csv?url';
import type { FeatureCollection } from '../api/client.js';

/** Reads `lat,lon,name,...` rows; a row that does not parse is left out. */
export function parseAnchorages(csv: string): FeatureCollection {
  const lines = csv.split('\n');
  const header = lines[0]?.split(',') ?? [];
  const latAt = header.indexOf('lat'), lonAt = header.indexOf('lon'), nameAt = header.indexOf('name');
  const features: FeatureCollection['features'] = [];
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i]!.split(',');
    const lat = Number(cells[latAt]), lon = Number(cells[lonAt]);
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || cells.length < 2) continue;
    features.push({ type: 'Feature', properties: { name: cells[nameAt] ?? '' }, geometry: { type: 'Point', coordinates: [lon, lat] } });
  }
  return { type: 'FeatureCollection', features };
}

let loading: Promise<FeatureCollection | null> | null = null;

export function loadAnchorages(): Promise<FeatureCollection | null> {
  loading ??= fetch(new URL(anchoragesUrl, document.baseURI))
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then(parseAnchorages)
    .catch(() => null);
  return loading;
}
