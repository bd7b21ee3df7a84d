/**
 * Zones as a layer: polygons (territorial seas, contiguous zones, EEZs, areas
 * an operator drew) with what detectors need to say about them, behind one
 * question: which zones contain this point?
 *
 * Built by pure functions from what `@tidewatch/geo` parsed (or from GeoJSON
 * values directly, with every problem returned); the engine never reads files.
 * The answer comes from geo's grid-backed `ZoneIndex`: a directory cell, then
 * a per-zone grid where most points need no edge test.
 */
import { parseZones, ZoneIndex, type GeoJsonIssue, type Zone, type ZoneKind } from '@tidewatch/geo';
import { uniqueKeys } from './layer-keys.js';
import { ZoneCells } from './zone-cells.js';

export interface ZoneInfo {
  /** Unique within the layer (a slug of the name); event ids end with it. */
  readonly id: string;
  /** `properties.name`, or geo's derived name when the feature has none. */
  readonly name: string;
  readonly kind: ZoneKind;
  /** ISO 3166-1 alpha-3 of the coastal state, when the feature gives it. */
  readonly country: string | null;
}

/** Zones by ordinal, and which of them contain a point. */
export interface ZoneLayer {
  readonly zones: readonly ZoneInfo[];
  /** Writes the ordinals of the zones containing the point into `out[0..n)`, ascending; returns n. Allocates nothing once `out` has held n entries. */
  zonesAt(lat: number, lon: number, out: number[]): number;
  /** The cells no border crosses, where a vessel keeps its answer while it stays in one (absent: every position is looked up). */
  readonly cells?: ZoneCells;
}

export type ZoneLayerResult = { readonly ok: true; readonly layer: ZoneLayer } | { readonly ok: false; readonly errors: readonly GeoJsonIssue[] };

/** The layer over zones geo has parsed (from one or several collections). */
export function zoneLayer(zones: readonly Zone[]): ZoneLayer {
  const ids = uniqueKeys(zones.map((z) => z.name));
  const info: ZoneInfo[] = zones.map((z, i) => ({ id: ids[i]!, name: z.name, kind: z.kind, country: z.country }));
  const index = new ZoneIndex(zones.map((z) => z.area));
  return {
    zones: info,
    zonesAt: (lat, lon, out) => index.zonesAt(lat, lon, out),
    cells: new ZoneCells(zones.map((z) => z.area)),
  };
}

/**
 * The layer over several GeoJSON FeatureCollections (parsed JSON values), in
 * order; or every problem found, each path prefixed with the collection's
 * place in the list (`$[1].features[3].properties.kind`).
 */
export function zoneLayerFromGeoJson(collections: readonly unknown[]): ZoneLayerResult {
  const zones: Zone[] = [];
  const errors: GeoJsonIssue[] = [];
  collections.forEach((collection, i) => {
    const parsed = parseZones(collection);
    if (parsed.ok) zones.push(...parsed.zones);
    else errors.push(...parsed.errors.map((e) => ({ path: e.path.replace(/^\$/, `$[${i}]`), message: e.message })));
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, layer: zoneLayer(zones) };
}
