#!/usr/bin/env node
/**
 * Writes the coastline layer, data/coast/coastline.json, from Natural Earth 1:10m land
 * (public domain) as redistributed in TopoJSON by the npm package `world-atlas`.
 *
 *   node scripts/build-coastline.mjs
 *
 * The engine measures a vessel's distance from shore against it (a vessel at a quay or
 * in a harbour is not loitering and not meeting anyone at sea), so it must be global and
 * as detailed as the source: no simplification (Douglas-Peucker at 50 m removes under
 * 7% of 1:10m vertices, the source is already generalised) and no rounding beyond the
 * source's own grid (TopoJSON quantisation, 0.0036° of longitude by 0.0017° of latitude,
 * about 190 m at most).
 *
 * Output: every land outline as a closed ring of integers on that grid, delta-encoded
 * (the first vertex absolute, then differences; the ring closes back to its first vertex
 * without repeating it), with the grid's `transform` (lon = x·sx + tx, lat = y·sy + ty).
 * The source's rings are spherical: some cross the antimeridian, Antarctica's goes
 * round the pole. Here each is made planar, so that the even-odd rule tells land from
 * water: unwrapped, closed through the pole when it winds round it, and cut at ±180°.
 * Those cuts and the polar closure are edges on the meridian ±180° or on the parallel
 * −90°; they are not coast, and the reader leaves them out of distances.
 * Re-running on the same package version gives the same bytes.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'data/coast/coastline.json');
const SOURCE = 'world-atlas/land-10m.json';

// Resolved as the web package resolves them: it declares both for its basemap (scripts/build-basemap.mjs).
const require = createRequire(join(ROOT, 'packages/web/package.json'));
const sourcePath = require.resolve(SOURCE);
const sourceVersion = JSON.parse(await readFile(join(dirname(sourcePath), 'package.json'), 'utf8')).version;
const topology = JSON.parse(await readFile(sourcePath, 'utf8'));
const { scale, translate } = topology.transform;
const [sx, sy] = scale;
const [tx, ty] = translate;
/** 360° and the two meridians ±180° on the grid (the grid's x runs 0..FULL, FULL = 360°/sx). */
const FULL = Math.round(360 / sx);
const WEST = Math.round((-180 - tx) / sx);
const EAST = WEST + FULL;
const SOUTH_POLE = Math.round((-90 - ty) / sy);

const toX = (lon) => Math.round((lon - tx) / sx);
const toY = (lat) => Math.round((lat - ty) / sy);

/** Longitudes made continuous along the ring (no jump of more than half a turn). */
function unwrap(ring) {
  const out = [];
  for (const [lon, lat] of ring) {
    let x = toX(lon);
    const y = toY(lat);
    if (out.length > 0) {
      const prev = out[out.length - 1][0];
      while (x - prev > FULL / 2) x -= FULL;
      while (prev - x > FULL / 2) x += FULL;
    }
    out.push([x, y]);
  }
  return out;
}

/**
 * A closed planar ring: a ring that winds once round a pole (its longitude gains a
 * full turn) is closed along the meridians of its ends down to the pole. Only
 * Antarctica does, so the pole is the south one; a northern one would be a bug.
 */
function closeRound(points) {
  const [first, last] = [points[0], points[points.length - 1]];
  const open = first[0] === last[0] && first[1] === last[1] ? points.slice(0, -1) : points;
  const end = open[open.length - 1];
  let x = first[0];
  while (x - end[0] > FULL / 2) x -= FULL;
  while (end[0] - x > FULL / 2) x += FULL;
  const turn = x - first[0];
  if (turn === 0) return open;
  if (Math.abs(turn) !== FULL) throw new Error(`a ring winds ${turn / FULL} times round a pole`);
  if (Math.min(...open.map((p) => p[1])) > toY(0)) throw new Error('a ring winds round the north pole');
  return [...open, [x, first[1]], [x, SOUTH_POLE], [first[0], SOUTH_POLE]];
}

/** Sutherland-Hodgman against one vertical line: keeps the side where `inside(x)`. */
function clipAt(points, lineX, inside) {
  const out = [];
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    const b = points[(i + 1) % points.length];
    const ina = inside(a[0]);
    const inb = inside(b[0]);
    if (ina) out.push(a);
    if (ina !== inb) out.push([lineX, Math.round(a[1] + ((b[1] - a[1]) * (lineX - a[0])) / (b[0] - a[0]))]);
  }
  return out;
}

/** The ring cut into the pieces within [−180°, 180°], each shifted by whole turns into it. */
function planarPieces(points) {
  const xs = points.map((p) => p[0]);
  const [min, max] = [Math.min(...xs), Math.max(...xs)];
  const pieces = [];
  for (let k = Math.floor((min - WEST) / FULL); k * FULL + WEST <= max; k++) {
    const shifted = points.map(([x, y]) => [x - k * FULL, y]);
    let piece = clipAt(shifted, WEST, (x) => x >= WEST);
    piece = clipAt(piece, EAST, (x) => x <= EAST);
    piece = piece.filter((p, i) => i === 0 || p[0] !== piece[i - 1][0] || p[1] !== piece[i - 1][1]);
    if (piece.length > 1 && piece[0][0] === piece[piece.length - 1][0] && piece[0][1] === piece[piece.length - 1][1]) piece.pop();
    if (piece.length >= 3 && !piece.every((p) => p[0] === WEST || p[0] === EAST)) pieces.push(piece);
  }
  return pieces;
}

function deltaEncode(points) {
  const out = [points[0][0], points[0][1]];
  for (let i = 1; i < points.length; i++) out.push(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]);
  return out;
}

const land = feature(topology, topology.objects.land);
const rings = [];
let vertices = 0;
for (const f of land.features) {
  const g = f.geometry;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (const piece of planarPieces(closeRound(unwrap(ring)))) {
        vertices += piece.length;
        rings.push(deltaEncode(piece));
      }
    }
  }
}

const header = {
  about: 'Coastline: the outline of all land as closed rings. Points inside a ring (even-odd rule) are on land; edges on the meridian ±180° or the parallel −90° close rings that the antimeridian or the South Pole cut and are not coast.',
  source: `Natural Earth 1:10m land, public domain, via the npm package world-atlas ${sourceVersion} (${SOURCE})`,
  builtBy: 'scripts/build-coastline.mjs',
  encoding: 'rings: one array per ring on the grid lon = x·scale[0] + translate[0], lat = y·scale[1] + translate[1]; [x0, y0, dx1, dy1, …], each vertex the previous plus the difference; the ring closes back to its first vertex',
  transform: { scale, translate },
  vertices,
};
// One ring per line: a change to the source shows as changed lines.
const text = JSON.stringify(header).slice(0, -1) + ',"rings":[\n' + rings.map((r) => JSON.stringify(r)).join(',\n') + '\n]}\n';
await mkdir(dirname(OUT), { recursive: true });
await writeFile(OUT, text);
console.log(`wrote ${OUT.slice(ROOT.length + 1)}: ${rings.length} rings, ${vertices} vertices, ${text.length} bytes`);
