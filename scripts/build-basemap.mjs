#!/usr/bin/env node
/**
 * Writes the browser basemap's land layer, data/basemap/land.geojson, from Natural Earth
 * 1:50m land (public domain) as redistributed in TopoJSON by the npm package `world-atlas`.
 *
 * Run once after changing the source or the rounding: `node scripts/build-basemap.mjs`.
 * The map draws land from this file, so it needs no tile server and works offline.
 * Coordinates are rounded to 3 decimals (about 100 m), finer than the 1:50m source;
 * rings that collapse below 4 positions after rounding are dropped.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'data/basemap/land.geojson');
const DECIMALS = 3;
const SIZE_LIMIT = 2 * 1024 * 1024;

const require = createRequire(join(ROOT, 'packages/web/package.json'));
const topology = JSON.parse(await readFile(require.resolve('world-atlas/land-50m.json'), 'utf8'));
const land = feature(topology, topology.objects.land);

const scale = 10 ** DECIMALS;
const round = (v) => Math.round(v * scale) / scale;

/** Rounds a ring and drops positions that round onto their predecessor. */
function roundRing(ring) {
  const out = [];
  for (const [lon, lat] of ring) {
    const p = [round(lon), round(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out.length >= 4 ? out : null;
}

function roundPolygon(rings) {
  const outer = roundRing(rings[0]);
  if (!outer) return null;
  return [outer, ...rings.slice(1).map(roundRing).filter(Boolean)];
}

const polygons = [];
for (const f of land.features) {
  const g = f.geometry;
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  for (const rings of parts) {
    const p = roundPolygon(rings);
    if (p) polygons.push(p);
  }
}

const out = {
  type: 'FeatureCollection',
  // Provenance travels with the file.
  source: 'Natural Earth 1:50m land, public domain, via the npm package world-atlas (TopoJSON)',
  features: [{ type: 'Feature', properties: { kind: 'land' }, geometry: { type: 'MultiPolygon', coordinates: polygons } }],
};
const text = JSON.stringify(out);
if (text.length > SIZE_LIMIT) throw new Error(`land.geojson is ${text.length} bytes, over the ${SIZE_LIMIT} byte budget`);
await mkdir(dirname(OUT), { recursive: true });
await writeFile(OUT, text + '\n');
console.log(`wrote ${OUT.slice(ROOT.length + 1)}: ${polygons.length} polygons, ${text.length} bytes`);
