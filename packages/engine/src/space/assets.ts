/**
 * Seabed infrastructure as a layer: cables and pipelines (polylines) each
 * with a corridor, a half-width either side of the route, answering which
 * corridors contain a point and how far a point is from one asset's route.
 *
 * Built by pure functions from what `@tidewatch/geo` parsed (or from GeoJSON
 * values directly, with every problem returned). Lookups go through geo's
 * `CorridorIndex` (segments listed in the cells of a global grid); distance
 * to one asset uses a small index of that asset alone, so two crossing
 * cables each get their own distance.
 */
import { CorridorIndex, parseAssets, type Asset, type AssetKind, type CorridorHit, type GeoJsonIssue } from '@tidewatch/geo';
import { uniqueKeys } from './layer-keys.js';

export interface AssetInfo {
  /** Unique within the layer (a slug of the name); event ids end with it. */
  readonly id: string;
  /** `properties.name`. */
  readonly name: string;
  readonly kind: AssetKind;
  /** Corridor half-width either side of the route, metres. */
  readonly corridorM: number;
}

export interface AssetLayer {
  readonly assets: readonly AssetInfo[];
  /** Writes the ordinals of the assets whose corridor contains the point into `out[0..n)`, ascending; returns n. */
  corridorsAt(lat: number, lon: number, out: number[]): number;
  /** Metres from the point to the asset's route, or Infinity when farther than `maxMetres`. */
  distanceMetres(asset: number, lat: number, lon: number, maxMetres: number): number;
  /**
   * How far the point is from the nearest corridor's edge, at most
   * `maxMetres` (0 inside one): a vessel that moves less than this from the
   * point cannot have entered any corridor. A lower bound (every corridor is
   * taken as wide as the widest), so it is safe to skip lookups with.
   */
  clearanceMetres(lat: number, lon: number, maxMetres: number): number;
}

export type AssetLayerResult = { readonly ok: true; readonly layer: AssetLayer } | { readonly ok: false; readonly errors: readonly GeoJsonIssue[] };

/** The layer over assets geo has parsed (from one or several collections). */
export function assetLayer(assets: readonly Asset[]): AssetLayer {
  const ids = uniqueKeys(assets.map((a) => a.name));
  const info: AssetInfo[] = assets.map((a, i) => ({ id: ids[i]!, name: a.name, kind: a.kind, corridorM: a.corridorMetres }));
  const corridors = assets.map((a) => ({ lines: a.lines, halfWidthMetres: a.corridorMetres }));
  const all = new CorridorIndex(corridors);
  const each = corridors.map((c) => new CorridorIndex([c]));
  const hit: CorridorHit = { asset: -1, line: -1, segment: -1, metres: Infinity };
  const widest = corridors.reduce((m, c) => Math.max(m, c.halfWidthMetres), 0);
  return {
    assets: info,
    corridorsAt: (lat, lon, out) => all.corridorsAt(lat, lon, out),
    distanceMetres(asset, lat, lon, maxMetres) {
      const index = each[asset];
      if (index === undefined) throw new RangeError(`no asset ${asset}: the layer holds ${each.length}`);
      return index.nearestInto(lat, lon, maxMetres, hit) ? hit.metres : Infinity;
    },
    clearanceMetres(lat, lon, maxMetres) {
      if (!all.nearestInto(lat, lon, maxMetres + widest, hit)) return maxMetres;
      return Math.min(maxMetres, Math.max(0, hit.metres - widest));
    },
  };
}

/**
 * The layer over several GeoJSON FeatureCollections (parsed JSON values), in
 * order; or every problem found, each path prefixed with the collection's
 * place in the list (`$[0].features[2].properties.corridor_m`).
 */
export function assetLayerFromGeoJson(collections: readonly unknown[]): AssetLayerResult {
  const assets: Asset[] = [];
  const errors: GeoJsonIssue[] = [];
  collections.forEach((collection, i) => {
    const parsed = parseAssets(collection);
    if (parsed.ok) assets.push(...parsed.assets);
    else errors.push(...parsed.errors.map((e) => ({ path: e.path.replace(/^\$/, `$[${i}]`), message: e.message })));
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, layer: assetLayer(assets) };
}
