/**
 * A zone file (a GeoJSON FeatureCollection of territorial seas, contiguous
 * zones, EEZs or drawn areas) read into geo's zones, through the layer cache:
 * a world EEZ file is tens of megabytes of GeoJSON, and even the shipped
 * territorial seas took a sixth of a start-up to parse.
 */
import { areaFromRings, parseZones, ZoneKind, type Zone } from '@tidewatch/geo';
import { LayerCache, type LayerCodec, type Parsed } from './layer-cache.js';
import { packRings, unpackRings } from './layer-pack.js';

/** Problems listed before the rest are summed up. */
const MAX_ISSUES = 5;

interface ZoneMeta {
  name: string;
  kind: ZoneKind;
  country: string | null;
  properties: Record<string, unknown>;
  rings: number;
}

const ZONE_KINDS = new Set<unknown>(Object.values(ZoneKind));

const ZONES: LayerCodec<Zone[]> = {
  kind: 'zones.1',
  pack: (zones) => ({
    meta: zones.map((z): ZoneMeta => ({ name: z.name, kind: z.kind, country: z.country, properties: z.properties, rings: z.area.rings.length })),
    arrays: packRings(zones.flatMap((z) => z.area.rings)),
  }),
  unpack: ({ meta, arrays: [ends, values] }) => {
    if (!Array.isArray(meta) || !meta.every(isZoneMeta) || ends === undefined || values === undefined) return undefined;
    if (meta.reduce((n, m) => n + m.rings, 0) !== ends.length) return undefined;
    const zones: Zone[] = [];
    let ring = 0;
    for (const m of meta) {
      const rings = unpackRings(ends, values, ring, (ring += m.rings));
      if (rings === undefined) return undefined;
      zones.push({ name: m.name, kind: m.kind, country: m.country, properties: m.properties, area: areaFromRings(rings) });
    }
    return zones;
  },
};

/** The zones of the GeoJSON file at `path`, parsed or from the cache; errors name the file. */
export function zonesFromFile(path: string, cache = new LayerCache(undefined)): Parsed<Zone[]> {
  return cache.layer(ZONES, path, (source) => {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(source));
    } catch (e) {
      return { ok: false, error: `${path}: not JSON: ${(e as Error).message}` };
    }
    const parsed = parseZones(json);
    if (parsed.ok) return { ok: true, value: parsed.zones };
    const listed = parsed.errors.slice(0, MAX_ISSUES).map((e) => `${path}: ${e.path}: ${e.message}`);
    const more = parsed.errors.length - listed.length;
    return { ok: false, error: listed.join('; ') + (more > 0 ? `; and ${more} more` : '') };
  });
}

function isZoneMeta(m: unknown): m is ZoneMeta {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  return (
    typeof r['name'] === 'string' &&
    ZONE_KINDS.has(r['kind']) &&
    (r['country'] === null || typeof r['country'] === 'string') &&
    typeof r['properties'] === 'object' &&
    r['properties'] !== null &&
    Number.isInteger(r['rings']) &&
    (r['rings'] as number) >= 0
  );
}
